/* fuzz-csv: the CSV record reader.  The same bytes are read as each of the
 * four formats (dl_reader_open_bytes, dl_reader_read_header, dl_reader_next
 * to the end or the first error) and every record written back out. */
#include "fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  dl_fuzz_init ();
  return 0;
}

static void
read_as (GBytes *bytes, DlFormat in, DlFormat out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = NULL;
  g_autoptr (DlWriter) writer = NULL;
  DlRecord *record;
  static const DlColumn required[] = { DL_COL_DOC };

  reader = dl_reader_open_bytes ("fuzz.csv", bytes, &error);
  if (reader == NULL)
    dl_fuzz_fail ("dl_reader_open_bytes: %s", error->message);
  /* Mentions demand a doc column, the others nothing: both paths run. */
  if (!dl_reader_read_header (reader, in, out, required,
                              in == DL_FORMAT_MENTIONS ? 1 : 0, &error))
    return;
  writer = dl_writer_new (dl_fuzz_null (), "/dev/null", out,
                          dl_reader_extra_names (reader));
  while ((record = dl_reader_next (reader, &error)) != NULL)
    {
      g_autoptr (DlRecord) owned = record;

      dl_fuzz_check_utf8 (owned, "record read");
      if (owned->line == 0)
        dl_fuzz_fail ("a record without a line number");
      if (!dl_writer_write (writer, owned, &error))
        dl_fuzz_fail ("writing to /dev/null: %s", error->message);
    }
  if (error == NULL && !dl_writer_finish (writer, &error))
    dl_fuzz_fail ("finishing on /dev/null: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* A copy of exactly size bytes, so ASan sees any read past the end. */
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);

  read_as (bytes, DL_FORMAT_MENTIONS, DL_FORMAT_RANGES);
  read_as (bytes, DL_FORMAT_RANGES, DL_FORMAT_TIMELINE);
  read_as (bytes, DL_FORMAT_TIMELINE, DL_FORMAT_TIMELINE);
  read_as (bytes, DL_FORMAT_ANCHORS, DL_FORMAT_ANCHORS);
  return 0;
}
