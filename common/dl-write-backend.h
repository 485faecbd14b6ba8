/* dl-write-backend.h: how an output format plugs into DlWriter.
 *
 * Each format (--format NAME) is one DlWriterBackend: a table of functions
 * in a file of its own (dl-write-text.c has csv, tsv and jsonl).  Adding
 * one (xlsx, timelinejs, html) is that file, one line in the table of
 * dl-write.c and one in common/meson.build: the programs do not change,
 * since they only pass --format and -o on.
 *
 * A backend sees the writer below.  It writes to writer->out: standard
 * output, or with -o FILE a temporary file beside FILE (writer->temp_path)
 * that dl_writer_finish renames to FILE once everything is written (FILE
 * itself when it is no regular file: /dev/stdout, a pipe).  A
 * backend that needs a file name of its own (a library writing a zip) may
 * write to temp_path itself; one that needs every row first (a page laid
 * out as a whole) keeps them in state and writes them in finish. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

typedef struct _DlWriterBackend DlWriterBackend;

struct _DlWriter {
  const DlWriterBackend *backend;
  FILE *out;
  char *name;           /* for messages: "standard output" or FILE */
  char *path;           /* -o FILE, or NULL for standard output */
  char *temp_path;      /* where FILE is written until it is complete */
  char *out_buffer;     /* stdio's buffer for the temporary file */
  gboolean owns_out;    /* out is closed by the writer */
  DlFormat format;
  const DlColumn *columns;
  gsize n_columns;
  GPtrArray *extra_names;
  gboolean raw;         /* --raw: cells as they are, no spreadsheet guard */
  gboolean header_done;
  gboolean finished;
  GString *row;         /* scratch for a backend: the row being written */
  GString *cell;        /* scratch of dl_writer_cell */
  GString *guarded;     /* scratch of the guard (dl_writer_put_csv) */
  gpointer state;       /* the backend's own */
  char *summary;        /* what the backend left out, told by main() on
                         * standard error (dl_writer_summary), or NULL */
};

struct _DlWriterBackend {
  const char *name;                  /* --format NAME */
  const char *const *extensions;     /* -o FILE.EXT picks the backend */
  guint formats;                     /* DL_FORMAT_BIT () of what it writes */
  /* The header (called once, before the first record or at the end). */
  gboolean (*header) (DlWriter *writer, GError **error);
  gboolean (*record) (DlWriter *writer, const DlRecord *record,
                      GError **error);
  /* After the last record, before the output is flushed; may be NULL. */
  gboolean (*finish) (DlWriter *writer, GError **error);
  /* Frees state; may be NULL. */
  void (*free) (DlWriter *writer);
  /* Once the output is open, before anything is written: a backend that
   * cannot write there (xlsx without libxlsxwriter, or to a terminal)
   * says so, and the program stops before reading its input; may be
   * NULL. */
  gboolean (*open) (DlWriter *writer, GError **error);
};

#define DL_FORMAT_BIT(format) (1u << (format))
#define DL_ALL_FORMATS ((1u << DL_N_FORMATS) - 1)

/* The cells of a row: the format's columns, then the extra ones. */
gsize dl_writer_n_cells (const DlWriter *writer);
/* The name of cell i (its header). */
const char *dl_writer_cell_name (const DlWriter *writer, gsize i);
/* The column of cell i, or -1 for an extra column. */
int dl_writer_cell_column (const DlWriter *writer, gsize i);
/* Cell i of record as valid UTF-8: the field itself, or (when it is not
 * UTF-8) a copy in writer->cell with each bad byte made U+FFFD, valid
 * until the next call. */
const char *dl_writer_cell (DlWriter *writer, const DlRecord *record,
                            gsize i);
/* Cell i as it is, maybe not UTF-8: for a backend that checks what it
 * writes with dl_writer_put_valid. */
const char *dl_writer_cell_raw (const DlWriter *writer,
                                const DlRecord *record, gsize i);
/* Writes text[0, len) to the output, each byte that is not UTF-8 made
 * U+FFFD.  The text formats build a row from raw cells and write it
 * through here, one check a row instead of one a cell: their escaping
 * only adds ASCII, so the result is the same. */
void dl_writer_put_valid (DlWriter *writer, const char *text, gsize len);
/* text itself, or made valid UTF-8 in writer->cell. */
const char *dl_writer_valid (DlWriter *writer, const char *text);
/* Whether the spreadsheet guard puts a quote before cell: not --raw, and
 * the cell is longer than one character and matches ^'*[=+-@\t\r]. */
gboolean dl_writer_guards (const DlWriter *writer, const char *cell);

/* Appends field to writer->row as a CSV cell (after a comma unless
 * first), guarded, quoted as RFC 4180 needs; a long one goes straight to
 * the output. */
void dl_writer_put_csv (DlWriter *writer, const char *field,
                        gboolean first);
/* Writes writer->row (made valid UTF-8) to the output and empties it. */
gboolean dl_writer_put_row (DlWriter *writer, GError **error);

/* Appends text as a JSON string: every control character escaped, and
 * U+2028 and U+2029 too, which JavaScript would take for line ends; with
 * in_html also '<', '>' and '&', so that the string cannot end a <script>
 * it sits in. */
void dl_json_put_string (GString *row, const char *text, gboolean in_html);

/* An error writing to the output, "NAME: write error: ..." (DL_ERROR_WRITE),
 * if its stream has one. */
gboolean dl_writer_check_stream (DlWriter *writer, GError **error);

extern const DlWriterBackend dl_backend_csv;
extern const DlWriterBackend dl_backend_tsv;
extern const DlWriterBackend dl_backend_jsonl;
extern const DlWriterBackend dl_backend_xlsx;        /* dl-write-xlsx.c */
extern const DlWriterBackend dl_backend_timelinejs;  /* dl-write-timelinejs.c */
extern const DlWriterBackend dl_backend_html;        /* dl-write-html.c */

G_END_DECLS
