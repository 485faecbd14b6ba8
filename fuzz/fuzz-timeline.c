/* fuzz-timeline: the timeline stage on arbitrary range rows (one row a
 * line, fields TAB-separated in the ranges column order: see
 * dl_fuzz_records); the timeline is written to memory and checked to be UTF-8.  A first line
 * starting with '#' asks for --resolved-only. */
#include "fuzz.h"

#include "timeline.h"

#include "dl-text.h"

#include <stdio.h>
#include <stdlib.h>

/* Built once: the word lists of the merge load in the first run only. */
static DlTimeline *timelines[2]; /* all rows, --resolved-only */

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  dl_fuzz_init ();
  for (int i = 0; i < 2; i++)
    {
      DlTimelineOptions options = { 0 };

      options.resolved_only = i == 1;
      timelines[i] = dl_timeline_new (&options, &error);
      if (timelines[i] == NULL)
        dl_fuzz_fail ("the timeline does not load: %s", error->message);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) records = dl_fuzz_records (data, size,
                                                   DL_FORMAT_RANGES);
  g_autoptr (DlWriter) writer = NULL;
  g_autoptr (GError) error = NULL;
  gboolean resolved_only = size > 0 && data[0] == '#';
  DlTimeline *timeline = timelines[resolved_only];
  char *out = NULL;
  size_t out_len = 0;
  FILE *stream = open_memstream (&out, &out_len);

  for (guint i = resolved_only ? 1 : 0; i < records->len; i++)
    if (!dl_timeline_sink (g_steal_pointer (&records->pdata[i]), timeline,
                           &error))
      g_clear_error (&error); /* a row refused, with a message: fine */
  writer = dl_writer_new (stream, "memory", DL_FORMAT_TIMELINE, NULL);
  if (!dl_timeline_write (timeline, writer, &error))
    g_clear_error (&error);
  fclose (stream);
  /* UTF-8 rows in, UTF-8 out (labels are built from parts of fields). */
  if (!dl_utf8_validate (out, out_len, NULL))
    dl_fuzz_fail ("the timeline is not UTF-8");
  free (out);
  return 0;
}
