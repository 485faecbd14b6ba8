/* fuzz-dateline: the three stages in one process, as dateline runs them:
 * bytes in as a plain text document, extract -> normalize -> timeline,
 * the timeline written to /dev/null.  Checks that every mention comes out
 * of normalize as a sound range row. */
#include "fuzz.h"

#include "extract.h"
#include "normalize.h"
#include "timeline.h"

static DlExtractor *extractor;
static DlNormalizer *normalizer;
static DlTimeline *timeline; /* reused: dl_timeline_write empties it */

typedef struct {
  DlTimeline *timeline;
  guint mentions, ranges;
} Run;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  DlExtractOptions extract_options = { 0 };
  DlNormalizeOptions normalize_options = { 0 };
  g_autoptr (GError) error = NULL;

  dl_fuzz_init ();
  extract_options.reference_date = "2025-06-07";
  normalize_options.reference_date = "2025-06-07";
  extractor = dl_extractor_new (&extract_options, &error);
  if (extractor)
    normalizer = dl_normalizer_new (&normalize_options, &error);
  if (normalizer)
    {
      DlTimelineOptions timeline_options = { 0 };

      timeline = dl_timeline_new (&timeline_options, &error);
    }
  if (timeline == NULL)
    dl_fuzz_fail ("the stages do not load: %s", error->message);
  return 0;
}

static gboolean
to_timeline (DlRecord *record, gpointer data, GError **error)
{
  Run *run = data;

  run->ranges++;
  dl_fuzz_check_range (record);
  return dl_timeline_sink (record, run->timeline, error);
}

static gboolean
to_normalizer (DlRecord *record, gpointer data, GError **error)
{
  Run *run = data;

  run->mentions++;
  return dl_normalizer_add (normalizer, record, to_timeline, run, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = NULL;
  g_autoptr (DlWriter) writer = NULL;
  Run run = { timeline, 0, 0 };
  guint dropped = dl_normalizer_dropped (normalizer);

  document = dl_document_new ("fuzz.txt", (const char *) data, size, FALSE,
                              &error);
  if (document == NULL)
    return 0;
  /* A row refused with a message is accounted for: no count to check. */
  if (!dl_extractor_run_document (extractor, document, to_normalizer, &run,
                                  &error)
      || !dl_normalizer_flush (normalizer, to_timeline, &run, &error))
    {
      g_clear_error (&error);
      if (!dl_normalizer_flush (normalizer, to_timeline, &run, &error))
        g_clear_error (&error);
    }
  /* A row normalize drops (a bare number that is no year) is counted. */
  else if (run.mentions
           != run.ranges + dl_normalizer_dropped (normalizer) - dropped)
    dl_fuzz_fail ("%u mentions in, %u ranges out", run.mentions, run.ranges);
  writer = dl_writer_new (dl_fuzz_null (), "/dev/null", DL_FORMAT_TIMELINE,
                          NULL);
  if (!dl_timeline_write (timeline, writer, &error))
    g_clear_error (&error);
  return 0;
}
