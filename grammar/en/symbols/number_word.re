# The words of number.txt as one compact regex (keep the two in step).
an?\s+(?:couple(?:\s+of)?|pair\s+of|dozen|hundred|thousand|single)|couple\s+of|one\s+single|an?
one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zero
(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty
hundred|thousand|million|dozen
