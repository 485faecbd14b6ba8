/* dl-write-text.c: the text output formats: CSV (RFC 4180, through
 * libcsv), TSV and JSON Lines.  docs/records.md describes all three. */
#include "dl-write-backend.h"

#include <csv.h>
#include <string.h>

/* A field longer than this is written straight to the stream instead of
 * through the row buffer: a 100 MB sentence is not copied twice more. */
#define BIG_FIELD (1 << 16)

gboolean
dl_writer_put_row (DlWriter *writer, GError **error)
{
  dl_writer_put_valid (writer, writer->row->str, writer->row->len);
  g_string_truncate (writer->row, 0);
  return dl_writer_check_stream (writer, error);
}

/* field, or the guard's quote and field in writer->guarded (made on first
 * use). */
static const char *
guard (DlWriter *writer, const char *field)
{
  GString *scratch;

  /* Most cells start with none of '=+-@ TAB CR: one test for them. */
  switch (field[0])
    {
    case '\'': case '=': case '+': case '-': case '@': case '\t': case '\r':
      if (dl_writer_guards (writer, field))
        break;
      return field;
    default:
      return field;
    }
  if (writer->guarded == NULL)
    writer->guarded = g_string_new (NULL);
  scratch = writer->guarded;
  g_string_assign (scratch, "'");
  g_string_append (scratch, field);
  return scratch->str;
}

/* Puts one cell after the others of the row (CSV or TSV). */
typedef void (*PutFunc) (DlWriter *writer, const char *cell, gboolean first);

/* One line of cells put by put: record's, or the header's when record is
 * NULL. */
static gboolean
put_row (DlWriter *writer, const DlRecord *record, PutFunc put,
         GError **error)
{
  gsize n = dl_writer_n_cells (writer);

  for (gsize i = 0; i < n; i++)
    put (writer,
         record ? dl_writer_cell_raw (writer, record, i)
                : dl_writer_cell_name (writer, i),
         i == 0);
  g_string_append_c (writer->row, '\n');
  return dl_writer_put_row (writer, error);
}

/* ---- CSV ---- */

/* Appends a field to the row, quoted only when RFC 4180 needs it, so plain
 * fields stay plain for cut and sort; libcsv does the escaping. */
void
dl_writer_put_csv (DlWriter *writer, const char *field, gboolean first)
{
  GString *row = writer->row;
  gsize plain, len, at;
  gboolean quote;

  field = guard (writer, field);
  plain = strcspn (field, ",\"\r\n");
  quote = field[plain] != '\0';
  len = quote ? plain + strlen (field + plain) : plain;
  if (!first)
    g_string_append_c (row, ',');
  if (len > BIG_FIELD)
    {
      dl_writer_put_valid (writer, row->str, row->len);
      g_string_truncate (row, 0);
      field = dl_writer_valid (writer, field);
      len = strlen (field);
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
  /* Most quoted cells are sentences with commas and no quote marks: they
   * are the cell between two quotes, which is what libcsv would write. */
  if (memchr (field + plain, '"', len - plain) == NULL)
    {
      g_string_append_c (row, '"');
      g_string_append_len (row, field, len);
      g_string_append_c (row, '"');
      return;
    }
  at = row->len;
  /* At worst every byte doubles, plus the two quotes. */
  g_string_set_size (row, at + 2 * len + 2);
  g_string_set_size (row, at + csv_write (row->str + at, 2 * len + 2, field,
                                          len));
}

static gboolean
csv_header (DlWriter *writer, GError **error)
{
  return put_row (writer, NULL, dl_writer_put_csv, error);
}

static gboolean
csv_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  return put_row (writer, record, dl_writer_put_csv, error);
}

static const char *const csv_extensions[] = { ".csv", NULL };

const DlWriterBackend dl_backend_csv = {
  "csv", csv_extensions, DL_ALL_FORMATS, csv_header, csv_record, NULL, NULL,
  NULL,
};

/* ---- TSV ---- */

/* A tab, CR or LF inside a cell would break the row: each is a space. */
static void
tsv_put (DlWriter *writer, const char *field, gboolean first)
{
  GString *row = writer->row;
  gsize at;

  if (!first)
    g_string_append_c (row, '\t');
  at = row->len;
  g_string_append (row, field);
  for (char *p = row->str + at; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  /* The guard looks at the cell as written. */
  if (dl_writer_guards (writer, row->str + at))
    g_string_insert_c (row, at, '\'');
}

static gboolean
tsv_header (DlWriter *writer, GError **error)
{
  return put_row (writer, NULL, tsv_put, error);
}

static gboolean
tsv_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  return put_row (writer, record, tsv_put, error);
}

static const char *const tsv_extensions[] = { ".tsv", ".tab", NULL };

const DlWriterBackend dl_backend_tsv = {
  "tsv", tsv_extensions, DL_ALL_FORMATS, tsv_header, tsv_record, NULL, NULL,
  NULL,
};

/* ---- JSON Lines ---- */

/* The bytes dl_json_put_string does not write as they are: '"', '\\', DEL,
 * the first byte of U+2028 and U+2029, the controls; and in a page '<',
 * '>' and '&'. */
#define JSON_SPECIAL "\"\\\x7f\xe2" \
  "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" \
  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"

void
dl_json_put_string (GString *row, const char *text, gboolean in_html)
{
  static const char hex[] = "0123456789abcdef";
  const char *special = in_html ? JSON_SPECIAL "<>&" : JSON_SPECIAL;

  g_string_append_c (row, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      gsize plain = strcspn ((const char *) p, special);

      g_string_append_len (row, (const char *) p, plain);
      p += plain;
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"': g_string_append (row, "\\\""); break;
        case '\\': g_string_append (row, "\\\\"); break;
        case '\n': g_string_append (row, "\\n"); break;
        case '\r': g_string_append (row, "\\r"); break;
        case '\t': g_string_append (row, "\\t"); break;
        case '\b': g_string_append (row, "\\b"); break;
        case '\f': g_string_append (row, "\\f"); break;
        case 0xe2:
          if (p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            {
              g_string_append (row, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
              p += 2;
            }
          else
            g_string_append_c (row, (char) *p);
          break;
        default:
          /* A control, DEL, or in a page a character that could end the
           * script ("</script>") or open a comment ("<!--"). */
          g_string_append (row, "\\u00");
          g_string_append_c (row, hex[*p >> 4]);
          g_string_append_c (row, hex[*p & 15]);
        }
    }
  g_string_append_c (row, '"');
}

/* Whether text is a JSON number as dateline writes counts: digits, no
 * leading zero, few enough for a double to hold exactly. */
static gboolean
is_count (const char *text)
{
  gsize n = strspn (text, "0123456789");

  return n > 0 && n <= 15 && text[n] == '\0' && (text[0] != '0' || n == 1);
}

static gboolean
jsonl_header (DlWriter *writer, GError **error)
{
  /* No header: every line names its keys. */
  return TRUE;
}

static gboolean
jsonl_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  gsize n = dl_writer_n_cells (writer);
  GString *row = writer->row;

  g_string_append_c (row, '{');
  for (gsize i = 0; i < n; i++)
    {
      int column = dl_writer_cell_column (writer, i);
      const char *cell;

      if (i > 0)
        g_string_append_c (row, ',');
      dl_json_put_string (row, dl_writer_cell_name (writer, i), FALSE);
      g_string_append_c (row, ':');
      cell = dl_writer_cell_raw (writer, record, i);
      /* Counts and offsets are numbers; an empty one is null; one that
       * is no count (a user's file) stays a string, not lost. */
      if (column >= 0 && dl_column_is_number (column) && *cell == '\0')
        g_string_append (row, "null");
      else if (column >= 0 && dl_column_is_number (column) && is_count (cell))
        g_string_append (row, cell);
      else
        dl_json_put_string (row, cell, FALSE);
    }
  g_string_append (row, "}\n");
  return dl_writer_put_row (writer, error);
}

static const char *const jsonl_extensions[] = { ".jsonl", ".ndjson", NULL };

const DlWriterBackend dl_backend_jsonl = {
  "jsonl", jsonl_extensions, DL_ALL_FORMATS, jsonl_header, jsonl_record, NULL,
  NULL, NULL,
};
