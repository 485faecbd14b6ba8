# "p.m." and its spellings; a final period that ends the sentence is left out
# (but not one before a zone: "3 p.m. Pacific time").
p\.\s?m\.(?=\s+%{timezone}(?!\w))
p\.\s?m(?:\.(?!\s+(?-i:[A-Z][a-z])|\s*\n|\s*$))?
pm
