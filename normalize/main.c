/* dateline-normalize: mention records in, range records out. */
#include "dl-cli.h"
#include "dl-data.h"
#include "dl-filter.h"
#include "normalize.h"

#include <stdio.h>

typedef struct {
  DlNormalizer *normalizer;
  DlWriter *writer;
} Stage;

static void
begin (GPtrArray *extra_names, gpointer data)
{
  Stage *stage = data;

  dl_writer_set_extra_names (stage->writer, extra_names);
}

static gboolean
write_record (DlRecord *record, gpointer data, GError **error)
{
  g_autoptr (DlRecord) owned = record;
  Stage *stage = data;

  return dl_writer_write (stage->writer, owned, error);
}

static gboolean
process (DlRecord *record, gpointer data, GError **error)
{
  Stage *stage = data;

  return dl_normalizer_add (stage->normalizer, record, write_record, stage,
                            error);
}

int
main (int argc, char **argv)
{
  g_autofree char *reference = NULL;
  g_autofree char *grammar_dir = NULL;
  DlNormalizeArgs args = { 0 };
  DlOutputArgs output = { 0 };
  GOptionEntry entries[] = {
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &reference,
      "Document date for rows whose dct is empty", "YYYY-MM-DD" },
    { "grammar", 'g', 0, G_OPTION_ARG_FILENAME, &grammar_dir,
      "Load the grammar's data from DIR/en instead of the built-in copy",
      "DIR" },
    { NULL },
  };
  static const DlColumn required[] = { DL_COL_FORM };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) normalizer = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlNormalizeOptions options = { 0 };
  Stage stage = { 0 };
  DlFilter filter = { DL_FORMAT_MENTIONS, DL_FORMAT_RANGES, required,
                      G_N_ELEMENTS (required), process, &stage, begin, NULL };
  const char *stdin_only[] = { "-", NULL };
  gboolean ok, raw;
  guint unresolved;

  dl_cli_init ("dateline-normalize");
  g_option_context_set_summary (context,
      "Reads mention rows (from dateline-extract) and resolves each form into\n"
      "a TIMEX3 value and an inclusive range of days.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, dl_normalize_args_entries (&args),
                                     NULL);
  g_option_context_add_main_entries (
      context, dl_output_args_entries (&output, DL_FORMAT_RANGES), NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    {
      dl_normalize_args_clear (&args);
      dl_output_args_clear (&output);
      return DL_EXIT_USAGE;
    }
  options.reference_date = reference;
  options.grammar_dir = grammar_dir;
  if ((reference == NULL
       || dl_cli_check_date ("--reference-date", reference, &error))
      && (grammar_dir == NULL
          || dl_data_check_directory (grammar_dir, NULL, &error))
      && dl_normalize_args_apply (&args, &options, &error))
    normalizer = dl_normalizer_new (&options, &error);
  dl_normalize_args_clear (&args);
  if (normalizer != NULL)
    writer = dl_output_args_open (&output, DL_FORMAT_RANGES, &error);
  raw = output.raw;
  dl_output_args_clear (&output);
  if (writer == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  stage.normalizer = normalizer;
  stage.writer = writer;
  ok = dl_filter_run_raw (&filter,
                          argc > 1 ? (const char *const *) argv + 1
                                   : stdin_only,
                          raw);
  if (!dl_normalizer_flush (normalizer, write_record, &stage, &error)
      || !dl_writer_finish (stage.writer, &error))
    {
      dl_cli_warn (error);
      ok = FALSE;
    }
  unresolved = dl_normalizer_unresolved (normalizer);
  if (unresolved > 0)
    g_printerr ("%s: %u mention%s left unresolved (certainty=unresolved)\n",
                g_get_prgname (), unresolved, unresolved == 1 ? "" : "s");
  if (dl_normalizer_dropped (normalizer) > 0)
    g_printerr ("%s: %u row%s skipped (a bare number read as a year outside"
                " a history)\n", g_get_prgname (),
                dl_normalizer_dropped (normalizer),
                dl_normalizer_dropped (normalizer) == 1 ? "" : "s");
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
