/* story.c: what the mentions read so far in a document tell the later
 * ones: the document date, news or narrative style, the last date told
 * (the reference of "that summer", "a year later" and, in a narrative, of
 * "in May"), and the events it dated.  Also the tense each mention is read
 * in, and the context (reference, tense) it resolves in. */
#include "story.h"

#include <string.h>

#include "adjust.h"
#include "calendar.h"
#include "dl-cli.h"
#include "words.h"

void
dl_story_clear (Story *doc)
{
  dl_span_of_days_clear (&doc->last);
  g_clear_pointer (&doc->last_phrase, g_free);
  dl_dated_events_clear (&doc->events);
}

/* News or narrative: a text whose written years nearly all lie decades
 * before its date (or that has no date) tells its own time, and an
 * underspecified "in May" takes its year from the text, not from the
 * document date.  News that looks back (an obituary, an anniversary) still
 * dates most of what it says from its own day, hence the high bar. */
static gboolean
is_narrative (DlStyle style, GPtrArray *batch, const Story *doc)
{
  guint years = 0, old = 0, year;

  if (style != DL_STYLE_AUTO)
    return style == DL_STYLE_NARRATIVE;
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

void
dl_story_begin (Story *doc, GPtrArray *batch, DlStyle style,
                const GDate *reference)
{
  DlRecord *first = batch->pdata[0];

  const char *dct = dl_record_get (first, DL_COL_DCT);

  memset (doc, 0, sizeof *doc);
  if (dl_parse_iso_date (dct, &doc->dct))
    doc->have_dct = TRUE;
  else if (*dct != '\0')
    doc->bad_dct = dct;
  if (!doc->have_dct && reference != NULL)
    {
      doc->dct = *reference;
      doc->have_dct = TRUE;
    }
  doc->narrative = is_narrative (style, batch, doc);
  dl_dated_events_init (&doc->events);
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
                && g_strcmp0 (res.type, "DATE") == 0
                && parse_span (&res, span);

  if (ok)
    {
      span->granularity = g_strdup (res.granularity);
      span->how = g_strdup_printf ("= %s", res.value);
      span->approximate = g_strcmp0 (res.certainty, "exact") != 0;
    }
  dl_resolution_clear (&res);
  return ok;
}

/* "since 2019" in a sentence about the past ends by the document date. */
void
dl_story_close_past (DlResolution *res, DlTense tense, const Story *doc)
{
  g_autofree char *dct = NULL;

  if (tense != DL_TENSE_PAST || !doc->have_dct || res->latest == NULL
      || *res->latest != '\0' || res->earliest == NULL
      || *res->earliest == '\0')
    return;
  if (g_strcmp0 (res->mod, "AFTER") != 0
      && g_strcmp0 (res->mod, "ON_OR_AFTER") != 0)
    return;
  dct = dl_format_date (&doc->dct);
  if (strcmp (res->earliest, dct) > 0)
    return;
  dl_set_field (&res->latest, g_steal_pointer (&dct));
  dl_set_field (&res->note,
                g_strdup_printf ("%s, until the document date (past tense)",
                                 res->note));
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
told_from_story (const Story *doc, const Form *form, DlTense tense)
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
read_tense (DlTenseReader *tense, DlRecord *record, const Form *form,
            DlResolveContext *context)
{
  /* Reading the sentence's tense is the costliest step here: only forms
   * whose value depends on it ask for it. */
  if (!needs_tense (form))
    return;
  context->tense = dl_tense_reader_tense (
      tense, dl_record_get (record, DL_COL_CONTEXT),
      dl_record_get (record, DL_COL_MENTION), &context->tense_governs);
  /* News tells what is over in the past tense: a sentence with no cue
   * of either speaks in the present, of what is on or to come ("Polls
   * close Tuesday", "The game is Sunday"), unless a verb that is the same
   * in both may be a past one ("The storm hit the coast Tuesday"). */
  if (context->tense == DL_TENSE_UNKNOWN
      && !dl_has_listed_word (dl_record_get (record, DL_COL_CONTEXT),
                              past_or_present,
                              G_N_ELEMENTS (past_or_present)))
    context->tense = DL_TENSE_PRESENT;
}

/* The context a record resolves in: the last date told in a narrative
 * (but for what is said of the writer's own day) and for an anaphoric
 * form ("that summer"); else the document date; the tense of its
 * sentence. */
void
dl_story_context (Story *doc, DlTenseReader *tense, DlRecord *record,
                  const Form *form, DlResolveContext *context)
{
  gboolean story;

  memset (context, 0, sizeof *context);
  context->reference = doc->dct;
  context->have_reference = doc->have_dct;
  read_tense (tense, record, form, context);
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
gboolean
dl_story_anchor_span (Story *doc, const DlEvents *events, const char *phrase,
                      gboolean looks_back, DlSpanOfDays *span,
                      const char **used_phrase)
{
  *used_phrase = phrase;
  if (phrase && *phrase)
    return dl_events_find (events, &doc->events, phrase, span);
  if (doc->last_phrase)
    {
      *used_phrase = doc->last_phrase;
      if (dl_events_find (events, &doc->events, doc->last_phrase, span))
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
void
dl_story_window (Story *doc, const Form *form,
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

/* The middle of the period told: after "in 1858", "in July" is the July
 * nearest mid-1858, that of 1858. */
static void
set_told (Story *doc, const GDate *a, const GDate *b)
{
  doc->told = *a;
  /* Between a and b: the move stays within the calendar. */
  dl_add_days (&doc->told,
               ((gint64) g_date_get_julian (b) - g_date_get_julian (a)) / 2);
  doc->have_told = TRUE;
}

/* What this record tells the ones after it. */
void
dl_story_remember (Story *doc, const DlEvents *events, DlRecord *record,
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
  closed = res->earliest && res->latest
           && dl_parse_iso_date (res->earliest, &a)
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
  dl_events_remember (events, &doc->events, record, &span);
  dl_span_of_days_clear (&doc->last);
  doc->last = span;
  g_free (doc->last_phrase);
  /* "the 2022 invasion" is the date told; "three days after the
   * landing" is not the landing. */
  doc->last_phrase = *phrase && !g_str_has_prefix (form->value, "ANCHOR")
                         ? g_strdup (phrase) : NULL;
}
