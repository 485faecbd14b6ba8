/* sort.h: the timeline's sort in bounded memory (private to timeline/).
 * Rows are packed into a buffer of at most buffer_size bytes; when it is
 * full, it is sorted and spilled as a run to an unlinked temporary file
 * (dl-spill.h).  At the end the runs are merged, at most DL_SORT_FAN_IN at
 * a time, in passes, and the rows come out in dl_row_compare order: the
 * same order, so the same timeline, as a sort in memory. */
#pragma once

#include "row.h"

G_BEGIN_DECLS

#define DL_SORT_FAN_IN 16
#define DL_SORT_DEFAULT_BUFFER (G_GUINT64_CONSTANT (256) << 20)

typedef struct _DlSorter DlSorter;

/* temp_dir: where runs go, NULL for $TMPDIR or /tmp. */
DlSorter *dl_sorter_new (guint64 buffer_size, const char *temp_dir);
void dl_sorter_free (DlSorter *sorter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSorter, dl_sorter_free)

/* Takes row (and frees it): rows fresh from the input, before any merge
 * (no words, one report). */
gboolean dl_sorter_add (DlSorter *sorter, DlRow *row, GError **error);

/* Hands every row taken to emit, in order, rebuilt as it was taken (no
 * words); the sorter is then empty and may take rows again. */
gboolean dl_sorter_finish (DlSorter *sorter, DlRowFunc emit, gpointer data,
                           GError **error);

/* The next row of a sorted input (ownership), in dl_row_compare order;
 * NULL at its end (error unset) or on error. */
typedef DlRow *(*DlRowSource) (gpointer source, GError **error);

/* Takes an input that is already sorted as a run of its own (--merge, like
 * sort -m): dl_sorter_finish merges it with the other runs without sorting
 * it, reading at most DL_SORT_FAN_IN runs at a time; next is first called
 * then, and free_source once the input is spent (or the sorter freed). */
void dl_sorter_add_sorted (DlSorter *sorter, DlRowSource next,
                           gpointer source, GDestroyNotify free_source);

/* Runs written to temporary files so far (merge passes included). */
guint dl_sorter_runs (const DlSorter *sorter);

G_END_DECLS
