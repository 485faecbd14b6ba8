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

static gboolean
check_date_order (const char *date_order)
{
  if (date_order == NULL || g_strcmp0 (date_order, "mdy") == 0
      || g_strcmp0 (date_order, "dmy") == 0)
    return TRUE;
  g_printerr ("%s: --date-order is mdy or dmy, not \"%s\"\n",
              g_get_prgname (), date_order);
  return FALSE;
}

int
main (int argc, char **argv)
{
  g_autofree char *reference = NULL;
  g_autofree char *grammar_dir = NULL;
  g_autofree char *date_order = NULL;
  gboolean resolved_only = FALSE;
  gboolean version = FALSE;
  DlNormalizeArgs args = { 0 };
  GOptionEntry entries[] = {
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &reference,
      "Document date of plain text (TimeML carries its own)", "YYYY-MM-DD" },
    { "date-order", 'o', 0, G_OPTION_ARG_STRING, &date_order,
      "Read 01/02/2022 as month/day (mdy, default) or day/month (dmy)",
      "mdy|dmy" },
    { "resolved-only", 'R', 0, G_OPTION_ARG_NONE, &resolved_only,
      "Leave out rows without a date range", NULL },
    { "grammar", 'g', 0, G_OPTION_ARG_FILENAME, &grammar_dir,
      "Load the grammar from DIR/en instead of the built-in copy", "DIR" },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version,
      "Print the version and exit", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlExtractor) extractor = NULL;
  g_autoptr (DlNormalizer) normalizer = NULL;
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlExtractOptions extract_options = { 0 };
  DlNormalizeOptions normalize_options = { 0 };
  Pipeline pipeline;
  const char *stdin_only[] = { "-", NULL };
  const char *const *files;
  int status = DL_EXIT_OK;
  guint dropped = 0, unresolved;

  dl_cli_init ("dateline");
  g_option_context_set_summary (context,
      "Finds the dates in text or TimeML and writes them as one timeline:\n"
      "dateline-extract | dateline-normalize | dateline-timeline in one.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, dl_normalize_args_entries (&args),
                                     NULL);
  if (!dl_cli_parse (context, &argc, &argv, &version))
    return DL_EXIT_USAGE;
  if (!check_date_order (date_order))
    return DL_EXIT_USAGE;
  extract_options.reference_date = reference;
  extract_options.grammar_dir = grammar_dir;
  extract_options.day_first = g_strcmp0 (date_order, "dmy") == 0;
  normalize_options.reference_date = reference;
  normalize_options.grammar_dir = grammar_dir;
  extractor = dl_extractor_new (&extract_options, &error);
  if (extractor && dl_normalize_args_apply (&args, &normalize_options, &error))
    normalizer = dl_normalizer_new (&normalize_options, &error);
  dl_normalize_args_clear (&args);
  if (normalizer == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  timeline = dl_timeline_new (resolved_only);
  pipeline.normalizer = normalizer;
  pipeline.timeline = timeline;
  files = argc > 1 ? (const char *const *) argv + 1 : stdin_only;
  for (guint i = 0; files[i]; i++)
    if (!dl_extractor_run (extractor, files[i], pass_on, &pipeline, &error))
      {
        dl_cli_warn (error);
        g_clear_error (&error);
        status = DL_EXIT_DATA;
      }
  if (!dl_normalizer_flush (normalizer, dl_timeline_sink, timeline, &error))
    {
      dl_cli_warn (error);
      g_clear_error (&error);
      status = DL_EXIT_DATA;
    }
  writer = dl_writer_new (stdout, "standard output", DL_FORMAT_TIMELINE, NULL);
  if (!dl_timeline_write (timeline, writer, &dropped, &error))
    {
      dl_cli_warn (error);
      return DL_EXIT_DATA;
    }
  unresolved = dl_normalizer_unresolved (normalizer);
  if (unresolved > 0)
    g_printerr ("%s: %u mention%s left unresolved\n", g_get_prgname (),
                unresolved, unresolved == 1 ? "" : "s");
  if (dropped > 0)
    g_printerr ("%s: left out %u row%s without a date range\n",
                g_get_prgname (), dropped, dropped == 1 ? "" : "s");
  return dl_cli_close_stdout () ? status : DL_EXIT_DATA;
}
