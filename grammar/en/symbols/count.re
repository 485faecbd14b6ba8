# A whole count in digits ("3", "1,200") or words ("three", "twenty-four",
# "a couple of").  Capture it as (?<number>...) and write {number|num}: the
# value comes from number.txt (whole phrase first, then word by word).
\d{1,3}(?:,\d{3})+|(?!(?:1[89]|20)[0-9]{2}(?![0-9]))\d+
%{number_word}(?:(?<!\ba)(?<!\ban)(?:\s+|-)(?:and\s+)?%{number_tail})*
