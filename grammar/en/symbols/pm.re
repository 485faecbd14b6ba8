# "p.m." and its spellings; a final period that ends the sentence is left out.
p\.\s?m(?:\.(?!\s+(?-i:[A-Z][a-z])|\s*\n|\s*$))?
pm
