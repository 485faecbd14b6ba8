# A four-digit year of the kind news and history text mention.
1[0-9]{3}|20[0-9]{2}
