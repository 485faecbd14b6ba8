/* dateline-compare: two articles (or timelines) in, the events they both
 * tell with dates that agree or conflict, and those only one tells. */
#include "compare.h"
#include "dl-cli.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A header that names this many columns of the ranges or the timeline is
 * CSV; anything else is an article. */
#define CSV_COLUMNS 4

/* Reads CSV records (ranges or a timeline) from reader into timeline; a
 * bad row fails. */
static gboolean
read_csv (DlReader *reader, gboolean raw, DlTimeline *timeline,
          GError **error)
{
  DlFormat format;
  DlRecord *record;
  DlSinkFunc sink;

  dl_reader_set_raw (reader, raw);
  if (!dl_timeline_read_header (reader, &format, error))
    return FALSE;
  sink = dl_timeline_sink_for (format);
  while ((record = dl_reader_next (reader, error)) != NULL)
    if (!sink (record, timeline, error))
      return FALSE;
  return error == NULL || *error == NULL;
}

/* Whether reader starts with a header of the ranges or a timeline. */
static gboolean
is_csv (DlReader *reader)
{
  static const DlFormat formats[] = { DL_FORMAT_RANGES, DL_FORMAT_TIMELINE };
  g_autoptr (GError) ignored = NULL;
  guint known = 0;

  dl_reader_peek_format (reader, formats, G_N_ELEMENTS (formats), &known,
                         &ignored);
  return ignored == NULL && known >= CSV_COLUMNS;
}

/* TimeML from its first bytes, as dateline-extract tells it. */
static gboolean
looks_like_timeml (const char *data, gsize len)
{
  gsize i = strspn (data, " \t\r\n");

  return (len - i >= 5 && memcmp (data + i, "<?xml", 5) == 0)
         || (len - i >= 7 && memcmp (data + i, "<TimeML", 7) == 0);
}

/* Standard input, read whole: it is looked at before it is known to be
 * CSV or an article. */
static gboolean
load_stdin (DlPipeline *pipeline, gboolean raw, DlTimeline *timeline,
            GError **error)
{
  g_autoptr (GString) data = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (DlReader) reader = NULL;
  g_autoptr (DlDocument) document = NULL;
  char buffer[1 << 16];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (data, buffer, n);
  if (ferror (stdin))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "-: %s", g_strerror (errno));
      return FALSE;
    }
  bytes = g_bytes_new (data->str, data->len);
  reader = dl_reader_open_bytes ("-", bytes, error);
  if (reader == NULL)
    return FALSE;
  if (is_csv (reader))
    return read_csv (reader, raw, timeline, error);
  document = dl_document_new ("-", data->str, data->len,
                              looks_like_timeml (data->str, data->len), error);
  return document
         && dl_pipeline_run_document (pipeline, document, timeline, error);
}

/* One side: an article run through the pipeline, or ranges or a timeline
 * read as they are. */
static gboolean
load_side (DlPipeline *pipeline, const char *path, gboolean raw,
           DlTimeline *timeline, GError **error)
{
  g_autoptr (DlReader) reader = NULL;
  const char *files[] = { path, NULL };

  if (strcmp (path, "-") == 0)
    return load_stdin (pipeline, raw, timeline, error);
  reader = dl_reader_open (path, error);
  if (reader == NULL)
    return FALSE;
  if (is_csv (reader))
    return read_csv (reader, raw, timeline, error);
  g_clear_pointer (&reader, dl_reader_free);
  if (!dl_pipeline_run_files (pipeline, files, timeline))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s: not compared", path);
      return FALSE;
    }
  return TRUE;
}

/* Exits 2, as diff does on trouble.  Through _exit: the check of standard
 * output at exit would make a write error 1; it is told already. */
static int G_GNUC_NORETURN
trouble (void)
{
  fflush (stderr);
  _exit (DL_EXIT_USAGE);
}

static gboolean
write_record (DlRecord *record, gpointer writer, GError **error)
{
  g_autoptr (DlRecord) owned = record;

  return dl_writer_write (writer, owned, error);
}

static gboolean
compare (DlPipeline *pipeline, const DlCompareOptions *options,
         const char *a, const char *b, gboolean raw, DlWriter *writer,
         DlCompareCounts *counts, GError **error)
{
  g_autoptr (DlComparison) comparison = dl_comparison_new (options, error);
  const char *paths[] = { a, b };
  DlSinkFunc sinks[] = { dl_comparison_sink_a, dl_comparison_sink_b };

  if (comparison == NULL)
    return FALSE;
  for (int side = 0; side < 2; side++)
    {
      g_autoptr (DlTimeline) timeline = dl_pipeline_new_timeline (pipeline,
                                                                  error);

      if (timeline == NULL
          || !load_side (pipeline, paths[side], raw, timeline, error)
          || !dl_timeline_finish (timeline, sinks[side], comparison, error))
        return FALSE;
    }
  return dl_comparison_finish (comparison, write_record, writer, counts,
                               error)
         && dl_writer_finish (writer, error);
}

/* Reads the compare options into options. */
static gboolean
apply_options (const char *threshold, int max_gap, const char *grammar_dir,
               DlCompareOptions *options, GError **error)
{
  options->threshold = DL_MERGE_THRESHOLD;
  options->max_gap = DL_COMPARE_MAX_GAP;
  options->grammar_dir = grammar_dir;
  if (threshold && !dl_timeline_parse_threshold ("--match-threshold",
                                                 threshold,
                                                 &options->threshold, error))
    return FALSE;
  if (max_gap < 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--max-gap: %d is not a number of days", max_gap);
      return FALSE;
    }
  if (max_gap > 0)
    options->max_gap = max_gap;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *threshold = NULL;
  int max_gap = 0;
  GOptionEntry entries[] = {
    { "match-threshold", 0, 0, G_OPTION_ARG_STRING, &threshold,
      "Pair two events when their words are this alike (0-1, default "
      G_STRINGIFY (DL_MERGE_THRESHOLD) ")", "X" },
    { "max-gap", 0, 0, G_OPTION_ARG_INT, &max_gap,
      "Pair events whose ranges are at most DAYS apart (default "
      G_STRINGIFY (DL_COMPARE_MAX_GAP) ")", "DAYS" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("A B");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPipeline) pipeline = NULL;
  g_autofree char *grammar_dir = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlPipelineArgs args = { 0 };
  DlOutputArgs output = { 0 };
  DlCompareOptions options = { 0 };
  DlCompareCounts counts = { 0 };
  gboolean parsed, raw;

  dl_cli_init ("dateline-compare");
  g_option_context_set_summary (context,
      "Compares the timelines of two articles (text, TimeML, or ranges or\n"
      "timeline CSV): the events both tell, with dates that agree or\n"
      "conflict, and those only one of them tells.  Exit status as diff's:\n"
      "0 when everything agrees, 1 when anything differs, 2 on trouble.");
  dl_pipeline_args_add (&args, context);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (
      context, dl_output_args_entries (&output, DL_FORMAT_COMPARE), NULL);
  parsed = dl_cli_parse (context, &argc, &argv);
  if (parsed && argc != 3)
    g_printerr ("%s: give two inputs, A and B\n"
                "Try '%s --help' for more information.\n",
                g_get_prgname (), g_get_prgname ());
  if (!parsed || argc != 3)
    {
      dl_pipeline_args_clear (&args);
      dl_output_args_clear (&output);
      return DL_EXIT_USAGE;
    }
  grammar_dir = g_strdup (args.extract.grammar_dir);
  raw = output.raw;
  if (apply_options (threshold, max_gap, grammar_dir, &options, &error))
    pipeline = dl_pipeline_new (&args, &error);
  dl_pipeline_args_clear (&args);
  if (pipeline)
    writer = dl_output_args_open (&output, DL_FORMAT_COMPARE, &error);
  dl_output_args_clear (&output);
  if (writer == NULL
      || !compare (pipeline, &options, argv[1], argv[2], raw, writer,
                   &counts, &error))
    {
      dl_cli_warn (error);
      trouble ();
    }
  if (writer && dl_writer_summary (writer))
    g_printerr ("%s: %s\n", g_get_prgname (), dl_writer_summary (writer));
  g_printerr ("%s: %u agree, %u conflict, %u only in A, %u only in B\n",
              g_get_prgname (), counts.agree, counts.conflict, counts.only_a,
              counts.only_b);
  if (!dl_cli_close_stdout ())
    trouble ();
  return counts.conflict + counts.only_a + counts.only_b > 0 ? 1 : 0;
}
