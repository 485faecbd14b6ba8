/* dateline: extract, normalize and timeline in one process. */
#include "dl-cli.h"
#include "extract.h"
#include "normalize.h"
#include "timeline.h"

#include <stdio.h>

typedef struct {
  DlNormalizer *normalizer;
  DlTimeline *timeline;
} Pipeline;

/* Each mention goes straight from extract through normalize into the
 * timeline: no CSV between the stages inside one process. */
static gboolean
pass_on (DlRecord *record, gpointer data, GError **error)
{
  Pipeline *pipeline = data;

  return dl_normalizer_add (pipeline->normalizer, record, dl_timeline_sink,
                            pipeline->timeline, error);
}

/* The stages built from the parsed options, or FALSE with error set. */
static gboolean
build_stages (DlExtractArgs *extract_args, DlNormalizeArgs *normalize_args,
              DlExtractor **extractor, DlNormalizer **normalizer,
              GError **error)
{
  DlExtractOptions extract_options = { 0 };
  DlNormalizeOptions normalize_options = { 0 };

  if (!dl_extract_args_apply (extract_args, &extract_options, error)
      || !dl_normalize_args_apply (normalize_args, &normalize_options, error))
    return FALSE;
  /* One --reference-date and --grammar serve both stages. */
  normalize_options.reference_date = extract_options.reference_date;
  normalize_options.grammar_dir = extract_options.grammar_dir;
  *extractor = dl_extractor_new (&extract_options, error);
  if (*extractor)
    *normalizer = dl_normalizer_new (&normalize_options, error);
  return *normalizer != NULL;
}

int
main (int argc, char **argv)
{
  gboolean resolved_only = FALSE;
  GOptionEntry entries[] = {
    { "resolved-only", 'R', 0, G_OPTION_ARG_NONE, &resolved_only,
      "Leave out rows without a date range (their count goes to stderr)",
      NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlExtractor) extractor = NULL;
  g_autoptr (DlNormalizer) normalizer = NULL;
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlExtractArgs extract_args = { 0 };
  DlNormalizeArgs normalize_args = { 0 };
  Pipeline pipeline;
  gboolean ok, built;
  guint links, dropped = 0, unresolved;

  dl_cli_init ("dateline");
  g_option_context_set_summary (context,
      "Finds the dates in text or TimeML and writes them as one timeline:\n"
      "dateline-extract | dateline-normalize | dateline-timeline in one.");
  g_option_context_add_main_entries (
      context, dl_extract_args_entries (&extract_args), NULL);
  g_option_context_add_main_entries (
      context, dl_normalize_args_entries (&normalize_args), NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    return DL_EXIT_USAGE;
  built = build_stages (&extract_args, &normalize_args, &extractor,
                        &normalizer, &error);
  dl_extract_args_clear (&extract_args);
  dl_normalize_args_clear (&normalize_args);
  if (!built)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  timeline = dl_timeline_new (resolved_only);
  pipeline.normalizer = normalizer;
  pipeline.timeline = timeline;
  ok = dl_extractor_run_files (extractor, (const char *const *) argv + 1,
                               pass_on, &pipeline);
  if (!dl_normalizer_flush (normalizer, dl_timeline_sink, timeline, &error))
    {
      dl_cli_warn (error);
      g_clear_error (&error);
      ok = FALSE;
    }
  writer = dl_writer_new (stdout, "standard output", DL_FORMAT_TIMELINE, NULL);
  if (!dl_timeline_write (timeline, writer, &dropped, &error))
    {
      dl_cli_warn (error);
      return DL_EXIT_DATA;
    }
  unresolved = dl_normalizer_unresolved (normalizer);
  if (unresolved > 0)
    g_printerr ("%s: %u mention%s left unresolved (certainty=unresolved)\n",
                g_get_prgname (), unresolved, unresolved == 1 ? "" : "s");
  links = dl_timeline_links (timeline);
  if (links > 0)
    g_printerr ("%s: %u row%s joined to the row before (link=)\n",
                g_get_prgname (), links, links == 1 ? "" : "s");
  if (dropped > 0)
    g_printerr ("%s: left out %u row%s without a date range\n",
                g_get_prgname (), dropped, dropped == 1 ? "" : "s");
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
