# A whole count in digits ("3", "1,200") or words ("three", "twenty-four",
# "a couple of").  Capture it as (?<number>...) and write {number|num}.
\d{1,3}(?:,\d{3})+|\d+
%{number}(?:(?:\s+|-)(?:and\s+)?%{number_tail})*
