# The units of unitname.txt as one compact regex; capture as (?<unitname>...).
days?|weeks?|weekends?|months?|years?|decades?|century|centuries|quarters?
# Informal short forms.
yrs?|wks?|wknds?
