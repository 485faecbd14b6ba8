/* fuzz-extract: the text reader (or, built with DL_FUZZ_TIMEML, the TimeML
 * reader) and the grammar: bytes in as a document, mention rows out to
 * /dev/null through the record writer. */
#include "fuzz.h"

#include "extract.h"

#include <stdlib.h>

#ifdef DL_FUZZ_TIMEML
#define TIMEML TRUE
#define NAME "fuzz.tml"
#else
#define TIMEML FALSE
#define NAME "fuzz.txt"
#endif

static DlExtractor *extractor;

typedef struct {
  DlWriter *writer;
  gsize len;
  gsize last_start;
} Run;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* No reference date for TimeML: the DCT must come from the document. */
  DlExtractOptions options = { 0 };
  g_autoptr (GError) error = NULL;

  options.reference_date = TIMEML ? NULL : "2025-06-07";
  dl_fuzz_init ();
  extractor = dl_extractor_new (&options, &error);
  if (extractor == NULL)
    dl_fuzz_fail ("the grammar does not load: %s", error->message);
  return 0;
}

static gboolean
check_and_write (DlRecord *record, gpointer data, GError **error)
{
  g_autoptr (DlRecord) owned = record;
  Run *run = data;
  guint64 start = g_ascii_strtoull (dl_record_get (owned, DL_COL_START),
                                    NULL, 10);
  guint64 end = g_ascii_strtoull (dl_record_get (owned, DL_COL_END), NULL,
                                  10);

  /* Offsets point into the document, in text order. */
  if (start >= end || end > run->len || start < run->last_start)
    dl_fuzz_fail ("mention [%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT
                  ") in a document of %zu bytes (previous start %zu)",
                  start, end, run->len, run->last_start);
  run->last_start = start;
  dl_fuzz_check_utf8 (owned, "mention row");
  return dl_writer_write (run->writer, owned, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = NULL;
  g_autoptr (DlWriter) writer = NULL;
  Run run = { NULL, size, 0 };

  document = dl_document_new (NAME, (const char *) data, size, TIMEML,
                              &error);
  if (document == NULL)
    return 0; /* invalid UTF-8 or a NUL byte: refused, as it should be */
  writer = dl_writer_new (dl_fuzz_null (), "/dev/null", DL_FORMAT_MENTIONS,
                          NULL);
  run.writer = writer;
  if (!dl_extractor_run_document (extractor, document, check_and_write, &run,
                                  &error))
    g_clear_error (&error);
  if (!dl_writer_finish (writer, &error))
    g_clear_error (&error);
  return 0;
}
