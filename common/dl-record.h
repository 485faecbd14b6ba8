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
  DL_ERROR_GRAMMAR, /* the grammar does not load: exit 1 */
  DL_ERROR_BAD_ROW, /* one input row is bad and was skipped: reading may go
                     * on with the next (exit 1 in the end) */
  DL_ERROR_WRITE    /* the output cannot be written: exit 1, and there is
                     * no point reading on */
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
  DL_FORMAT_DATES,   /* --dates FILE: the date of each document (doc,dct) */
  DL_FORMAT_COMPARE, /* dateline-compare: what agrees, what conflicts */
  DL_N_FORMATS
} DlFormat;

/* The header name of column in format, or NULL if format lacks it. */
const char *dl_format_column_name (DlFormat format, DlColumn column);
/* The columns of format in output order; *n_columns receives the count. */
const DlColumn *dl_format_columns (DlFormat format, gsize *n_columns);
/* Whether column holds a count or an offset (a number in JSON Lines):
 * start, end, line and sentence of the mentions and ranges. */
gboolean dl_column_is_number (DlColumn column);

typedef struct {
  char *fields[DL_N_COLUMNS]; /* owned, or in block; NULL reads as "" */
  GPtrArray *extra;           /* owned strings: the user's own columns */
  GRefString *origin;         /* file the record was read from, or NULL */
  guint64 line;               /* its line there (1-based), 0 if none */
  /* A record read or unpacked holds its fields in one allocation, not one
   * each: a string per field per row was a fifth of the timeline's
   * instructions.  Bit i of in_block: fields[i] points into block. */
  gpointer block;
  guint64 in_block;
} DlRecord;

DlRecord *dl_record_new (void);
void dl_record_free (DlRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRecord, dl_record_free)

/* The field, never NULL. */
const char *dl_record_get (const DlRecord *record, DlColumn column);
/* Takes ownership of value (may be NULL). */
void dl_record_take (DlRecord *record, DlColumn column, char *value);
void dl_record_set (DlRecord *record, DlColumn column, const char *value);
/* Moves every field into one allocation (its block): a record that one
 * thread makes and another frees then costs one free there, not one a
 * field (freeing memory of another thread's heap takes a lock). */
void dl_record_compact (DlRecord *record);
/* Sets a column to a count or an offset, written in decimal. */
void dl_record_set_number (DlRecord *record, DlColumn column, guint64 value);
void dl_record_set_printf (DlRecord *record, DlColumn column,
                           const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Reading records, streamed one by one.  The input is CSV, TSV or JSON
 * Lines, told from its first line (docs/records.md): JSON Lines when it is
 * an object (whose keys are then the header), TSV when it has more tabs
 * than commas.  A byte order mark before the first line is dropped. */
typedef struct _DlReader DlReader;

/* path "-" reads standard input. */
DlReader *dl_reader_open (const char *path, GError **error);
/* Reads CSV held in memory (for data embedded in the programs); name is
 * used in messages. */
DlReader *dl_reader_open_bytes (const char *name, GBytes *bytes,
                                GError **error);
void dl_reader_free (DlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlReader, dl_reader_free)

/* raw: read cells as they are.  By default one leading quote that the
 * spreadsheet guard added (a cell matching ^'+[=+-@\t\r]) is dropped. */
void dl_reader_set_raw (DlReader *reader, gboolean raw);


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

/* The next record; NULL at the end of input (error unset) or on error.
 * A bad row (malformed quoting, a wrong field count, invalid UTF-8, a NUL
 * byte, a different header inside the input) is the error
 * DL_ERROR_BAD_ROW, "FILE:LINE: message": the row is skipped and counted,
 * and the next call reads on from the next line.  A later line equal to
 * the header (outputs joined into one stream) is skipped silently. */
DlRecord *dl_reader_next (DlReader *reader, GError **error);
/* How many rows were skipped as bad so far (those under a different
 * header included). */
guint64 dl_reader_skipped (DlReader *reader);

/* Writing records.  A writer writes one output format: "csv" (the
 * default), "tsv", "jsonl", "xlsx", "timelinejs" or "html"
 * (docs/records.md), each a backend (dl-write-backend.h).  CSV and TSV have a header, written before the
 * first record or by dl_writer_finish if there was none: their output
 * always has one.  Every cell written is valid UTF-8 (a byte that is not
 * becomes U+FFFD), and on CSV and TSV output a cell a spreadsheet would
 * take for a formula gets a leading quote (the guard), unless raw. */
typedef struct _DlWriter DlWriter;

/* Where and how a program writes (-o, --format, --raw). */
typedef struct {
  const char *path;   /* FILE, or NULL or "-" for standard output */
  const char *format; /* NULL: from FILE's extension (.csv .tsv .jsonl
                       * .xlsx .html), else csv */
  gboolean raw;       /* no spreadsheet guard */
} DlOutputOptions;

/* A writer of format's records as options say.  With a FILE, output goes
 * to a temporary file in FILE's folder (the folder of the file a symbolic
 * link points to), renamed to FILE by dl_writer_finish, and removed if the
 * writer is freed unfinished or the program is killed by SIGINT, SIGTERM
 * or SIGHUP: FILE is never left half written.  A FILE that exists and is no
 * regular file (/dev/stdout, a pipe) is written as it is.  Fails with DL_ERROR_USAGE for an unknown format or one that
 * cannot hold format's records, DL_ERROR_IO if the file cannot be made. */
DlWriter *dl_writer_open (const DlOutputOptions *options, DlFormat format,
                          GError **error);
/* CSV to a stream the caller owns, guarded; name is used in messages. */
DlWriter *dl_writer_new (FILE *out, const char *name, DlFormat format,
                         GPtrArray *extra_names);
/* The user's columns written after the format's own; before the first
 * record only. */
void dl_writer_set_extra_names (DlWriter *writer, GPtrArray *extra_names);
void dl_writer_free (DlWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWriter, dl_writer_free)

/* Errors are DL_ERROR_WRITE. */
gboolean dl_writer_write (DlWriter *writer, const DlRecord *record,
                          GError **error);
/* Writes the header if not yet written and flushes (and puts FILE in
 * place); fails on a write error. */
gboolean dl_writer_finish (DlWriter *writer, GError **error);

/* What the output format left out, in one line for standard error
 * ("2 rows left out (no date to place on a TimelineJS timeline)"), or NULL:
 * after dl_writer_finish. */
const char *dl_writer_summary (const DlWriter *writer);

/* The names of the formats that can hold format's records, in order
 * ("csv", "tsv", "jsonl", "xlsx", ...), NULL-terminated. */
const char *const *dl_writer_formats (DlFormat format);

/* A stage hands each record on through a sink; the sink takes ownership. */
typedef gboolean (*DlSinkFunc) (DlRecord *record, gpointer data,
                                GError **error);

G_END_DECLS
