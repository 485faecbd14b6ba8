# A year from 2100 on, as climate and long-range plans name them ("by 2100",
# "in 2150").  Standing alone it is most often an amount ("2500 workers"),
# so the far-year rule takes it only after a word of time and before the
# end of a phrase.
2[1-9][0-9]{2}
