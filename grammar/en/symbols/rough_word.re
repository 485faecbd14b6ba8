# Words that make a year, decade or century rough wherever they stand
# ("around 2010", "circa the 1850s"). "About" is not here: before a
# decade or a century it is often the topic ("a film about the 1960s").
around|circa|c\.|ca\.|approximately|roughly
