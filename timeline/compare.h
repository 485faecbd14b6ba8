/* compare.h: two timelines side by side: the events both tell, with dates
 * that agree or conflict, and those only one tells. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* Ranges this many days apart still pair, as a conflict: wide enough for a
 * year told wrong ("2019" for "2021"). */
#define DL_COMPARE_MAX_GAP 731

typedef struct {
  double threshold;        /* least likeness of two events' words */
  guint max_gap;           /* days between two ranges that still pair */
  const char *grammar_dir; /* word lists from here, or NULL (built in) */
} DlCompareOptions;

typedef struct {
  guint agree, conflict, only_a, only_b;
} DlCompareCounts;

typedef struct _DlComparison DlComparison;

DlComparison *dl_comparison_new (const DlCompareOptions *options,
                                 GError **error);
void dl_comparison_free (DlComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlComparison, dl_comparison_free)

/* Sinks for the timeline records of side A and of side B (as
 * dl_timeline_finish hands them out). */
gboolean dl_comparison_sink_a (DlRecord *record, gpointer comparison,
                               GError **error);
gboolean dl_comparison_sink_b (DlRecord *record, gpointer comparison,
                               GError **error);

/* Matches the events one to one and hands each result to sink as a
 * record of DL_FORMAT_COMPARE: conflicts first, then by date. */
gboolean dl_comparison_finish (DlComparison *comparison, DlSinkFunc sink,
                               gpointer data, DlCompareCounts *counts,
                               GError **error);

G_END_DECLS
