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

G_END_DECLS
