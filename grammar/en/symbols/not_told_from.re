# After "a year" (and the like): not a word that makes it a date told from
# another ("a year ago", "a month earlier"), which a rate is not.
(?!\s+(?:ago|earlier|later|before|after|prior|previously|back|from)\b)
