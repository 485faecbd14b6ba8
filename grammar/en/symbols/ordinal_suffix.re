st|nd|rd|th
