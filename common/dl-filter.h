/* dl-filter.h: the loop every CSV-reading stage shares: read each input
 * (files or standard input) through the record library, hand each record
 * to the stage, write the result under one header. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

typedef struct {
  DlFormat in, out;
  const DlColumn *required;
  gsize n_required;
  /* Called for each record read; takes ownership of it. */
  DlSinkFunc process;
  gpointer data;
  /* Called once the first header is read, with its extra column names. */
  void (*begin) (GPtrArray *extra_names, gpointer data);
  /* Optional: reads the header of each input instead of
   * dl_reader_read_header (in, out, required), for a stage that reads more
   * than one format (told apart by dl_reader_peek_format). */
  gboolean (*read_header) (DlReader *reader, gpointer data, GError **error);
} DlFilter;

/* Runs filter over files (NULL-terminated; "-" is standard input).  A bad
 * input is reported on stderr and skipped; a bad row too, and their count
 * ends in one line, "PROGRAM: N rows skipped (malformed input)".  Returns
 * FALSE if any input or row was bad or process failed.  Inputs after the
 * first must have the same extra columns. */
gboolean dl_filter_run (const DlFilter *filter, const char *const *files);
/* The same; raw (--raw) reads cells as they are (dl_reader_set_raw). */
gboolean dl_filter_run_raw (const DlFilter *filter, const char *const *files,
                            gboolean raw);

/* The same loop one record at a time, for a stage that reads its inputs
 * side by side (dateline-timeline --merge): the same checks and messages
 * as dl_filter_run, the inputs' counts kept in one tally. */
typedef struct {
  GPtrArray *extra;       /* the first input's extra columns */
  guint64 skipped;        /* bad rows of the inputs closed so far */
  gboolean bad_rows_told; /* a bad row was told */
} DlFilterTally;

typedef struct _DlFilterCursor DlFilterCursor;

/* Opens file and reads its header (filter->begin is called for the first
 * input of the tally). */
DlFilterCursor *dl_filter_cursor_open (const DlFilter *filter,
                                       DlFilterTally *tally, gboolean raw,
                                       const char *file, GError **error);
/* Hands the next record to filter->process; a bad row is told and skipped.
 * FALSE at the end of the input (error unset) or when it cannot be read on
 * or process failed (error set). */
gboolean dl_filter_cursor_next (DlFilterCursor *cursor, GError **error);
/* Closes the input; its bad rows go to the tally. */
void dl_filter_cursor_free (DlFilterCursor *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlFilterCursor, dl_filter_cursor_free)
/* Once every input is read: tells on stderr how many rows were skipped,
 * calls begin if no input had a header; FALSE if a row was bad. */
gboolean dl_filter_tally_finish (const DlFilter *filter,
                                 DlFilterTally *tally);

G_END_DECLS
