# Time zones written after a clock time (kept in the span, not in the value;
# but UTC's, symbols/utc.txt, which rules try first).
[ecmp][sd]t|gmt|utc|bst|cet|jst|e\.s\.t\.
(?-i:ET|PT|CT|MT|CEST|EET|EEST|MSK|IST|HKT|SGT|KST|AEST|AEDT|WIB|NZST|NZDT)
(?-i:(?:Eastern|Central|Mountain|Pacific)(?!\s+(?:[A-Z]|time\b|standard\b|daylight\b)))
(?:local|(?:eastern|central|mountain|pacific|atlantic)(?:\s+(?:standard|daylight))?|moscow|beijing|london|tokyo|paris|washington|new\s+york)\s+time
