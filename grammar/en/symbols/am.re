# "a.m." and its spellings; a final period that ends the sentence is left out.
a\.\s?m(?:\.(?!\s+(?-i:[A-Z][a-z])|\s*\n|\s*$))?
am
