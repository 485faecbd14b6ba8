/* dateline-timeline: range records (or timelines) in, one sorted timeline
 * out. */
#include "dl-cli.h"
#include "dl-filter.h"
#include "presorted.h"
#include "timeline.h"

#include <stdio.h>

typedef struct {
  DlTimeline *timeline;
  DlWriter *writer;  /* --merge: the extra columns go to it as they come */
  GPtrArray *extra_names;
  DlFormat format; /* of the input being read */
  guint skipped;   /* bad rows, told and left out */
} Stage;

static void
begin (GPtrArray *extra_names, gpointer data)
{
  Stage *stage = data;

  if (stage->writer)
    dl_writer_set_extra_names (stage->writer, extra_names);
  else
    stage->extra_names = g_ptr_array_ref (extra_names);
}

static gboolean
read_header (DlReader *reader, gpointer data, GError **error)
{
  Stage *stage = data;

  return dl_timeline_read_header (reader, &stage->format, error);
}

static gboolean
process (DlRecord *record, gpointer data, GError **error)
{
  Stage *stage = data;
  g_autoptr (GError) bad = NULL;
  gboolean ok = dl_timeline_sink_for (stage->format) (record,
                                                      stage->timeline, &bad);

  /* A bad row is told and skipped; the rest of its file goes on. */
  (void) error;
  if (!ok)
    {
      dl_cli_warn (bad);
      stage->skipped++;
    }
  return TRUE;
}

/* --merge: each input a sorted timeline, read side by side as it merges. */
static gboolean
merge_sorted (Stage *stage, const char *const *files, gboolean raw,
              GError **error)
{
  g_autoptr (DlPresorted) merge = dl_presorted_new (stage->timeline, raw,
                                                    begin, stage);
  gboolean ok;

  for (guint i = 0; files[i]; i++)
    dl_presorted_add (merge, files[i]);
  ok = dl_timeline_write (stage->timeline, stage->writer, error);
  return dl_presorted_finish (merge) && ok;
}

int
main (int argc, char **argv)
{
  g_autofree char *grammar_dir = NULL;
  gboolean merge = FALSE;
  DlTimelineArgs args = { 0 };
  GOptionEntry entries[] = {
    { "merge", 'm', 0, G_OPTION_ARG_NONE, &merge,
      "Merge timelines that are each sorted already, without sorting "
      "them again (like sort -m)", NULL },
    { "grammar", 'g', 0, G_OPTION_ARG_FILENAME, &grammar_dir,
      "Load the word lists from DIR/en instead of the built-in copy", "DIR" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  g_auto (GStrv) summary = NULL;
  DlTimelineOptions options = { 0 };
  DlOutputArgs output = { 0 };
  Stage stage = { 0 };
  DlFilter filter = { DL_FORMAT_RANGES, DL_FORMAT_TIMELINE, NULL, 0, process,
                      &stage, begin, read_header };
  const char *stdin_only[] = { "-", NULL };
  const char *const *files;
  gboolean ok, raw;

  dl_cli_init ("dateline-timeline");
  g_option_context_set_summary (context,
      "Reads range rows (from dateline-normalize), or timelines to merge\n"
      "again, and writes them as one timeline sorted by date, with the rows\n"
      "that tell one event merged.");
  g_option_context_add_main_entries (context, dl_timeline_args_entries (&args),
                                     NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (
      context, dl_output_args_entries (&output, DL_FORMAT_TIMELINE), NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    {
      dl_output_args_clear (&output);
      dl_timeline_args_clear (&args);
      return DL_EXIT_USAGE;
    }
  options.grammar_dir = grammar_dir;
  if (dl_timeline_args_apply (&args, &options, &error))
    timeline = dl_timeline_new (&options, &error);
  dl_timeline_args_clear (&args);
  if (timeline)
    writer = dl_output_args_open (&output, DL_FORMAT_TIMELINE, &error);
  raw = output.raw;
  dl_output_args_clear (&output);
  if (writer == NULL)
    {
      dl_cli_warn (error);
      return dl_cli_exit_code (error);
    }
  stage.timeline = timeline;
  files = argc > 1 ? (const char *const *) argv + 1 : stdin_only;
  if (merge)
    {
      stage.writer = writer;
      ok = merge_sorted (&stage, files, raw, &error);
    }
  else
    {
      ok = dl_filter_run_raw (&filter, files, raw);
      if (stage.extra_names)
        dl_writer_set_extra_names (writer, stage.extra_names);
      ok = dl_timeline_write (timeline, writer, &error) && ok;
    }
  if (error)
    {
      dl_cli_warn (error);
      ok = FALSE;
    }
  g_clear_pointer (&stage.extra_names, g_ptr_array_unref);
  if (writer && dl_writer_summary (writer))
    g_printerr ("%s: %s\n", g_get_prgname (), dl_writer_summary (writer));
  summary = dl_timeline_summary (timeline);
  for (guint i = 0; summary[i]; i++)
    g_printerr ("%s: %s\n", g_get_prgname (), summary[i]);
  if (stage.skipped > 0)
    {
      g_printerr ("%s: %u row%s skipped (bad row)\n", g_get_prgname (),
                  stage.skipped, stage.skipped == 1 ? "" : "s");
      ok = FALSE;
    }
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
