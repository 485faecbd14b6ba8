# The words of mod.txt as a compact regex; capture as (?<mod>...).
(?:more|longer|less)\s+than|over(?!\s+(?:the|these|those|that|this)\b)|under|nearly|almost|about|around|roughly|approximately
at\s+(?:least|most)|no\s+(?:less|more)\s+than|up\s+to|some
