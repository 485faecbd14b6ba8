# The units of unit.txt as one compact regex; capture as (?<unit>...) so
# the value comes from unit.txt.
days?|weeks?|months?|years?|yrs?|decades?|century|centuries|quarters?|hours?|hrs?|minutes?|mins?|seconds?|secs?
(?:business|trading|working)\s+days?
# Informal short forms.
wks?|mos
