/* Unit tests of the output formats timelinejs and html (common/): what a
 * record becomes.  tests/formats.py checks whole outputs, xlsx among them;
 * tests/interop/ opens them in TimelineJS, LibreOffice and Chromium. */
#include "dl-record.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  const char *start, *end, *when, *event, *mention;
} Row;

static DlRecord *
timeline_row (const Row *row)
{
  DlRecord *record = dl_record_new ();

  dl_record_set (record, DL_COL_FROM, row->start);
  dl_record_set (record, DL_COL_TO, row->end);
  dl_record_set (record, DL_COL_WHEN, row->when);
  dl_record_set (record, DL_COL_EVENT, row->event);
  dl_record_set (record, DL_COL_MENTION, row->mention);
  dl_record_set (record, DL_COL_CONTEXT, row->event);
  dl_record_set (record, DL_COL_SOURCE, "a.txt:1");
  dl_record_set (record, DL_COL_DOC, "a.txt");
  return record;
}

/* The output of format for rows (n of them); *summary gets the writer's. */
static char *
write_rows (const char *format, const Row *rows, gsize n, char **summary)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dl-formats-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  DlOutputOptions options = { path, format, FALSE };
  g_autoptr (DlWriter) writer = dl_writer_open (&options, DL_FORMAT_TIMELINE,
                                                &error);
  char *contents = NULL;

  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (DlRecord) record = timeline_row (&rows[i]);

      g_assert_true (dl_writer_write (writer, record, &error));
    }
  g_assert_true (dl_writer_finish (writer, &error));
  if (summary)
    *summary = g_strdup (dl_writer_summary (writer));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

/* Line i (0 the header) of text, without its end. */
static char *
line_of (const char *text, int i)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpint ((int) g_strv_length (lines), >, i);
  return g_strdup (lines[i]);
}

static void
test_timelinejs_days (void)
{
  static const Row rows[] = {
    { "2022-03-03", "2022-03-03", "3 March 2022", "The board voted", "x" },
    { "2023-09-01", "2024-04-30", "late 2023 - early 2024", "Drafted",
      "late 2023 or early 2024" },
    { "", "2018-12-31", "before 2019", "Rivalry", "2019" },
    { "2019-05-01", "", "since May 2019", "Open", "May 2019" },
    { "0700-01-01", "0709-12-31", "the 700s", "Old", "700" },
    { "", "", "every weekend", "Weekly", "every weekend" },
  };
  g_autofree char *summary = NULL;
  g_autofree char *out = write_rows ("timelinejs", rows, G_N_ELEMENTS (rows),
                                     &summary);
  g_autofree char *header = line_of (out, 0);
  g_autofree char *day = line_of (out, 1);
  g_autofree char *linked = line_of (out, 2);
  g_autofree char *before = line_of (out, 3);
  g_autofree char *since = line_of (out, 4);
  g_autofree char *old = line_of (out, 5);
  g_autofree char *end = line_of (out, 6);

  g_assert_true (g_str_has_prefix (header, "Year,Month,Day,Time,End Year,"));
  g_assert_true (g_str_has_prefix (day, "2022,3,3,,,,,,3 March 2022,The board voted,"));
  g_assert_true (g_str_has_prefix (linked,
                 "2023,9,1,,2024,4,30,,late 2023 or early 2024,Drafted,"));
  /* Open at the start: placed at the end, no start of its own. */
  g_assert_true (g_str_has_prefix (before, "2018,12,31,,,,,,before 2019,"));
  g_assert_true (g_str_has_prefix (since, "2019,5,1,,,,,,since May 2019,"));
  g_assert_true (g_str_has_prefix (old, "700,1,1,,709,12,31,,the 700s,"));
  g_assert_true (g_str_has_suffix (old, ",a.txt,"));
  /* The row without a day is left out, and said. */
  g_assert_cmpstr (end, ==, "");
  g_assert_cmpstr (summary, ==,
                   "1 row left out (no date to place on a TimelineJS timeline)");
}

static void
test_timelinejs_escapes (void)
{
  static const Row rows[] = {
    { "2020-01-01", "2020-01-01", "1 January 2020", "Fish & <b>chips</b>",
      "x" },
    { "2020-01-02", "2020-01-02", "2 January 2020", "=1+2 said", "x" },
  };
  g_autofree char *out = write_rows ("timelinejs", rows, 2, NULL);
  g_autofree char *markup = line_of (out, 1);
  g_autofree char *formula = line_of (out, 2);

  g_assert_nonnull (strstr (markup, ",Fish &amp; &lt;b&gt;chips&lt;/b&gt;,"));
  g_assert_null (strstr (markup, "<b>"));
  /* The guard: a cell that would be a formula gets its quote. */
  g_assert_nonnull (strstr (formula, ",'=1+2 said,"));
}

static void
test_html_escapes (void)
{
  static const Row rows[] = {
    { "2020-01-01", "2020-01-01", "1 January 2020",
      "</script><script>alert(1)</script> <!-- & \xe2\x80\xa8", "x" },
  };
  g_autofree char *out = write_rows ("html", rows, 1, NULL);
  const char *data = strstr (out, "id=\"dateline-data\">");
  const char *script_end = data ? strstr (data, "</script>") : NULL;
  g_autofree char *json = NULL;

  g_assert_nonnull (script_end);
  json = g_strndup (data, script_end - data);
  g_assert_nonnull (strstr (json, "\"\\u003c/script\\u003e\\u003cscript\\u003e"
                                  "alert(1)\\u003c/script\\u003e \\u003c!-- "
                                  "\\u0026 \\u2028\""));
  g_assert_null (strchr (json + strlen ("id=\"dateline-data\">"), '<'));
  g_assert_true (g_str_has_prefix (out, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (out, "</html>\n"));
  g_assert_null (strstr (out, "<!--dateline:"));
}

static void
test_formats_listed (void)
{
  const char *const *timeline = dl_writer_formats (DL_FORMAT_TIMELINE);
  const char *const *ranges = dl_writer_formats (DL_FORMAT_RANGES);
  g_autofree char *t = g_strjoinv (",", (char **) timeline);
  g_autofree char *r = g_strjoinv (",", (char **) ranges);

  g_assert_cmpstr (t, ==, "csv,tsv,jsonl,xlsx,timelinejs,html");
  g_assert_cmpstr (r, ==, "csv,tsv,jsonl,xlsx");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formats/listed", test_formats_listed);
  g_test_add_func ("/formats/timelinejs/days", test_timelinejs_days);
  g_test_add_func ("/formats/timelinejs/escapes", test_timelinejs_escapes);
  g_test_add_func ("/formats/html/escapes", test_html_escapes);
  return g_test_run ();
}
