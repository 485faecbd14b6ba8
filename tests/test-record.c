/* Unit tests of the record library: formats, reading, writing. */
#include "dl-cli.h"
#include "dl-record.h"
#include "dl-text.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static char *
write_temp (const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("dl-record-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static DlReader *
open_mentions (const char *contents, char **path, GError **error)
{
  DlReader *reader;
  static const DlColumn required[] = { DL_COL_FORM };

  *path = write_temp (contents);
  reader = dl_reader_open (*path, error);
  g_assert_nonnull (reader);
  if (!dl_reader_read_header (reader, DL_FORMAT_MENTIONS, DL_FORMAT_RANGES,
                              required, 1, error))
    {
      dl_reader_free (reader);
      return NULL;
    }
  return reader;
}

static void
test_format_names (void)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (DL_FORMAT_TIMELINE, &n);

  g_assert_cmpuint (n, ==, 15);
  g_assert_cmpstr (dl_format_column_name (DL_FORMAT_TIMELINE, cols[0]), ==,
                   "start");
  g_assert_cmpstr (dl_format_column_name (DL_FORMAT_MENTIONS, DL_COL_START),
                   ==, "start");
  g_assert_null (dl_format_column_name (DL_FORMAT_MENTIONS, DL_COL_VALUE));
  dl_format_columns (DL_FORMAT_RANGES, &n);
  g_assert_cmpuint (n, ==, 18);
}

static void
test_read_extra_and_quotes (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions (
      "topic,form,context\n"
      "\" keep spaces \",2022,\"a, \"\"quoted\"\"\nline\"\n",
      &path, &error);
  g_autoptr (DlRecord) record = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (dl_reader_extra_names (reader)->len, ==, 1);
  g_assert_cmpstr (dl_reader_extra_names (reader)->pdata[0], ==, "topic");
  record = dl_reader_next (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_record_get (record, DL_COL_FORM), ==, "2022");
  g_assert_cmpstr (dl_record_get (record, DL_COL_CONTEXT), ==,
                   "a, \"quoted\"\nline");
  g_assert_cmpstr (record->extra->pdata[0], ==, " keep spaces ");
  g_assert_cmpuint (record->line, ==, 2);
  g_assert_null (dl_reader_next (reader, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static void
test_missing_column (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions ("doc,start\nx,1\n", &path,
                                               &error);

  g_assert_null (reader);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, ":1: missing column \"form\""));
  g_unlink (path);
}

static void
test_bad_rows (void)
{
  static const char *const inputs[] = {
    "form\n2022\n2023,extra\n",     /* field count */
    "form\n\"2022\n",               /* unterminated quote */
    "form\n20\"22\n",               /* quote inside unquoted field */
    "form\n\xff\n",                 /* invalid UTF-8 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (DlReader) reader = open_mentions (inputs[i], &path, &error);
      DlRecord *record;

      g_assert_no_error (error);
      while ((record = dl_reader_next (reader, &error)) != NULL)
        dl_record_free (record);
      g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_unlink (path);
    }
}

static void
test_duplicate_column (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions ("form,form\n1,2\n", &path,
                                               &error);

  g_assert_null (reader);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_unlink (path);
}

static void
test_empty_input (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions ("", &path, &error);

  /* An empty input is an empty table: no header needed, no records. */
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_null (dl_reader_next (reader, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static void
test_write_round_trip (void)
{
  g_autofree char *path = write_temp ("");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) extra = g_ptr_array_new ();
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autofree char *text = NULL;
  FILE *out = fopen (path, "w");
  DlWriter *writer;

  g_ptr_array_add (extra, "note");
  writer = dl_writer_new (out, path, DL_FORMAT_MENTIONS, extra);
  dl_record_set (record, DL_COL_DOC, "a.txt");
  dl_record_set (record, DL_COL_CONTEXT, "He said \"no\", twice.");
  g_ptr_array_add (record->extra, g_strdup ("kept"));
  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_true (dl_writer_finish (writer, &error));
  dl_writer_free (writer);
  fclose (out);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_cmpstr (text, ==,
                   "doc,dct,start,end,line,sentence,mention,form,anchor,"
                   "context,note\n"
                   "a.txt,,,,,,,,,\"He said \"\"no\"\", twice.\",kept\n");
  g_unlink (path);
}

/* A field too big for the row buffer goes straight to the stream, quoted
 * the same way, between the fields before and after it. */
static void
test_write_big_field (void)
{
  g_autofree char *path = write_temp ("");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autoptr (DlRecord) back = NULL;
  g_autoptr (DlReader) reader = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  FILE *out = fopen (path, "w");
  DlWriter *writer = dl_writer_new (out, path, DL_FORMAT_MENTIONS, NULL);
  static const DlColumn required[] = { DL_COL_DOC };

  while (big->len < 200000)
    g_string_append (big, "He said \"no\", twice. ");
  dl_record_set (record, DL_COL_DOC, "a.txt");
  dl_record_set (record, DL_COL_MENTION, "no");
  dl_record_set (record, DL_COL_CONTEXT, big->str);
  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_true (dl_writer_finish (writer, &error));
  dl_writer_free (writer);
  fclose (out);
  reader = dl_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dl_reader_read_header (reader, DL_FORMAT_MENTIONS,
                                        DL_FORMAT_MENTIONS, required, 1,
                                        &error));
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&back, dl_record_free);
      back = dl_reader_next (reader, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_cmpstr (dl_record_get (back, DL_COL_MENTION), ==, "no");
      g_assert_cmpstr (dl_record_get (back, DL_COL_CONTEXT), ==, big->str);
    }
  g_unlink (path);
}

static void
test_header_only_output (void)
{
  g_autofree char *path = write_temp ("");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  FILE *out = fopen (path, "w");
  g_autoptr (DlWriter) writer = dl_writer_new (out, path, DL_FORMAT_TIMELINE,
                                               NULL);

  g_assert_true (dl_writer_finish (writer, &error));
  fclose (out);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_cmpstr (text, ==, "start,end,when,event,mention,source,sources,"
                             "value,granularity,certainty,type,doc,dct,"
                             "context,note\n");
  g_unlink (path);
}

/* Dates in the CSV columns: ISO 8601 days, nothing looser. */
static void
test_iso_dates (void)
{
  static const struct { const char *text; const char *day; } cases[] = {
    { "2024-02-29", "2024-02-29" }, { "20240229", "2024-02-29" },
    { "1998-10-25T14:00", "1998-10-25" }, { "0001-01-01", "0001-01-01" },
    { "2023-02-29", NULL }, { "2023-13-01", NULL }, { "0000-01-01", NULL },
    { "1998-1-25", NULL }, { "1998-10", NULL }, { "1998", NULL },
    { "", NULL }, { " 998-10-25", NULL }, { "+998-10-25", NULL },
    { "1998-10-25x", NULL }, { "1998/10/25", NULL }, { "199810", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day;
      gboolean ok = dl_parse_iso_date (cases[i].text, &day);

      g_assert_cmpint (ok, ==, cases[i].day != NULL);
      if (ok)
        {
          g_autofree char *text = dl_format_date (&day);
          g_assert_cmpstr (text, ==, cases[i].day);
        }
    }
}

/* Lookup keys, allocated or in a buffer, agree; a key too long for the
 * buffer is NULL. */
static void
test_text_keys (void)
{
  static const char *const texts[] = {
    "Feb.  24", "  Sept.\n", "", "   ", "MAY", "a\tb  c ",
  };
  char small[4];

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char buffer[64];
      g_autofree char *key = dl_text_key (texts[i], -1);

      g_assert_cmpstr (dl_text_key_into (texts[i], strlen (texts[i]), buffer,
                                         sizeof buffer), ==, key);
    }
  g_autofree char *feb = dl_text_key ("Feb.  24", -1);

  g_assert_cmpstr (feb, ==, "feb. 24");
  g_assert_null (dl_text_key_into ("Sept.", 5, small, sizeof small));
  g_assert_cmpstr (dl_text_key_into (" May ", 5, small, sizeof small), ==,
                   "may");
}

/* dl_utf8_validate agrees with GLib, at every length and on random bytes
 * that are mostly ASCII. */
static void
check_like_glib (const char *text, gsize len)
{
  const char *ours = NULL, *glib = NULL;
  gboolean a = dl_utf8_validate (text, len, &ours);
  gboolean b = g_utf8_validate_len (text, len, &glib);

  g_assert_cmpint (a, ==, b);
  g_assert_true (ours == glib);
}

static void
test_utf8 (void)
{
  static const char *const texts[] = {
    "plain ascii text, long enough to pass eight at a time.",
    "caf\xc3\xa9 na\xc3\xafve \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 end",
    "bad \xc3 here", "overlong \xc0\xaf slash", "surrogate \xed\xa0\x80 x",
    "too big \xf4\x90\x80\x80", "lone \x80 continuation", "cut at end \xe2\x80",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize len = 0; len <= strlen (texts[i]); len++)
      check_like_glib (texts[i], len);
  check_like_glib ("nul \0 inside", 13);
  for (int round = 0; round < 2000; round++)
    {
      char buffer[64];
      gsize len = g_rand_int_range (rand, 0, sizeof buffer);

      for (gsize k = 0; k < len; k++)
        buffer[k] = g_rand_int_range (rand, 0, 10) ? g_rand_int_range (rand, 32, 127)
                                                   : g_rand_int_range (rand, 0, 256);
      check_like_glib (buffer, len);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record/format-names", test_format_names);
  g_test_add_func ("/record/read-extra-and-quotes", test_read_extra_and_quotes);
  g_test_add_func ("/record/missing-column", test_missing_column);
  g_test_add_func ("/record/bad-rows", test_bad_rows);
  g_test_add_func ("/record/duplicate-column", test_duplicate_column);
  g_test_add_func ("/record/empty-input", test_empty_input);
  g_test_add_func ("/record/write-round-trip", test_write_round_trip);
  g_test_add_func ("/record/write-big-field", test_write_big_field);
  g_test_add_func ("/record/header-only-output", test_header_only_output);
  g_test_add_func ("/record/iso-dates", test_iso_dates);
  g_test_add_func ("/record/text-keys", test_text_keys);
  g_test_add_func ("/record/utf8", test_utf8);
  return g_test_run ();
}
