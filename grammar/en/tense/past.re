# Cues that a sentence speaks of the past (regex alternatives, one per line,
# matched case-insensitively as whole words).  The cue nearest the mention
# decides between this list and future.re.
# A plan told in the past perfect was overtaken ("had been scheduled to
# expire Friday"): before the future cue inside it.
(?:had|'d)\s+(?:been\s+)?(?:due|scheduled|set|expected|planned|supposed|meant)\s+to
was|were|had|did|has been|have been
said|says|told|reported|announced|added|noted|recalled
ago|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bshould\s)(?<!\bcan\s)(?<!\bmust\s)(?<!'ll\s)last|yesterday|earlier|previously|recently|former|formerly|since
# Irregular past tenses (not those that are also the present: hit, cut,
# put, set, read; nor left, found, which are as often adjectives).
brought|took|made|came|went|began|rose|fell|gave|got|met|paid|sold|bought
held|won|lost|saw|became|grew|ran|kept|led|spent|sent|thought|felt|stood
fought|wrote|spoke|broke|chose|drove|flew|knew|threw|drew|struck|fled|built
sought|taught|caught|swept|shot|sank|stole|withdrew|forgave|arose|overcame
laid|underwent|undertook|oversaw|upheld|withheld|froze|shook|wore|tore|swore|rode|woke|forgot|hung|dug|slid|spun|stuck|sprang|sang|swam|dealt|meant|lent|slept|hid|bit|drank|ate|rebuilt|retook|overtook
# "found" and "left" as verbs: before what they found or left, or the day.
(?:found|left)(?=\s+(?:the|a|an|his|her|their|its|our|my|no|dead|alive|guilty|home|office|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)
# A lowercase word in -ed (a name such as "United" is no verb), but not
# the common words that only end so.  Nor an adjective right after an
# article or possessive ("the proposed merger", "a scheduled flight"),
# which no verb in -ed follows.  (No past cue ends a compound either:
# "the Toronto-based firm", "U.S.-led troops"; see normalize.c.)
(?<!\bthe\s|\ba\s|\ban\s|\bits\s|\btheir\s|\bhis\s|\bher\s|\bour\s|\bthis\s|\bthat\s|\bthese\s|\bthose\s)(?-i:[a-z]\w*+(?<=ed))(?<!need)(?<!indeed)(?<!hundred)(?<!exceed)(?<!succeed)(?<!proceed)(?<!speed)(?<!feed)(?<!seed)(?<!\bred)(?<!\bbed)(?<!\bshed)
