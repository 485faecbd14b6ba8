/* dateline: extract, normalize and timeline in one process. */
#include "dl-cli.h"
#include "pipeline.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPipeline) pipeline = NULL;
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlPipelineArgs args = { 0 };
  DlOutputArgs output = { 0 };
  gboolean ok;

  dl_cli_init ("dateline");
  g_option_context_set_summary (context,
      "Finds the dates in text or TimeML and writes them as one timeline:\n"
      "dateline-extract | dateline-normalize | dateline-timeline in one.");
  dl_pipeline_args_add (&args, context);
  g_option_context_add_main_entries (
      context, dl_output_args_entries (&output, DL_FORMAT_TIMELINE), NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    {
      dl_pipeline_args_clear (&args);
      dl_output_args_clear (&output);
      return DL_EXIT_USAGE;
    }
  pipeline = dl_pipeline_new (&args, &error);
  dl_pipeline_args_clear (&args);
  if (pipeline)
    timeline = dl_pipeline_new_timeline (pipeline, &error);
  if (timeline)
    writer = dl_output_args_open (&output, DL_FORMAT_TIMELINE, &error);
  dl_output_args_clear (&output);
  if (writer == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  ok = dl_pipeline_run_files (pipeline, (const char *const *) argv + 1,
                              timeline);
  if (!dl_timeline_write (timeline, writer, &error))
    {
      dl_cli_warn (error);
      return DL_EXIT_DATA;
    }
  dl_pipeline_tell (pipeline, timeline);
  if (writer && dl_writer_summary (writer))
    g_printerr ("%s: %s\n", g_get_prgname (), dl_writer_summary (writer));
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
