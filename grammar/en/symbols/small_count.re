# A small count, cheaper than %{count}: "every three months", "four times".
\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty
