# The months of month_name.txt as one compact regex; capture as (?<month_name>...).
january|jan\.|february|feb\.|march|april|apr\.|may|june|july|august|aug\.
sept(?:ember|\.)|sep\.|oct(?:ober|\.)|nov(?:ember|\.)|dec(?:ember|\.)
