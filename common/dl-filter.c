/* dl-filter.c: the shared read loop of the CSV-reading stages. */
#include "dl-filter.h"

#include "dl-cli.h"
#include "dl-progress.h"

#include <string.h>

struct _DlFilterCursor {
  const DlFilter *filter;
  DlFilterTally *tally;
  DlReader *reader;
  char *doc;  /* the document of the last record, for --progress */
};

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

/* The first input's extra columns start the output; a later input must
 * have the same. */
static gboolean
check_extra (const DlFilter *filter, DlFilterTally *tally, DlReader *reader,
             const char *file, GError **error)
{
  if (tally->extra == NULL)
    {
      tally->extra = g_ptr_array_ref (dl_reader_extra_names (reader));
      filter->begin (tally->extra, filter->data);
      return TRUE;
    }
  if (same_names (tally->extra, dl_reader_extra_names (reader)))
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_DATA,
               "%s:1: its extra columns differ from the first input's", file);
  return FALSE;
}

DlFilterCursor *
dl_filter_cursor_open (const DlFilter *filter, DlFilterTally *tally,
                       gboolean raw, const char *file, GError **error)
{
  g_autoptr (DlReader) reader = dl_reader_open (file, error);
  DlFilterCursor *cursor;

  if (reader == NULL)
    return NULL;
  dl_reader_set_raw (reader, raw);
  if (filter->read_header ? !filter->read_header (reader, filter->data, error)
                          : !dl_reader_read_header (reader, filter->in,
                                                    filter->out,
                                                    filter->required,
                                                    filter->n_required, error))
    return NULL;
  if (!check_extra (filter, tally, reader, file, error))
    return NULL;
  cursor = g_new0 (DlFilterCursor, 1);
  cursor->filter = filter;
  cursor->tally = tally;
  cursor->reader = g_steal_pointer (&reader);
  return cursor;
}

/* A record of another document than the last one's starts a document. */
static void
count_document (DlFilterCursor *cursor, const DlRecord *record)
{
  const char *doc = dl_record_get (record, DL_COL_DOC);

  if (cursor->doc && strcmp (cursor->doc, doc) == 0)
    return;
  g_free (cursor->doc);
  cursor->doc = g_strdup (doc);
  dl_progress_document (0);
}

gboolean
dl_filter_cursor_next (DlFilterCursor *cursor, GError **error)
{
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      DlRecord *record = dl_reader_next (cursor->reader, &local);

      if (record != NULL)
        {
          if (G_UNLIKELY (dl_progress_on))
            count_document (cursor, record);
          return cursor->filter->process (record, cursor->filter->data,
                                          error);
        }
      if (local == NULL)
        return FALSE;
      if (!g_error_matches (local, DL_ERROR, DL_ERROR_BAD_ROW))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* A bad row is told and skipped. */
      dl_cli_warn (local);
      cursor->tally->bad_rows_told = TRUE;
    }
}

void
dl_filter_cursor_free (DlFilterCursor *cursor)
{
  if (cursor == NULL)
    return;
  cursor->tally->skipped += dl_reader_skipped (cursor->reader);
  dl_reader_free (cursor->reader);
  g_free (cursor->doc);
  g_free (cursor);
}

gboolean
dl_filter_tally_finish (const DlFilter *filter, DlFilterTally *tally)
{
  gboolean ok = !tally->bad_rows_told;

  if (tally->skipped > 0)
    g_printerr ("%s: %" G_GUINT64_FORMAT " row%s skipped (malformed input)\n",
                g_get_prgname (), tally->skipped,
                tally->skipped == 1 ? "" : "s");
  if (tally->extra == NULL)
    {
      /* No input had a header: still write one, from no extras. */
      g_autoptr (GPtrArray) none = g_ptr_array_new ();
      filter->begin (none, filter->data);
    }
  g_clear_pointer (&tally->extra, g_ptr_array_unref);
  return ok;
}

/* Reads one input into the stage. */
static gboolean
run_one (const DlFilter *filter, DlFilterTally *tally, gboolean raw,
         const char *file, GError **error)
{
  g_autoptr (DlFilterCursor) cursor = dl_filter_cursor_open (filter, tally,
                                                             raw, file, error);

  if (cursor == NULL)
    return FALSE;
  while (dl_filter_cursor_next (cursor, error))
    ;
  return *error == NULL;
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
  DlFilterTally tally = { NULL, 0, FALSE };
  gboolean ok = TRUE;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!run_one (filter, &tally, raw, files[i], &error))
        {
          dl_cli_warn (error);
          ok = FALSE;
          if (g_error_matches (error, DL_ERROR, DL_ERROR_WRITE))
            break;
        }
    }
  return dl_filter_tally_finish (filter, &tally) && ok;
}
