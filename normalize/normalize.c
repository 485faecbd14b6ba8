/* normalize.c: resolves each mention's form against the document date and
 * the tense of its sentence. */
#include "normalize.h"

#include "adjust.h"
#include "anchored.h"
#include "anchors.h"
#include "dl-cli.h"
#include "dl-data.h"
#include "tense.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>

struct _DlNormalizer {
  DlNormalizeOptions options;
  GDate reference;
  gboolean have_reference;
  DlTenseReader *tense;    /* the tense cues of grammar/en/tense */
  DlAnchors *anchors;      /* --anchors: searched first, so they win */
  DlAnchors *builtin;      /* grammar/en/anchors.csv */
  GHashTable *event_words; /* word -> event key (grammar/en/events.txt) */
  GPtrArray *batch;        /* DlRecord *: the document being read */
  guint unresolved;
};

void
dl_normalizer_free (DlNormalizer *normalizer)
{
  if (normalizer == NULL)
    return;
  g_clear_pointer (&normalizer->tense, dl_tense_reader_free);
  g_clear_pointer (&normalizer->anchors, dl_anchors_free);
  g_clear_pointer (&normalizer->builtin, dl_anchors_free);
  g_clear_pointer (&normalizer->event_words, g_hash_table_unref);
  g_clear_pointer (&normalizer->batch, g_ptr_array_unref);
  g_free (normalizer);
}

static gboolean
load_anchors (DlNormalizer *normalizer, const DlNormalizeOptions *options,
              GError **error)
{
  normalizer->anchors = dl_anchors_new ();
  normalizer->builtin = dl_anchors_new ();
  for (guint i = 0; options->anchor_files && options->anchor_files[i]; i++)
    if (!dl_anchors_load_file (normalizer->anchors, options->anchor_files[i],
                               error))
      return FALSE;
  return options->no_default_anchors
         || dl_anchors_load_builtin (normalizer->builtin,
                                     options->grammar_dir, error);
}

static gboolean
load_event_words (DlNormalizer *normalizer, const char *grammar_dir,
                  GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar_dir, NULL, "events.txt",
                                            error);

  if (lines == NULL)
    return FALSE;
  normalizer->event_words = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                   g_free, g_free);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) pair = g_strsplit (lines[i], "\t", 2);

      if (pair[1])
        g_hash_table_insert (normalizer->event_words,
                             g_strdup (g_strstrip (pair[0])),
                             g_strdup (g_strstrip (pair[1])));
    }
  return TRUE;
}

DlNormalizer *
dl_normalizer_new (const DlNormalizeOptions *options, GError **error)
{
  g_autoptr (DlNormalizer) normalizer = g_new0 (DlNormalizer, 1);

  normalizer->options = *options;
  normalizer->options.anchor_files = NULL;
  if (normalizer->options.fiscal_year_start < 1
      || normalizer->options.fiscal_year_start > 12)
    normalizer->options.fiscal_year_start = 1;
  normalizer->batch = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);

  if (options->reference_date)
    {
      if (!dl_parse_iso_date (options->reference_date,
                              &normalizer->reference))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       "--reference-date: \"%s\" is not a date (YYYY-MM-DD)",
                       options->reference_date);
          return NULL;
        }
      normalizer->have_reference = TRUE;
    }
  normalizer->tense = dl_tense_reader_new (options->grammar_dir, error);
  if (normalizer->tense == NULL
      || !load_anchors (normalizer, options, error)
      || !load_event_words (normalizer, options->grammar_dir, error))
    return NULL;
  return g_steal_pointer (&normalizer);
}

guint
dl_normalizer_unresolved (DlNormalizer *normalizer)
{
  return normalizer->unresolved;
}

DlTense
dl_normalizer_tense (DlNormalizer *normalizer, const char *context,
                     const char *mention, gboolean *governs)
{
  return dl_tense_reader_tense (normalizer->tense, context, mention, governs);
}

/* ---- one document at a time ---- */

/* What the mentions read so far in a document tell the later ones. */
typedef struct {
  GDate dct;
  gboolean have_dct;
  gboolean narrative;
  GDate told;            /* narrative: the last date told with its year */
  gboolean have_told;
  DlSpanOfDays last;     /* the last date told, before any mod */
  char *last_phrase;     /* its anchor phrase, if it had one */
  GHashTable *events;    /* event key -> DlSpanOfDays *, dated in the text */
  char *events_context;  /* the sentence events were last read from */
} Document;

static void
span_free (DlSpanOfDays *span)
{
  dl_span_of_days_clear (span);
  g_free (span);
}

static void
document_clear (Document *doc)
{
  dl_span_of_days_clear (&doc->last);
  g_clear_pointer (&doc->last_phrase, g_free);
  g_clear_pointer (&doc->events, g_hash_table_unref);
  g_clear_pointer (&doc->events_context, g_free);
}

/* A form split into its value, the attributes resolve takes, and those
 * normalize handles itself (link, window). */
typedef struct {
  char *value;
  char *for_resolve; /* value and the other attributes */
  char *link;        /* "or", "to" or NULL */
  char *window;      /* a duration such as P3M, or NULL */
  char *part;        /* first-week, last-weekend, ..., or NULL */
  char *at;          /* "+": the day a duration ends ("in three days") */
  char *days;        /* DD-DD: some days of a month ("May 3-5") */
  char *from;        /* "told", "past-told": told from the last date told
                      * ("that summer", "the next year" of a story) */
} Form;

static void
form_clear (Form *form)
{
  g_free (form->value);
  g_free (form->for_resolve);
  g_free (form->link);
  g_free (form->window);
  g_free (form->part);
  g_free (form->at);
  g_free (form->days);
  g_free (form->from);
}

static void
keep_first (char **slot, const char *value)
{
  if (*slot == NULL)
    *slot = g_strdup (value);
}

/* The keys normalize takes out of a form for itself, and the field of
 * Form each goes to. */
static const struct {
  const char *key; /* with its '=' */
  gsize field;     /* offset of a char * in Form */
} own_keys[] = {
  { "link=", G_STRUCT_OFFSET (Form, link) },
  { "window=", G_STRUCT_OFFSET (Form, window) },
  { "part=", G_STRUCT_OFFSET (Form, part) },
  { "at=", G_STRUCT_OFFSET (Form, at) },
  { "days=", G_STRUCT_OFFSET (Form, days) },
  { "from=", G_STRUCT_OFFSET (Form, from) },
};

/* Whether form text has one of own_keys as a word of its own. */
static gboolean
has_own_key (const char *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (own_keys); i++)
    for (const char *at = strstr (text, own_keys[i].key); at;
         at = strstr (at + 1, own_keys[i].key))
      if (at == text || at[-1] == ' ')
        return TRUE;
  return FALSE;
}

/* Takes part into its field of form if it is one of own_keys ("link=or");
 * a key given twice keeps its first value, as in the resolver. */
static gboolean
take_own_key (Form *form, const char *part)
{
  for (gsize i = 0; i < G_N_ELEMENTS (own_keys); i++)
    if (g_str_has_prefix (part, own_keys[i].key))
      {
        keep_first (&G_STRUCT_MEMBER (char *, form, own_keys[i].field),
                    part + strlen (own_keys[i].key));
        return TRUE;
      }
  return FALSE;
}

static void
form_split (const char *text, Form *form)
{
  g_auto (GStrv) parts = NULL;
  GString *rest;
  gsize len = strlen (text);

  memset (form, 0, sizeof *form);
  /* Most forms have none of normalize's own keys and single spaces: the
   * value is the first word and the rest is the form as it is. */
  if (len > 0 && text[0] != ' ' && text[len - 1] != ' '
      && strstr (text, "  ") == NULL && !has_own_key (text))
    {
      form->value = g_strndup (text, strcspn (text, " "));
      form->for_resolve = g_strdup (text);
      return;
    }
  parts = g_strsplit (text, " ", -1);
  rest = g_string_new (NULL);
  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (i == 0)
        form->value = g_strdup (parts[i]);
      if (!take_own_key (form, parts[i]))
        {
          if (rest->len)
            g_string_append_c (rest, ' ');
          g_string_append (rest, parts[i]);
        }
    }
  if (form->value == NULL)
    form->value = g_strdup ("");
  form->for_resolve = g_string_free (rest, FALSE);
}

/* The value of attribute key in form, or NULL. */
static char *
form_attribute (const Form *form, const char *key)
{
  g_autofree char *needle = g_strdup_printf (" %s=", key);
  const char *at = strstr (form->for_resolve, needle);

  return at ? g_strndup (at + strlen (needle),
                         strcspn (at + strlen (needle), " "))
            : NULL;
}


/* News or narrative: a text whose written years nearly all lie decades
 * before its date (or that has no date) tells its own time, and an
 * underspecified "in May" takes its year from the text, not from the
 * document date.  News that looks back (an obituary, an anniversary) still
 * dates most of what it says from its own day, hence the high bar. */
static gboolean
is_narrative (DlNormalizer *normalizer, GPtrArray *batch, const Document *doc)
{
  guint years = 0, old = 0, year;

  if (normalizer->options.style != DL_STYLE_AUTO)
    return normalizer->options.style == DL_STYLE_NARRATIVE;
  if (!doc->have_dct)
    return TRUE;
  for (guint i = 0; i < batch->len; i++)
    if (dl_has_written_year (dl_record_get (batch->pdata[i], DL_COL_FORM),
                          &year))
      {
        years++;
        if (year + 20 < g_date_get_year (&doc->dct))
          old++;
      }
  return years >= 4 && old * 10 >= years * 9;
}

static void
document_begin (DlNormalizer *normalizer, GPtrArray *batch, Document *doc)
{
  DlRecord *first = batch->pdata[0];

  memset (doc, 0, sizeof *doc);
  if (dl_parse_iso_date (dl_record_get (first, DL_COL_DCT), &doc->dct))
    doc->have_dct = TRUE;
  else if (normalizer->have_reference)
    {
      doc->dct = normalizer->reference;
      doc->have_dct = TRUE;
    }
  doc->narrative = is_narrative (normalizer, batch, doc);
  doc->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) span_free);
}

static gboolean
parse_span (const DlResolution *res, DlSpanOfDays *span)
{
  memset (span, 0, sizeof *span);
  span->valid = res->earliest && res->latest
                && dl_parse_iso_date (res->earliest, &span->earliest)
                && dl_parse_iso_date (res->latest, &span->latest);
  return span->valid;
}

/* The range of value itself, before any mod ("before 2022" is still about
 * 2022): what later mentions can be told from. */
static gboolean
base_span (const char *value, const DlResolveContext *context,
           DlSpanOfDays *span)
{
  DlResolution res = { 0 };
  gboolean ok = dl_resolve (value, context, &res, NULL)
                && g_strcmp0 (res.type, "DATE") == 0 && parse_span (&res, span);

  if (ok)
    {
      span->granularity = g_strdup (res.granularity);
      span->how = g_strdup_printf ("= %s", res.value);
      span->approximate = g_strcmp0 (res.certainty, "exact") != 0;
    }
  dl_resolution_clear (&res);
  return ok;
}

typedef struct {
  DlNormalizer *normalizer;
  Document *doc;
  const DlSpanOfDays *dated;
} Finding;

static gboolean
find_event_word (const char *word, gpointer data)
{
  Finding *f = data;
  const char *key = g_hash_table_lookup (f->normalizer->event_words, word);

  f->dated = key ? g_hash_table_lookup (f->doc->events, key) : NULL;
  return f->dated == NULL;
}

/* The event a phrase names: from the anchors tables, from a date stated
 * in this document next to the event's word, or at least from a year
 * written in the phrase. */
static gboolean
find_event (DlNormalizer *normalizer, Document *doc, const char *phrase,
            DlSpanOfDays *span)
{
  /* The user's events win over the built-in ones, whatever their aliases'
   * lengths. */
  const DlAnchor *anchor = dl_anchors_find (normalizer->anchors, phrase);

  if (anchor == NULL)
    anchor = dl_anchors_find (normalizer->builtin, phrase);
  g_autofree char *lower = g_utf8_strdown (phrase, -1);
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
    Finding f = { normalizer, doc, NULL };

    dl_each_word (lower, find_event_word, &f);
    if (f.dated)
      {
        *span = *f.dated;
        span->granularity = g_strdup (f.dated->granularity);
        span->how = g_strdup_printf ("%s (dated in this document)",
                                     f.dated->how);
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
  DlNormalizer *normalizer;
  Document *doc;
  DlRecord *record;
  const DlSpanOfDays *span;
} Remembering;

static gboolean
remember_event_word (const char *word, gpointer data)
{
  Remembering *r = data;
  const char *key = g_hash_table_lookup (r->normalizer->event_words, word);
  DlSpanOfDays *copy;

  if (key == NULL || g_hash_table_contains (r->doc->events, key))
    return TRUE;
  copy = g_new0 (DlSpanOfDays, 1);
  *copy = *r->span;
  copy->granularity = g_strdup (r->span->granularity);
  copy->how = g_strdup_printf ("%s, line %s", r->span->how,
                               dl_record_get (r->record, DL_COL_LINE));
  g_hash_table_insert (r->doc->events, g_strdup (key), copy);
  return TRUE;
}

static void
remember_events (DlNormalizer *normalizer, Document *doc, DlRecord *record,
                 const DlSpanOfDays *span)
{
  Remembering r = { normalizer, doc, record, span };
  const char *context = dl_record_get (record, DL_COL_CONTEXT);

  /* An event is dated by the first date of its sentence: the other
   * mentions of the sentence need not read it again. */
  if (g_strcmp0 (context, doc->events_context) == 0)
    return;
  g_free (doc->events_context);
  doc->events_context = g_strdup (context);
  dl_each_word (context, remember_event_word, &r);
}



/* A date inside an event phrase ("before the 2022 Ukraine invasion") is as
 * precise as the event is known. */
static void
narrow_to_event (DlResolution *res, const DlSpanOfDays *event,
                 const char *phrase)
{
  if (dl_narrow_to_span (res, event))
    dl_set_field (&res->note, g_strdup_printf ("%s; anchor \"%s\" %s", res->note,
                                          phrase, event->how));
}





/* "since 2019" in a sentence about the past ends by the document date. */
static void
close_past_openings (DlResolution *res, DlTense tense, const Document *doc)
{
  g_autofree char *dct = NULL;

  if (tense != DL_TENSE_PAST || !doc->have_dct || res->latest == NULL
      || *res->latest != '\0' || res->earliest == NULL || *res->earliest == '\0')
    return;
  if (g_strcmp0 (res->mod, "AFTER") != 0
      && g_strcmp0 (res->mod, "ON_OR_AFTER") != 0)
    return;
  dct = dl_format_date (&doc->dct);
  if (strcmp (res->earliest, dct) > 0)
    return;
  dl_set_field (&res->latest, g_steal_pointer (&dct));
  dl_set_field (&res->note, g_strdup_printf ("%s, until the document date (past"
                                        " tense)", res->note));
}





static void
take_resolution (DlRecord *record, DlResolution *res)
{
  dl_record_take (record, DL_COL_TYPE, g_steal_pointer (&res->type));
  dl_record_take (record, DL_COL_VALUE, g_steal_pointer (&res->value));
  dl_record_take (record, DL_COL_MOD, g_steal_pointer (&res->mod));
  dl_record_take (record, DL_COL_EARLIEST, g_steal_pointer (&res->earliest));
  dl_record_take (record, DL_COL_LATEST, g_steal_pointer (&res->latest));
  dl_record_take (record, DL_COL_GRANULARITY,
                  g_steal_pointer (&res->granularity));
  dl_record_take (record, DL_COL_CERTAINTY, g_steal_pointer (&res->certainty));
  dl_record_take (record, DL_COL_NOTE, g_steal_pointer (&res->note));
}

/* Whether the value of form depends on the tense of its sentence: the
 * underspecified forms, and an open range that the document date may
 * close, and "in three days". */
static gboolean
needs_tense (const Form *form)
{
  return g_str_has_prefix (form->value, "UNDEF-") || form->at != NULL
         || g_strcmp0 (form->window, "+past-told") == 0
         || strstr (form->for_resolve, " mod=AFTER") != NULL
         || strstr (form->for_resolve, " mod=ON_OR_AFTER") != NULL;
}

/* Verbs whose past is their present ("hit", "cut"). */
static const char *const past_or_present[] = {
  "hit", "cut", "put", "set", "shut", "cast", "quit", "hurt", "spread",
  "let", "bid", "cost", "beat", "split", "burst", "upset", "read",
};

/* Whether value speaks of the writer's own day ("today", "last year",
 * "two years ago", "this week"): in a story with a date of its own, that
 * is the document date, not the last date the story told. */
static gboolean
is_deictic (const char *value)
{
  return g_str_has_prefix (value, "UNDEF-this-")
         || g_str_has_prefix (value, "UNDEF-last-")
         || g_str_has_prefix (value, "UNDEF-next-")
         || g_str_has_prefix (value, "UNDEF-REF-")
         || g_str_has_prefix (value, "UNDEF-the-");
}

/* Whether value names a day, or a part of one ("that night"). */
static gboolean
is_day_form (const char *value)
{
  return g_str_has_prefix (value, "UNDEF-this-day")
         || g_str_has_prefix (value, "UNDEF-last-day")
         || g_str_has_prefix (value, "UNDEF-next-day");
}

/* Whether form is told from the last date told rather than from the
 * document date.  "that summer", "the next morning" (from=told) always
 * are; "the next year", "the end of the decade" (from=past-told) when the
 * sentence is about the past ("the next year he sued", but "sales will
 * rise over the next year").  A day ("that night") needs a day told. */
static gboolean
told_from_story (const Document *doc, const Form *form, DlTense tense)
{
  if (!doc->have_told || form->from == NULL)
    return FALSE;
  if (is_day_form (form->value)
      && g_strcmp0 (doc->last.granularity, "day") != 0)
    return FALSE;
  if (strcmp (form->from, "told") == 0)
    return TRUE;
  return strcmp (form->from, "past-told") == 0
         && (tense == DL_TENSE_PAST || doc->narrative);
}

/* The sentence's tense, for a form whose value depends on it. */
static void
read_tense (DlNormalizer *normalizer, DlRecord *record, const Form *form,
            DlResolveContext *context)
{
  /* Reading the sentence's tense is the costliest step here: only forms
   * whose value depends on it ask for it. */
  if (!needs_tense (form))
    return;
  context->tense = dl_normalizer_tense (
      normalizer, dl_record_get (record, DL_COL_CONTEXT),
      dl_record_get (record, DL_COL_MENTION), &context->tense_governs);
  /* News tells what is over in the past tense: a sentence with no cue
   * of either speaks in the present, of what is on or to come ("Polls
   * close Tuesday", "The game is Sunday"), unless a verb that is the same
   * in both may be a past one ("The storm hit the coast Tuesday"). */
  if (context->tense == DL_TENSE_UNKNOWN
      && !dl_has_listed_word (dl_record_get (record, DL_COL_CONTEXT),
                           past_or_present, G_N_ELEMENTS (past_or_present)))
    context->tense = DL_TENSE_PRESENT;
}

/* The context a record resolves in: the last date told in a narrative
 * (but for what is said of the writer's own day) and for an anaphoric
 * form ("that summer"); else the document date; the tense of its
 * sentence. */
static void
context_for (DlNormalizer *normalizer, Document *doc, DlRecord *record,
             const Form *form, DlResolveContext *context)
{
  gboolean story;

  memset (context, 0, sizeof *context);
  context->reference = doc->dct;
  context->have_reference = doc->have_dct;
  read_tense (normalizer, record, form, context);
  if (form->from)
    story = told_from_story (doc, form, context->tense)
            || (doc->narrative && doc->have_told);
  else
    story = doc->narrative && doc->have_told
            && g_str_has_prefix (form->value, "UNDEF-")
            && !(doc->have_dct && is_deictic (form->value));
  if (story)
    {
      context->reference = doc->told;
      context->have_reference = TRUE;
      /* A story's "in May" is the May nearest the last date it told. */
      context->tense = DL_TENSE_UNKNOWN;
      context->tense_governs = FALSE;
    }
}

/* What an ANCHOR form is told from: its own phrase, else the last date
 * told (through its phrase, if it had one). */
static gboolean
anchor_span (DlNormalizer *normalizer, Document *doc, const char *phrase,
             gboolean looks_back, DlSpanOfDays *span,
             const char **used_phrase)
{
  *used_phrase = phrase;
  if (phrase && *phrase)
    return find_event (normalizer, doc, phrase, span);
  if (doc->last_phrase)
    {
      *used_phrase = doc->last_phrase;
      if (find_event (normalizer, doc, doc->last_phrase, span))
        return TRUE;
    }
  *used_phrase = NULL;
  if (doc->last.valid)
    {
      *span = doc->last;
      span->granularity = g_strdup (doc->last.granularity);
      span->how = g_strdup_printf ("%s", doc->last.how);
      return TRUE;
    }
  /* Nothing told yet: news looks back ("had warned a month earlier") from
   * its own day, at best roughly; "a year later" from it would be a
   * future, so that stays unresolved. */
  if (!looks_back || doc->narrative || !doc->have_dct)
    return FALSE;
  char day[DL_DATE_TEXT_SIZE];
  memset (span, 0, sizeof *span);
  span->earliest = span->latest = doc->dct;
  span->valid = TRUE;
  span->approximate = TRUE;
  span->document_date = TRUE;
  span->granularity = g_strdup ("day");
  span->how = g_strdup_printf ("= %s (no date told before)",
                               dl_format_date_to (&doc->dct, day));
  return TRUE;
}


/* "the past two months", "the following weeks": the stretch before or
 * after the reference.  The following weeks (window=+told) come after the
 * last date told, and so do the next three years of a sentence about the
 * past (window=+past-told: "over the next three years they closed the
 * plant"). */
static void
apply_window (Document *doc, const Form *form,
              const DlResolveContext *context, DlResolution *res)
{
  gboolean forward = form->window[0] == '+';
  gboolean after_told = strcmp (form->window, "+told") == 0
                        || (strcmp (form->window, "+past-told") == 0
                            && context->tense == DL_TENSE_PAST);

  if (after_told && doc->last.valid)
    dl_apply_window (res, "+", &doc->last.latest);
  else if (context->have_reference)
    dl_apply_window (res, forward ? "+" : form->window, &context->reference);
}

static void
resolve_record (DlNormalizer *normalizer, Document *doc, DlRecord *record,
                const Form *form, const DlResolveContext *context_in,
                DlResolution *res)
{
  DlResolveContext context = *context_in;
  const char *phrase = dl_record_get (record, DL_COL_ANCHOR);
  g_autoptr (GError) error = NULL;
  g_autofree char *southern_relative
      = normalizer->options.southern ? dl_southern_names (form->value, form->for_resolve) : NULL;

  if (g_str_has_prefix (form->value, "ANCHOR"))
    {
      DlSpanOfDays span = { 0 };
      const char *used = NULL;
      gboolean found = anchor_span (normalizer, doc, phrase,
                                    strstr (form->value, "-MINUS-") != NULL,
                                    &span, &used);

      g_autofree char *mod = form_attribute (form, "mod");

      dl_anchor_form_resolve (form->value, found ? &span : NULL, used,
                              strstr (form->for_resolve, " span=unit") != NULL,
                              mod, res);
      dl_span_of_days_clear (&span);
      if (strstr (form->for_resolve, " type=DURATION"))
        dl_as_duration (form->value, res);
    }
  else if (!dl_resolve (southern_relative ? southern_relative
                                          : form->for_resolve,
                        &context, res, &error))
    {
      /* Not fatal: the row still comes out, marked and counted. */
      dl_resolution_clear (res);
      res->value = g_strdup (form->value);
      res->certainty = g_strdup ("unresolved");
      res->note = g_strdup (error ? error->message : "form not understood");
    }
  else if (*phrase && g_strcmp0 (res->type, "DATE") == 0)
    {
      DlSpanOfDays event;

      if (find_event (normalizer, doc, phrase, &event) && !event.approximate)
        narrow_to_event (res, &event, phrase);
      dl_span_of_days_clear (&event);
    }
  if (form->window)
    apply_window (doc, form, &context, res);
  if (form->part)
    dl_apply_part (res, form->part);
  if (form->days)
    dl_apply_days (res, form->days);
  dl_time_of_day_stays (res);
  if (form->at && context.have_reference)
    dl_apply_at (res, context.tense, &context.reference);
  if (southern_relative)
    dl_northern_code_as_southern (res);
  else if (normalizer->options.southern)
    dl_southern_seasons (res);
  close_past_openings (res, context.tense, doc);
  dl_fiscal_year (res, form->value, normalizer->options.fiscal_year_start);
}

/* The middle of the period told: after "in 1858", "in July" is the July
 * nearest mid-1858, that of 1858. */
static void
set_told (Document *doc, const GDate *a, const GDate *b)
{
  doc->told = *a;
  g_date_add_days (&doc->told,
                   (g_date_get_julian (b) - g_date_get_julian (a)) / 2);
  doc->have_told = TRUE;
}

/* What this record tells the ones after it. */
static void
remember (DlNormalizer *normalizer, Document *doc, DlRecord *record,
          const Form *form, const DlResolveContext *context,
          const DlResolution *res)
{
  DlSpanOfDays span = { 0 };
  guint year;
  GDate a, b;
  gboolean written, closed;
  const char *phrase = dl_record_get (record, DL_COL_ANCHOR);

  /* "now", "the past": no date a later mention can be told from; "the
   * next morning" is a day told ("that night" is the night of it). */
  if ((g_strcmp0 (res->type, "DATE") != 0
       && !g_str_has_prefix (form->value, "ANCHOR")
       && !(g_strcmp0 (res->type, "TIME") == 0
            && g_strcmp0 (res->granularity, "day") == 0))
      || g_strcmp0 (res->certainty, "unresolved") == 0
      || g_str_has_suffix (res->value, "_REF"))
    return;
  /* "a year earlier" looks back from the period reported, and so does the
   * next comparison: a look back is not a new date told. */
  if (g_str_has_prefix (form->value, "ANCHOR")
      && strstr (form->value, "-MINUS-") != NULL && !*phrase)
    return;
  written = dl_has_written_year (res->value, &year);
  closed = res->earliest && res->latest && dl_parse_iso_date (res->earliest, &a)
           && dl_parse_iso_date (res->latest, &b);
  if (written && closed)
    set_told (doc, &a, &b);
  /* A mod moved the range ("before 2022"): what later mentions are told
   * from is the value's own range. */
  if (g_str_has_prefix (form->value, "ANCHOR") || res->mod == NULL
      || *res->mod == '\0' ? !parse_span (res, &span)
                            : !base_span (res->value, context, &span))
    return;
  /* "until 2014, when a court sent the case back. A second trial took
   * place that fall": an open range tells its own period. */
  if (written && !closed)
    set_told (doc, &span.earliest, &span.latest);
  if (span.how == NULL)
    {
      span.how = g_strdup_printf ("= %s", res->value);
      span.granularity = g_strdup (res->granularity);
    }
  remember_events (normalizer, doc, record, &span);
  dl_span_of_days_clear (&doc->last);
  doc->last = span;
  g_free (doc->last_phrase);
  /* "the 2022 invasion" is the date told; "three days after the
   * landing" is not the landing. */
  doc->last_phrase = *phrase && !g_str_has_prefix (form->value, "ANCHOR")
                         ? g_strdup (phrase) : NULL;
}

/* Resolves record's form again, told from day in the direction of tense
 * ("year from" the other end of a span, named by other). */
static void
resolve_near (DlRecord *record, const GDate *day, DlTense tense,
              const char *other)
{
  DlResolveContext context = { *day, TRUE, tense, FALSE };
  DlResolution res = { 0 };
  Form form;

  form_split (dl_record_get (record, DL_COL_FORM), &form);
  if (dl_resolve (form.for_resolve, &context, &res, NULL))
    {
      dl_set_field (&res.note, g_strdup_printf ("%s (told from \"%s\")",
                                                res.note, other));
      take_resolution (record, &res);
    }
  dl_resolution_clear (&res);
  form_clear (&form);
}

/* "late 2023 or early 2024", "from 2001 to 2009": both mentions take the
 * hull of the two ranges.  An underspecified first end ("between May and
 * July 2020") is first resolved near the second. */
static void
join (DlRecord *first, DlRecord *second, const char *kind)
{
  if (strcmp (dl_record_get (first, DL_COL_CERTAINTY), "unresolved") == 0
      || strcmp (dl_record_get (second, DL_COL_CERTAINTY), "unresolved") == 0)
    return; /* a hull needs both ends */
  GDate a1, b1, a2, b2, lo, hi;
  gboolean have_a = FALSE, have_b = FALSE;
  const char *text1 = dl_record_get (first, DL_COL_MENTION);
  const char *text2 = dl_record_get (second, DL_COL_MENTION);
  g_autofree char *note = NULL;
  g_autofree char *certainty = NULL;

  /* "from August to March 2021": the first end comes before the second;
   * "May or June 2020": nearest it. */
  if (g_str_has_prefix (dl_record_get (first, DL_COL_FORM), "UNDEF-year-")
      && dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2))
    resolve_near (first, &a2, strcmp (kind, "to") == 0 ? DL_TENSE_PAST
                                                       : DL_TENSE_UNKNOWN,
                  text2);
  /* "from Monday to Wednesday": a second end that fell before the first
   * is the one after it. */
  if (strcmp (kind, "to") == 0
      && g_str_has_prefix (dl_record_get (second, DL_COL_FORM), "UNDEF-")
      && dl_parse_iso_date (dl_record_get (first, DL_COL_EARLIEST), &a1)
      && dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2)
      && g_date_compare (&a2, &a1) < 0)
    resolve_near (second, &a1, DL_TENSE_FUTURE, text1);
  if (dl_parse_iso_date (dl_record_get (first, DL_COL_EARLIEST), &a1))
    lo = a1, have_a = TRUE;
  if (dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2)
      && (!have_a || g_date_compare (&a2, &lo) < 0))
    lo = a2, have_a = TRUE;
  if (dl_parse_iso_date (dl_record_get (first, DL_COL_LATEST), &b1))
    hi = b1, have_b = TRUE;
  if (dl_parse_iso_date (dl_record_get (second, DL_COL_LATEST), &b2)
      && (!have_b || g_date_compare (&b2, &hi) > 0))
    hi = b2, have_b = TRUE;
  /* An end with no range of its own (264 BC) leaves the hull open on its
   * side. */
  if (*dl_record_get (first, DL_COL_EARLIEST) == '\0'
      && *dl_record_get (first, DL_COL_LATEST) == '\0')
    have_a = FALSE;
  if (*dl_record_get (second, DL_COL_EARLIEST) == '\0'
      && *dl_record_get (second, DL_COL_LATEST) == '\0')
    have_b = FALSE;
  if (!have_a && !have_b)
    return;
  note = g_strdup_printf ("\"%s\" %s \"%s\": from the start of one to the"
                          " end of the other",
                          text1, kind, text2);
  /* "or": which one is not known, so at best fuzzy; "to": as sure as the
   * less sure end. */
  if (strcmp (kind, "or") == 0)
    certainty = g_strdup ("fuzzy");
  else if (strcmp (dl_record_get (second, DL_COL_CERTAINTY), "exact") == 0)
    certainty = g_strdup (dl_record_get (first, DL_COL_CERTAINTY));
  else
    certainty = g_strdup (dl_record_get (second, DL_COL_CERTAINTY));
  for (int i = 0; i < 2; i++)
    {
      DlRecord *r = i ? second : first;
      g_autofree char *old = g_strdup (dl_record_get (r, DL_COL_NOTE));

      dl_record_take (r, DL_COL_EARLIEST,
                      have_a ? dl_format_date (&lo) : g_strdup (""));
      dl_record_take (r, DL_COL_LATEST,
                      have_b ? dl_format_date (&hi) : g_strdup (""));
      dl_record_set (r, DL_COL_CERTAINTY, certainty);
      dl_record_take (r, DL_COL_NOTE, g_strdup_printf ("%s; %s", old, note));
    }
}

static gboolean
resolve_document (DlNormalizer *normalizer, DlSinkFunc sink, gpointer data,
                  GError **error)
{
  GPtrArray *batch = normalizer->batch;
  Document doc;

  if (batch->len == 0)
    return TRUE;
  document_begin (normalizer, batch, &doc);
  for (guint i = 0; i < batch->len; i++)
    {
      DlRecord *record = batch->pdata[i];
      DlResolution res = { 0 };
      DlResolveContext context;
      Form form;

      form_split (dl_record_get (record, DL_COL_FORM), &form);
      context_for (normalizer, &doc, record, &form, &context);
      resolve_record (normalizer, &doc, record, &form, &context, &res);
      remember (normalizer, &doc, record, &form, &context, &res);
      if (g_strcmp0 (res.certainty, "unresolved") == 0)
        normalizer->unresolved++;
      take_resolution (record, &res);
      dl_resolution_clear (&res);
      if (form.link && i > 0)
        join (batch->pdata[i - 1], record, form.link);
      form_clear (&form);
    }
  document_clear (&doc);
  for (guint i = 0; i < batch->len; i++)
    {
      DlRecord *record = g_steal_pointer (&batch->pdata[i]);
      if (!sink (record, data, error))
        {
          g_ptr_array_set_size (batch, 0);
          return FALSE;
        }
    }
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

gboolean
dl_normalizer_add (DlNormalizer *normalizer, DlRecord *record,
                   DlSinkFunc sink, gpointer data, GError **error)
{
  if (normalizer->batch->len > 0
      && g_strcmp0 (dl_record_get (normalizer->batch->pdata[0], DL_COL_DOC),
                    dl_record_get (record, DL_COL_DOC)) != 0
      && !resolve_document (normalizer, sink, data, error))
    {
      dl_record_free (record);
      return FALSE;
    }
  g_ptr_array_add (normalizer->batch, record);
  return TRUE;
}

gboolean
dl_normalizer_flush (DlNormalizer *normalizer, DlSinkFunc sink,
                     gpointer data, GError **error)
{
  return resolve_document (normalizer, sink, data, error);
}
