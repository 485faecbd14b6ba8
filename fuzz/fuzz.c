/* fuzz.c: what the harnesses share. */
#include "fuzz.h"

#include "dl-cli.h"
#include "dl-text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
discard (const char *message)
{
  (void) message;
}

void
dl_fuzz_init (void)
{
  g_set_prgname ("fuzz");
  /* The stages' warnings about bad input (g_printerr) are what the fuzzer
   * feeds them: kept quiet, or they drown its own report.  Criticals go
   * through g_log and still show. */
  if (g_getenv ("DL_FUZZ_VERBOSE") == NULL)
    g_set_printerr_handler (discard);
  if (g_getenv ("DL_FUZZ_NONFATAL") == NULL)
    g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

FILE *
dl_fuzz_null (void)
{
  static FILE *null;

  if (null == NULL)
    null = fopen ("/dev/null", "w");
  if (null == NULL)
    abort ();
  return null;
}

void
dl_fuzz_fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fputs ("dl-fuzz: invariant broken: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

static DlRecord *
record_from_line (const char *line, gsize len, DlFormat format)
{
  gsize n_columns, at = 0;
  const DlColumn *columns = dl_format_columns (format, &n_columns);
  DlRecord *record = dl_record_new ();

  for (gsize i = 0; i < n_columns && at <= len; i++)
    {
      const char *tab = memchr (line + at, '\t', len - at);
      gsize end = tab ? (gsize) (tab - line) : len;

      dl_record_take (record, columns[i], g_strndup (line + at, end - at));
      at = end + 1;
    }
  record->origin = g_ref_string_new_intern ("fuzz");
  return record;
}

GPtrArray *
dl_fuzz_records (const uint8_t *data, size_t size, DlFormat format)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);
  const char *text = (const char *) data;
  gsize at = 0;
  guint64 line = 0;

  while (at < size)
    {
      const char *nl = memchr (text + at, '\n', size - at);
      gsize end = nl ? (gsize) (nl - text) : size;

      line++;
      if (dl_utf8_validate (text + at, end - at, NULL))
        {
          DlRecord *record = record_from_line (text + at, end - at, format);

          record->line = line;
          g_ptr_array_add (records, record);
        }
      at = end + 1;
    }
  return records;
}

void
dl_fuzz_check_utf8 (const DlRecord *record, const char *what)
{
  for (int i = 0; i < DL_N_COLUMNS; i++)
    {
      const char *field = dl_record_get (record, i);

      if (!dl_utf8_validate (field, strlen (field), NULL))
        dl_fuzz_fail ("%s: column %d is not UTF-8", what, i);
    }
  for (guint i = 0; i < record->extra->len; i++)
    {
      const char *field = record->extra->pdata[i];

      if (!dl_utf8_validate (field, strlen (field), NULL))
        dl_fuzz_fail ("%s: extra column %u is not UTF-8", what, i + 1);
    }
}

/* A range end: empty (open), or a real day written YYYY-MM-DD. */
static void
check_day (const DlRecord *record, DlColumn column, const char *name)
{
  const char *text = dl_record_get (record, column);
  GDate day;

  if (*text == '\0')
    return;
  if (strlen (text) != 10 || !dl_parse_iso_date (text, &day))
    dl_fuzz_fail ("%s \"%s\" is not a day YYYY-MM-DD (form \"%s\", dct "
                  "\"%s\")", name, text, dl_record_get (record, DL_COL_FORM),
                  dl_record_get (record, DL_COL_DCT));
}

void
dl_fuzz_check_range (const DlRecord *record)
{
  const char *earliest = dl_record_get (record, DL_COL_EARLIEST);
  const char *latest = dl_record_get (record, DL_COL_LATEST);

  dl_fuzz_check_utf8 (record, "range row");
  check_day (record, DL_COL_EARLIEST, "earliest");
  check_day (record, DL_COL_LATEST, "latest");
  if (*earliest && *latest && strcmp (earliest, latest) > 0)
    dl_fuzz_fail ("earliest %s after latest %s (form \"%s\")", earliest,
                  latest, dl_record_get (record, DL_COL_FORM));
}
