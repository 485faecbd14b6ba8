/* normalize.c: the normalize stage: holds the records of a document until
 * it ends, then resolves each record's form in the context its story gives
 * it (story.c), applies what normalize adds around the resolver (anchors,
 * windows, parts, seasons, fiscal years, links) and hands the records on
 * with their ranges columns filled. */
#include "normalize.h"

#include <string.h>

#include "adjust.h"
#include "anchored.h"
#include "dl-cli.h"
#include "events.h"
#include "form.h"
#include "links.h"
#include "story.h"
#include "tense.h"

struct _DlNormalizer {
  DlNormalizeOptions options;
  GDate reference;
  gboolean have_reference;
  DlTenseReader *tense;    /* the tense cues of grammar/en/tense */
  DlEvents events;         /* the anchors tables and the event words */
  GPtrArray *batch;        /* DlRecord *: the document being read */
  guint unresolved;
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
          doc, &normalizer->events, phrase,
          strstr (form->value, "-MINUS-") != NULL, &span, &used);
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
  if (form->at && context.have_reference)
    dl_apply_at (res, context.tense, &context.reference);
  if (southern_relative)
    dl_northern_code_as_southern (res);
  else if (normalizer->options.southern)
    dl_southern_seasons (res);
  dl_story_close_past (res, context.tense, doc);
  dl_fiscal_year (res, form->value, normalizer->options.fiscal_year_start);
}

/* An unresolved row's value: the value as written when it is a TIMEX3
 * one (2023-02-30, P3D), never an internal form (UNDEF-year-01,
 * ANCHOR-after) of the form language; the form column keeps that. */
static void
finish_unresolved (DlResolution *res, const Story *doc)
{
  if (g_strcmp0 (res->certainty, "unresolved") != 0)
    return;
  if (res->value == NULL || g_str_has_prefix (res->value, "UNDEF-")
      || g_str_has_prefix (res->value, "ANCHOR"))
    dl_set_field (&res->value, g_strdup (""));
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
resolve_document (DlNormalizer *normalizer, DlSinkFunc sink, gpointer data,
                  GError **error)
{
  GPtrArray *batch = normalizer->batch;
  Story doc;

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
      finish_unresolved (&res, &doc);
      dl_story_remember (&doc, &normalizer->events, record, &form, &context,
                         &res);
      if (g_strcmp0 (res.certainty, "unresolved") == 0)
        normalizer->unresolved++;
      dl_resolution_to_record (&res, record);
      dl_resolution_clear (&res);
      if (form.link && i > 0)
        dl_link_join (batch->pdata[i - 1], record, form.link);
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
