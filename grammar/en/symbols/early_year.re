# A year below 1000 in digits, as history writes it ("in 476", "24 August
# 410"), and only where no noun follows that would make it a count ("in 300
# cities"): the end of a clause, AD/CE, or a word that can begin one.
[1-9][0-9]{2}(?![\d,.]\d|\s*(?:%|percent\b))(?=\s*(?:[,.;:!?)\]]|–|-\s*\d|$)|\s+(?:AD|CE|A\.D\.|and|or|but|when|the|he|she|it|they|his|her|its|their|after|before|during|until|to|in|on|at|with|by|as|while|where|which|who|was|had|is|were)\b)
