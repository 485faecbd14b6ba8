# The ordinals of ordinal.txt as a compact regex; capture as (?<ordinal>...).
first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth
(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth
(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)
