/* presorted.h: dateline-timeline --merge: inputs that are each a sorted
 * timeline, merged as they are read, like sort -m (private to timeline/).
 * Each input is a run of the timeline's sort (sort.h), read on demand, at
 * most DL_SORT_FAN_IN open at a time; the same-event merge runs on the
 * merged rows as it does after a sort, so the output is the one the inputs
 * sorted again would give. */
#pragma once

#include "row.h"
#include "sort.h"
#include "timeline.h"

#include "dl-filter.h"

G_BEGIN_DECLS

typedef struct _DlPresorted DlPresorted;

/* begin is called with the first input's extra columns when it is opened
 * (before any row comes out). */
DlPresorted *dl_presorted_new (DlTimeline *timeline, gboolean raw,
                               void (*begin) (GPtrArray *extra_names,
                                              gpointer data),
                               gpointer data);
/* Adds file ("-" for standard input) as an input of the timeline; it is
 * read by dl_timeline_finish. */
void dl_presorted_add (DlPresorted *merge, const char *file);
/* After dl_timeline_finish: tells the rows skipped on stderr; FALSE if an
 * input could not be read or a row was bad or out of order. */
gboolean dl_presorted_finish (DlPresorted *merge);
/* Free it after the timeline has been finished or freed. */
void dl_presorted_free (DlPresorted *merge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPresorted, dl_presorted_free)

/* In timeline.c, for the inputs here: */
/* The row of a timeline record, checked (record freed and error set when
 * it is bad), NULL without error when --resolved-only leaves it out. */
DlRow *dl_timeline_read_row (DlTimeline *timeline, DlRecord *record,
                             GError **error);
DlSorter *dl_timeline_sorter (DlTimeline *timeline);

G_END_DECLS
