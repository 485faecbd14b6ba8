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

static gboolean
run_one (const DlFilter *filter, const char *file, GPtrArray **extra,
         GError **error)
{
  g_autoptr (DlReader) reader = dl_reader_open (file, error);
  DlRecord *record;

  if (reader == NULL)
    return FALSE;
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
  while ((record = dl_reader_next (reader, error)) != NULL)
    if (!filter->process (record, filter->data, error))
      return FALSE;
  return error == NULL || *error == NULL;
}

gboolean
dl_filter_run (const DlFilter *filter, const char *const *files)
{
  g_autoptr (GPtrArray) extra = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!run_one (filter, files[i], &extra, &error))
        {
          dl_cli_warn (error);
          ok = FALSE;
          if (error->code == DL_ERROR_IO && error->domain == DL_ERROR
              && g_str_has_prefix (error->message, "standard output"))
            break;
        }
    }
  if (extra == NULL)
    {
      /* No input had a header: still write one, from no extras. */
      g_autoptr (GPtrArray) none = g_ptr_array_new ();
      filter->begin (none, filter->data);
    }
  return ok;
}
