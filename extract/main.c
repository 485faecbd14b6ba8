/* dateline-extract: text or TimeML in, one CSV row per date mention out. */
#include "dl-cli.h"
#include "extract.h"

#include <stdio.h>

static gboolean
write_record (DlRecord *record, gpointer writer, GError **error)
{
  g_autoptr (DlRecord) owned = record;

  return dl_writer_write (writer, owned, error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlExtractor) extractor = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlExtractArgs args = { 0 };
  DlOutputArgs output = { 0 };
  DlExtractOptions options = { 0 };
  gboolean ok;

  dl_cli_init ("dateline-extract");
  g_option_context_set_summary (context,
      "Finds the dates and times in text or TimeML (FILE, or standard input\n"
      "when FILE is - or absent) and writes one row per mention.");
  g_option_context_add_main_entries (context, dl_extract_args_entries (&args),
                                     NULL);
  g_option_context_add_main_entries (
      context, dl_output_args_entries (&output, DL_FORMAT_MENTIONS), NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    {
      dl_extract_args_clear (&args);
      dl_output_args_clear (&output);
      return DL_EXIT_USAGE;
    }
  if (dl_extract_args_apply (&args, &options, &error))
    extractor = dl_extractor_new (&options, &error);
  dl_extract_args_clear (&args);
  if (extractor != NULL)
    writer = dl_output_args_open (&output, DL_FORMAT_MENTIONS, &error);
  dl_output_args_clear (&output);
  if (writer == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  ok = dl_extractor_run_files (extractor, (const char *const *) argv + 1,
                               write_record, writer);
  if (!dl_writer_finish (writer, &error))
    {
      dl_cli_warn (error);
      return DL_EXIT_DATA;
    }
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
