/* dl-write-html.c: --format html, one page to open or mail: the timeline
 * (or the comparison) drawn as SVG by a little JavaScript, with the rows
 * embedded as JSON (docs/records.md#html).  The page's template, style and
 * script are common/html/, readable files embedded as a GResource; this
 * file only puts them and the data together.
 *
 * The rows are kept as JSON text until the end (the page is laid out as a
 * whole), which is smaller than the records. */
#include "dl-write-backend.h"

#include "dl-html-resources.h"

#include <gio/gio.h>
#include <string.h>

#define RESOURCE "/org/dateline/html/"

typedef struct {
  GString *rows;   /* ",[cells...]" per record */
} Html;

static void
html_free (DlWriter *writer)
{
  Html *h = writer->state;

  if (h == NULL)
    return;
  g_string_free (h->rows, TRUE);
  g_free (h);
  writer->state = NULL;
}

static gboolean
html_header (DlWriter *writer, GError **error)
{
  Html *h = writer->state = g_new0 (Html, 1);

  h->rows = g_string_sized_new (1 << 16);
  return TRUE;
}

/* The format's own cells only: the page knows their names. */
static gboolean
html_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  Html *h = writer->state;

  g_string_append (h->rows, h->rows->len ? ",\n[" : "\n[");
  for (gsize i = 0; i < writer->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (h->rows, ',');
      dl_json_put_string (h->rows, dl_writer_cell (writer, record, i), TRUE);
    }
  g_string_append_c (h->rows, ']');
  return TRUE;
}

static GBytes *
resource (const char *name)
{
  static gsize registered = 0;
  g_autofree char *path = g_strconcat (RESOURCE, name, NULL);

  if (g_once_init_enter (&registered))
    {
      dl_html_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  /* Built in: a missing file is a build error, not the user's. */
  return g_resource_lookup_data (dl_html_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/* Writes text up to the marker "<!--dateline:NAME-->" and returns what
 * follows it (NULL, and the rest written, if there is none). */
static const char *
put_until (DlWriter *writer, const char *text, const char *name)
{
  g_autofree char *marker = NULL;
  const char *at;

  if (text == NULL)
    return NULL;
  marker = g_strconcat ("<!--dateline:", name, "-->", NULL);
  at = strstr (text, marker);

  fwrite (text, 1, at ? (gsize) (at - text) : strlen (text), writer->out);
  return at ? at + strlen (marker) : NULL;
}

static void
put_bytes (DlWriter *writer, GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  fwrite (data, 1, len, writer->out);
}

/* The JSON of the page: which format, its columns, the rows. */
static void
put_data (DlWriter *writer, Html *h)
{
  GString *head = g_string_new ("{\"format\":");

  dl_json_put_string (head, writer->format == DL_FORMAT_COMPARE
                                ? "comparison" : "timeline", TRUE);
  g_string_append (head, ",\"columns\":[");
  for (gsize i = 0; i < writer->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (head, ',');
      dl_json_put_string (head, dl_writer_cell_name (writer, i), TRUE);
    }
  g_string_append (head, "],\"rows\":[");
  fwrite (head->str, 1, head->len, writer->out);
  fwrite (h->rows->str, 1, h->rows->len, writer->out);
  fputs ("\n]}", writer->out);
  g_string_free (head, TRUE);
}

static gboolean
html_finish (DlWriter *writer, GError **error)
{
  g_autoptr (GBytes) page = resource ("page.html");
  g_autoptr (GBytes) css = resource ("page.css");
  g_autoptr (GBytes) js = resource ("page.js");
  /* GResource data ends in a NUL. */
  const char *rest = g_bytes_get_data (page, NULL);

  rest = put_until (writer, rest, "css");
  put_bytes (writer, css);
  rest = put_until (writer, rest, "data");
  put_data (writer, writer->state);
  rest = put_until (writer, rest, "js");
  put_bytes (writer, js);
  put_until (writer, rest, "end");
  return dl_writer_check_stream (writer, error);
}

static const char *const html_extensions[] = { ".html", ".htm", NULL };

const DlWriterBackend dl_backend_html = {
  .name = "html",
  .extensions = html_extensions,
  .formats = DL_FORMAT_BIT (DL_FORMAT_TIMELINE)
             | DL_FORMAT_BIT (DL_FORMAT_COMPARE),
  .header = html_header,
  .record = html_record,
  .finish = html_finish,
  .free = html_free,
};
