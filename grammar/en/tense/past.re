# Cues that a sentence speaks of the past (regex alternatives, one per line,
# matched case-insensitively as whole words).  The cue nearest the mention
# decides between this list and future.re.
was|were|had|did|has been|have been
said|says|told|reported|announced|added|noted|recalled
ago|last|yesterday|earlier|previously|recently|former|formerly|since
\w+ed
