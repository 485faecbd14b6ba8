/* dl-write.c: writing records (CSV). */
#include "dl-record-private.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

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
