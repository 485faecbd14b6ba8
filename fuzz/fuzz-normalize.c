/* fuzz-normalize: the normalize stage on arbitrary mention rows (one row a
 * line, fields TAB-separated in the mentions column order: see
 * dl_fuzz_records).  A first line starting with '#' picks the options:
 * 'n' news, 'r' narrative (else auto), 's' southern hemisphere, 'f' fiscal
 * years from October.  Checks what normalize promises: every row comes
 * out, in UTF-8, with a range of real days in order. */
#include "fuzz.h"

#include "normalize.h"

#include <string.h>

/* [style][southern][fiscal] */
static DlNormalizer *normalizers[3][2][2];

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  dl_fuzz_init ();
  for (int style = 0; style < 3; style++)
    for (int south = 0; south < 2; south++)
      for (int fiscal = 0; fiscal < 2; fiscal++)
        {
          DlNormalizeOptions options = { 0 };
          g_autoptr (GError) error = NULL;

          options.reference_date = "2025-06-07";
          options.style = style;
          options.southern = south;
          options.fiscal_year_start = fiscal ? 10 : 1;
          normalizers[style][south][fiscal] = dl_normalizer_new (&options,
                                                                 &error);
          if (normalizers[style][south][fiscal] == NULL)
            dl_fuzz_fail ("the normalizer does not load: %s", error->message);
        }
  return 0;
}

typedef struct {
  DlWriter *writer;
  guint out;
} Run;

static gboolean
check_and_write (DlRecord *record, gpointer data, GError **error)
{
  g_autoptr (DlRecord) owned = record;
  Run *run = data;

  run->out++;
  dl_fuzz_check_range (owned);
  return dl_writer_write (run->writer, owned, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) records = dl_fuzz_records (data, size,
                                                   DL_FORMAT_MENTIONS);
  g_autoptr (DlWriter) writer = NULL;
  g_autoptr (GError) error = NULL;
  int style = 0, south = 0, fiscal = 0;
  guint first = 0, in, dropped;
  Run run = { NULL, 0 };
  DlNormalizer *normalizer;

  if (records->len > 0 && size > 0 && data[0] == '#')
    {
      const char *opts = dl_record_get (records->pdata[0], DL_COL_DOC);

      style = strchr (opts, 'r') ? 2 : strchr (opts, 'n') ? 1 : 0;
      south = strchr (opts, 's') != NULL;
      fiscal = strchr (opts, 'f') != NULL;
      first = 1;
    }
  normalizer = normalizers[style][south][fiscal];
  dropped = dl_normalizer_dropped (normalizer);
  writer = dl_writer_new (dl_fuzz_null (), "/dev/null", DL_FORMAT_RANGES,
                          NULL);
  run.writer = writer;
  in = records->len - first;
  for (guint i = first; i < records->len; i++)
    {
      DlRecord *record = g_steal_pointer (&records->pdata[i]);

      if (!dl_normalizer_add (normalizer, record, check_and_write, &run,
                              &error))
        break;
    }
  if (error == NULL
      && dl_normalizer_flush (normalizer, check_and_write, &run, &error))
    {
      /* A row normalize drops (a bare number that is no year) is
       * counted. */
      dropped = dl_normalizer_dropped (normalizer) - dropped;
      if (run.out + dropped != in)
        dl_fuzz_fail ("%u rows in, %u out, %u dropped", in, run.out,
                      dropped);
      return 0;
    }
  /* A row refused with a message is accounted for: no count to check;
   * the rest of the batch is let go. */
  g_clear_error (&error);
  if (!dl_normalizer_flush (normalizer, check_and_write, &run, &error))
    g_clear_error (&error);
  return 0;
}
