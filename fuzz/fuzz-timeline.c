/* fuzz-timeline: the timeline stage on arbitrary range rows (one row a
 * line, fields TAB-separated in the ranges column order: see
 * dl_fuzz_records); the timeline is written to memory and checked to be UTF-8.  A first line
 * starting with '#' asks for --resolved-only. */
#include "fuzz.h"

#include "timeline.h"

#include "dl-text.h"

#include <stdio.h>
#include <stdlib.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  dl_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) records = dl_fuzz_records (data, size,
                                                   DL_FORMAT_RANGES);
  g_autoptr (DlTimeline) timeline = NULL;
  g_autoptr (DlWriter) writer = NULL;
  g_autoptr (GError) error = NULL;
  gboolean resolved_only = size > 0 && data[0] == '#';
  guint dropped = 0;
  char *out = NULL;
  size_t out_len = 0;
  FILE *stream = open_memstream (&out, &out_len);

  timeline = dl_timeline_new (resolved_only);
  for (guint i = resolved_only ? 1 : 0; i < records->len; i++)
    dl_timeline_add (timeline, g_steal_pointer (&records->pdata[i]));
  writer = dl_writer_new (stream, "memory", DL_FORMAT_TIMELINE, NULL);
  if (!dl_timeline_write (timeline, writer, &dropped, &error))
    g_clear_error (&error); /* a row refused, with a message: fine */
  fclose (stream);
  /* UTF-8 rows in, UTF-8 out (labels are built from parts of fields). */
  if (!dl_utf8_validate (out, out_len, NULL))
    dl_fuzz_fail ("the timeline is not UTF-8");
  free (out);
  return 0;
}
