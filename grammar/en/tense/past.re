# Cues that a sentence speaks of the past (regex alternatives, one per line,
# matched case-insensitively as whole words).  The cue nearest the mention
# decides between this list and future.re.
was|were|had|did|has been|have been
said|says|told|reported|announced|added|noted|recalled
ago|last|yesterday|earlier|previously|recently|former|formerly|since
# A lowercase word in -ed (a name such as "United" is no verb), but not
# the common words that only end so.
(?-i:[a-z]\w*ed)(?<!need)(?<!indeed)(?<!hundred)(?<!exceed)(?<!succeed)(?<!proceed)(?<!speed)(?<!feed)(?<!seed)(?<!\bred)(?<!\bbed)(?<!\bshed)
