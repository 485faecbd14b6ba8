/* normalize.c: the normalize stage: holds the records of a document until
 * it ends, then resolves each record's form in the context its story gives
 * it (story.c), applies what normalize adds around the resolver (anchors,
 * windows, parts, seasons, fiscal years, links) and hands the records on
 * with their ranges columns filled. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "adjust.h"
#include "anchored.h"
#include "calendar.h"
#include "dl-cli.h"
#include "events.h"
#include "form.h"
#include "links.h"
#include "story.h"
#include "style.h"
#include "tense.h"

struct _DlNormalizer {
  DlNormalizeOptions options;
  GDate reference;
  gboolean have_reference;
  DlTenseReader *tense;    /* the tense cues of grammar/en/tense */
  DlEvents events;         /* the anchors tables and the event words */
  GPtrArray *batch;        /* DlRecord *: the document being read */
  guint unresolved;
  guint dropped;           /* if=historical rows outside a history */
};

void
dl_normalizer_free (DlNormalizer *normalizer)
{
  if (normalizer == NULL)
    return;
  g_clear_pointer (&normalizer->tense, dl_tense_reader_free);
  dl_events_clear (&normalizer->events);
  g_clear_pointer (&normalizer->batch, g_ptr_array_unref);
  g_free (normalizer);
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
      || !dl_events_load (&normalizer->events, options, error))
    return NULL;
  return g_steal_pointer (&normalizer);
}

guint
dl_normalizer_unresolved (DlNormalizer *normalizer)
{
  return normalizer->unresolved;
}

guint
dl_normalizer_dropped (DlNormalizer *normalizer)
{
  return normalizer->dropped;
}

DlTense
dl_normalizer_tense (DlNormalizer *normalizer, const char *context,
                     const char *mention, gboolean *governs)
{
  return dl_tense_reader_tense (normalizer->tense, context, mention, governs);
}

/* ---- one document at a time ---- */

static void
resolve_record (DlNormalizer *normalizer, Story *doc, DlRecord *record,
                const Form *form, const DlResolveContext *context_in,
                DlResolution *res)
{
  DlResolveContext context = *context_in;
  const char *phrase = dl_record_get (record, DL_COL_ANCHOR);
  g_autoptr (GError) error = NULL;
  g_autofree char *southern_relative
      = normalizer->options.southern
            ? dl_southern_names (form->value, form->for_resolve)
            : NULL;

  if (g_str_has_prefix (form->value, "ANCHOR"))
    {
      DlSpanOfDays span = { 0 };
      const char *used = NULL;
      gboolean found = dl_story_anchor_span (
          doc, &normalizer->events, record, form->value, &span, &used);
      g_autofree char *mod = dl_form_attribute (form, "mod");

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
      res->value = g_strdup ("");
      res->certainty = g_strdup ("unresolved");
      res->note = g_strdup (error ? error->message : "form not understood");
    }
  else if (*phrase && g_strcmp0 (res->type, "DATE") == 0)
    {
      DlSpanOfDays event;

      if (dl_events_find (&normalizer->events, &doc->events, phrase, &event)
          && !event.approximate)
        dl_narrow_to_event (res, &event, phrase);
      dl_span_of_days_clear (&event);
    }
  if (form->window)
    dl_story_window (doc, form, &context, res);
  if (form->part)
    dl_apply_part (res, form->part);
  if (form->days)
    dl_apply_days (res, form->days);
  dl_time_of_day_stays (res);
  /* "In the past four years" is a window back, not a day ahead. */
  if (form->at && !form->window && context.have_reference)
    dl_apply_at (res, context.tense, &context.reference);
  if (southern_relative)
    dl_northern_code_as_southern (res);
  else if (normalizer->options.southern)
    dl_southern_seasons (res);
  dl_story_close_past (res, context.tense, doc);
  dl_fiscal_year (res, form->value, normalizer->options.fiscal_year_start);
}

/* The unspecified TIMEX3 value of a period of granularity, or "". */
static const char *
unspecified_of (const char *granularity)
{
  static const char *const values[][2] = {
    { "day", "XXXX-XX-XX" }, { "week", "XXXX-WXX" }, { "month", "XXXX-XX" },
    { "quarter", "XXXX-QX" }, { "half", "XXXX-HX" }, { "year", "XXXX" },
    { "decade", "XXX" },      { "century", "XX" },
  };

  for (gsize i = 0; granularity && i < G_N_ELEMENTS (values); i++)
    if (strcmp (granularity, values[i][0]) == 0)
      return values[i][1];
  return "";
}

/* Whether text is a part of a year in TIMEX3: 05, 05-14, SU, Q3, H1. */
static gboolean
is_year_part (const char *text)
{
  static const char *const codes[] = { "SP", "SU", "FA", "WI", "Q1", "Q2",
                                       "Q3", "Q4", "H1", "H2", NULL };
  gsize digits = strspn (text, "0123456789");

  int month = digits == 2 ? atoi (text) : 0;

  if (month >= 1 && month <= 12 && text[2] == '\0')
    return TRUE;
  /* A day that exists in some year (2000 is a leap year). */
  if (month >= 1 && month <= 12 && text[2] == '-'
      && strspn (text + 3, "0123456789") == 2 && text[5] == '\0')
    return g_date_valid_dmy ((GDateDay) atoi (text + 3), (GDateMonth) month,
                             2000);
  return g_strv_contains (codes, text);
}

/* What a form that could not be placed says, in TIMEX3, the rest left
 * unspecified: "in May" XXXX-05, "on Tuesday" XXXX-WXX-2, "the day before
 * the summit" XXXX-XX-XX, with its time of day; "" if nothing. */
static char *
unspecified_value (const Form *form, const char *granularity)
{
  const char *value = form->value;
  const char *time = strchr (value, 'T');
  g_autofree char *bare = g_strndup (value, time ? (gsize) (time - value)
                                                 : strlen (value));
  g_autofree char *unit = NULL;
  const char *rest;
  gint64 shift;
  int open;

  if (time == NULL)
    time = "";
  if (g_str_has_prefix (bare, "UNDEF-year-"))
    {
      rest = bare + strlen ("UNDEF-year-");
      if (is_year_part (rest))
        return g_strdup_printf ("XXXX-%s%s", rest, time);
      if (g_ascii_isdigit (rest[0]))
        return g_strdup (""); /* no such month or day: "April 31" */
    }
  if (g_str_has_prefix (bare, "UNDEF-day-")
      && dl_name_index (dl_weekday_names, bare + strlen ("UNDEF-day-")) > 0)
    return g_strdup_printf ("XXXX-WXX-%d%s",
                            dl_name_index (dl_weekday_names,
                                           bare + strlen ("UNDEF-day-")),
                            time);
  if (dl_anchor_form_parse (bare, &unit, &shift, &open) && unit)
    return g_strdup (strcmp (unit, "weekend") == 0 ? "XXXX-WXX-WE"
                                                   : unspecified_of (unit));
  if (*unspecified_of (granularity) == '\0')
    return g_strdup ("");
  return g_strconcat (unspecified_of (granularity), time, NULL);
}

/* An unresolved row's value: the value as written when it is a TIMEX3
 * one (2023-02-30, P3D), never an internal form (UNDEF-year-01,
 * ANCHOR-after) of the form language, which the form column keeps: what
 * the form says, the rest unspecified (XXXX-05). */
static void
finish_unresolved (DlResolution *res, const Form *form, const Story *doc)
{
  if (g_strcmp0 (res->certainty, "unresolved") != 0)
    return;
  if (res->value == NULL || *res->value == '\0'
      || g_str_has_prefix (res->value, "UNDEF-")
      || g_str_has_prefix (res->value, "ANCHOR"))
    dl_set_field (&res->value, unspecified_value (form, res->granularity));
  if (doc->bad_dct && g_strcmp0 (res->note, "no reference date") == 0)
    dl_set_field (&res->note, g_strdup ("no reference date: the dct is not a"
                                        " date (YYYY-MM-DD)"));
}

/* Bytes of UTF-8 that a message shows as they are; the rest (control
 * characters, quotes, backslashes) g_strescape writes as escapes. */
static const char *
utf8_bytes (void)
{
  static char bytes[129];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (int i = 0; i < 128; i++)
        bytes[i] = (char) (0x80 + i);
      g_once_init_leave (&ready, 1);
    }
  return bytes;
}

/* A dct that is not a date is said once per document, as FILE:LINE of its
 * first row; the document is read as if its dct were empty. */
static void
warn_bad_dct (const DlRecord *first, const char *dct)
{
  glong n = g_utf8_strlen (dct, -1);
  /* g_utf8_substring must not be asked past the end of the string. */
  g_autofree char *start = g_utf8_substring (dct, 0, MIN (n, 40));
  g_autofree char *shown = g_strescape (start, utf8_bytes ());
  g_autofree char *where
      = first->origin ? g_strdup_printf ("%s:%" G_GUINT64_FORMAT,
                                         first->origin, first->line)
                      : g_strdup_printf ("doc %s",
                                         dl_record_get (first, DL_COL_DOC));
  g_autoptr (GError) warning = g_error_new (
      DL_ERROR, DL_ERROR_DATA,
      "%s: dct \"%s%s\" is not a date (YYYY-MM-DD): read as if empty",
      where, shown, n > 40 ? "..." : "");

  dl_cli_warn (warning);
}

static gboolean
is_historical_only (const DlRecord *record)
{
  return strstr (dl_record_get (record, DL_COL_FORM), " if=historical")
         != NULL;
}

/* if=historical: a bare number read as a year ("from the years 700 to
 * 709") stays only in a document that is a history; elsewhere it is an
 * amount, and its row is dropped, counted. */
static void
drop_unless_historical (DlNormalizer *normalizer, GPtrArray *batch)
{
  gboolean any = FALSE;

  for (guint i = 0; i < batch->len && !any; i++)
    any = is_historical_only (batch->pdata[i]);
  if (!any || dl_style_historical (batch))
    return;
  for (guint i = batch->len; i-- > 0;)
    if (is_historical_only (batch->pdata[i]))
      {
        g_ptr_array_remove_index (batch, i);
        normalizer->dropped++;
      }
}

static gboolean
resolve_document (DlNormalizer *normalizer, DlSinkFunc sink, gpointer data,
                  GError **error)
{
  GPtrArray *batch = normalizer->batch;
  Story doc;

  drop_unless_historical (normalizer, batch);
  if (batch->len == 0)
    return TRUE;
  dl_story_begin (&doc, batch, normalizer->options.style,
                  normalizer->have_reference ? &normalizer->reference : NULL);
  if (doc.bad_dct)
    warn_bad_dct (batch->pdata[0], doc.bad_dct);
  for (guint i = 0; i < batch->len; i++)
    {
      DlRecord *record = batch->pdata[i];
      DlResolution res = { 0 };
      DlResolveContext context;
      Form form;

      dl_form_split (dl_record_get (record, DL_COL_FORM), &form);
      dl_story_context (&doc, normalizer->tense, record, &form, &context);
      resolve_record (normalizer, &doc, record, &form, &context, &res);
      finish_unresolved (&res, &form, &doc);
      dl_story_remember (&doc, &normalizer->events, record, &form, &context,
                         &res);
      if (g_strcmp0 (res.certainty, "unresolved") == 0)
        normalizer->unresolved++;
      dl_resolution_to_record (&res, record);
      dl_resolution_clear (&res);
      if (form.link && i > 0)
        {
          dl_link_join (batch->pdata[i - 1], record, form.link);
          dl_story_joined (&doc, batch->pdata[i - 1], form.link);
        }
      dl_form_clear (&form);
    }
  dl_story_clear (&doc);
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
