# The clock units of timeunit.txt as a compact regex, for the lookahead
# (?:(?=(?<timeunit>%{timeunit_word}))|) that puts the "T" in PT3H.
hours?|hrs?|minutes?|mins?|seconds?|secs?
