# Cues that a sentence speaks of the future (see past.re).
# A passive or perfect after will is still the future ("will be named", "will be held"),
# before the past-tense cue its participle would be.
(?:will|won't|wo n't|'ll|shall|would)\s+(?:not\s+)?(?:be|have\s+been|have|remain|stay|get|become|keep|go)\s+\w+
will|won't|wo n't|'ll|shall|would
(?:is|are)\s+(?:expected|forecast|predicted|likely)\b
going to|plans? to|planning to|intends? to|expects? to|expected to
agreed to|agrees to|promised to|promises to|vowed to|vows to|pledged to|pledges to|aims? to|hopes? to|threatened to|threatens to|(?:are|is) ready to
# A plan told in the past still points ahead of its telling: "the team
# planned to leave on Thursday", "protesters planned a rally Saturday".
planned to|(?:plans?|planned|planning)\s+(?:a|an)\s+(?=\w)
# "the rally is planned for Saturday": a date set for it.
(?:planned|scheduled|slated)\s+for|slated to
# A delay points ahead of the time it was made: "postponed the vote
# until Tuesday", "extended the deadline to March 5" (but "extended their
# offers to acquire" is no delay: "to" must lead to a date).
scheduled to|set to|due to be|is to|are to
(?:postponed|delayed|adjourned|deferred|extended|put\s+off|pushed\s+back)\b[^.;]{0,60}?\b(?:until|till|to(?=\s+(?:(?-i:[A-Z0-9])|next\b|the\b|a\b|later\b|early\b|mid|late\b)))
# "due to" the verb, not "due to" the cause ("due to its loss")
due to (?:be|begin|start|arrive|open|close|expire|end|take|meet|vote|report|return|resume|hold|leave|visit|come|go|run|mature|reach|sign|decide|announce|release|rule|appear|face|make|hear|travel)
scheduled|upcoming|coming|next(?! to)|tomorrow|later this|soon|forecasts?|projected
# A move or a booking points ahead whatever its tense: "the meeting got
# moved to tues", "booked flights for april", "concert tickets for Oct.".
(?:moved|rescheduled|pushed|bumped|switched)\s+(?:back\s+|up\s+|forward\s+)?(?:to|until|till)(?=\s+(?:next\b|(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b))
(?:booked|reserved|bought|got|secured)\s+(?:\w+\s+){0,2}?for(?=\s+(?:next\b|(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b))
(?:tickets?|tix|flights?|reservations?|seats?)\s+for(?=\s+(?:next\b|(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b))
# "ill be off mon" in a post is "I'll".
(?-i:ill)(?=\s+(?:be|go|get|see|have|do|call|text|meet|try|need|come|make|take|send|bring|head|leave|stay|work|pick|grab|check)\b)
