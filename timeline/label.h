/* label.h: a timeline row's "when", in English words. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* The label of a ranges record: from its value and mod ("late 2023"), or
 * its range when the value says only roughly ("between 29 December 2021
 * and 28 December 2022"), an event ("before the 2022 Ukraine invasion"),
 * an amount of time ("about six months"), or, for a set or a value with no
 * words, its mention ("every weekend"). */
char *dl_timeline_when (const DlRecord *record);

/* A value and mod in words ("late 2023", "24 February 2022"), or NULL for
 * a value this does not name. */
char *dl_timeline_label (const char *value, const char *mod);

/* "24 February 2022". */
char *dl_timeline_day_words (const GDate *day);

G_END_DECLS
