# Time zones written after a clock time (kept in the span, not in the value).
[ecmp][sd]t|gmt|utc|bst|cet|jst|e\.s\.t\.
