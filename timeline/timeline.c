/* timeline.c: ranges (or timelines) in, one timeline out: each row checked,
 * linked rows joined, all sorted by date, rows that tell one event merged
 * (merge.c), each labelled in words. */
#include "timeline.h"

#include "label.h"
#include "presorted.h"
#include "row.h"
#include "sort.h"
#include "words.h"

#include "dl-cli.h"
#include "dl-text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct _DlTimeline {
  DlTimelineOptions options;
  DlWordLists *lists;
  DlRow *pending;     /* the last row read: a link= row may still join it */
  DlSorter *sorter;  /* the rows, to be sorted */
  guint links;        /* rows joined to the row before */
  guint merged;       /* rows merged into another (same event) */
  guint dropped;      /* rows without a range left out (--resolved-only) */
  guint64 seq;        /* rows numbered in input order */
  GRefString *last_doc; /* the document of the last row read */
  GString *last_context; /* the sentence of the last row read, */
  guint last_context_hash; /* and its hash */
};

static const char *const granularities[] = {
  "", "day", "week", "month", "quarter", "half", "season", "year",
  "decade", "century", NULL,
};

static const char *const certainties[] = {
  "exact", "fuzzy", "approximate", "unresolved", NULL,
};

static const char *const types[] = {
  "", "DATE", "TIME", "DURATION", "SET", NULL,
};

DlTimeline *
dl_timeline_new (const DlTimelineOptions *options, GError **error)
{
  g_autoptr (DlTimeline) timeline = g_new0 (DlTimeline, 1);

  timeline->options = *options;
  timeline->last_context = g_string_new (NULL);
  if (timeline->options.merge_threshold <= 0)
    timeline->options.merge_threshold = DL_MERGE_THRESHOLD;
  timeline->options.grammar_dir = NULL; /* not kept: used only here */
  if (!options->no_merge)
    {
      timeline->lists = dl_word_lists_load (options->grammar_dir, error);
      if (timeline->lists == NULL)
        return NULL;
    }
  timeline->sorter = dl_sorter_new (options->buffer_size, options->temp_dir);
  timeline->options.temp_dir = NULL; /* the sorter has its copy */
  return g_steal_pointer (&timeline);
}

void
dl_timeline_free (DlTimeline *timeline)
{
  if (timeline == NULL)
    return;
  dl_row_free (timeline->pending);
  dl_sorter_free (timeline->sorter);
  dl_word_lists_free (timeline->lists);
  g_clear_pointer (&timeline->last_doc, g_ref_string_release);
  g_string_free (timeline->last_context, TRUE);
  g_free (timeline);
}

/* ---- checking ---- */

static void
set_row_error (GError **error, const DlRecord *record, const char *format,
               ...) G_GNUC_PRINTF (3, 4);

/* Where a record came from, for messages: its file and line, or (from a
 * stage in the same process) its document and line there. */
static void
set_row_error (GError **error, const DlRecord *record, const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (record->origin)
    g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s:%" G_GUINT64_FORMAT
                 ": %s", record->origin, record->line, message);
  else
    g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s:%s: %s",
                 dl_record_get (record, DL_COL_DOC),
                 dl_record_get (record, DL_COL_LINE), message);
}

/* The index of text among the NULL-terminated words, or -1. */
static int
index_of (const char *text, const char *const *words)
{
  for (int i = 0; words[i]; i++)
    if (strcmp (text, words[i]) == 0)
      return i;
  return -1;
}

static gboolean
is_number (const char *text)
{
  return *text && strspn (text, "0123456789") == strlen (text);
}

/* Reads column as a day, exactly YYYY-MM-DD, into *julian; empty is open,
 * open_value. */
static gboolean
read_day (const DlRecord *record, DlFormat format, DlColumn column,
          gint32 open_value, gint32 *julian, GError **error)
{
  const char *text = dl_record_get (record, column);
  GDate day;

  if (*text == '\0')
    {
      *julian = open_value;
      return TRUE;
    }
  if (strlen (text) != 10 || !dl_parse_iso_date (text, &day))
    {
      set_row_error (error, record, "%s \"%s\" is not a day (YYYY-MM-DD)",
                     dl_format_column_name (format, column), text);
      return FALSE;
    }
  *julian = (gint32) g_date_get_julian (&day);
  return TRUE;
}

/* Checks a range (columns lo_col and hi_col of format) and the columns
 * both input formats share, into a new row. */
static DlRow *
checked_row (DlRecord *record, DlFormat format, DlColumn lo_col,
             DlColumn hi_col, GError **error)
{
  g_autoptr (DlRow) row = g_new0 (DlRow, 1);
  int granularity, certainty;

  if (!read_day (record, format, lo_col, DL_OPEN_START, &row->lo, error)
      || !read_day (record, format, hi_col, DL_OPEN_END, &row->hi, error))
    return NULL;
  if (row->lo > row->hi)
    {
      set_row_error (error, record, "%s %s is after %s %s",
                     dl_format_column_name (format, lo_col),
                     dl_record_get (record, lo_col),
                     dl_format_column_name (format, hi_col),
                     dl_record_get (record, hi_col));
      return NULL;
    }
  certainty = index_of (dl_record_get (record, DL_COL_CERTAINTY), certainties);
  if (certainty < 0)
    {
      set_row_error (error, record, "unknown certainty \"%s\"",
                     dl_record_get (record, DL_COL_CERTAINTY));
      return NULL;
    }
  granularity = index_of (dl_record_get (record, DL_COL_GRANULARITY),
                          granularities);
  if (granularity < 0)
    {
      set_row_error (error, record, "unknown granularity \"%s\"",
                     dl_record_get (record, DL_COL_GRANULARITY));
      return NULL;
    }
  if (index_of (dl_record_get (record, DL_COL_TYPE), types) < 0)
    {
      set_row_error (error, record, "unknown type \"%s\"",
                     dl_record_get (record, DL_COL_TYPE));
      return NULL;
    }
  row->record = record;
  row->certainty = certainty;
  row->granularity = granularity;
  row->reports = 1;
  return g_steal_pointer (&row);
}

/* Every column the timeline reads from a ranges row is checked once, here:
 * a row that passes cannot make the labels or the sort read past a field. */
static DlRow *
checked_ranges_row (DlRecord *record, GError **error)
{
  static const DlColumn numbers[] = { DL_COL_START, DL_COL_END, DL_COL_LINE };

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const char *text = dl_record_get (record, numbers[i]);

      /* Empty is unknown (a user's mentions without offsets). */
      if (*text != '\0' && !is_number (text))
        {
          set_row_error (error, record, "%s \"%s\" is not a number",
                         dl_format_column_name (DL_FORMAT_RANGES, numbers[i]),
                         text);
          return NULL;
        }
    }
  return checked_row (record, DL_FORMAT_RANGES, DL_COL_EARLIEST,
                      DL_COL_LATEST, error);
}

static DlRow *
checked_timeline_row (DlRecord *record, GError **error)
{
  const char *sources = dl_record_get (record, DL_COL_SOURCES);

  if (*sources && !is_number (sources))
    {
      set_row_error (error, record, "sources \"%s\" is not a number",
                     sources);
      return NULL;
    }
  return checked_row (record, DL_FORMAT_TIMELINE, DL_COL_FROM, DL_COL_TO,
                      error);
}

/* ---- links ---- */

/* Whether b joins a, the row just before it: b's form says link=, and a
 * is of the same input (a file, or one process), document and sentence.
 * Two files that both name their document "-" are two inputs. */
static gboolean
joins (const DlRecord *a, const DlRecord *b)
{
  return strstr (dl_record_get (b, DL_COL_FORM), " link=") != NULL
         && a->origin == b->origin
         && strcmp (dl_record_get (a, DL_COL_DOC),
                    dl_record_get (b, DL_COL_DOC)) == 0
         && strcmp (dl_record_get (a, DL_COL_SENTENCE),
                    dl_record_get (b, DL_COL_SENTENCE)) == 0;
}

/* The words of the sentence from the start of one mention to the end of
 * the next ("late 2023 or early 2024"), or the two joined. */
static char *
joined_mention (const DlRecord *a, const DlRecord *b, const char *kind)
{
  const char *context = dl_record_get (a, DL_COL_CONTEXT);
  const char *m1 = dl_record_get (a, DL_COL_MENTION);
  const char *m2 = dl_record_get (b, DL_COL_MENTION);
  const char *p1 = *m1 ? strstr (context, m1) : NULL;
  const char *p2 = p1 && *m2 ? strstr (p1 + strlen (m1), m2) : NULL;

  if (p2 && p2 - p1 < 200)
    return g_strndup (p1, p2 + strlen (m2) - p1);
  return g_strdup_printf ("%s %s %s", m1, kind, m2);
}

/* Two linked mentions (b's form has link=or or link=to) become one row, a:
 * one span of time told as two ends, with the range normalize gave both. */
static void
join_link (DlRow *a, DlRow *b)
{
  DlRecord *ra = a->record, *rb = b->record;
  const char *link = strstr (dl_record_get (rb, DL_COL_FORM), " link=");
  g_autofree char *kind = g_strndup (link + 6, strcspn (link + 6, " "));
  g_autofree char *la = dl_timeline_when (ra);
  g_autofree char *lb = dl_timeline_when (rb);

  dl_record_take (ra, DL_COL_WHEN, g_strdup_printf ("%s - %s", la, lb));
  dl_record_take (ra, DL_COL_MENTION, joined_mention (ra, rb, kind));
  dl_record_take (ra, DL_COL_VALUE,
                  g_strdup_printf ("%s/%s", dl_record_get (ra, DL_COL_VALUE),
                                   dl_record_get (rb, DL_COL_VALUE)));
  dl_record_set (ra, DL_COL_EARLIEST, dl_record_get (rb, DL_COL_EARLIEST));
  dl_record_set (ra, DL_COL_LATEST, dl_record_get (rb, DL_COL_LATEST));
  dl_record_set (ra, DL_COL_CERTAINTY, dl_record_get (rb, DL_COL_CERTAINTY));
  a->lo = b->lo;
  a->hi = b->hi;
  a->certainty = b->certainty;
}

/* ---- rows ---- */

/* Counts the ";"-separated places of a source. */
static guint
count_places (const char *source)
{
  guint n = *source != '\0';

  for (const char *p = source; (p = strchr (p, ';')) != NULL; p++)
    n++;
  return n;
}

/* The line of a source's first place, "doc:12;b.txt:40": 12; 0 when it
 * has none (a user's timeline). */
static guint64
source_line (const char *source)
{
  gsize end = strcspn (source, ";");
  const char *colon = g_strrstr_len (source, (gssize) end, ":");

  if (colon == NULL || colon + 1 == source + end)
    return 0;
  return g_ascii_strtoull (colon + 1, NULL, 10);
}

/* Which sentence of which document a row is of, and which mention there:
 * by the document, the sentence as `context` gives it, the line, the
 * mention and its clause, all of which a timeline row keeps, so that a row read again
 * (a job's timeline written with --no-merge) is told apart as it was.  0
 * when the row has no context. */
static DlSpot
spot_of (DlTimeline *timeline, const DlRecord *record, guint64 line)
{
  const char *context = dl_record_get (record, DL_COL_CONTEXT);
  DlSpot spot = { 0, 0 };

  if (*context == '\0')
    return spot;
  /* A sentence's mentions come one after another: its hash is taken once
   * (comparing costs less than hashing). */
  if (strcmp (timeline->last_context->str, context) != 0)
    {
      g_string_assign (timeline->last_context, context);
      timeline->last_context_hash = g_str_hash (context);
    }
  spot.sentence = g_str_hash (dl_record_get (record, DL_COL_DOC)) * 31u
                  + timeline->last_context_hash;
  spot.sentence += spot.sentence == 0;
  /* A mention told twice in a sentence ("this summer ... this summer")
   * is two when its clauses differ. */
  spot.mention = ((spot.sentence * 31u + (guint32) line) * 31u
                  + g_str_hash (dl_record_get (record, DL_COL_MENTION))) * 31u
                 + g_str_hash (dl_record_get (record, DL_COL_EVENT));
  return spot;
}

/* Makes a ranges row a timeline row, once no link can join it any more:
 * its label, event, source and sort key (the words it is merged by are
 * read_words', before or after the sort). */
static void
to_timeline (DlTimeline *timeline, DlRow *row, gboolean from_ranges)
{
  DlRecord *record = row->record;
  const char *event = dl_record_get (record, DL_COL_EVENT);

  if (from_ranges)
    {
      dl_record_set (record, DL_COL_FROM,
                     dl_record_get (record, DL_COL_EARLIEST));
      dl_record_set (record, DL_COL_TO, dl_record_get (record, DL_COL_LATEST));
      if (record->fields[DL_COL_WHEN] == NULL)
        dl_record_take (record, DL_COL_WHEN, dl_timeline_when (record));
      dl_record_take (record, DL_COL_SOURCE,
                      g_strconcat (dl_record_get (record, DL_COL_DOC), ":",
                                   dl_record_get (record, DL_COL_LINE), NULL));
    }
  else if (*dl_record_get (record, DL_COL_WHEN) == '\0')
    dl_record_set (record, DL_COL_WHEN, dl_record_get (record, DL_COL_MENTION));
  row->line = source_line (dl_record_get (record, DL_COL_SOURCE));
  /* Only the same-event merge reads it (hashing the sentence costs). */
  if (!timeline->options.no_merge)
    row->spot = spot_of (timeline, record, row->line);
  /* The clause that carries the date, else (an input without it) the
   * whole sentence. */
  if (*event == '\0')
    dl_record_set (record, DL_COL_EVENT,
                   event = dl_record_get (record, DL_COL_CONTEXT));
  row->doc = dl_row_doc (&timeline->last_doc,
                         dl_record_get (record, DL_COL_DOC),
                         strlen (dl_record_get (record, DL_COL_DOC)));
  row->seq = timeline->seq++;
  row->own_lo = row->lo;
  row->own_hi = row->hi;
  row->key = row->lo != DL_OPEN_START ? row->lo
             : row->hi != DL_OPEN_END ? row->hi
                                      : DL_OPEN_END;
  /* Without a day at either end, a row has no range at all. */
  if (row->key == DL_OPEN_END)
    row->hi = DL_OPEN_END;
}

/* The words of the row's event, for the same-event merge: only a row with
 * a range can merge. */
static void
read_words (DlWordLists *lists, DlRow *row)
{
  if (lists && dl_row_ranged (row) && row->words == NULL)
    row->words = dl_words_of (lists, dl_record_get (row->record, DL_COL_EVENT),
                              dl_record_get (row->record, DL_COL_MENTION));
}

/* Hands row on to the sort (or drops it, --resolved-only).  Fails only
 * when the sort cannot spill (a temporary file cannot be written).  With
 * words_early the event's words are read here, as the row comes, and kept
 * with it in the sort: in dateline's second thread this runs beside
 * extract, while all that follows the sort waits for the last row.  On one
 * core that gains nothing, and rows that carry their words through the
 * sort are slower to sort (8% of a timeline), so they are read after it. */
static gboolean
to_sort (DlTimeline *timeline, DlRow *row, GError **error)
{
  if (!dl_row_ranged (row) && timeline->options.resolved_only)
    {
      timeline->dropped++;
      dl_row_free (row);
      return TRUE;
    }
  if (timeline->options.words_early)
    read_words (timeline->lists, row);
  return dl_sorter_add (timeline->sorter, row, error);
}

static gboolean
settle_pending (DlTimeline *timeline, GError **error)
{
  DlRow *row = g_steal_pointer (&timeline->pending);

  if (row == NULL)
    return TRUE;
  to_timeline (timeline, row, TRUE);
  return to_sort (timeline, row, error);
}

gboolean
dl_timeline_sink (DlRecord *record, gpointer data, GError **error)
{
  DlTimeline *timeline = data;
  DlRow *row = checked_ranges_row (record, error);

  if (row == NULL)
    {
      /* The row after a bad one is not next to the row before it.  (A
       * spill that fails here fails again at the end.) */
      settle_pending (timeline, NULL);
      dl_record_free (record);
      return FALSE;
    }
  if (timeline->pending && joins (timeline->pending->record, record))
    {
      join_link (timeline->pending, row);
      dl_row_free (row);
      timeline->links++;
      /* "from 2001 to 2009 or 2010" joins once, not twice. */
      return settle_pending (timeline, error);
    }
  if (!settle_pending (timeline, error))
    {
      dl_row_free (row);
      return FALSE;
    }
  timeline->pending = row;
  return TRUE;
}

gboolean
dl_timeline_sink_timeline (DlRecord *record, gpointer data, GError **error)
{
  DlTimeline *timeline = data;
  DlRow *row = checked_timeline_row (record, error);

  if (row == NULL)
    {
      settle_pending (timeline, NULL);
      dl_record_free (record);
      return FALSE;
    }
  if (!settle_pending (timeline, error))
    {
      dl_row_free (row);
      return FALSE;
    }
  to_timeline (timeline, row, FALSE);
  return to_sort (timeline, row, error);
}

DlRow *
dl_timeline_read_row (DlTimeline *timeline, DlRecord *record, GError **error)
{
  DlRow *row = checked_timeline_row (record, error);

  if (row == NULL)
    {
      dl_record_free (record);
      return NULL;
    }
  to_timeline (timeline, row, FALSE);
  if (!dl_row_ranged (row) && timeline->options.resolved_only)
    {
      timeline->dropped++;
      dl_row_free (row);
      return NULL;
    }
  return row;
}

DlSorter *
dl_timeline_sorter (DlTimeline *timeline)
{
  return timeline->sorter;
}

gboolean
dl_timeline_read_header (DlReader *reader, DlFormat *format, GError **error)
{
  static const DlColumn ranges_required[] = {
    DL_COL_DOC, DL_COL_START, DL_COL_LINE, DL_COL_MENTION, DL_COL_CONTEXT,
    DL_COL_VALUE, DL_COL_MOD, DL_COL_EARLIEST, DL_COL_LATEST,
    DL_COL_GRANULARITY, DL_COL_CERTAINTY,
  };
  static const DlColumn timeline_required[] = {
    DL_COL_FROM, DL_COL_TO, DL_COL_EVENT, DL_COL_MENTION, DL_COL_SOURCE,
    DL_COL_GRANULARITY, DL_COL_CERTAINTY,
  };
  static const DlFormat formats[] = { DL_FORMAT_RANGES, DL_FORMAT_TIMELINE };

  *format = dl_reader_peek_format (reader, formats, G_N_ELEMENTS (formats),
                                   NULL, error);
  if (*format == DL_FORMAT_TIMELINE)
    return dl_reader_read_header (reader, DL_FORMAT_TIMELINE,
                                  DL_FORMAT_TIMELINE, timeline_required,
                                  G_N_ELEMENTS (timeline_required), error);
  return *format == DL_FORMAT_RANGES
         && dl_reader_read_header (reader, DL_FORMAT_RANGES,
                                   DL_FORMAT_TIMELINE, ranges_required,
                                   G_N_ELEMENTS (ranges_required), error);
}

DlSinkFunc
dl_timeline_sink_for (DlFormat format)
{
  return format == DL_FORMAT_TIMELINE ? dl_timeline_sink_timeline
                                      : dl_timeline_sink;
}

/* ---- output ---- */

typedef struct {
  DlSinkFunc sink;
  gpointer data;
} Output;

static char *
format_julian (gint32 julian)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  return dl_format_date (&day);
}

/* The row as a timeline record: a merged row says the days all its reports
 * allow, how many places told it, and how sure it is. */
static gboolean
emit_row (DlRow *row, gpointer data, GError **error)
{
  Output *output = data;
  DlRecord *record = g_steal_pointer (&row->record);

  if (row->reports > 1)
    {
      if (row->lo != row->own_lo || row->hi != row->own_hi)
        {
          GDate a, b;

          dl_record_take (record, DL_COL_FROM, row->lo == DL_OPEN_START
                              ? g_strdup ("") : format_julian (row->lo));
          dl_record_take (record, DL_COL_TO, row->hi == DL_OPEN_END
                              ? g_strdup ("") : format_julian (row->hi));
          if (row->lo != DL_OPEN_START && row->hi != DL_OPEN_END)
            {
              g_autofree char *from = NULL, *to = NULL;

              g_date_clear (&a, 1);
              g_date_clear (&b, 1);
              g_date_set_julian (&a, row->lo);
              g_date_set_julian (&b, row->hi);
              from = dl_timeline_day_words (&a);
              to = dl_timeline_day_words (&b);
              dl_record_take (record, DL_COL_WHEN, row->lo == row->hi
                                  ? g_strdup (from)
                                  : g_strdup_printf ("between %s and %s",
                                                     from, to));
            }
        }
      if (row->overlap_only)
        row->certainty = MAX (row->certainty, 1);
      dl_record_set (record, DL_COL_CERTAINTY,
                     dl_row_certainty_name (row->certainty));
      if (row->narrowed)
        {
          const char *note = dl_record_get (record, DL_COL_NOTE);

          dl_record_take (record, DL_COL_NOTE, g_strdup_printf (
              "%s%s%u reports%s: the days all of them allow", note,
              *note ? "; " : "", row->reports,
              row->overlap_only ? " whose ranges only overlap" : ""));
        }
    }
  dl_record_set_number (record, DL_COL_SOURCES,
                        count_places (dl_record_get (record, DL_COL_SOURCE)));
  dl_row_free (row);
  return output->sink (record, output->data, error);
}

typedef struct {
  DlTimeline *timeline;
  DlMerger *merger;
} Sorted;

/* Each row as it comes out of the sort, in order, to the merge; a row
 * gets its words here unless it came with them (words_early). */
static gboolean
to_merge (DlRow *row, gpointer data, GError **error)
{
  Sorted *sorted = data;

  read_words (sorted->timeline->lists, row);
  return dl_merger_push (sorted->merger, row, error);
}

gboolean
dl_timeline_finish (DlTimeline *timeline, DlSinkFunc sink, gpointer data,
                    GError **error)
{
  Output output = { sink, data };
  DlMergeRule rule = { !timeline->options.no_merge,
                       timeline->options.merge_threshold, DL_MERGE_MIN_SHARED };
  g_autoptr (DlMerger) merger = dl_merger_new (&rule, emit_row, &output);
  Sorted sorted = { timeline, merger };
  gboolean ok;

  /* The sort is the one step that needs every row (the order is total:
   * equal rows keep their input order by seq).  The merge after it reads
   * the rows in order, one at a time, so it works the same whether the
   * sort spilled runs or not. */
  ok = settle_pending (timeline, error)
       && dl_sorter_finish (timeline->sorter, to_merge, &sorted, error)
       && dl_merger_finish (merger, error);
  timeline->merged += dl_merger_merged (merger);
  return ok;
}

static gboolean
write_record (DlRecord *record, gpointer writer, GError **error)
{
  g_autoptr (DlRecord) owned = record;

  return dl_writer_write (writer, owned, error);
}

gboolean
dl_timeline_write (DlTimeline *timeline, DlWriter *writer, GError **error)
{
  return dl_timeline_finish (timeline, write_record, writer, error)
         && dl_writer_finish (writer, error);
}

char **
dl_timeline_summary (DlTimeline *timeline)
{
  GPtrArray *lines = g_ptr_array_new ();

  if (timeline->links > 0)
    g_ptr_array_add (lines, g_strdup_printf (
        "%u row%s joined to the row before (link=)", timeline->links,
        timeline->links == 1 ? "" : "s"));
  if (timeline->merged > 0)
    g_ptr_array_add (lines, g_strdup_printf (
        "%u row%s merged into a row telling the same event",
        timeline->merged, timeline->merged == 1 ? "" : "s"));
  if (timeline->dropped > 0)
    g_ptr_array_add (lines, g_strdup_printf (
        "left out %u row%s without a date range", timeline->dropped,
        timeline->dropped == 1 ? "" : "s"));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/* ---- command line ---- */

const GOptionEntry *
dl_timeline_args_entries (DlTimelineArgs *args)
{
  const GOptionEntry entries[] = {
    { "resolved-only", 'R', 0, G_OPTION_ARG_NONE, &args->resolved_only,
      "Leave out rows without a date range (their count goes to stderr)",
      NULL },
    { "merge-threshold", 0, 0, G_OPTION_ARG_STRING, &args->merge_threshold,
      "Merge rows telling one event when their events' words are this alike "
      "(0-1, default " G_STRINGIFY (DL_MERGE_THRESHOLD) ")", "X" },
    { "no-merge", 0, 0, G_OPTION_ARG_NONE, &args->no_merge,
      "Keep every row, even when several tell the same event", NULL },
    { "buffer-size", 'S', 0, G_OPTION_ARG_STRING, &args->buffer_size,
      "Sort in at most SIZE of memory (b, K, M, G; default 256M), past it "
      "in temporary files", "SIZE" },
    { "temporary-directory", 'T', 0, G_OPTION_ARG_FILENAME, &args->temp_dir,
      "Put the sort's temporary files in DIR (default $TMPDIR or /tmp)",
      "DIR" },
    { NULL },
  };

  g_free (args->entries);
  args->entries = g_memdup2 (entries, sizeof entries);
  return args->entries;
}

gboolean
dl_timeline_parse_threshold (const char *option, const char *text,
                             double *threshold, GError **error)
{
  char *end = NULL;
  double x = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(x > 0 && x <= 1))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "%s: \"%s\" is not a number above 0 and at most 1",
                   option, text);
      return FALSE;
    }
  *threshold = x;
  return TRUE;
}

gboolean
dl_timeline_args_apply (DlTimelineArgs *args, DlTimelineOptions *options,
                        GError **error)
{
  options->resolved_only = args->resolved_only;
  options->no_merge = args->no_merge;
  options->merge_threshold = DL_MERGE_THRESHOLD;
  options->temp_dir = args->temp_dir;
  if (args->buffer_size
      && !dl_cli_parse_size ("--buffer-size", args->buffer_size, 64 << 10,
                             &options->buffer_size, error))
    return FALSE;
  return args->merge_threshold == NULL
         || dl_timeline_parse_threshold ("--merge-threshold",
                                         args->merge_threshold,
                                         &options->merge_threshold, error);
}

void
dl_timeline_args_clear (DlTimelineArgs *args)
{
  g_clear_pointer (&args->merge_threshold, g_free);
  g_clear_pointer (&args->buffer_size, g_free);
  g_clear_pointer (&args->temp_dir, g_free);
  g_clear_pointer (&args->entries, g_free);
}
