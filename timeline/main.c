/* dateline-timeline: range records in, one sorted timeline out. */
#include "dl-cli.h"
#include "dl-filter.h"
#include "timeline.h"

#include <stdio.h>

typedef struct {
  DlTimeline *timeline;
  GPtrArray *extra_names;
  guint skipped; /* bad rows, told and left out */
} Stage;

static void
begin (GPtrArray *extra_names, gpointer data)
{
  Stage *stage = data;

  stage->extra_names = g_ptr_array_ref (extra_names);
}

static gboolean
process (DlRecord *record, gpointer data, GError **error)
{
  Stage *stage = data;
  g_autoptr (GError) bad = NULL;

  /* A bad row is told and skipped; the rest of its file goes on. */
  (void) error;
  if (!dl_timeline_sink (record, stage->timeline, &bad))
    {
      dl_cli_warn (bad);
      stage->skipped++;
    }
  return TRUE;
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
  static const DlColumn required[] = {
    DL_COL_DOC, DL_COL_START, DL_COL_LINE, DL_COL_MENTION, DL_COL_CONTEXT,
    DL_COL_VALUE, DL_COL_MOD, DL_COL_EARLIEST, DL_COL_LATEST,
    DL_COL_GRANULARITY, DL_COL_CERTAINTY,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  Stage stage = { 0 };
  DlFilter filter = { DL_FORMAT_RANGES, DL_FORMAT_TIMELINE, required,
                      G_N_ELEMENTS (required), process, &stage, begin };
  const char *stdin_only[] = { "-", NULL };
  gboolean ok;
  guint links, dropped = 0;

  dl_cli_init ("dateline-timeline");
  g_option_context_set_summary (context,
      "Reads range rows (from dateline-normalize) and writes them as one\n"
      "timeline sorted by date.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dl_cli_parse (context, &argc, &argv))
    return DL_EXIT_USAGE;
  timeline = dl_timeline_new (resolved_only);
  stage.timeline = timeline;
  ok = dl_filter_run (&filter, argc > 1 ? (const char *const *) argv + 1
                                        : stdin_only);
  writer = dl_writer_new (stdout, "standard output", DL_FORMAT_TIMELINE,
                          stage.extra_names);
  if (!dl_timeline_write (timeline, writer, &dropped, &error))
    {
      dl_cli_warn (error);
      ok = FALSE;
    }
  g_clear_pointer (&stage.extra_names, g_ptr_array_unref);
  if (stage.skipped > 0)
    {
      g_printerr ("%s: %u row%s skipped (bad row)\n", g_get_prgname (),
                  stage.skipped, stage.skipped == 1 ? "" : "s");
      ok = FALSE;
    }
  links = dl_timeline_links (timeline);
  if (links > 0)
    g_printerr ("%s: %u row%s joined to the row before (link=)\n",
                g_get_prgname (), links, links == 1 ? "" : "s");
  if (dropped > 0)
    g_printerr ("%s: left out %u row%s without a date range\n",
                g_get_prgname (), dropped, dropped == 1 ? "" : "s");
  return dl_cli_close_stdout () && ok ? DL_EXIT_OK : DL_EXIT_DATA;
}
