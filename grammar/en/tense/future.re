# Cues that a sentence speaks of the future (see past.re).
will|won't|wo n't|'ll|shall|would
going to|plans? to|planning to|intends? to|expects? to|expected to
# "due to" the verb, not "due to" the cause ("due to its loss")
due to (?:be|begin|start|arrive|open|close|expire|end|take|meet|vote|report|return|resume|hold|leave|visit|come|go|run|mature|reach|sign|decide|announce|release|rule|appear|face|make|hear|travel)
scheduled|upcoming|coming|next(?! to)|tomorrow|later this|soon|forecasts?|projected
