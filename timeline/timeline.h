/* timeline.h: the timeline stage: range records (or timeline records, to
 * merge timelines again) in, one sorted timeline out. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* Precision first: a wrong merge hides a row from a fact-checker, a missed
 * one only shows an event twice (docs/records.md, "The same event"). */
#define DL_MERGE_THRESHOLD 0.5
/* Two events share at least this many content words to be one. */
#define DL_MERGE_MIN_SHARED 2

typedef struct {
  gboolean resolved_only;  /* leave out rows without a range */
  gboolean no_merge;       /* keep rows that tell one event apart */
  double merge_threshold;  /* 0: DL_MERGE_THRESHOLD */
  const char *grammar_dir; /* word lists from here, or NULL (built in) */
  guint64 buffer_size;     /* bytes of rows sorted in memory; 0: 256 MiB */
  const char *temp_dir;    /* sorted runs past it go here; NULL: $TMPDIR */
  gboolean words_early;    /* read a row's event words as it comes, not
                            * after the sort: for a timeline that has a
                            * core of its own (dateline's second thread) */
} DlTimelineOptions;

typedef struct _DlTimeline DlTimeline;

DlTimeline *dl_timeline_new (const DlTimelineOptions *options,
                             GError **error);
void dl_timeline_free (DlTimeline *timeline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTimeline, dl_timeline_free)

/* Sinks for records of the ranges format and of the timeline format (a
 * timeline read again).  Each takes the record after checking every column
 * the timeline reads (days, offsets, certainty, granularity, type).  A bad
 * row is freed and fails with "FILE:LINE: message"; the caller may count it
 * and go on.  A ranges row whose form says link= joins the row just before
 * it, of the same input, document and sentence. */
gboolean dl_timeline_sink (DlRecord *record, gpointer timeline,
                           GError **error);
gboolean dl_timeline_sink_timeline (DlRecord *record, gpointer timeline,
                                    GError **error);

/* Reads the header of an input of the timeline: ranges or a timeline, the
 * one it names more columns of, into *format.  Fails naming a required
 * column that is missing. */
gboolean dl_timeline_read_header (DlReader *reader, DlFormat *format,
                                  GError **error);
/* The sink for records of format. */
DlSinkFunc dl_timeline_sink_for (DlFormat format);

/* Sorts the rows taken (dl_row_compare: by start, end, document, line,
 * mention and event; rows without a range last; within buffer_size bytes,
 * past it in sorted runs on temporary files merged at the end), merges
 * rows that tell one event, and hands
 * each to sink as a timeline record.  The timeline is then empty, and may
 * take rows again. */
gboolean dl_timeline_finish (DlTimeline *timeline, DlSinkFunc sink,
                             gpointer data, GError **error);
/* dl_timeline_finish into writer, then dl_writer_finish. */
gboolean dl_timeline_write (DlTimeline *timeline, DlWriter *writer,
                            GError **error);

/* What became of the rows that did not come out as rows of their own, one
 * line each ("3 rows joined to the row before (link=)"), for stderr. */
char **dl_timeline_summary (DlTimeline *timeline);

/* The command-line options of the timeline stage, shared by
 * dateline-timeline, dateline and dateline-compare. */
typedef struct {
  gboolean resolved_only;
  gboolean no_merge;
  char *merge_threshold;
  char *buffer_size;
  char *temp_dir;
  GOptionEntry *entries;
} DlTimelineArgs;

const GOptionEntry *dl_timeline_args_entries (DlTimelineArgs *args);
/* Reads text, the value of option, as a likeness from above 0 to 1. */
gboolean dl_timeline_parse_threshold (const char *option, const char *text,
                                      double *threshold, GError **error);
gboolean dl_timeline_args_apply (DlTimelineArgs *args,
                                 DlTimelineOptions *options, GError **error);
void dl_timeline_args_clear (DlTimelineArgs *args);

G_END_DECLS
