# The weekdays of weekday.txt as one compact regex; capture as (?<weekday>...).
mon(?:day|\.)|tue(?:sday|s\.|\.)|wed(?:nesday|\.)|thu(?:rsday|rs\.|r\.|\.)|fri(?:day|\.)|sat(?:urday|\.)|sun(?:day|\.)
