/* dl-write.c: writing records: the writer, its output file and the table
 * of output formats. */
#include "dl-write-backend.h"

#include "dl-progress.h"
#include "dl-text.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* Every output format.  A new one is one more line here. */
static const DlWriterBackend *const backends[] = {
  &dl_backend_csv,
  &dl_backend_tsv,
  &dl_backend_jsonl,
  &dl_backend_xlsx,
  &dl_backend_timelinejs,
  &dl_backend_html,
};

static const DlWriterBackend *
backend_named (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (backends); i++)
    if (g_ascii_strcasecmp (backends[i]->name, name) == 0)
      return backends[i];
  return NULL;
}

/* The backend whose extension path has, or NULL. */
static const DlWriterBackend *
backend_for_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (backends); i++)
    for (const char *const *ext = backends[i]->extensions; *ext; ext++)
      if (g_ascii_strcasecmp (dot, *ext) == 0)
        return backends[i];
  return NULL;
}

const char *const *
dl_writer_formats (DlFormat format)
{
  static const char *names[DL_N_FORMATS][G_N_ELEMENTS (backends) + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int f = 0; f < DL_N_FORMATS; f++)
        {
          gsize n = 0;

          for (gsize i = 0; i < G_N_ELEMENTS (backends); i++)
            if (backends[i]->formats & DL_FORMAT_BIT (f))
              names[f][n++] = backends[i]->name;
          names[f][n] = NULL;
        }
      g_once_init_leave (&done, 1);
    }
  return names[format];
}

/* ---- the temporary file ---- */

/* The temporary file being written, removed should the program be killed:
 * a signal handler may only unlink. */
static char *volatile temp_to_remove;

static void
remove_temp_and_die (int signo)
{
  char *path = temp_to_remove;

  if (path != NULL)
    unlink (path);
  signal (signo, SIG_DFL);
  raise (signo);
}

static void
watch_temp (char *path)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  temp_to_remove = path;
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction action = { 0 };

      action.sa_handler = remove_temp_and_die;
      sigemptyset (&action.sa_mask);
      sigaction (signals[i], &action, NULL);
    }
}

/* Opens what is not a regular file (/dev/stdout, /dev/null, a pipe) as it
 * is: it cannot be replaced, and must not be. */
static gboolean
open_direct (DlWriter *writer, const char *path, GError **error)
{
  writer->out = fopen (path, "w");
  writer->owns_out = writer->out != NULL;
  if (writer->out == NULL)
    {
      int saved = errno;

      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Opens a temporary file beside path (same folder, so that rename puts it
 * in place at once) for writer. */
static gboolean
open_temp (DlWriter *writer, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);
  char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);

  if (fd < 0 || (writer->out = fdopen (fd, "w")) == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (temp);
        }
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", path,
                   g_strerror (saved));
      g_free (temp);
      return FALSE;
    }
  writer->temp_path = temp;
  writer->owns_out = TRUE;
  writer->out_buffer = g_malloc (1 << 20);
  setvbuf (writer->out, writer->out_buffer, _IOFBF, 1 << 20);
  watch_temp (temp);
  return TRUE;
}

/* ---- the writer ---- */

static DlWriter *
writer_new (const DlWriterBackend *backend, DlFormat format)
{
  DlWriter *writer = g_new0 (DlWriter, 1);

  writer->backend = backend;
  writer->format = format;
  writer->columns = dl_format_columns (format, &writer->n_columns);
  writer->extra_names = g_ptr_array_new ();
  writer->row = g_string_sized_new (1024);
  writer->cell = g_string_new (NULL);
  return writer;
}

DlWriter *
dl_writer_new (FILE *out, const char *name, DlFormat format,
               GPtrArray *extra_names)
{
  DlWriter *writer = writer_new (&dl_backend_csv, format);

  writer->out = out;
  writer->name = g_strdup (name);
  if (extra_names)
    dl_writer_set_extra_names (writer, extra_names);
  return writer;
}

static DlWriter *
open_output (const DlOutputOptions *options, DlFormat format,
             GError **error)
{
  gboolean to_stdout = options->path == NULL
                       || strcmp (options->path, "-") == 0;
  const DlWriterBackend *backend = NULL;
  g_autoptr (DlWriter) writer = NULL;
  GStatBuf st;

  if (options->format)
    {
      backend = backend_named (options->format);
      if (backend == NULL || !(backend->formats & DL_FORMAT_BIT (format)))
        {
          g_autofree char *known = g_strjoinv (
              ", ", (char **) dl_writer_formats (format));

          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       "--format is one of %s, not \"%s\"", known,
                       options->format);
          return NULL;
        }
    }
  else if (!to_stdout)
    backend = backend_for_path (options->path);
  if (backend == NULL || !(backend->formats & DL_FORMAT_BIT (format)))
    backend = &dl_backend_csv;
  writer = writer_new (backend, format);
  writer->raw = options->raw;
  if (to_stdout)
    {
      writer->out = stdout;
      writer->name = g_strdup ("standard output");
      return g_steal_pointer (&writer);
    }
  writer->name = g_strdup (options->path);
  if (g_stat (options->path, &st) == 0 && !S_ISREG (st.st_mode))
    return open_direct (writer, options->path, error)
               ? g_steal_pointer (&writer) : NULL;
  /* Through a symbolic link, the file it points to is replaced, not the
   * link. */
  writer->path = realpath (options->path, NULL);
  if (writer->path == NULL)
    writer->path = g_strdup (options->path);
  if (!open_temp (writer, writer->path, error))
    return NULL;
  return g_steal_pointer (&writer);
}

DlWriter *
dl_writer_open (const DlOutputOptions *options, DlFormat format,
                GError **error)
{
  g_autoptr (DlWriter) writer = open_output (options, format, error);

  if (writer && writer->backend->open
      && !writer->backend->open (writer, error))
    return NULL;
  return g_steal_pointer (&writer);
}

void
dl_writer_set_extra_names (DlWriter *writer, GPtrArray *extra_names)
{
  g_return_if_fail (!writer->header_done);
  g_ptr_array_unref (writer->extra_names);
  writer->extra_names = g_ptr_array_ref (extra_names);
}

void
dl_writer_free (DlWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->backend->free)
    writer->backend->free (writer);
  if (writer->owns_out && writer->out)
    fclose (writer->out);
  if (writer->temp_path)
    {
      /* Not finished: FILE stays as it was. */
      if (temp_to_remove == writer->temp_path)
        temp_to_remove = NULL;
      g_unlink (writer->temp_path);
      g_free (writer->temp_path);
    }
  g_free (writer->out_buffer);
  g_free (writer->summary);
  g_ptr_array_unref (writer->extra_names);
  g_string_free (writer->row, TRUE);
  g_string_free (writer->cell, TRUE);
  if (writer->guarded)
    g_string_free (writer->guarded, TRUE);
  g_free (writer->path);
  g_free (writer->name);
  g_free (writer);
}

gboolean
dl_writer_check_stream (DlWriter *writer, GError **error)
{
  if (ferror (writer->out))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_header (DlWriter *writer, GError **error)
{
  writer->header_done = TRUE;
  return writer->backend->header (writer, error);
}

gboolean
dl_writer_write (DlWriter *writer, const DlRecord *record, GError **error)
{
  if (!writer->header_done && !write_header (writer, error))
    return FALSE;
  dl_progress_row ();
  return writer->backend->record (writer, record, error);
}

/* Closes the temporary file and renames it to FILE. */
static gboolean
put_in_place (DlWriter *writer, GError **error)
{
  FILE *out = g_steal_pointer (&writer->out);

  if (fclose (out) != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  if (g_rename (writer->temp_path, writer->path) != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: %s", writer->name,
                   g_strerror (errno));
      return FALSE;
    }
  temp_to_remove = NULL;
  g_clear_pointer (&writer->temp_path, g_free);
  return TRUE;
}

gboolean
dl_writer_finish (DlWriter *writer, GError **error)
{
  if (!writer->header_done && !write_header (writer, error))
    return FALSE;
  if (writer->backend->finish && !writer->backend->finish (writer, error))
    return FALSE;
  if (fflush (writer->out) != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  if (!dl_writer_check_stream (writer, error))
    return FALSE;
  writer->finished = TRUE;
  if (writer->temp_path)
    return put_in_place (writer, error);
  if (writer->owns_out && fclose (g_steal_pointer (&writer->out)) != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
                   writer->name, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

const char *
dl_writer_summary (const DlWriter *writer)
{
  return writer->summary;
}

/* ---- cells, for the backends ---- */

gsize
dl_writer_n_cells (const DlWriter *writer)
{
  return writer->n_columns + writer->extra_names->len;
}

const char *
dl_writer_cell_name (const DlWriter *writer, gsize i)
{
  if (i < writer->n_columns)
    return dl_format_column_name (writer->format, writer->columns[i]);
  return writer->extra_names->pdata[i - writer->n_columns];
}

int
dl_writer_cell_column (const DlWriter *writer, gsize i)
{
  return i < writer->n_columns ? (int) writer->columns[i] : -1;
}

const char *
dl_writer_valid (DlWriter *writer, const char *text)
{
  gsize len = strlen (text);
  char *valid;

  if (dl_utf8_validate (text, len, NULL))
    return text;
  valid = g_utf8_make_valid (text, len);
  g_string_assign (writer->cell, valid);
  g_free (valid);
  return writer->cell->str;
}

const char *
dl_writer_cell_raw (const DlWriter *writer, const DlRecord *record, gsize i)
{
  gsize extra = i - writer->n_columns;

  if (i < writer->n_columns)
    return dl_record_get (record, writer->columns[i]);
  return extra < record->extra->len ? record->extra->pdata[extra] : "";
}

const char *
dl_writer_cell (DlWriter *writer, const DlRecord *record, gsize i)
{
  return dl_writer_valid (writer, dl_writer_cell_raw (writer, record, i));
}

void
dl_writer_put_valid (DlWriter *writer, const char *text, gsize len)
{
  g_autofree char *valid = NULL;

  if (!dl_utf8_validate (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }
  fwrite (text, 1, len, writer->out);
}

gboolean
dl_writer_guards (const DlWriter *writer, const char *cell)
{
  const char *p = cell;

  if (writer->raw)
    return FALSE;
  while (*p == '\'')
    p++;
  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL && cell[1] != '\0';
}
