# What may stand between "the" and an amount of time: "the past two months",
# "the first nine months", "the next 12 months".
past|last|next|first|final|coming|previous|preceding|following|latest|remaining|initial|subsequent|ensuing|same|entire|whole|full|other|additional|latest
