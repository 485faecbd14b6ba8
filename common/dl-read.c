/* dl-read.c: reading records (CSV through libcsv). */
#include "dl-record-private.h"

#include "dl-text.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

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
      int col = dl_format_lookup (in, name);

      if (!g_hash_table_add (seen, (gpointer) name))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": column \"%s\" appears twice",
                       reader->name, line, name);
          return FALSE;
        }
      if (col >= 0)
        bound[col] = TRUE;
      else if (dl_format_lookup (out, name) >= 0)
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
