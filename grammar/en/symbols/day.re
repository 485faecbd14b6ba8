# A day of the month in digits.
0?[1-9]|[12][0-9]|3[01]
