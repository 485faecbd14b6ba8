/* dateline-extract: text or TimeML in, one CSV row per date mention out. */
#include "dl-cli.h"
#include "extract.h"

#include <stdio.h>
#include <unistd.h>

typedef struct {
  DlWriter *writer;
} Output;

static gboolean
write_record (DlRecord *record, gpointer data, GError **error)
{
  g_autoptr (DlRecord) owned = record;
  Output *output = data;

  return dl_writer_write (output->writer, owned, error);
}

/* Progress on stderr for long runs, only when a person is watching. */
static void
show_progress (guint done, guint total, gint64 *last)
{
  gint64 now = g_get_monotonic_time ();

  if (total < 2 || !isatty (STDERR_FILENO) || now - *last < G_USEC_PER_SEC)
    return;
  *last = now;
  g_printerr ("\r%s: %u/%u files", g_get_prgname (), done, total);
  if (done == total)
    g_printerr ("\n");
}

int
main (int argc, char **argv)
{
  g_autofree char *reference = NULL;
  g_autofree char *grammar_dir = NULL;
  g_autofree char *date_order = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &reference,
      "Document date of plain text (TimeML carries its own)", "YYYY-MM-DD" },
    { "date-order", 'o', 0, G_OPTION_ARG_STRING, &date_order,
      "Read 01/02/2022 as month/day (mdy, default) or day/month (dmy)",
      "mdy|dmy" },
    { "grammar", 'g', 0, G_OPTION_ARG_FILENAME, &grammar_dir,
      "Load the grammar from DIR/en instead of the built-in copy", "DIR" },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version,
      "Print the version and exit", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlExtractor) extractor = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlExtractOptions options = { 0 };
  Output output;
  const char *stdin_only[] = { "-", NULL };
  const char *const *files;
  int status = DL_EXIT_OK;
  gint64 last = 0;
  guint n_files;

  dl_cli_init ("dateline-extract");
  g_option_context_set_summary (context,
      "Finds the dates and times in text or TimeML (FILE, or standard input\n"
      "when FILE is - or absent) and writes one CSV row per mention.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dl_cli_parse (context, &argc, &argv, &version))
    return DL_EXIT_USAGE;
  if (date_order && g_strcmp0 (date_order, "mdy") != 0
      && g_strcmp0 (date_order, "dmy") != 0)
    {
      g_printerr ("%s: --date-order is mdy or dmy, not \"%s\"\n",
                  g_get_prgname (), date_order);
      return DL_EXIT_USAGE;
    }
  options.reference_date = reference;
  options.grammar_dir = grammar_dir;
  options.day_first = g_strcmp0 (date_order, "dmy") == 0;
  extractor = dl_extractor_new (&options, &error);
  if (extractor == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  writer = dl_writer_new (stdout, "standard output", DL_FORMAT_MENTIONS, NULL);
  output.writer = writer;
  files = argc > 1 ? (const char *const *) argv + 1 : stdin_only;
  n_files = g_strv_length ((char **) files);
  for (guint i = 0; files[i]; i++)
    {
      if (!dl_extractor_run (extractor, files[i], write_record, &output,
                             &error))
        {
          /* A bad file is reported and skipped; the others still run. */
          dl_cli_warn (error);
          g_clear_error (&error);
          status = DL_EXIT_DATA;
        }
      show_progress (i + 1, n_files, &last);
    }
  if (!dl_writer_finish (writer, &error))
    {
      dl_cli_warn (error);
      return DL_EXIT_DATA;
    }
  return dl_cli_close_stdout () ? status : DL_EXIT_DATA;
}
