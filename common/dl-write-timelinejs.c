/* dl-write-timelinejs.c: --format timelinejs, the columns of Knight Lab's
 * TimelineJS spreadsheet template as CSV (docs/records.md#timelinejs): one
 * row a slide, to paste into the template or to give TimelineJS as a CSV
 * file.  Headline, Text and Display Date are HTML to TimelineJS, so they
 * are escaped; the spreadsheet guard applies as to any CSV. */
#include "dl-write-backend.h"

#include "dl-text.h"

#include <string.h>

static const char *const columns[] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
  "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit",
  "Media Caption", "Media Thumbnail", "Alt Text", "Type", "Group",
  "Background",
};

enum {
  YEAR, MONTH, DAY, TIME, END_YEAR, END_MONTH, END_DAY, END_TIME,
  DISPLAY_DATE, HEADLINE, TEXT, N_USED = G_N_ELEMENTS (columns),
  GROUP = 17
};

/* The fields of one slide. */
typedef struct {
  const char *start, *end;  /* YYYY-MM-DD or empty */
  const char *when, *event, *mention, *sentence, *source, *doc, *remark;
} Slide;

typedef struct {
  guint64 undated;          /* rows left out: no day to place them on */
  char *cells[N_USED];      /* the row being written */
} TimelineJs;

static TimelineJs *
state_of (DlWriter *writer)
{
  if (writer->state == NULL)
    writer->state = g_new0 (TimelineJs, 1);
  return writer->state;
}

static void
clear_cells (TimelineJs *t)
{
  for (gsize i = 0; i < N_USED; i++)
    g_clear_pointer (&t->cells[i], g_free);
}

static void
timelinejs_free (DlWriter *writer)
{
  TimelineJs *t = writer->state;

  if (t == NULL)
    return;
  clear_cells (t);
  g_free (t);
  writer->state = NULL;
}

static gboolean
put_cells (DlWriter *writer, char *const *cells, GError **error)
{
  for (gsize i = 0; i < N_USED; i++)
    dl_writer_put_csv (writer, cells[i] ? cells[i] : "", i == 0);
  g_string_append_c (writer->row, '\n');
  return dl_writer_put_row (writer, error);
}

static gboolean
timelinejs_header (DlWriter *writer, GError **error)
{
  return put_cells (writer, (char *const *) columns, error);
}

/* A day YYYY-MM-DD as the template's three cells, without leading zeros
 * (year 0700 is 700). */
static void
put_day (TimelineJs *t, int first, const char *day)
{
  int year = dl_text_digits (day, 4);

  t->cells[first] = g_strdup_printf ("%d", year);
  t->cells[first + 1] = g_strdup_printf ("%d", dl_text_digits (day + 5, 2));
  t->cells[first + 2] = g_strdup_printf ("%d", dl_text_digits (day + 8, 2));
}

static gboolean
is_day (const char *text)
{
  return strlen (text) == 10 && text[4] == '-' && text[7] == '-'
         && dl_text_digits (text, 4) >= 0 && dl_text_digits (text + 5, 2) > 0
         && dl_text_digits (text + 8, 2) > 0;
}

/* What the range means, as the Display Date: the timeline's words.  Two
 * linked mentions are labelled "late 2023 - early 2024" in the timeline;
 * when the text said "or", the slide says so, since a reader takes a dash
 * for a span. */
static char *
display_date (const Slide *slide)
{
  const char *dash = strstr (slide->when, " - ");

  if (dash && strstr (slide->mention, " or ") != NULL)
    return g_strdup_printf ("%.*s or %s", (int) (dash - slide->when),
                            slide->when, dash + 3);
  return g_strdup (slide->when);
}

/* text with '&', '<' and '>' as entities: TimelineJS reads the cells as
 * HTML.  Quotes stay as they are, readable in the sheet. */
static char *
html_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      default: g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/* The slide's row; FALSE (and nothing written) when it has no day. */
static gboolean
fill (TimelineJs *t, const Slide *slide)
{
  gboolean has_start = is_day (slide->start), has_end = is_day (slide->end);
  g_autofree char *when = NULL;
  g_autofree char *sentence = NULL, *source = NULL, *remark = NULL;

  if (!has_start && !has_end)
    return FALSE;
  /* An open range is placed at its one known end: it does not pretend to
   * a start (or an end) that the text never gave. */
  put_day (t, YEAR, has_start ? slide->start : slide->end);
  if (has_start && has_end && strcmp (slide->start, slide->end) != 0)
    put_day (t, END_YEAR, slide->end);
  when = display_date (slide);
  t->cells[DISPLAY_DATE] = html_text (when);
  t->cells[HEADLINE] = html_text (
      *slide->event ? slide->event : slide->mention);
  sentence = html_text (slide->sentence);
  source = html_text (slide->source);
  remark = html_text (slide->remark);
  t->cells[TEXT] = g_strconcat (sentence, *sentence ? "<br><br>" : "",
                                *remark ? remark : "", *remark ? "<br>" : "",
                                "Source: ", source, NULL);
  t->cells[GROUP] = g_strdup (slide->doc);
  return TRUE;
}

static gboolean
write_slide (DlWriter *writer, const Slide *slide, GError **error)
{
  TimelineJs *t = state_of (writer);
  gboolean ok = TRUE;

  if (fill (t, slide))
    ok = put_cells (writer, t->cells, error);
  else
    t->undated++;
  clear_cells (t);
  return ok;
}

/* The document of a source "doc:line;doc:line": the first place's. */
static char *
doc_of (const char *source)
{
  gsize len = strcspn (source, ";");
  const char *colon = g_strrstr_len (source, len, ":");

  return g_strndup (source, colon ? (gsize) (colon - source) : len);
}

static gboolean
write_timeline (DlWriter *writer, const DlRecord *r, GError **error)
{
  Slide slide = {
    dl_record_get (r, DL_COL_FROM), dl_record_get (r, DL_COL_TO),
    dl_record_get (r, DL_COL_WHEN), dl_record_get (r, DL_COL_EVENT),
    dl_record_get (r, DL_COL_MENTION), dl_record_get (r, DL_COL_CONTEXT),
    dl_record_get (r, DL_COL_SOURCE), dl_record_get (r, DL_COL_DOC), "",
  };

  return write_slide (writer, &slide, error);
}

/* A comparison row is a slide for each side that tells the event, in the
 * group of that side's document, saying how the sides compare. */
static gboolean
write_comparison (DlWriter *writer, const DlRecord *r, GError **error)
{
  static const DlColumn sides[2][5] = {
    { DL_COL_A_START, DL_COL_A_END, DL_COL_A_WHEN, DL_COL_A_EVENT,
      DL_COL_A_SOURCE },
    { DL_COL_B_START, DL_COL_B_END, DL_COL_B_WHEN, DL_COL_B_EVENT,
      DL_COL_B_SOURCE },
  };
  const char *note = dl_record_get (r, DL_COL_NOTE);
  g_autofree char *remark = g_strconcat (dl_record_get (r, DL_COL_STATUS),
                                         *note ? ": " : "", note, NULL);

  for (int s = 0; s < 2; s++)
    {
      const char *source = dl_record_get (r, sides[s][4]);
      g_autofree char *doc = doc_of (source);
      Slide slide = {
        dl_record_get (r, sides[s][0]), dl_record_get (r, sides[s][1]),
        dl_record_get (r, sides[s][2]), dl_record_get (r, sides[s][3]),
        "", "", source, doc, remark,
      };

      if (*source == '\0')
        continue;
      if (!write_slide (writer, &slide, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
timelinejs_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  if (writer->format == DL_FORMAT_COMPARE)
    return write_comparison (writer, record, error);
  return write_timeline (writer, record, error);
}

static gboolean
timelinejs_finish (DlWriter *writer, GError **error)
{
  TimelineJs *t = writer->state;

  if (t && t->undated > 0)
    writer->summary = g_strdup_printf (
        "%" G_GUINT64_FORMAT " row%s left out (no date to place on a "
        "TimelineJS timeline)", t->undated, t->undated == 1 ? "" : "s");
  return TRUE;
}

static const char *const timelinejs_extensions[] = { NULL };

const DlWriterBackend dl_backend_timelinejs = {
  .name = "timelinejs",
  .extensions = timelinejs_extensions,
  .formats = DL_FORMAT_BIT (DL_FORMAT_TIMELINE)
             | DL_FORMAT_BIT (DL_FORMAT_COMPARE),
  .header = timelinejs_header,
  .record = timelinejs_record,
  .finish = timelinejs_finish,
  .free = timelinejs_free,
};
