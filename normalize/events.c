/* events.c: the event an anchor phrase names ("three days after the
 * invasion"): from the anchors tables (the user's --anchors first, then
 * grammar/en/anchors.csv), from a date this document told next to the
 * event's word (grammar/en/events.txt: "invaded ... on 24 February 2022"),
 * or at least from a year written in the phrase. */
#include "events.h"

#include <string.h>

#include "dl-cli.h"
#include "dl-data.h"
#include "words.h"

static gboolean
load_anchors (DlEvents *events, const DlNormalizeOptions *options,
              GError **error)
{
  events->anchors = dl_anchors_new ();
  events->builtin = dl_anchors_new ();
  for (guint i = 0; options->anchor_files && options->anchor_files[i]; i++)
    if (!dl_anchors_load_file (events->anchors, options->anchor_files[i],
                               error))
      return FALSE;
  return options->no_default_anchors
         || dl_anchors_load_builtin (events->builtin, options->grammar_dir,
                                     error);
}

static gboolean
load_event_words (DlEvents *events, const char *grammar_dir, GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar_dir, NULL, "events.txt",
                                            error);

  if (lines == NULL)
    return FALSE;
  events->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         g_free);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) pair = g_strsplit (lines[i], "\t", 2);

      const char *word;
      gsize n;

      if (pair[1] == NULL)
        continue;
      word = g_strstrip (pair[0]);
      n = strlen (word);
      g_hash_table_insert (events->words, g_strdup (word),
                           g_strdup (g_strstrip (pair[1])));
      /* A word that the filter cannot hold is always looked up. */
      for (int c = 0; c < 26; c++)
        if (n >= 32 || word[0] < 'a' || word[0] > 'z' || word[0] == 'a' + c)
          events->lengths[c] |= n >= 32 ? G_MAXUINT32 : 1u << n;
    }
  return TRUE;
}

/* The event key of a word (lowercase ASCII, as dl_each_word gives it), or
 * NULL. */
static const char *
event_of_word (const DlEvents *events, const char *word, gsize n)
{
  if (n < 32 && !(events->lengths[word[0] - 'a'] >> n & 1))
    return NULL;
  return g_hash_table_lookup (events->words, word);
}

gboolean
dl_events_load (DlEvents *events, const DlNormalizeOptions *options,
                GError **error)
{
  return load_anchors (events, options, error)
         && load_event_words (events, options->grammar_dir, error);
}

void
dl_events_clear (DlEvents *events)
{
  g_clear_pointer (&events->anchors, dl_anchors_free);
  g_clear_pointer (&events->builtin, dl_anchors_free);
  g_clear_pointer (&events->words, g_hash_table_unref);
}

static void
span_free (DlSpanOfDays *span)
{
  dl_span_of_days_clear (span);
  g_free (span);
}

void
dl_dated_events_init (DlDatedEvents *dated)
{
  dated->dated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) span_free);
  dated->context = NULL;
}

void
dl_dated_events_clear (DlDatedEvents *dated)
{
  g_clear_pointer (&dated->dated, g_hash_table_unref);
  g_clear_pointer (&dated->context, g_free);
}

typedef struct {
  const DlEvents *events;
  const DlDatedEvents *dated;
  const DlSpanOfDays *found;
} Finding;

static gboolean
find_event_word (const char *word, gsize len, gpointer data)
{
  Finding *f = data;
  const char *key = event_of_word (f->events, word, len);

  f->found = key ? g_hash_table_lookup (f->dated->dated, key) : NULL;
  return f->found == NULL;
}

/* The event a phrase names: from the anchors tables, from a date stated
 * in this document next to the event's word, or at least from a year
 * written in the phrase. */
gboolean
dl_events_find (const DlEvents *events, const DlDatedEvents *dated,
                const char *phrase, DlSpanOfDays *span)
{
  /* The user's events win over the built-in ones, whatever their aliases'
   * lengths. */
  DlAnchors *tables[] = { events->anchors, events->builtin };
  const DlAnchor *anchor = dl_anchors_find (tables, G_N_ELEMENTS (tables),
                                            phrase);
  g_autofree char *lower = g_utf8_casefold (phrase, -1);
  GMatchInfo *year_match = NULL;
  static GRegex *year_regex;

  memset (span, 0, sizeof *span);
  if (anchor)
    {
      g_autofree char *a = dl_format_date (&anchor->earliest);
      g_autofree char *b = dl_format_date (&anchor->latest);

      span->earliest = anchor->earliest;
      span->latest = anchor->latest;
      span->valid = TRUE;
      span->how = strcmp (a, b) == 0
                      ? g_strdup_printf ("= %s (%s)", a, anchor->origin)
                      : g_strdup_printf ("= %s..%s (%s)", a, b, anchor->origin);
      return TRUE;
    }
  {
    Finding f = { events, dated, NULL };

    dl_each_word (lower, find_event_word, &f);
    if (f.found)
      {
        *span = *f.found;
        span->granularity = g_strdup (f.found->granularity);
        span->how = g_strdup_printf ("%s (dated in this document)",
                                     f.found->how);
        return TRUE;
      }
  }
  if (g_once_init_enter (&year_regex))
    g_once_init_leave (&year_regex,
                       g_regex_new ("\\b(1[0-9]{3}|20[0-9]{2})\\b",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  if (g_regex_match (year_regex, phrase, 0, &year_match))
    {
      g_autofree char *year = g_match_info_fetch (year_match, 1);
      guint y = (guint) g_ascii_strtoull (year, NULL, 10);

      g_date_clear (&span->earliest, 1);
      g_date_clear (&span->latest, 1);
      g_date_set_dmy (&span->earliest, 1, G_DATE_JANUARY, y);
      g_date_set_dmy (&span->latest, 31, G_DATE_DECEMBER, y);
      span->valid = span->approximate = TRUE;
      span->granularity = g_strdup ("year");
      span->how = g_strdup_printf ("not in the anchors: only its year, %s,"
                                   " is known", year);
    }
  g_match_info_free (year_match);
  return span->valid;
}

/* Dates stated next to an event's word date that event for later
 * mentions ("invaded ... on 24 February 2022" dates "the invasion"). */
typedef struct {
  const DlEvents *events;
  DlDatedEvents *dated;
  DlRecord *record;
  const DlSpanOfDays *span;
} Remembering;

static gboolean
remember_event_word (const char *word, gsize len, gpointer data)
{
  Remembering *r = data;
  const char *key = event_of_word (r->events, word, len);
  DlSpanOfDays *copy;

  if (key == NULL || g_hash_table_contains (r->dated->dated, key))
    return TRUE;
  copy = g_new0 (DlSpanOfDays, 1);
  *copy = *r->span;
  copy->granularity = g_strdup (r->span->granularity);
  copy->how = g_strdup_printf ("%s, line %s", r->span->how,
                               dl_record_get (r->record, DL_COL_LINE));
  g_hash_table_insert (r->dated->dated, g_strdup (key), copy);
  return TRUE;
}

void
dl_events_remember (const DlEvents *events, DlDatedEvents *dated,
                    DlRecord *record, const DlSpanOfDays *span)
{
  Remembering r = { events, dated, record, span };
  const char *context = dl_record_get (record, DL_COL_CONTEXT);

  /* An event is dated by the first date of its sentence: the other
   * mentions of the sentence need not read it again. */
  if (g_strcmp0 (context, dated->context) == 0)
    return;
  g_free (dated->context);
  dated->context = g_strdup (context);
  dl_each_word (context, remember_event_word, &r);
}

/* A date inside an event phrase ("before the 2022 Ukraine invasion") is as
 * precise as the event is known. */
void
dl_narrow_to_event (DlResolution *res, const DlSpanOfDays *event,
                    const char *phrase)
{
  if (dl_narrow_to_span (res, event))
    dl_set_field (&res->note, g_strdup_printf ("%s; anchor \"%s\" %s",
                                               res->note, phrase, event->how));
}
