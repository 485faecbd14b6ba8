# Cues that a sentence speaks of the future (see past.re).
will|won't|wo n't|'ll|shall|would
going to|plans? to|planning to|intends? to|expects? to|expected to|due to
scheduled|upcoming|coming|next|tomorrow|later this|soon|forecasts?|projected
