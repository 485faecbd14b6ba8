/* story.c: what the mentions read so far in a document tell the later
 * ones: the document date, the last date told (the reference of "that
 * summer", "a year later"), the period a narrative's story is at (of "in
 * May": now.c says which dates move it), and the events it dated.  Also
 * the tense each mention is read in, and the context (reference, tense) it
 * resolves in.  News or narrative: style.c. */
#include "story.h"

#include <string.h>

#include "adjust.h"
#include "calendar.h"
#include "dl-cli.h"
#include "now.h"
#include "style.h"

void
dl_story_clear (Story *doc)
{
  dl_span_of_days_clear (&doc->last);
  dl_span_of_days_clear (&doc->long_period);
  g_clear_pointer (&doc->long_sentence, g_free);
  g_clear_pointer (&doc->last_phrase, g_free);
  dl_dated_events_clear (&doc->events);
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
  doc->narrative = dl_style_of_document (style, batch, doc);
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
 * rise over the next year"); "over the weekend" (from=narrative-told) in a
 * narrative only.  A day ("that night") needs a day told. */
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
  if (strcmp (form->from, "narrative-told") == 0)
    return dl_style_narrative_here (doc);
  return strcmp (form->from, "past-told") == 0
         && (tense == DL_TENSE_PAST || dl_style_narrative_here (doc));
}

/* The sentence's tense, for a form whose value depends on it. */
static void
read_tense (Story *doc, DlTenseReader *tense, DlRecord *record,
            const Form *form, DlResolveContext *context)
{
  /* Reading the sentence's tense is the costliest step here: only forms
   * whose value depends on it ask for it. */
  if (!needs_tense (form))
    return;
  dl_tense_reader_read (tense, dl_record_get (record, DL_COL_CONTEXT),
                        dl_record_get (record, DL_COL_MENTION),
                        &doc->reading);
  context->tense = doc->reading.tense;
  context->tense_governs = doc->reading.governs;
  /* News tells what is over in the past tense: a sentence with no cue
   * of either speaks in the present, of what is on or to come ("Polls
   * close Tuesday", "The game is Sunday"), unless a verb that is the same
   * in both may be a past one ("The storm hit the coast Tuesday"). */
  if (context->tense == DL_TENSE_UNKNOWN
      && !dl_tense_reader_may_be_past (tense,
                                       dl_record_get (record, DL_COL_CONTEXT)))
    context->tense = DL_TENSE_PRESENT;
}

/* Whether value is a day of the year or of the week without its year, a
 * month or a season ("in May", "on 14 September", "on Wednesday"). */
static gboolean
is_undated_day_or_month (const char *value)
{
  const char *rest;

  if (g_str_has_prefix (value, "UNDEF-day-"))
    return TRUE;
  if (!g_str_has_prefix (value, "UNDEF-year-"))
    return FALSE;
  rest = value + strlen ("UNDEF-year-");
  return (g_ascii_isdigit (*rest) || g_str_has_prefix (rest, "SP")
             || g_str_has_prefix (rest, "SU") || g_str_has_prefix (rest, "FA")
             || g_str_has_prefix (rest, "WI")
             || g_str_has_prefix (rest, "easter"));
}

/* An undated form in a narrative, told from the period the story is at:
 * a month, season or day is the first one that has not ended by it ("died
 * in February 1858.  His widow moved to London in the autumn": that of
 * 1858), unless the past perfect looks back ("who had taken command in
 * August"); anything else is told from its middle, the nearest. */
static void
tell_from_story_now (const Story *doc, const Form *form,
                     DlResolveContext *context)
{
  context->have_reference = TRUE;
  context->tense_governs = FALSE;
  context->tense = DL_TENSE_UNKNOWN;
  if (!doc->have_now)
    {
      context->reference = doc->told;
      return;
    }
  context->reference = doc->now_first;
  if (is_undated_day_or_month (form->value))
    {
      context->until = doc->now_last;
      context->tense = doc->reading.perfect ? DL_TENSE_PAST
                                            : DL_TENSE_ONWARD;
      return;
    }
  dl_add_days (&context->reference,
               ((gint64) g_date_get_julian (&doc->now_last)
                - g_date_get_julian (&doc->now_first)) / 2);
}

/* "shortly after midnight ... by dawn": a morning after a midnight told
 * is on the day after the day told. */
static gboolean
morning_after_midnight (const Story *doc, const Form *form)
{
  const char *time = strchr (form->value, 'T');

  return doc->after_midnight && g_str_has_prefix (form->value, "UNDEF-this-dayT")
         && time && (strcmp (time, "TMO") == 0
                     || (time[1] == '0' && g_ascii_isdigit (time[2])));
}

/* The context a record resolves in: the last date told for an anaphoric
 * form ("that summer"), the story's now for an undated one in a narrative
 * (but for what is said of the writer's own day); else the document date;
 * the tense of its sentence. */
void
dl_story_context (Story *doc, DlTenseReader *tense, DlRecord *record,
                  const Form *form, DlResolveContext *context)
{
  gboolean narrative;

  memset (context, 0, sizeof *context);
  memset (&doc->reading, 0, sizeof doc->reading);
  context->reference = doc->dct;
  context->have_reference = doc->have_dct;
  dl_style_follow (doc, form);
  narrative = dl_style_narrative_here (doc);
  read_tense (doc, tense, record, form, context);
  if (form->from
      && (told_from_story (doc, form, context->tense)
          || (narrative && doc->have_told)))
    {
      context->reference = doc->told;
      if (morning_after_midnight (doc, form))
        dl_add_days (&context->reference, 1);
      context->have_reference = TRUE;
      /* "that summer" is the one of the year told. */
      context->tense = DL_TENSE_UNKNOWN;
      context->tense_governs = FALSE;
    }
  else if (!form->from && narrative && (doc->have_now || doc->have_told)
           && g_str_has_prefix (form->value, "UNDEF-")
           && !(doc->have_dct && dl_is_deictic (form->value)))
    tell_from_story_now (doc, form, context);
}

static void
copy_span (DlSpanOfDays *to, const DlSpanOfDays *from)
{
  *to = *from;
  to->granularity = g_strdup (from->granularity);
  to->how = g_strdup (from->how);
}

/* Whether value is a decade or a century told from the last date told,
 * and the last such period told was in the sentence of record, in the
 * story's time, with a date of the writer's time after it: "a cooling in
 * the 530s, and excavations in 2010 uncovered victims of plague from the
 * following decade" are the 540s. */
static gboolean
long_period_of_sentence (const Story *doc, const DlRecord *record,
                         const char *value)
{
  return (g_str_has_prefix (value, "ANCHOR-decade-")
          || g_str_has_prefix (value, "ANCHOR-century-"))
         && doc->long_sentence && doc->last.valid
         && strcmp (doc->long_sentence,
                    dl_record_get (record, DL_COL_SENTENCE)) == 0
         && dl_style_is_old (doc, g_date_get_year (&doc->long_period.latest))
         && !dl_style_is_old (doc, g_date_get_year (&doc->last.earliest));
}

/* What an ANCHOR form is told from: its own phrase, else the last date
 * told (through its phrase, if it had one). */
gboolean
dl_story_anchor_span (Story *doc, const DlEvents *events,
                      const DlRecord *record, const char *value,
                      DlSpanOfDays *span, const char **used_phrase)
{
  const char *phrase = dl_record_get (record, DL_COL_ANCHOR);
  gboolean looks_back = strstr (value, "-MINUS-") != NULL;

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
  if (long_period_of_sentence (doc, record, value))
    {
      copy_span (span, &doc->long_period);
      return TRUE;
    }
  if (doc->last.valid)
    {
      copy_span (span, &doc->last);
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

/* The middle of the period told: after "in 1858", "that summer" is the
 * one of 1858. */
static void
set_told (Story *doc, const GDate *a, const GDate *b)
{
  doc->told = *a;
  /* Between a and b: the move stays within the calendar. */
  dl_add_days (&doc->told,
               ((gint64) g_date_get_julian (b) - g_date_get_julian (a)) / 2);
  doc->have_told = TRUE;
}

/* The story is at a..b (tells says whether it moved there). */
static void
set_told_and_now (Story *doc, const GDate *a, const GDate *b, DlTells tells)
{
  set_told (doc, a, b);
  if (tells != DL_TELLS_NOW)
    return;
  doc->now_first = *a;
  doc->now_last = *b;
  doc->have_now = TRUE;
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
  gboolean written, closed, midnight;
  const char *phrase = dl_record_get (record, DL_COL_ANCHOR);
  DlTells tells;

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
  tells = dl_story_tells (doc, record, form, res);
  midnight = g_str_has_suffix (res->value, "T24:00");
  if (tells == DL_TELLS_NOTHING)
    {
      doc->after_midnight = doc->after_midnight || midnight;
      return;
    }
  doc->after_midnight = midnight;
  written = dl_has_written_year (res->value, &year);
  closed = res->earliest && res->latest
           && dl_parse_iso_date (res->earliest, &a)
           && dl_parse_iso_date (res->latest, &b);
  if (written && closed)
    set_told_and_now (doc, &a, &b, tells);
  /* A mod moved the range ("before 2022"): what later mentions are told
   * from is the value's own range. */
  if (g_str_has_prefix (form->value, "ANCHOR") || res->mod == NULL
      || *res->mod == '\0' ? !parse_span (res, &span)
                            : !base_span (res->value, context, &span))
    return;
  /* "until 2014, when a court sent the case back. A second trial took
   * place that fall": an open range tells its own period. */
  if (written && !closed)
    set_told_and_now (doc, &span.earliest, &span.latest, tells);
  if (span.how == NULL)
    {
      span.how = g_strdup_printf ("= %s", res->value);
      span.granularity = g_strdup (res->granularity);
    }
  dl_events_remember (events, &doc->events, record, &span);
  if (g_strcmp0 (span.granularity, "decade") == 0
      || g_strcmp0 (span.granularity, "century") == 0)
    {
      dl_span_of_days_clear (&doc->long_period);
      copy_span (&doc->long_period, &span);
      g_free (doc->long_sentence);
      doc->long_sentence = g_strdup (dl_record_get (record, DL_COL_SENTENCE));
    }
  dl_span_of_days_clear (&doc->last);
  doc->last = span;
  g_free (doc->last_phrase);
  /* "the 2022 invasion" is the date told; "three days after the
   * landing" is not the landing. */
  doc->last_phrase = *phrase && !g_str_has_prefix (form->value, "ANCHOR")
                         ? g_strdup (phrase) : NULL;
}

void
dl_story_joined (Story *doc, const DlRecord *first, const char *link)
{
  const char *value = dl_record_get (first, DL_COL_VALUE);
  DlResolveContext context = { 0 };
  DlSpanOfDays span = { 0 };
  guint year;

  if (strcmp (link, "to") != 0
      || strcmp (dl_record_get (first, DL_COL_CERTAINTY), "unresolved") == 0
      || !dl_has_written_year (value, &year)
      || !base_span (value, &context, &span))
    return;
  doc->now_first = span.earliest;
  doc->now_last = span.latest;
  doc->have_now = TRUE;
  dl_span_of_days_clear (&span);
}
