/* dl-read.c: reading records (CSV, TSV or JSON Lines), streamed row by
 * row.
 *
 * Input is read line by line.  A bad row (malformed quoting, a wrong field
 * count, invalid UTF-8, a NUL byte) is handed out as a DL_ERROR_BAD_ROW
 * error, counted, and reading goes on at the next line: one bad row never
 * ends a file. */
#include "dl-record-private.h"

#include "dl-progress.h"
#include "dl-text.h"

#include <csv.h>
#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef enum { SYNTAX_UNKNOWN, SYNTAX_CSV, SYNTAX_TSV, SYNTAX_JSONL } Syntax;

/* A row read: its cells and their bytes in one allocation (freed with
 * g_free), which a record then holds as its block. */
typedef struct {
  guint len;
  char *cell[]; /* len cells, then their bytes, each ending in NUL */
} Row;

struct _DlReader {
  GRefString *name;
  FILE *in;
  gboolean owns_in;
  char *in_buffer;    /* stdio's buffer for a file the reader opened */
  GBytes *bytes;      /* the data of dl_reader_open_bytes, referenced */
  gboolean raw;       /* cells as they are: no spreadsheet guard undone */
  Syntax syntax;      /* told from the first line */
  /* lines */
  char *buffer;
  size_t buffer_size;
  GString *replay;    /* lines to read again (after an unclosed quote) */
  gsize replay_at;
  guint64 line;       /* the line last read (1-based) */
  gboolean at_eof;
  /* rows */
  struct csv_parser parser;
  GString *cells;     /* the row being parsed: its cells, each ending in
                       * NUL */
  GArray *cell_ends;  /* gsize: where each cell of it ends in cells */
  guint n_cells;      /* how many of cell_ends are set */
  GQueue rows;        /* complete rows (Row *) not yet handed out */
  GQueue row_lines;   /* line each queued row started on */
  guint64 row_start;  /* line the row being parsed started on */
  GString *pending;   /* the lines of a row that spans lines, so far */
  GError *bad;        /* a bad row met after the queued rows */
  JsonParser *json;   /* JSON Lines: the parser, made on first use */
  GPtrArray *keys;    /* the keys of the first object: the header */
  GHashTable *key_at; /* key -> its place in keys, plus one */
  guint64 skipped;
  /* header binding */
  gboolean have_header;
  Row *header;        /* the header's names */
  GHashTable *names;  /* every column name, known or in the header */
  gsize longest_name; /* the length of the longest of them */
  gboolean foreign;   /* under a header unlike the first: rows skipped */
  int *bind;          /* per input column: DlColumn, -1 drop, -2 extra */
  GPtrArray *extra_names;
};

#define BOM "\xef\xbb\xbf"

/* Keep spaces around fields: libcsv trims them by default, which would
 * change passed-through data. */
static int
no_space (unsigned char c)
{
  (void) c;
  return 0;
}

static void
init_parser (DlReader *reader)
{
  csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&reader->parser, no_space);
  /* libcsv grows a field's buffer by this much at a time (128 bytes by
   * default): a field of megabytes would be copied thousands of times. */
  csv_set_blk_size (&reader->parser, 1 << 16);
}

static void
reset_parser (DlReader *reader)
{
  csv_free (&reader->parser);
  init_parser (reader);
  g_string_truncate (reader->cells, 0);
  reader->n_cells = 0;
  g_string_truncate (reader->pending, 0);
}

static DlReader *
reader_new (const char *name)
{
  DlReader *reader = g_new0 (DlReader, 1);

  reader->name = g_ref_string_new (name);
  g_queue_init (&reader->rows);
  g_queue_init (&reader->row_lines);
  reader->cells = g_string_sized_new (1024);
  reader->cell_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->extra_names = g_ptr_array_new_with_free_func (g_free);
  reader->pending = g_string_new (NULL);
  reader->replay = g_string_new (NULL);
  init_parser (reader);
  return reader;
}

DlReader *
dl_reader_open (const char *path, GError **error)
{
  g_autoptr (DlReader) reader = reader_new (path);

  if (strcmp (path, "-") == 0)
    {
      reader->in = stdin;
      return g_steal_pointer (&reader);
    }
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
  return g_steal_pointer (&reader);
}

DlReader *
dl_reader_open_bytes (const char *name, GBytes *bytes, GError **error)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  g_autoptr (DlReader) reader = reader_new (name);

  /* The stream reads from the bytes: hold them as long as it lives. */
  reader->bytes = g_bytes_ref (bytes);
  reader->in = len ? fmemopen ((void *) data, len, "rb")
                   : fopen ("/dev/null", "rb");
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
dl_reader_set_raw (DlReader *reader, gboolean raw)
{
  reader->raw = raw;
}

guint64
dl_reader_skipped (DlReader *reader)
{
  return reader->skipped;
}

void
dl_reader_free (DlReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->owns_in && reader->in)
    fclose (reader->in);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_free (reader->in_buffer);
  csv_free (&reader->parser);
  g_string_free (reader->cells, TRUE);
  g_array_unref (reader->cell_ends);
  g_queue_clear_full (&reader->rows, g_free);
  g_queue_clear (&reader->row_lines);
  g_string_free (reader->pending, TRUE);
  g_string_free (reader->replay, TRUE);
  g_clear_error (&reader->bad);
  g_clear_object (&reader->json);
  g_clear_pointer (&reader->keys, g_ptr_array_unref);
  g_clear_pointer (&reader->key_at, g_hash_table_unref);
  g_ptr_array_unref (reader->extra_names);
  g_clear_pointer (&reader->header, g_free);
  g_clear_pointer (&reader->names, g_hash_table_unref);
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

/* ---- lines ---- */

/* Whether a cell read is one the spreadsheet guard wrote: one or more
 * quotes, then a character a spreadsheet would start a formula with. */
static gboolean
is_guarded (const char *cell, gsize len)
{
  gsize i = 0;

  while (i < len && cell[i] == '\'')
    i++;
  return i > 0 && i < len && strchr ("=+-@\t\r", cell[i]) != NULL
         && cell[i] != '\0';
}

/* A new cell of the row being parsed, as it is. */
static void
add_cell (DlReader *reader, const char *data, gsize len)
{
  GString *cells = reader->cells;
  gsize at = cells->len;

  /* By hand, not g_string_append_len and g_array_append_val: their three
   * calls a field were 3% of the timeline's instructions. */
  if (at + len + 1 >= cells->allocated_len)
    g_string_set_size (cells, at + len + 1);
  memcpy (cells->str + at, data, len);
  cells->str[at + len] = '\0';
  cells->len = at + len + 1;
  cells->str[cells->len] = '\0';
  if (reader->n_cells == reader->cell_ends->len)
    g_array_set_size (reader->cell_ends, 2 * reader->n_cells + 16);
  g_array_index (reader->cell_ends, gsize, reader->n_cells++) = cells->len;
}

/* A new field of the row being parsed, with the guard's quote dropped. */
static void
add_field (DlReader *reader, const char *data, gsize len)
{
  if (!reader->raw && len > 1 && data[0] == '\'' && is_guarded (data, len))
    {
      data++;
      len--;
    }
  add_cell (reader, data, len);
}

/* The cells added since the last row, as a row of their own. */
static Row *
take_row (DlReader *reader)
{
  guint n = reader->n_cells;
  gsize head = sizeof (Row) + n * sizeof (char *);
  Row *row = g_malloc (head + reader->cells->len);
  char *bytes = (char *) row + head;
  gsize start = 0;

  row->len = n;
  memcpy (bytes, reader->cells->str, reader->cells->len);
  for (guint i = 0; i < n; i++)
    {
      row->cell[i] = bytes + start;
      start = g_array_index (reader->cell_ends, gsize, i);
    }
  g_string_truncate (reader->cells, 0);
  reader->n_cells = 0;
  return row;
}

/* A row of the strings in names (the keys of JSON Lines). */
static Row *
row_of_strings (DlReader *reader, GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    add_cell (reader, names->pdata[i], strlen (names->pdata[i]));
  return take_row (reader);
}

static void
on_field (void *data, size_t len, void *user)
{
  add_field (user, data ? data : "", len);
}

static void
push_row (DlReader *reader)
{
  g_queue_push_tail (&reader->rows, take_row (reader));
  g_queue_push_tail (&reader->row_lines, GSIZE_TO_POINTER (reader->row_start));
}

static void
on_row (int terminator, void *user)
{
  DlReader *reader = user;

  (void) terminator;
  push_row (reader);
  g_string_truncate (reader->pending, 0);
  reader->row_start = reader->line + 1;
}

/* Notes a bad row, to be handed out after the rows queued before it. */
G_GNUC_PRINTF (3, 4) static void
set_bad (DlReader *reader, guint64 line, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_clear_error (&reader->bad);
  reader->bad = g_error_new (DL_ERROR, DL_ERROR_BAD_ROW,
                             "%s:%" G_GUINT64_FORMAT ": %s", reader->name,
                             line, message);
}

/* The next line into reader->buffer (its newline kept), from the lines to
 * read again first; -1 at the end of input or on a read error. */
static gssize
next_line (DlReader *reader, GError **error)
{
  gssize len;

  if (reader->replay_at < reader->replay->len)
    {
      const char *start = reader->replay->str + reader->replay_at;
      const char *nl = memchr (start, '\n',
                               reader->replay->len - reader->replay_at);

      len = nl ? nl + 1 - start
               : (gssize) (reader->replay->len - reader->replay_at);
      if ((size_t) len + 1 > reader->buffer_size)
        {
          reader->buffer_size = len + 1;
          reader->buffer = g_realloc (reader->buffer, reader->buffer_size);
        }
      memcpy (reader->buffer, start, len);
      reader->buffer[len] = '\0';
      reader->replay_at += len;
      if (reader->replay_at == reader->replay->len)
        {
          g_string_truncate (reader->replay, 0);
          reader->replay_at = 0;
        }
      reader->line++;
      return len;
    }
  len = getline (&reader->buffer, &reader->buffer_size, reader->in);
  if (len < 0)
    {
      if (ferror (reader->in))
        g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", reader->name,
                     g_strerror (errno));
      return -1;
    }
  dl_progress_bytes (len);
  reader->line++;
  /* A byte order mark is no part of the first column's name. */
  if (reader->line == 1 && len >= 3 && memcmp (reader->buffer, BOM, 3) == 0)
    {
      memmove (reader->buffer, reader->buffer + 3, len - 2);
      len -= 3;
    }
  return len;
}

/* JSON Lines if the first line is an object, TSV if it has more tabs than
 * commas, else CSV. */
static Syntax
detect_syntax (const char *line, gsize len)
{
  gsize tabs = 0, commas = 0;
  gsize space = strspn (line, " \t");

  if (space < len && line[space] == '{')
    return SYNTAX_JSONL;
  for (gsize i = 0; i < len; i++)
    {
      tabs += line[i] == '\t';
      commas += line[i] == ',';
    }
  return tabs > commas ? SYNTAX_TSV : SYNTAX_CSV;
}

/* A CSV row that began on an earlier line breaks (its quote never closes,
 * or a quote inside it is wrong): the row is bad, told at its first line,
 * and the lines after that one are read again, so that the rows there are
 * not lost to it. */
static void
drop_row_and_replay (DlReader *reader)
{
  gsize first_nl = strcspn (reader->pending->str, "\n");
  GString *rest = g_string_new (NULL);

  if (first_nl < reader->pending->len)
    g_string_append_len (rest, reader->pending->str + first_nl + 1,
                         reader->pending->len - first_nl - 1);
  /* Lines not yet read again stay after these. */
  g_string_append_len (rest, reader->replay->str + reader->replay_at,
                       reader->replay->len - reader->replay_at);
  g_string_free (reader->replay, TRUE);
  reader->replay = rest;
  reader->replay_at = 0;
  reader->line = reader->row_start;
  reader->row_start = 0;
  reset_parser (reader);
}

/* End of input: the last row ends, or its quote was never closed. */
static void
finish_csv (DlReader *reader)
{
  if (csv_fini (&reader->parser, on_field, on_row, reader) == 0)
    {
      reader->at_eof = TRUE;
      return;
    }
  set_bad (reader, reader->row_start,
           "unterminated quoted field; the row is skipped");
  drop_row_and_replay (reader);
  reader->at_eof = reader->replay->len == 0;
}

/* Parses one CSV line; a malformed row is bad, and parsing starts afresh
 * at the next line (at the row's second line if it began before). */
static void
parse_csv_line (DlReader *reader, gssize len)
{
  if ((gssize) csv_parse (&reader->parser, reader->buffer, len, on_field,
                          on_row, reader) != len)
    {
      gboolean spans = reader->pending->len > 0;

      set_bad (reader, spans ? reader->row_start : reader->line,
               "malformed CSV: %s",
               csv_error (&reader->parser) == CSV_EPARSE
                   ? "a quote inside an unquoted field or text after a "
                     "closing quote"
                   : csv_strerror (csv_error (&reader->parser)));
      if (spans)
        {
          g_string_append_len (reader->pending, reader->buffer, len);
          drop_row_and_replay (reader);
        }
      else
        {
          reset_parser (reader);
          reader->row_start = reader->line + 1;
        }
      return;
    }
  /* The row goes on past this line: keep the line, to read it again
   * should the row break.  libcsv's state 0 is "no row begun". */
  if (reader->parser.pstate != 0)
    g_string_append_len (reader->pending, reader->buffer, len);
}

/* One TSV line: fields between tabs, no quoting. */
static void
parse_tsv_line (DlReader *reader, gssize len)
{
  const char *p = reader->buffer;
  const char *end = p + len;

  if (end > p && end[-1] == '\n')
    end--;
  if (end > p && end[-1] == '\r')
    end--;
  if (end == p)
    return;
  for (;;)
    {
      const char *tab = memchr (p, '\t', end - p);

      add_field (reader, p, (tab ? tab : end) - p);
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  reader->row_start = reader->line;
  push_row (reader);
}

/* A JSON value as a cell: strings as they are, numbers in decimal, null
 * empty; NULL for an object or an array, which no column holds. */
static char *
json_cell (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer,
                                       json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

/* The keys of the first object are the header: its columns, in order. */
static void
take_keys (DlReader *reader, JsonObject *object)
{
  g_autoptr (GList) members = json_object_get_members (object);

  reader->keys = g_ptr_array_new_with_free_func (g_free);
  reader->key_at = g_hash_table_new (g_str_hash, g_str_equal);
  for (GList *m = members; m; m = m->next)
    {
      g_ptr_array_add (reader->keys, g_strdup (m->data));
      g_hash_table_insert (reader->key_at,
                           g_ptr_array_index (reader->keys,
                                              reader->keys->len - 1),
                           GUINT_TO_POINTER (reader->keys->len));
    }
}

/* One JSON Lines line: an object, its values put in the first object's key
 * order; a key missing is an empty cell, a key the first object lacks is a
 * bad row. */
static void
parse_jsonl_line (DlReader *reader, gssize len)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GList) members = NULL;
  g_autoptr (GPtrArray) values = NULL;
  JsonNode *root;
  JsonObject *object;

  if (strspn (reader->buffer, " \t\r\n") == (gsize) len)
    return;
  if (reader->json == NULL)
    reader->json = json_parser_new ();
  /* json-glib would cut a string at an escaped NUL without a word. */
  if (strstr (reader->buffer, "\\u0000") != NULL)
    {
      set_bad (reader, reader->line, "NUL character in a JSON string");
      return;
    }
  if (!json_parser_load_from_data (reader->json, reader->buffer, len, &local))
    {
      set_bad (reader, reader->line, "bad JSON: %s", local->message);
      return;
    }
  root = json_parser_get_root (reader->json);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_bad (reader, reader->line, "not a JSON object");
      return;
    }
  object = json_node_get_object (root);
  if (reader->keys == NULL)
    take_keys (reader, object);
  values = g_ptr_array_new_full (reader->keys->len, g_free);
  for (guint i = 0; i < reader->keys->len; i++)
    g_ptr_array_add (values, g_strdup (""));
  members = json_object_get_members (object);
  for (GList *m = members; m; m = m->next)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (reader->key_at,
                                                        m->data));
      char *cell;

      if (at == 0)
        {
          set_bad (reader, reader->line,
                   "key \"%s\" is not in the first line's object",
                   (const char *) m->data);
          return;
        }
      cell = json_cell (json_object_get_member (object, m->data));
      if (cell == NULL)
        {
          set_bad (reader, reader->line,
                   "the value of \"%s\" is an object or an array",
                   (const char *) m->data);
          return;
        }
      g_free (values->pdata[at - 1]);
      values->pdata[at - 1] = cell;
    }
  reader->row_start = reader->line;
  g_queue_push_tail (&reader->rows, row_of_strings (reader, values));
  g_queue_push_tail (&reader->row_lines, GSIZE_TO_POINTER (reader->row_start));
}

/* Reads lines until a row is complete, a bad row is met or input ends;
 * FALSE only on a read error. */
static gboolean
fill_rows (DlReader *reader, GError **error)
{
  while (g_queue_is_empty (&reader->rows) && reader->bad == NULL
         && !reader->at_eof)
    {
      GError *local = NULL;
      gssize len = next_line (reader, &local);

      if (len < 0)
        {
          if (local)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          if (reader->syntax == SYNTAX_CSV)
            finish_csv (reader);
          else
            reader->at_eof = TRUE;
          continue;
        }
      if (reader->syntax == SYNTAX_UNKNOWN)
        reader->syntax = detect_syntax (reader->buffer, len);
      if (reader->row_start == 0)
        reader->row_start = reader->line;
      /* One check a line, not one a field: UTF-8, and no NUL byte. */
      if (!dl_utf8_validate (reader->buffer, len, NULL))
        {
          set_bad (reader, reader->line, "%s",
                   memchr (reader->buffer, '\0', len) ? "NUL byte in the input"
                                                       : "invalid UTF-8");
          reset_parser (reader);
          reader->row_start = reader->line + 1;
        }
      else if (reader->syntax == SYNTAX_TSV)
        parse_tsv_line (reader, len);
      else if (reader->syntax == SYNTAX_JSONL)
        parse_jsonl_line (reader, len);
      else
        parse_csv_line (reader, len);
    }
  return TRUE;
}

/* Pops the next complete row; NULL at the end of input, on a read error,
 * or for a bad row (error DL_ERROR_BAD_ROW, counted). */
static Row *
next_row (DlReader *reader, guint64 *line, GError **error)
{
  if (!fill_rows (reader, error))
    return NULL;
  if (!g_queue_is_empty (&reader->rows))
    {
      *line = GPOINTER_TO_SIZE (g_queue_pop_head (&reader->row_lines));
      return g_queue_pop_head (&reader->rows);
    }
  if (reader->bad)
    {
      reader->skipped++;
      g_propagate_error (error, g_steal_pointer (&reader->bad));
    }
  return NULL;
}

/* ---- header and records ---- */

/* The name set for telling headers inside the input: every name of every
 * format, and the header's own. */
static GHashTable *
column_names_with (Row *header)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (int f = 0; f < DL_N_FORMATS; f++)
    {
      gsize n;
      const DlColumn *cols = dl_format_columns (f, &n);

      for (gsize i = 0; i < n; i++)
        g_hash_table_add (names, (gpointer) dl_format_column_name (f, cols[i]));
    }
  for (guint i = 0; i < header->len; i++)
    g_hash_table_add (names, header->cell[i]);
  return names;
}

gboolean
dl_reader_read_header (DlReader *reader, DlFormat in, DlFormat out,
                       const DlColumn *required, gsize n_required,
                       GError **error)
{
  g_autofree Row *header = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean bound[DL_N_COLUMNS] = { FALSE };
  guint64 line = 0;

  header = next_row (reader, &line, error);
  if (header != NULL && reader->syntax == SYNTAX_JSONL)
    {
      /* The first object is the header and the first record too. */
      g_queue_push_head (&reader->rows, g_steal_pointer (&header));
      g_queue_push_head (&reader->row_lines, GSIZE_TO_POINTER (line));
      header = row_of_strings (reader, reader->keys);
    }
  if (header == NULL)
    {
      if (error && *error)
        {
          /* A header that does not parse is a bad file, not a bad row. */
          (*error)->code = DL_ERROR_DATA;
          return FALSE;
        }
      /* Empty input is an empty table, as it is for sort and cut. */
      reader->have_header = TRUE;
      return TRUE;
    }
  reader->bind = g_new (int, header->len);
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = header->cell[i];
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
  reader->names = column_names_with (header);
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, reader->names);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      reader->longest_name = MAX (reader->longest_name, strlen (name));
  }
  reader->header = g_steal_pointer (&header);
  reader->have_header = TRUE;
  return TRUE;
}

/* The field with a byte order mark dropped (a file joined on with cat). */
static const char *
without_bom (const char *field)
{
  return g_str_has_prefix (field, BOM) ? field + 3 : field;
}

/* Whether row repeats the header: a stream of several outputs joined. */
static gboolean
is_header_copy (DlReader *reader, Row *row)
{
  if (row->len != reader->header->len
      || strcmp (without_bom (row->cell[0]), reader->header->cell[0]) != 0)
    return FALSE;
  for (guint i = 1; i < row->len; i++)
    if (strcmp (row->cell[i], reader->header->cell[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Whether row is a header of its own: its first field and at least one
 * other (or its only one) are column names.  No data row of dateline's
 * looks like that. */
static gboolean
is_other_header (DlReader *reader, Row *row)
{
  guint names = 0;

  /* Most first fields (document names) are longer than any column name:
   * no hashing for them. */
  if (strlen (row->cell[0]) > reader->longest_name + 3
      || !g_hash_table_contains (reader->names, without_bom (row->cell[0])))
    return FALSE;
  for (guint i = 0; i < row->len && names < 2; i++)
    names += g_hash_table_contains (reader->names,
                                    without_bom (row->cell[i]));
  return names >= MIN (row->len, 2);
}

/* A record-level bad row: counted, told as DL_ERROR_BAD_ROW. */
static DlRecord *
bad_record (DlReader *reader, GError *local, GError **error)
{
  reader->skipped++;
  local->code = DL_ERROR_BAD_ROW;
  g_propagate_error (error, local);
  return NULL;
}

DlRecord *
dl_reader_next (DlReader *reader, GError **error)
{
  g_return_val_if_fail (reader->have_header, NULL);
  for (;;)
    {
      g_autofree Row *row = NULL;
      g_autoptr (DlRecord) record = NULL;
      guint64 line = 0;

      row = next_row (reader, &line, error);
      if (row == NULL)
        return NULL;
      if (reader->header == NULL)
        {
          /* Rows after an empty first line that stood for a header. */
          reader->skipped++;
          continue;
        }
      /* Headers inside the input: CSV and TSV only (JSON Lines has none). */
      if (reader->syntax != SYNTAX_JSONL)
        {
          if (is_header_copy (reader, row))
            {
              reader->foreign = FALSE;
              continue;
            }
          if (reader->foreign)
            {
              reader->skipped++;
              continue;
            }
          if (is_other_header (reader, row))
            {
              reader->foreign = TRUE;
              g_set_error (error, DL_ERROR, DL_ERROR_BAD_ROW,
                           "%s:%" G_GUINT64_FORMAT ": a header unlike the "
                           "first one; the rows under it are skipped",
                           reader->name, line);
              return NULL;
            }
        }
      if (row->len != reader->header->len)
        return bad_record (
            reader,
            g_error_new (DL_ERROR, DL_ERROR_BAD_ROW,
                         "%s:%" G_GUINT64_FORMAT
                         ": record has %u fields, the header has %u",
                         reader->name, line, row->len, reader->header->len),
            error);
      record = dl_record_new ();
      record->origin = g_ref_string_acquire (reader->name);
      record->line = line;
      for (guint i = 0; i < row->len; i++)
        {
          int col = reader->bind[i];

          if (col >= 0)
            dl_record_set_in_block (record, col, row->cell[i]);
          else if (col == -2)
            g_ptr_array_add (record->extra, g_strdup (row->cell[i]));
        }
      dl_record_give_block (record, g_steal_pointer (&row));
      return g_steal_pointer (&record);
    }
}

DlFormat
dl_reader_peek_format (DlReader *reader, const DlFormat *formats, gsize n,
                       guint *known, GError **error)
{
  Row *row;
  g_autofree Row *keys = NULL;
  const Row *names;
  guint64 line = 0;
  DlFormat best = formats[0];
  guint best_known = 0;

  if (known)
    *known = 0;
  row = next_row (reader, &line, error);
  if (row == NULL)
    return error && *error ? DL_N_FORMATS : best;
  /* JSON Lines: the first object's keys are the header. */
  if (reader->syntax == SYNTAX_JSONL)
    keys = row_of_strings (reader, reader->keys);
  names = keys ? keys : row;
  for (gsize f = 0; f < n; f++)
    {
      guint count = 0;

      for (guint i = 0; i < names->len; i++)
        count += dl_format_lookup (formats[f],
                                   without_bom (names->cell[i])) >= 0;
      if (count > best_known)
        best = formats[f], best_known = count;
    }
  if (known)
    *known = best_known;
  /* Put back: dl_reader_read_header reads it as the first row. */
  g_queue_push_head (&reader->rows, row);
  g_queue_push_head (&reader->row_lines, GSIZE_TO_POINTER (line));
  return best;
}
