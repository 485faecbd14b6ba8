/* jsonl.c: JSON Lines archives, a line (a document) at a time, parsed with
 * json-glib.  Memory is bounded by the longest line. */
#include "jsonl.h"

#include "dl-cli.h"
#include "dl-record.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

/* How much of a line one fgets reads. */
#define CHUNK 65536

struct _DlJsonlReader {
  char *name;         /* for messages, as UTF-8 */
  FILE *in;
  gboolean owns_in;
  DlJsonlFields fields;
  gsize max_size;
  guint64 line;       /* of the line last read */
  GString *buffer;
  JsonParser *parser;
};

DlJsonlReader *
dl_jsonl_open (const char *path, const DlJsonlFields *fields, gsize max_size,
               GError **error)
{
  gboolean is_stdin = strcmp (path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen (path, "re");
  DlJsonlReader *reader;
  g_autofree char *name = is_stdin ? g_strdup ("-")
                                   : g_filename_display_name (path);

  if (in == NULL)
    {
      int saved = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", name,
                   g_strerror (saved));
      return NULL;
    }
  reader = g_new0 (DlJsonlReader, 1);
  reader->name = g_steal_pointer (&name);
  reader->in = in;
  reader->owns_in = !is_stdin;
  reader->fields = *fields;
  reader->max_size = max_size;
  reader->buffer = g_string_sized_new (CHUNK);
  reader->parser = json_parser_new ();
  return reader;
}

void
dl_jsonl_close (DlJsonlReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->owns_in)
    fclose (reader->in);
  g_free (reader->name);
  g_string_free (reader->buffer, TRUE);
  g_object_unref (reader->parser);
  g_free (reader);
}

/* Reads the next line into reader->buffer (without its newline).  FALSE
 * at the end of input or on a read error (then error is set).  A line over
 * the limit is read to its end but not kept: *too_long is set. */
static gboolean
read_line (DlJsonlReader *reader, gboolean *too_long, GError **error)
{
  char chunk[CHUNK];
  gboolean any = FALSE;

  g_string_truncate (reader->buffer, 0);
  *too_long = FALSE;
  while (fgets (chunk, sizeof chunk, reader->in) != NULL)
    {
      gsize n = strlen (chunk);
      gboolean end = n > 0 && chunk[n - 1] == '\n';

      any = TRUE;
      if (end)
        n--;
      if (!*too_long && reader->max_size > 0
          && reader->buffer->len + n > reader->max_size)
        {
          *too_long = TRUE;
          g_string_truncate (reader->buffer, 0);
        }
      if (!*too_long)
        g_string_append_len (reader->buffer, chunk, n);
      if (end)
        break;
    }
  if (ferror (reader->in))
    {
      int saved = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", reader->name,
                   g_strerror (saved));
      return FALSE;
    }
  if (any)
    reader->line++;
  return any;
}

static gboolean
fail (DlJsonlReader *reader, GError **error, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static gboolean
fail (DlJsonlReader *reader, GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s:%" G_GUINT64_FORMAT ": %s",
               reader->name, reader->line, message);
  return FALSE;
}

/* The id of the record: a string, or a whole number written out. */
static char *
record_id (DlJsonlReader *reader, JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, reader->fields.id);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING && *json_node_get_string (node) != '\0')
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  /* No id: the place in the archive names the document. */
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, reader->name,
                          reader->line);
}

/* The day of the record's date into *dct (NULL when it has none). */
static gboolean
record_date (DlJsonlReader *reader, JsonObject *object, char **dct,
             GError **error)
{
  JsonNode *node = json_object_get_member (object, reader->fields.date);
  const char *text;
  GDate date;

  *dct = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  text = JSON_NODE_HOLDS_VALUE (node)
                 && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node)
             : NULL;
  if (text == NULL || !dl_parse_iso_date (text, &date))
    {
      g_autofree char *shown = text ? g_strescape (text, NULL)
                                    : json_to_string (node, FALSE);
      return fail (reader, error, "%s \"%s\" is not a date (YYYY-MM-DD)",
                   reader->fields.date, shown);
    }
  *dct = dl_format_date (&date);
  return TRUE;
}

/* The document of the line in reader->buffer, or NULL with error set. */
static DlDocument *
parse_line (DlJsonlReader *reader, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dct = NULL;
  JsonNode *root, *text;
  JsonObject *object;
  DlDocument *document;
  const char *value;

  if (!json_parser_load_from_data (reader->parser, reader->buffer->str,
                                   reader->buffer->len, &local))
    {
      /* json-glib names the line "<data>:1:": it is ours to name. */
      const char *message = g_str_has_prefix (local->message, "<data>:1:")
                                ? local->message + strlen ("<data>:1:")
                                : local->message;

      fail (reader, error, "not JSON: column %s", message);
      return NULL;
    }
  root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (reader, error, "not a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);
  text = json_object_get_member (object, reader->fields.text);
  if (text == NULL || !JSON_NODE_HOLDS_VALUE (text)
      || json_node_get_value_type (text) != G_TYPE_STRING)
    {
      fail (reader, error, "no text (a string in \"%s\")",
            reader->fields.text);
      return NULL;
    }
  if (!record_date (reader, object, &dct, error))
    return NULL;
  id = record_id (reader, object);
  /* json-glib ends a string at a NUL byte ("\u0000"): the rest would be
   * lost without a word. */
  if (strstr (reader->buffer->str, "\\u0000") != NULL)
    {
      fail (reader, error, "text of \"%s\": NUL byte (\\u0000)", id);
      return NULL;
    }
  value = json_node_get_string (text);
  document = dl_document_new (id, value, strlen (value), FALSE, &local);
  if (document == NULL)
    {
      fail (reader, error, "text of \"%s\": %s", id, local->message);
      return NULL;
    }
  document->dct = g_steal_pointer (&dct);
  return document;
}

DlDocument *
dl_jsonl_next (DlJsonlReader *reader, gboolean *done, GError **error)
{
  gboolean too_long;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  *done = FALSE;
  for (;;)
    {
      if (!read_line (reader, &too_long, error))
        {
          *done = TRUE;
          return NULL;
        }
      if (too_long)
        {
          fail (reader, error, "document larger than --max-document-size (%"
                G_GSIZE_FORMAT " bytes)", reader->max_size);
          return NULL;
        }
      /* Blank lines (a last empty line, CRLF files) hold no record. */
      g_strchomp (reader->buffer->str);
      g_string_truncate (reader->buffer, strlen (reader->buffer->str));
      if (reader->buffer->len > 0)
        return parse_line (reader, error);
    }
}
