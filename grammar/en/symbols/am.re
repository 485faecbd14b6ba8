# "a.m." and its spellings; a final period that ends the sentence is left out
# (but not one before a zone: "11 a.m. Eastern time").
a\.\s?m\.(?=\s+%{timezone}(?!\w))
a\.\s?m(?:\.(?!\s+(?-i:[A-Z][a-z])|\s*\n|\s*$))?
am
