/* dl-filter.c: the shared read loop of the CSV-reading stages. */
#include "dl-filter.h"

#include "dl-cli.h"

static gboolean
same_names (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Reads one input into the stage.  A bad row is told and skipped (its
 * count added to *skipped, *bad_rows_told set); FALSE if the input could not be read, or the
 * stage failed. */
static gboolean
run_one (const DlFilter *filter, gboolean raw, const char *file,
         GPtrArray **extra,
         guint64 *skipped, gboolean *bad_rows_told, GError **error)
{
  g_autoptr (DlReader) reader = dl_reader_open (file, error);
  gboolean ok = TRUE;

  if (reader == NULL)
    return FALSE;
  dl_reader_set_raw (reader, raw);
  if (filter->read_header ? !filter->read_header (reader, filter->data, error)
                          : !dl_reader_read_header (reader, filter->in,
                                                    filter->out,
                                                    filter->required,
                                                    filter->n_required, error))
    return FALSE;
  if (*extra == NULL)
    {
      *extra = g_ptr_array_ref (dl_reader_extra_names (reader));
      filter->begin (*extra, filter->data);
    }
  else if (!same_names (*extra, dl_reader_extra_names (reader)))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                   "%s:1: its extra columns differ from the first input's",
                   file);
      return FALSE;
    }
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      DlRecord *record = dl_reader_next (reader, &local);

      if (record != NULL)
        {
          if (!filter->process (record, filter->data, error))
            {
              ok = FALSE;
              break;
            }
          continue;
        }
      if (local == NULL)
        break;
      if (!g_error_matches (local, DL_ERROR, DL_ERROR_BAD_ROW))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
          break;
        }
      dl_cli_warn (local);
      *bad_rows_told = TRUE;
    }
  *skipped += dl_reader_skipped (reader);
  return ok;
}

gboolean
dl_filter_run (const DlFilter *filter, const char *const *files)
{
  return dl_filter_run_raw (filter, files, FALSE);
}

gboolean
dl_filter_run_raw (const DlFilter *filter, const char *const *files,
                   gboolean raw)
{
  g_autoptr (GPtrArray) extra = NULL;
  gboolean ok = TRUE, bad_rows_told = FALSE;
  guint64 skipped = 0;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!run_one (filter, raw, files[i], &extra, &skipped, &bad_rows_told,
                    &error))
        {
          dl_cli_warn (error);
          ok = FALSE;
          if (g_error_matches (error, DL_ERROR, DL_ERROR_WRITE))
            break;
        }
    }
  if (skipped > 0)
    g_printerr ("%s: %" G_GUINT64_FORMAT " row%s skipped (malformed input)\n",
                g_get_prgname (), skipped, skipped == 1 ? "" : "s");
  if (bad_rows_told)
    ok = FALSE;
  if (extra == NULL)
    {
      /* No input had a header: still write one, from no extras. */
      g_autoptr (GPtrArray) none = g_ptr_array_new ();
      filter->begin (none, filter->data);
    }
  return ok;
}
