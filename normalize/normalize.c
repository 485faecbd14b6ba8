/* normalize.c: resolves each mention's form against the document date and
 * the tense of its sentence. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "normalize.h"

#include "dl-cli.h"
#include "dl-data.h"

#include <pcre2.h>
#include <string.h>

struct _DlNormalizer {
  GDate reference;
  gboolean have_reference;
  pcre2_code *tense_cues; /* (?<past>...)|(?<future>...) as whole words */
  pcre2_match_data *tense_data;
  guint unresolved;
};

void
dl_normalizer_free (DlNormalizer *normalizer)
{
  if (normalizer == NULL)
    return;
  pcre2_code_free (normalizer->tense_cues);
  pcre2_match_data_free (normalizer->tense_data);
  g_free (normalizer);
}

static char *
cue_alternation (const char *grammar_dir, const char *file, GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar_dir, NULL, file, error);

  return lines ? g_strjoinv ("|", lines) : NULL;
}

static gboolean
compile_tense_cues (DlNormalizer *normalizer, const char *grammar_dir,
                    GError **error)
{
  g_autofree char *past = cue_alternation (grammar_dir, "tense/past.re", error);
  g_autofree char *future = NULL;
  g_autofree char *pattern = NULL;
  PCRE2_SIZE offset;
  int code;

  if (past == NULL)
    return FALSE;
  future = cue_alternation (grammar_dir, "tense/future.re", error);
  if (future == NULL)
    return FALSE;
  pattern = g_strdup_printf ("\\b(?:(?<future>%s)|(?<past>%s))\\b", future,
                             past);
  normalizer->tense_cues = pcre2_compile ((PCRE2_SPTR) pattern,
                                          PCRE2_ZERO_TERMINATED,
                                          PCRE2_CASELESS, &code, &offset,
                                          NULL);
  if (normalizer->tense_cues == NULL)
    {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message (code, message, sizeof message);
      g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                   "grammar/en/tense: %s at offset %zu", (char *) message,
                   (size_t) offset);
      return FALSE;
    }
  pcre2_jit_compile (normalizer->tense_cues, PCRE2_JIT_COMPLETE);
  normalizer->tense_data = pcre2_match_data_create_from_pattern (
      normalizer->tense_cues, NULL);
  return TRUE;
}

DlNormalizer *
dl_normalizer_new (const DlNormalizeOptions *options, GError **error)
{
  g_autoptr (DlNormalizer) normalizer = g_new0 (DlNormalizer, 1);

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
  if (!compile_tense_cues (normalizer, options->grammar_dir, error))
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
                     const char *mention)
{
  const char *at = mention && *mention ? strstr (context, mention) : NULL;
  gsize where = at ? (gsize) (at - context) : 0;
  gsize len = strlen (context), offset = 0, best = G_MAXSIZE;
  DlTense tense = DL_TENSE_UNKNOWN;
  gsize skip_from = at ? where : 0, skip_to = at ? where + strlen (mention) : 0;
  int future = pcre2_substring_number_from_name (normalizer->tense_cues,
                                                 (PCRE2_SPTR) "future");

  /* The cue nearest the mention wins: a sentence may report in the past
   * ("said") what will happen ("will meet on Friday"). */
  while (offset < len
         && pcre2_match (normalizer->tense_cues, (PCRE2_SPTR) context, len,
                         offset, 0, normalizer->tense_data, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (normalizer->tense_data);
      gsize distance = ov[0] >= where ? ov[0] - where : where - ov[1];

      offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
      if (ov[0] < skip_to && ov[1] > skip_from)
        continue; /* the mention's own words ("last week") are no cue */
      if (distance < best)
        {
          best = distance;
          tense = ov[2 * future] != PCRE2_UNSET ? DL_TENSE_FUTURE
                                                : DL_TENSE_PAST;
        }
    }
  return tense;
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

gboolean
dl_normalizer_process (DlNormalizer *normalizer, DlRecord *record,
                       GError **error)
{
  DlResolveContext context = { 0 };
  DlResolution res = { 0 };
  g_autoptr (GError) local = NULL;
  const char *dct = dl_record_get (record, DL_COL_DCT);

  (void) error;
  if (dl_parse_iso_date (dct, &context.reference))
    context.have_reference = TRUE;
  else if (normalizer->have_reference)
    {
      context.reference = normalizer->reference;
      context.have_reference = TRUE;
    }
  context.tense = dl_normalizer_tense (normalizer,
                                       dl_record_get (record, DL_COL_CONTEXT),
                                       dl_record_get (record, DL_COL_MENTION));
  if (!dl_resolve (dl_record_get (record, DL_COL_FORM), &context, &res,
                   &local))
    {
      /* Not fatal: the row still comes out, marked and counted. */
      dl_resolution_clear (&res);
      res.value = g_strdup (dl_record_get (record, DL_COL_FORM));
      res.certainty = g_strdup ("unresolved");
      res.note = g_strdup (local ? local->message : "form not understood");
    }
  if (g_strcmp0 (res.certainty, "unresolved") == 0)
    normalizer->unresolved++;
  take_resolution (record, &res);
  dl_resolution_clear (&res);
  return TRUE;
}
