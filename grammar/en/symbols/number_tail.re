# Words that may follow another number word inside one number:
# "twenty four", "twenty-four", "two hundred", "a hundred and five".
one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million
