/* timeline.c: sorts ranges into a timeline a person can read. */
#include "timeline.h"

#include "dl-cli.h"
#include "dl-text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct _DlTimeline {
  gboolean resolved_only;
  GPtrArray *records; /* DlRecord *, ranges */
  gboolean last_open; /* the last record may still be joined by a link */
  guint links;        /* rows joined to the row before */
};

DlTimeline *
dl_timeline_new (gboolean resolved_only)
{
  DlTimeline *timeline = g_new0 (DlTimeline, 1);

  timeline->resolved_only = resolved_only;
  timeline->records = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);
  return timeline;
}

void
dl_timeline_free (DlTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_ptr_array_unref (timeline->records);
  g_free (timeline);
}

static void join_link (DlRecord *a, DlRecord *b);

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

void
dl_timeline_add (DlTimeline *timeline, DlRecord *record)
{
  GPtrArray *records = timeline->records;

  if (timeline->last_open && joins (records->pdata[records->len - 1], record))
    {
      join_link (records->pdata[records->len - 1], record);
      dl_record_free (record);
      timeline->links++;
      /* "from 2001 to 2009 or 2010" joins once, not twice. */
      timeline->last_open = FALSE;
      return;
    }
  g_ptr_array_add (records, record);
  timeline->last_open = TRUE;
}

guint
dl_timeline_links (DlTimeline *timeline)
{
  return timeline->links;
}

/* Where a record came from, for messages: its file and line, or (from a
 * stage in the same process) its document and line there. */
static void
set_row_error (GError **error, const DlRecord *record, const char *format,
               ...) G_GNUC_PRINTF (3, 4);

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

/* Whether text is one of the NULL-terminated words. */
static gboolean
is_one_of (const char *text, const char *const *words)
{
  for (; *words; words++)
    if (strcmp (text, *words) == 0)
      return TRUE;
  return FALSE;
}

/* Whether text is empty or a day written exactly YYYY-MM-DD. */
static gboolean
is_day_or_empty (const char *text)
{
  GDate day;

  return *text == '\0' || (strlen (text) == 10 && dl_parse_iso_date (text, &day));
}

static gboolean
is_number (const char *text)
{
  return *text && strspn (text, "0123456789") == strlen (text);
}

/* Every column the timeline reads is checked once, here: a row that
 * passes cannot make the labels or the sort read past a field. */
static gboolean
check_row (const DlRecord *record, GError **error)
{
  static const char *const certainties[] = {
    "exact", "fuzzy", "approximate", "unresolved", NULL,
  };
  static const char *const granularities[] = {
    "", "day", "week", "month", "quarter", "half", "season", "year",
    "decade", "century", NULL,
  };
  static const char *const types[] = {
    "", "DATE", "TIME", "DURATION", "SET", NULL,
  };
  static const DlColumn days[] = { DL_COL_EARLIEST, DL_COL_LATEST };
  static const DlColumn numbers[] = { DL_COL_START, DL_COL_END, DL_COL_LINE };
  const char *earliest = dl_record_get (record, DL_COL_EARLIEST);
  const char *latest = dl_record_get (record, DL_COL_LATEST);

  for (gsize i = 0; i < G_N_ELEMENTS (days); i++)
    if (!is_day_or_empty (dl_record_get (record, days[i])))
      {
        set_row_error (error, record, "%s \"%s\" is not a day (YYYY-MM-DD)",
                       dl_format_column_name (DL_FORMAT_RANGES, days[i]),
                       dl_record_get (record, days[i]));
        return FALSE;
      }
  if (*earliest && *latest && strcmp (earliest, latest) > 0)
    {
      set_row_error (error, record, "earliest %s is after latest %s",
                     earliest, latest);
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const char *text = dl_record_get (record, numbers[i]);

      /* end is optional; start and line are required columns. */
      if (!is_number (text) && !(numbers[i] == DL_COL_END && *text == '\0'))
        {
          set_row_error (error, record, "%s \"%s\" is not a number",
                         dl_format_column_name (DL_FORMAT_RANGES, numbers[i]),
                         text);
          return FALSE;
        }
    }
  if (!is_one_of (dl_record_get (record, DL_COL_CERTAINTY), certainties))
    {
      set_row_error (error, record, "unknown certainty \"%s\"",
                     dl_record_get (record, DL_COL_CERTAINTY));
      return FALSE;
    }
  if (!is_one_of (dl_record_get (record, DL_COL_GRANULARITY), granularities))
    {
      set_row_error (error, record, "unknown granularity \"%s\"",
                     dl_record_get (record, DL_COL_GRANULARITY));
      return FALSE;
    }
  if (!is_one_of (dl_record_get (record, DL_COL_TYPE), types))
    {
      set_row_error (error, record, "unknown type \"%s\"",
                     dl_record_get (record, DL_COL_TYPE));
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_timeline_sink (DlRecord *record, gpointer timeline, GError **error)
{
  if (!check_row (record, error))
    {
      /* The row after a bad one is not next to the row before it. */
      ((DlTimeline *) timeline)->last_open = FALSE;
      dl_record_free (record);
      return FALSE;
    }
  dl_timeline_add (timeline, record);
  return TRUE;
}

/* English month names: the labels must not change with the locale, which
 * g_date_strftime's %B would. */
static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

static const char *
mod_prefix (const char *mod)
{
  static const struct { const char *mod, *words; } table[] = {
    { "START", "early " }, { "MID", "mid " }, { "END", "late " },
    { "APPROX", "around " }, { "BEFORE", "before " }, { "AFTER", "after " },
    { "ON_OR_BEFORE", "by " }, { "ON_OR_AFTER", "from " },
  };

  for (gsize i = 0; mod && i < G_N_ELEMENTS (table); i++)
    if (strcmp (mod, table[i].mod) == 0)
      return table[i].words;
  return "";
}

static char *
ordinal (int n)
{
  const char *suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                   ? "st"
                       : n % 10 == 2                   ? "nd"
                       : n % 10 == 3                   ? "rd"
                                                       : "th";
  return g_strdup_printf ("%d%s", n, suffix);
}

/* "24 February 2022" for an ISO day (a time of day may follow), or NULL. */
static char *
iso_day_words (const char *text)
{
  GDate day;

  if (!dl_parse_iso_date (text, &day))
    return NULL;
  return g_strdup_printf ("%d %s %d", g_date_get_day (&day),
                          months[g_date_get_month (&day) - 1],
                          g_date_get_year (&day));
}

/* The number in the one or two digits at text, or -1. */
static int
small_number (const char *text)
{
  int n = dl_text_digits (text, 2);

  return n >= 0 ? n : dl_text_digits (text, 1);
}

/* The value in words, without the mod: read digit by digit (every row of
 * the timeline is named through here). */
static char *
value_words (const char *value)
{
  static const struct { const char *code, *name; } seasons[] = {
    { "SP", "spring" }, { "SU", "summer" }, { "FA", "autumn" },
    { "WI", "winter" },
  };
  int y = dl_text_digits (value, 4), m;
  char *day = iso_day_words (value);
  gsize n;

  if (day)
    return day;
  if (y >= 0 && value[4] == '-')
    {
      const char *rest = value + 5;

      m = dl_text_digits (rest, 2);
      if (m >= 1 && m <= 12 && rest[2] == '\0')
        return g_strdup_printf ("%s %d", months[m - 1], y);
      if ((rest[0] == 'Q' || rest[0] == 'H') && g_ascii_isdigit (rest[1])
          && rest[2] == '\0')
        return rest[0] == 'Q' ? g_strdup_printf ("Q%c %d", rest[1], y)
                              : g_strdup_printf ("%s half of %d",
                                                 rest[1] == '1' ? "first"
                                                                : "second",
                                                 y);
      if (rest[0] == 'W' && (m = small_number (rest + 1)) >= 0)
        return g_strdup_printf ("week %d of %d%s", m, y,
                                g_str_has_suffix (value, "-WE")
                                    ? " (weekend)" : "");
      for (gsize i = 0; i < G_N_ELEMENTS (seasons); i++)
        if (strcmp (rest, seasons[i].code) == 0)
          return g_strdup_printf ("%s %d", seasons[i].name, y);
    }
  n = strlen (value);
  if (n == 4 && strspn (value, "0123456789") == 4)
    return g_strdup (value);
  if (n == 3 && strspn (value, "0123456789") == 3)
    return g_strdup_printf ("the %s0s", value);
  if (n == 2 && strspn (value, "0123456789") == 2)
    {
      g_autofree char *nth = ordinal (atoi (value) + 1);
      return g_strdup_printf ("the %s century", nth);
    }
  if (strcmp (value, "PRESENT_REF") == 0)
    return g_strdup ("now");
  if (strcmp (value, "PAST_REF") == 0)
    return g_strdup ("the past");
  if (strcmp (value, "FUTURE_REF") == 0)
    return g_strdup ("the future");
  return g_strdup (value);
}

/* A date as a person writes it: "24 February 2022". */
static char *
day_words (const char *iso)
{
  char *words = iso_day_words (iso);

  return words ? words : g_strdup (iso);
}

/* The label of a record: from its value, or, when the value says only
 * roughly ("XXXX-XX-XX": three days before some day of 2022), from its
 * range. */
static char *
record_label (const DlRecord *record)
{
  const char *value = dl_record_get (record, DL_COL_VALUE);
  const char *earliest = dl_record_get (record, DL_COL_EARLIEST);
  const char *latest = dl_record_get (record, DL_COL_LATEST);
  const char *mod = dl_record_get (record, DL_COL_MOD);
  const char *anchor = dl_record_get (record, DL_COL_ANCHOR);

  /* A recurring set, or a mention that could not be resolved, has no date
   * to name: its own words say it best. */
  if (strcmp (dl_record_get (record, DL_COL_TYPE), "SET") == 0
      || strcmp (dl_record_get (record, DL_COL_CERTAINTY), "unresolved") == 0)
    return g_strdup (dl_record_get (record, DL_COL_MENTION));
  /* "before the 2022 Ukraine invasion", when the event was found. */
  if (*anchor && (strcmp (mod, "BEFORE") == 0 || strcmp (mod, "AFTER") == 0)
      && strstr (dl_record_get (record, DL_COL_NOTE), "; anchor \""))
    return g_strdup_printf ("%s the %s", mod[0] == 'B' ? "before" : "after",
                            anchor);
  /* Some days of a month: "3-5 May 2021". */
  if (*earliest && *latest && strlen (value) == 7
      && strncmp (earliest, value, 7) == 0 && strncmp (latest, value, 7) == 0
      && strcmp (dl_record_get (record, DL_COL_GRANULARITY), "day") == 0)
    {
      g_autofree char *last = day_words (latest);
      return g_strdup_printf ("%d-%s", dl_text_digits (earliest + 8, 2),
                              last);
    }
  /* Rough values, and durations told from an event ("three days before
   * the invasion"), are named by their range. */
  if (strcmp (earliest, latest) == 0 && *earliest
      && strcmp (dl_record_get (record, DL_COL_TYPE), "DURATION") == 0)
    return day_words (earliest);
  if ((strchr (value, 'X') || strcmp (dl_record_get (record, DL_COL_TYPE),
                                      "DURATION") == 0)
      && *earliest && *latest)
    {
      g_autofree char *a = day_words (earliest);
      g_autofree char *b = day_words (latest);
      return g_strdup_printf ("between %s and %s", a, b);
    }
  return dl_timeline_label (value, dl_record_get (record, DL_COL_MOD));
}

char *
dl_timeline_label (const char *value, const char *mod)
{
  g_autofree char *words = value_words (value ? value : "");
  const char *prefix = mod_prefix (mod);

  /* "the early 1990s", not "early the 1990s" */
  if (g_str_has_prefix (words, "the ") && *prefix)
    return g_strconcat ("the ", prefix, words + 4, NULL);
  return g_strconcat (prefix, words, NULL);
}

/* The day a row sorts by: its start, or its end when open at the start. */
static const char *
sort_day (const DlRecord *record)
{
  const char *earliest = dl_record_get (record, DL_COL_EARLIEST);

  return *earliest ? earliest : dl_record_get (record, DL_COL_LATEST);
}

static int
compare_text_empty_last (const char *a, const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return strcmp (a, b);
}

static int
compare_rows (gconstpointer pa, gconstpointer pb)
{
  const DlRecord *a = *(DlRecord *const *) pa, *b = *(DlRecord *const *) pb;
  int c = compare_text_empty_last (sort_day (a), sort_day (b));
  guint64 oa, ob;

  if (c == 0)
    c = compare_text_empty_last (dl_record_get (a, DL_COL_LATEST),
                                 dl_record_get (b, DL_COL_LATEST));
  if (c == 0)
    c = strcmp (dl_record_get (a, DL_COL_DOC), dl_record_get (b, DL_COL_DOC));
  if (c == 0)
    {
      oa = g_ascii_strtoull (dl_record_get (a, DL_COL_START), NULL, 10);
      ob = g_ascii_strtoull (dl_record_get (b, DL_COL_START), NULL, 10);
      c = oa < ob ? -1 : oa > ob;
    }
  return c;
}

static void
to_timeline (DlRecord *record)
{
  dl_record_set (record, DL_COL_FROM, dl_record_get (record, DL_COL_EARLIEST));
  dl_record_set (record, DL_COL_TO, dl_record_get (record, DL_COL_LATEST));
  if (record->fields[DL_COL_WHEN] == NULL)
    dl_record_take (record, DL_COL_WHEN, record_label (record));
  dl_record_set (record, DL_COL_EVENT, dl_record_get (record, DL_COL_CONTEXT));
  dl_record_set_printf (record, DL_COL_SOURCE, "%s:%s",
                        dl_record_get (record, DL_COL_DOC),
                        dl_record_get (record, DL_COL_LINE));
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
 * one span of time told as two ends. */
static void
join_link (DlRecord *a, DlRecord *b)
{
  const char *link = strstr (dl_record_get (b, DL_COL_FORM), " link=");
  g_autofree char *kind = g_strndup (link + 6, strcspn (link + 6, " "));
  g_autofree char *la = record_label (a);
  g_autofree char *lb = record_label (b);

  dl_record_take (a, DL_COL_WHEN, g_strdup_printf ("%s - %s", la, lb));
  dl_record_take (a, DL_COL_MENTION, joined_mention (a, b, kind));
  dl_record_take (a, DL_COL_VALUE,
                  g_strdup_printf ("%s/%s", dl_record_get (a, DL_COL_VALUE),
                                   dl_record_get (b, DL_COL_VALUE)));
  dl_record_set (a, DL_COL_EARLIEST, dl_record_get (b, DL_COL_EARLIEST));
  dl_record_set (a, DL_COL_LATEST, dl_record_get (b, DL_COL_LATEST));
  dl_record_set (a, DL_COL_CERTAINTY, dl_record_get (b, DL_COL_CERTAINTY));
}

gboolean
dl_timeline_write (DlTimeline *timeline, DlWriter *writer, guint *dropped,
                   GError **error)
{
  *dropped = 0;
  /* g_ptr_array_sort is stable, so equal rows keep their input order. */
  g_ptr_array_sort (timeline->records, compare_rows);
  for (guint i = 0; i < timeline->records->len; i++)
    {
      DlRecord *record = timeline->records->pdata[i];

      if (*sort_day (record) == '\0' && timeline->resolved_only)
        {
          (*dropped)++;
          continue;
        }
      to_timeline (record);
      if (!dl_writer_write (writer, record, error))
        return FALSE;
    }
  return dl_writer_finish (writer, error);
}
