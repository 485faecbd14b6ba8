/* pipeline.c: extract, normalize and timeline in one process. */
#include "pipeline.h"

#include "dl-cli.h"
#include "handoff.h"

#include <sched.h>
#include <stdio.h>

struct _DlPipeline {
  DlExtractor *extractor;
  DlNormalizer *normalizer;
  DlTimelineOptions timeline_options;
  char *grammar_dir;
  DlTimeline *timeline; /* the one being filled */
  gboolean threaded;    /* normalize and the timeline in a thread */
  guint skipped;        /* rows the timeline refused (a bug upstream) */
};

void
dl_pipeline_args_add (DlPipelineArgs *args, GOptionContext *context)
{
  g_option_context_add_main_entries (
      context, dl_extract_args_entries (&args->extract), NULL);
  g_option_context_add_main_entries (
      context, dl_normalize_args_entries (&args->normalize), NULL);
  g_option_context_add_main_entries (
      context, dl_timeline_args_entries (&args->timeline), NULL);
}

void
dl_pipeline_args_clear (DlPipelineArgs *args)
{
  dl_extract_args_clear (&args->extract);
  dl_normalize_args_clear (&args->normalize);
  dl_timeline_args_clear (&args->timeline);
}

void
dl_pipeline_free (DlPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  dl_extractor_free (pipeline->extractor);
  dl_normalizer_free (pipeline->normalizer);
  g_free (pipeline->grammar_dir);
  g_free (pipeline);
}

/* The cores this process may run on: under taskset one, say, though the
 * machine has more (g_get_num_processors counts the machine's). */
static guint
usable_cores (void)
{
#ifdef CPU_COUNT
  cpu_set_t set;

  if (sched_getaffinity (0, sizeof set, &set) == 0)
    return (guint) CPU_COUNT (&set);
#endif
  return g_get_num_processors ();
}

DlPipeline *
dl_pipeline_new (DlPipelineArgs *args, GError **error)
{
  g_autoptr (DlPipeline) pipeline = g_new0 (DlPipeline, 1);
  DlExtractOptions extract_options = { 0 };
  DlNormalizeOptions normalize_options = { 0 };

  if (!dl_extract_args_apply (&args->extract, &extract_options, error)
      || !dl_normalize_args_apply (&args->normalize, &normalize_options, error)
      || !dl_timeline_args_apply (&args->timeline,
                                  &pipeline->timeline_options, error))
    return NULL;
  normalize_options.reference_date = extract_options.reference_date;
  normalize_options.grammar_dir = extract_options.grammar_dir;
  pipeline->grammar_dir = g_strdup (extract_options.grammar_dir);
  pipeline->timeline_options.grammar_dir = pipeline->grammar_dir;
  pipeline->threaded = usable_cores () >= 2;
  pipeline->timeline_options.words_early = pipeline->threaded;
  pipeline->extractor = dl_extractor_new (&extract_options, error);
  if (pipeline->extractor == NULL)
    return NULL;
  pipeline->normalizer = dl_normalizer_new (&normalize_options, error);
  if (pipeline->normalizer == NULL)
    return NULL;
  return g_steal_pointer (&pipeline);
}

DlTimeline *
dl_pipeline_new_timeline (DlPipeline *pipeline, GError **error)
{
  return dl_timeline_new (&pipeline->timeline_options, error);
}

/* Rows from normalize pass the timeline's checks; one that does not is
 * told and counted, and the others go on. */
static gboolean
to_timeline (DlRecord *record, gpointer data, GError **error)
{
  DlPipeline *pipeline = data;
  g_autoptr (GError) bad = NULL;

  (void) error;
  if (!dl_timeline_sink (record, pipeline->timeline, &bad))
    {
      dl_cli_warn (bad);
      pipeline->skipped++;
    }
  return TRUE;
}

static gboolean
to_normalizer (DlRecord *record, gpointer data, GError **error)
{
  DlPipeline *pipeline = data;

  return dl_normalizer_add (pipeline->normalizer, record, to_timeline,
                            pipeline, error);
}

static gboolean
flush_normalizer (gpointer data, GError **error)
{
  DlPipeline *pipeline = data;

  return dl_normalizer_flush (pipeline->normalizer, to_timeline, pipeline,
                              error);
}

/* Extract runs here; normalize and the timeline run in a thread of their
 * own when there is a second core, so that dateline takes the time of its
 * slower half, not the sum.  On one core a thread would only add switches.
 * Either way the timeline gets the same rows in the same order. */
static gboolean
run_files (DlPipeline *pipeline, const char *const *files, GError **error)
{
  DlHandoff *handoff;
  gboolean ok;

  if (!pipeline->threaded)
    {
      ok = dl_extractor_run_files (pipeline->extractor, files,
                                   to_normalizer, pipeline);
      return flush_normalizer (pipeline, error) && ok;
    }
  handoff = dl_handoff_start (to_normalizer, flush_normalizer, pipeline);
  ok = dl_extractor_run_files (pipeline->extractor, files, dl_handoff_sink,
                               handoff);
  return dl_handoff_end (handoff, error) && ok;
}

gboolean
dl_pipeline_run_files (DlPipeline *pipeline, const char *const *files,
                       DlTimeline *timeline)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  pipeline->timeline = timeline;
  ok = run_files (pipeline, files, &error);
  if (error)
    dl_cli_warn (error);
  pipeline->timeline = NULL;
  return ok && pipeline->skipped == 0;
}

gboolean
dl_pipeline_run_document (DlPipeline *pipeline, DlDocument *document,
                          DlTimeline *timeline, GError **error)
{
  gboolean ok;

  pipeline->timeline = timeline;
  ok = dl_extractor_run_document (pipeline->extractor, document,
                                  to_normalizer, pipeline, error)
       && dl_normalizer_flush (pipeline->normalizer, to_timeline, pipeline,
                               error);
  pipeline->timeline = NULL;
  if (ok && pipeline->skipped > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s: %u rows refused",
                   document->name, pipeline->skipped);
      return FALSE;
    }
  return ok;
}

void
dl_pipeline_tell (DlPipeline *pipeline, DlTimeline *timeline)
{
  guint unresolved = dl_normalizer_unresolved (pipeline->normalizer);
  g_auto (GStrv) summary = dl_timeline_summary (timeline);

  if (unresolved > 0)
    g_printerr ("%s: %u mention%s left unresolved (certainty=unresolved)\n",
                g_get_prgname (), unresolved, unresolved == 1 ? "" : "s");
  if (dl_normalizer_dropped (pipeline->normalizer) > 0)
    g_printerr ("%s: %u row%s skipped (a bare number read as a year outside"
                " a history)\n", g_get_prgname (),
                dl_normalizer_dropped (pipeline->normalizer),
                dl_normalizer_dropped (pipeline->normalizer) == 1 ? "" : "s");
  for (guint i = 0; summary[i]; i++)
    g_printerr ("%s: %s\n", g_get_prgname (), summary[i]);
  if (pipeline->skipped > 0)
    g_printerr ("%s: %u row%s skipped (bad row)\n", g_get_prgname (),
                pipeline->skipped, pipeline->skipped == 1 ? "" : "s");
}
