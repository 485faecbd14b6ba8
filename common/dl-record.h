/* dl-record.h: the three record formats of dateline and their CSV I/O.
 *
 * Every stage reads and writes records through this one module, so a column
 * is named, ordered and checked in exactly one place.  A record holds the
 * fields of every known column (indexed by DlColumn) plus the columns a user
 * added, which pass through untouched and in order. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

#define DL_ERROR (dl_error_quark ())
GQuark dl_error_quark (void);

typedef enum {
  DL_ERROR_USAGE, /* bad command line: exit 2 */
  DL_ERROR_DATA,  /* bad input data: exit 1 */
  DL_ERROR_IO,    /* cannot read or write: exit 1 */
  DL_ERROR_GRAMMAR /* the grammar does not load: exit 1 */
} DlErrorCode;

/* Every column of every format.  DL_COL_FROM and DL_COL_TO are the timeline's
 * "start" and "end" (dates), distinct from the mentions' byte offsets. */
typedef enum {
  /* mentions: extract -> normalize */
  DL_COL_DOC,
  DL_COL_DCT,
  DL_COL_START,
  DL_COL_END,
  DL_COL_LINE,
  DL_COL_SENTENCE,
  DL_COL_MENTION,
  DL_COL_FORM,
  DL_COL_ANCHOR,
  DL_COL_CONTEXT,
  /* ranges: normalize -> timeline (adds to mentions) */
  DL_COL_TYPE,
  DL_COL_VALUE,
  DL_COL_MOD,
  DL_COL_EARLIEST,
  DL_COL_LATEST,
  DL_COL_GRANULARITY,
  DL_COL_CERTAINTY,
  DL_COL_NOTE,
  /* timeline (also uses mention, value, granularity, certainty) */
  DL_COL_FROM,
  DL_COL_TO,
  DL_COL_WHEN,
  DL_COL_EVENT,
  DL_COL_SOURCE,
  DL_COL_SOURCES,
  /* anchors (also uses earliest, latest) */
  DL_COL_NAME,
  DL_COL_ALIASES,
  /* comparison of two timelines (dateline-compare; also uses note) */
  DL_COL_STATUS,
  DL_COL_SCORE,
  DL_COL_GAP_DAYS,
  DL_COL_A_START,
  DL_COL_A_END,
  DL_COL_A_WHEN,
  DL_COL_A_EVENT,
  DL_COL_A_SOURCE,
  DL_COL_B_START,
  DL_COL_B_END,
  DL_COL_B_WHEN,
  DL_COL_B_EVENT,
  DL_COL_B_SOURCE,
  DL_N_COLUMNS
} DlColumn;

typedef enum {
  DL_FORMAT_MENTIONS,
  DL_FORMAT_RANGES,
  DL_FORMAT_TIMELINE,
  DL_FORMAT_ANCHORS, /* --anchors FILE: events that dates are told from */
  DL_FORMAT_COMPARE, /* dateline-compare: what agrees, what conflicts */
  DL_N_FORMATS
} DlFormat;

/* The header name of column in format, or NULL if format lacks it. */
const char *dl_format_column_name (DlFormat format, DlColumn column);
/* The columns of format in output order; *n_columns receives the count. */
const DlColumn *dl_format_columns (DlFormat format, gsize *n_columns);

typedef struct {
  char *fields[DL_N_COLUMNS]; /* owned; NULL reads as "" */
  GPtrArray *extra;           /* owned strings: the user's own columns */
  GRefString *origin;         /* file the record was read from, or NULL */
  guint64 line;               /* its line there (1-based), 0 if none */
} DlRecord;

DlRecord *dl_record_new (void);
void dl_record_free (DlRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRecord, dl_record_free)

/* The field, never NULL. */
const char *dl_record_get (const DlRecord *record, DlColumn column);
/* Takes ownership of value (may be NULL). */
void dl_record_take (DlRecord *record, DlColumn column, char *value);
void dl_record_set (DlRecord *record, DlColumn column, const char *value);
/* Sets a column to a count or an offset, written in decimal. */
void dl_record_set_number (DlRecord *record, DlColumn column, guint64 value);
void dl_record_set_printf (DlRecord *record, DlColumn column,
                           const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Reading CSV, streamed record by record. */
typedef struct _DlReader DlReader;

/* path "-" reads standard input. */
DlReader *dl_reader_open (const char *path, GError **error);
/* Reads CSV held in memory (for data embedded in the programs); name is
 * used in messages. */
DlReader *dl_reader_open_bytes (const char *name, GBytes *bytes,
                                GError **error);
void dl_reader_free (DlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlReader, dl_reader_free)


/* Which of formats[0..n) the header names most columns of (the first on
 * a tie), without reading the header: dl_reader_read_header then reads it.
 * *known (may be NULL) gets how many it names.  formats[0] for an empty
 * input; DL_N_FORMATS on error. */
DlFormat dl_reader_peek_format (DlReader *reader, const DlFormat *formats,
                                gsize n, guint *known, GError **error);

/* Reads the header.  Columns of in are bound; columns of out that in lacks
 * are dropped (the stage writes them anew); every other column is extra and
 * passes through.  Fails naming the first of required[] that is missing. */
gboolean dl_reader_read_header (DlReader *reader, DlFormat in, DlFormat out,
                                const DlColumn *required, gsize n_required,
                                GError **error);
/* Names of the extra columns, in input order (owned by the reader). */
GPtrArray *dl_reader_extra_names (DlReader *reader);

/* The next record; NULL at the end of input (error unset) or on error. */
DlRecord *dl_reader_next (DlReader *reader, GError **error);

/* Writing CSV.  The header is written before the first record, or by
 * dl_writer_finish if there was none: output always has a header. */
typedef struct _DlWriter DlWriter;

DlWriter *dl_writer_new (FILE *out, const char *name, DlFormat format,
                         GPtrArray *extra_names);
void dl_writer_free (DlWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWriter, dl_writer_free)

gboolean dl_writer_write (DlWriter *writer, const DlRecord *record,
                          GError **error);
/* Writes the header if not yet written and flushes; fails on a write error. */
gboolean dl_writer_finish (DlWriter *writer, GError **error);

/* A stage hands each record on through a sink; the sink takes ownership. */
typedef gboolean (*DlSinkFunc) (DlRecord *record, gpointer data,
                                GError **error);

G_END_DECLS
