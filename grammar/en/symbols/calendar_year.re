# A four-digit year written with its month or day ("December 31, 2100",
# "2150-03-05", "May 2300"): any year from 1000 to 2999.  A year standing
# alone is year.re, or far_year.re after a word that makes it a date.
1[0-9]{3}|2[0-9]{3}
