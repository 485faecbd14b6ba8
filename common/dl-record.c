/* dl-record.c: record formats and their CSV reading and writing (libcsv). */
#include "dl-record.h"

#include "dl-text.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (dl-error-quark, dl_error)

static const DlColumn mentions_columns[] = {
  DL_COL_DOC, DL_COL_DCT, DL_COL_START, DL_COL_END, DL_COL_LINE,
  DL_COL_SENTENCE, DL_COL_MENTION, DL_COL_FORM, DL_COL_ANCHOR, DL_COL_CONTEXT,
};

static const DlColumn ranges_columns[] = {
  DL_COL_DOC, DL_COL_DCT, DL_COL_START, DL_COL_END, DL_COL_LINE,
  DL_COL_SENTENCE, DL_COL_MENTION, DL_COL_FORM, DL_COL_ANCHOR, DL_COL_CONTEXT,
  DL_COL_TYPE, DL_COL_VALUE, DL_COL_MOD, DL_COL_EARLIEST, DL_COL_LATEST,
  DL_COL_GRANULARITY, DL_COL_CERTAINTY, DL_COL_NOTE,
};

/* What a reader wants first, then what makes a timeline an input again
 * (of dateline-timeline and dateline-compare). */
static const DlColumn timeline_columns[] = {
  DL_COL_FROM, DL_COL_TO, DL_COL_WHEN, DL_COL_EVENT, DL_COL_MENTION,
  DL_COL_SOURCE, DL_COL_SOURCES, DL_COL_VALUE, DL_COL_GRANULARITY,
  DL_COL_CERTAINTY, DL_COL_TYPE, DL_COL_DOC, DL_COL_DCT, DL_COL_CONTEXT,
  DL_COL_NOTE,
};

static const DlColumn compare_columns[] = {
  DL_COL_STATUS, DL_COL_SCORE, DL_COL_GAP_DAYS, DL_COL_A_START,
  DL_COL_A_END, DL_COL_A_WHEN, DL_COL_A_EVENT, DL_COL_A_SOURCE,
  DL_COL_B_START, DL_COL_B_END, DL_COL_B_WHEN, DL_COL_B_EVENT,
  DL_COL_B_SOURCE, DL_COL_NOTE,
};

static const DlColumn anchors_columns[] = {
  DL_COL_NAME, DL_COL_EARLIEST, DL_COL_LATEST, DL_COL_ALIASES,
};

static const char *const column_names[DL_N_COLUMNS] = {
  [DL_COL_DOC] = "doc",
  [DL_COL_DCT] = "dct",
  [DL_COL_START] = "start",
  [DL_COL_END] = "end",
  [DL_COL_LINE] = "line",
  [DL_COL_SENTENCE] = "sentence",
  [DL_COL_MENTION] = "mention",
  [DL_COL_FORM] = "form",
  [DL_COL_ANCHOR] = "anchor",
  [DL_COL_CONTEXT] = "context",
  [DL_COL_TYPE] = "type",
  [DL_COL_VALUE] = "value",
  [DL_COL_MOD] = "mod",
  [DL_COL_EARLIEST] = "earliest",
  [DL_COL_LATEST] = "latest",
  [DL_COL_GRANULARITY] = "granularity",
  [DL_COL_CERTAINTY] = "certainty",
  [DL_COL_NOTE] = "note",
  [DL_COL_FROM] = "start",
  [DL_COL_TO] = "end",
  [DL_COL_WHEN] = "when",
  [DL_COL_EVENT] = "event",
  [DL_COL_SOURCE] = "source",
  [DL_COL_SOURCES] = "sources",
  [DL_COL_NAME] = "name",
  [DL_COL_ALIASES] = "aliases",
  [DL_COL_STATUS] = "status",
  [DL_COL_SCORE] = "score",
  [DL_COL_GAP_DAYS] = "gap_days",
  [DL_COL_A_START] = "a_start",
  [DL_COL_A_END] = "a_end",
  [DL_COL_A_WHEN] = "a_when",
  [DL_COL_A_EVENT] = "a_event",
  [DL_COL_A_SOURCE] = "a_source",
  [DL_COL_B_START] = "b_start",
  [DL_COL_B_END] = "b_end",
  [DL_COL_B_WHEN] = "b_when",
  [DL_COL_B_EVENT] = "b_event",
  [DL_COL_B_SOURCE] = "b_source",
};

const DlColumn *
dl_format_columns (DlFormat format, gsize *n_columns)
{
  switch (format)
    {
    case DL_FORMAT_MENTIONS:
      *n_columns = G_N_ELEMENTS (mentions_columns);
      return mentions_columns;
    case DL_FORMAT_RANGES:
      *n_columns = G_N_ELEMENTS (ranges_columns);
      return ranges_columns;
    case DL_FORMAT_ANCHORS:
      *n_columns = G_N_ELEMENTS (anchors_columns);
      return anchors_columns;
    case DL_FORMAT_COMPARE:
      *n_columns = G_N_ELEMENTS (compare_columns);
      return compare_columns;
    case DL_FORMAT_TIMELINE:
    default:
      *n_columns = G_N_ELEMENTS (timeline_columns);
      return timeline_columns;
    }
}

const char *
dl_format_column_name (DlFormat format, DlColumn column)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (format, &n);

  for (gsize i = 0; i < n; i++)
    if (cols[i] == column)
      return column_names[column];
  return NULL;
}

/* The column of format whose header name is name, or -1. */
static int
format_lookup (DlFormat format, const char *name)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (format, &n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (column_names[cols[i]], name) == 0)
      return cols[i];
  return -1;
}

DlRecord *
dl_record_new (void)
{
  DlRecord *record = g_new0 (DlRecord, 1);

  record->extra = g_ptr_array_new_with_free_func (g_free);
  return record;
}

void
dl_record_free (DlRecord *record)
{
  if (record == NULL)
    return;
  for (int i = 0; i < DL_N_COLUMNS; i++)
    g_free (record->fields[i]);
  g_ptr_array_unref (record->extra);
  g_clear_pointer (&record->origin, g_ref_string_release);
  g_free (record);
}

const char *
dl_record_get (const DlRecord *record, DlColumn column)
{
  return record->fields[column] ? record->fields[column] : "";
}

void
dl_record_take (DlRecord *record, DlColumn column, char *value)
{
  g_free (record->fields[column]);
  record->fields[column] = value;
}

void
dl_record_set (DlRecord *record, DlColumn column, const char *value)
{
  dl_record_take (record, column, g_strdup (value));
}

void
dl_record_set_number (DlRecord *record, DlColumn column, guint64 value)
{
  char digits[24];
  char *at = digits + sizeof digits - 1;

  /* Not through printf: extract writes four numbers a row. */
  *at = '\0';
  do
    *--at = '0' + value % 10;
  while ((value /= 10) > 0);
  dl_record_set (record, column, at);
}

void
dl_record_set_printf (DlRecord *record, DlColumn column, const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  dl_record_take (record, column, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- reading ---- */

struct _DlReader {
  GRefString *name;
  FILE *in;
  gboolean owns_in;
  struct csv_parser parser;
  GPtrArray *fields;  /* fields of the row being parsed */
  GQueue rows;        /* complete rows (GPtrArray *) not yet handed out */
  GQueue row_lines;   /* line each queued row started on */
  guint64 line;       /* physical line being parsed */
  guint64 row_start;  /* line the row being parsed started on */
  gboolean at_eof;
  char *buffer;
  size_t buffer_size;
  char *in_buffer;    /* stdio's buffer for a file the reader opened */
  /* header binding */
  gboolean have_header;
  gsize n_header;
  int *bind;          /* per input column: DlColumn, -1 drop, -2 extra */
  GPtrArray *extra_names;
};

/* Keep spaces around fields: libcsv trims them by default, which would
 * change passed-through data. */
static int
no_space (unsigned char c)
{
  (void) c;
  return 0;
}

DlReader *
dl_reader_open (const char *path, GError **error)
{
  g_autoptr (DlReader) reader = g_new0 (DlReader, 1);

  reader->name = g_ref_string_new (strcmp (path, "-") == 0 ? "-" : path);
  g_queue_init (&reader->rows);
  g_queue_init (&reader->row_lines);
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->extra_names = g_ptr_array_new_with_free_func (g_free);
  csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&reader->parser, no_space);
  if (strcmp (path, "-") == 0)
    reader->in = stdin;
  else
    {
      reader->in = fopen (path, "rb");
      if (reader->in == NULL)
        {
          int saved = errno;
          g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", path,
                       g_strerror (saved));
          return NULL;
        }
      reader->owns_in = TRUE;
      /* 64 KB reads, not 4 KB ones. */
      reader->in_buffer = g_malloc (1 << 16);
      setvbuf (reader->in, reader->in_buffer, _IOFBF, 1 << 16);
    }
  return g_steal_pointer (&reader);
}

DlReader *
dl_reader_open_bytes (const char *name, GBytes *bytes, GError **error)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  g_autoptr (DlReader) reader = dl_reader_open ("-", error);

  g_ref_string_release (reader->name);
  reader->name = g_ref_string_new (name);
  reader->in = len ? fmemopen ((void *) data, len, "rb") : fopen ("/dev/null", "rb");
  if (reader->in == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", name,
                   g_strerror (errno));
      return NULL;
    }
  reader->owns_in = TRUE;
  return g_steal_pointer (&reader);
}

void
dl_reader_free (DlReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->owns_in && reader->in)
    fclose (reader->in);
  g_free (reader->in_buffer);
  csv_free (&reader->parser);
  g_ptr_array_unref (reader->fields);
  g_queue_clear_full (&reader->rows, (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear (&reader->row_lines);
  g_ptr_array_unref (reader->extra_names);
  g_free (reader->bind);
  g_free (reader->buffer);
  g_clear_pointer (&reader->name, g_ref_string_release);
  g_free (reader);
}


GPtrArray *
dl_reader_extra_names (DlReader *reader)
{
  return reader->extra_names;
}

static void
on_field (void *data, size_t len, void *user)
{
  DlReader *reader = user;

  g_ptr_array_add (reader->fields, g_strndup (data ? data : "", len));
}

static void
on_row (int terminator, void *user)
{
  DlReader *reader = user;

  (void) terminator;
  g_queue_push_tail (&reader->rows, reader->fields);
  g_queue_push_tail (&reader->row_lines, GSIZE_TO_POINTER (reader->row_start));
  /* Room for a row like the header: no regrowing field by field. */
  reader->fields = g_ptr_array_new_full (MAX (reader->n_header, 8), g_free);
  reader->row_start = reader->line + 1;
}

/* Parses input line by line until a row is complete or input ends. */
static gboolean
fill_rows (DlReader *reader, GError **error)
{
  while (g_queue_is_empty (&reader->rows) && !reader->at_eof)
    {
      ssize_t len = getline (&reader->buffer, &reader->buffer_size, reader->in);

      if (len < 0)
        {
          if (ferror (reader->in))
            {
              g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s",
                           reader->name, g_strerror (errno));
              return FALSE;
            }
          reader->at_eof = TRUE;
          if (csv_fini (&reader->parser, on_field, on_row, reader) != 0)
            {
              g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                           "%s:%" G_GUINT64_FORMAT ": %s", reader->name,
                           reader->row_start,
                           "unterminated quoted field at end of input");
              return FALSE;
            }
          break;
        }
      reader->line++;
      if (reader->row_start == 0)
        reader->row_start = reader->line;
      if (memchr (reader->buffer, '\0', len) != NULL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": NUL byte in CSV input",
                       reader->name, reader->line);
          return FALSE;
        }
      if ((ssize_t) csv_parse (&reader->parser, reader->buffer, len, on_field,
                               on_row, reader) != len)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": malformed CSV: %s",
                       reader->name, reader->line,
                       csv_error (&reader->parser) == CSV_EPARSE
                           ? "a quote inside an unquoted field or text "
                             "after a closing quote"
                           : csv_strerror (csv_error (&reader->parser)));
          return FALSE;
        }
    }
  return TRUE;
}

/* Pops the next complete row, or NULL at the end of input or on error. */
static GPtrArray *
next_row (DlReader *reader, guint64 *line, GError **error)
{
  if (!fill_rows (reader, error))
    return NULL;
  if (g_queue_is_empty (&reader->rows))
    return NULL;
  *line = GPOINTER_TO_SIZE (g_queue_pop_head (&reader->row_lines));
  return g_queue_pop_head (&reader->rows);
}

static gboolean
check_utf8 (DlReader *reader, GPtrArray *row, guint64 line, GError **error)
{
  for (guint i = 0; i < row->len; i++)
    if (!dl_utf8_validate (row->pdata[i], strlen (row->pdata[i]), NULL))
      {
        g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                     "%s:%" G_GUINT64_FORMAT ": invalid UTF-8 in field %u",
                     reader->name, line, i + 1);
        return FALSE;
      }
  return TRUE;
}

DlFormat
dl_reader_peek_format (DlReader *reader, const DlFormat *formats, gsize n,
                       guint *known, GError **error)
{
  GPtrArray *header;
  guint64 line = 0;
  DlFormat best = formats[0];
  guint best_known = 0;

  header = next_row (reader, &line, error);
  if (known)
    *known = 0;
  if (header == NULL)
    return error && *error ? DL_N_FORMATS : best;
  for (gsize f = 0; f < n; f++)
    {
      guint count = 0;

      for (guint i = 0; i < header->len; i++)
        count += format_lookup (formats[f], header->pdata[i]) >= 0;
      if (count > best_known)
        best = formats[f], best_known = count;
    }
  if (known)
    *known = best_known;
  /* Put back: the header is read again, as the first row. */
  g_queue_push_head (&reader->rows, header);
  g_queue_push_head (&reader->row_lines, GSIZE_TO_POINTER (line));
  return best;
}

gboolean
dl_reader_read_header (DlReader *reader, DlFormat in, DlFormat out,
                       const DlColumn *required, gsize n_required,
                       GError **error)
{
  g_autoptr (GPtrArray) header = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean bound[DL_N_COLUMNS] = { FALSE };
  guint64 line = 0;

  header = next_row (reader, &line, error);
  if (header == NULL)
    {
      if (error && *error)
        return FALSE;
      /* Empty input is an empty table, as it is for sort and cut. */
      reader->have_header = TRUE;
      return TRUE;
    }
  if (!check_utf8 (reader, header, line, error))
    return FALSE;
  reader->n_header = header->len;
  reader->bind = g_new (int, header->len);
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = header->pdata[i];
      int col = format_lookup (in, name);

      if (!g_hash_table_add (seen, (gpointer) name))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": column \"%s\" appears twice",
                       reader->name, line, name);
          return FALSE;
        }
      if (col >= 0)
        bound[col] = TRUE;
      else if (format_lookup (out, name) >= 0)
        col = -1;
      else
        {
          col = -2;
          g_ptr_array_add (reader->extra_names, g_strdup (name));
        }
      reader->bind[i] = col;
    }
  for (gsize i = 0; i < n_required; i++)
    if (!bound[required[i]])
      {
        g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                     "%s:%" G_GUINT64_FORMAT ": missing column \"%s\"",
                     reader->name, line,
                     dl_format_column_name (in, required[i]));
        return FALSE;
      }
  reader->have_header = TRUE;
  return TRUE;
}

DlRecord *
dl_reader_next (DlReader *reader, GError **error)
{
  g_autoptr (GPtrArray) row = NULL;
  g_autoptr (DlRecord) record = NULL;
  guint64 line = 0;

  g_return_val_if_fail (reader->have_header, NULL);
  row = next_row (reader, &line, error);
  if (row == NULL)
    return NULL;
  if (row->len != reader->n_header)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                   "%s:%" G_GUINT64_FORMAT
                   ": record has %u fields, the header has %zu",
                   reader->name, line, row->len, reader->n_header);
      return NULL;
    }
  if (!check_utf8 (reader, row, line, error))
    return NULL;
  record = dl_record_new ();
  record->origin = g_ref_string_acquire (reader->name);
  record->line = line;
  for (guint i = 0; i < row->len; i++)
    {
      int col = reader->bind[i];

      if (col >= 0)
        dl_record_take (record, col, g_steal_pointer (&row->pdata[i]));
      else if (col == -2)
        g_ptr_array_add (record->extra, g_steal_pointer (&row->pdata[i]));
    }
  return g_steal_pointer (&record);
}

/* ---- writing ---- */

struct _DlWriter {
  FILE *out;
  char *name;
  DlFormat format;
  GPtrArray *extra_names;
  gboolean header_done;
  GString *row; /* the row being written: one fwrite per row */
};

DlWriter *
dl_writer_new (FILE *out, const char *name, DlFormat format,
               GPtrArray *extra_names)
{
  DlWriter *writer = g_new0 (DlWriter, 1);

  writer->out = out;
  writer->name = g_strdup (name);
  writer->format = format;
  writer->extra_names = extra_names ? g_ptr_array_ref (extra_names)
                                    : g_ptr_array_new ();
  writer->row = g_string_sized_new (1024);
  return writer;
}

void
dl_writer_free (DlWriter *writer)
{
  if (writer == NULL)
    return;
  g_ptr_array_unref (writer->extra_names);
  g_string_free (writer->row, TRUE);
  g_free (writer->name);
  g_free (writer);
}

/* A field longer than this is written straight to the stream instead of
 * through the row buffer: a 100 MB sentence is not copied twice more. */
#define BIG_FIELD (1 << 16)

/* Appends a field to the row, quoted only when RFC 4180 needs it, so plain
 * fields stay plain for cut and sort; libcsv does the escaping. */
static void
put_field (DlWriter *writer, const char *field, gboolean first)
{
  GString *row = writer->row;
  gsize plain = strcspn (field, ",\"\r\n");
  gboolean quote = field[plain] != '\0';
  gsize len = quote ? plain + strlen (field + plain) : plain;
  gsize at;

  if (!first)
    g_string_append_c (row, ',');
  if (len > BIG_FIELD)
    {
      fwrite (row->str, 1, row->len, writer->out);
      g_string_truncate (row, 0);
      if (quote)
        csv_fwrite (writer->out, field, len);
      else
        fwrite (field, 1, len, writer->out);
      return;
    }
  if (!quote)
    {
      g_string_append_len (row, field, len);
      return;
    }
  at = row->len;
  /* At worst every byte doubles, plus the two quotes. */
  g_string_set_size (row, at + 2 * len + 2);
  g_string_set_size (row, at + csv_write (row->str + at, 2 * len + 2, field,
                                          len));
}

static void
write_row (DlWriter *writer)
{
  g_string_append_c (writer->row, '\n');
  fwrite (writer->row->str, 1, writer->row->len, writer->out);
  g_string_truncate (writer->row, 0);
}

static void
write_header (DlWriter *writer)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (writer->format, &n);

  for (gsize i = 0; i < n; i++)
    put_field (writer, dl_format_column_name (writer->format, cols[i]),
               i == 0);
  for (guint i = 0; i < writer->extra_names->len; i++)
    put_field (writer, writer->extra_names->pdata[i], FALSE);
  write_row (writer);
  writer->header_done = TRUE;
}

static gboolean
check_stream (DlWriter *writer, GError **error)
{
  if (ferror (writer->out))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_writer_write (DlWriter *writer, const DlRecord *record, GError **error)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (writer->format, &n);

  if (!writer->header_done)
    write_header (writer);
  for (gsize i = 0; i < n; i++)
    put_field (writer, dl_record_get (record, cols[i]), i == 0);
  for (guint i = 0; i < writer->extra_names->len; i++)
    put_field (writer,
               i < record->extra->len ? record->extra->pdata[i] : "", FALSE);
  write_row (writer);
  return check_stream (writer, error);
}

gboolean
dl_writer_finish (DlWriter *writer, GError **error)
{
  if (!writer->header_done)
    write_header (writer);
  if (fflush (writer->out) != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  return check_stream (writer, error);
}
