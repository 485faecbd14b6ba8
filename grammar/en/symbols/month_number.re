# A month in digits.
0?[1-9]|1[0-2]
