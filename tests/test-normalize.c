/* test-normalize.c: the normalize stage on rows written here: the anchors
 * tables and their lookup, and what a bad row (a dct or a form that is not
 * one, a date beyond year 9999) turns into.  g_test makes every
 * GLib-CRITICAL fatal, so a date arithmetic that trips GDate fails here. */
#include <glib/gstdio.h>
#include <string.h>

#include "anchors.h"
#include "dl-cli.h"
#include "dl-record.h"
#include "normalize.h"

/* A file holding text, removed when the test ends. */
static char *
temp_file (const char *text)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("dateline-test-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_close (fd, NULL);
  return path;
}

static DlAnchors *
anchors_from (const char *csv)
{
  g_autofree char *path = temp_file (csv);
  g_autoptr (DlAnchors) anchors = dl_anchors_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (dl_anchors_load_file (anchors, path, &error));
  g_assert_no_error (error);
  g_unlink (path);
  return g_steal_pointer (&anchors);
}

#define EVENTS                                                          \
  "name,earliest,latest,aliases\n"                                      \
  "Harbour strike,2019-05-06,2019-05-20,strike|the long harbour strike\n" \
  "Dock strike,2019-06-01,2019-06-02,\n"                                \
  "Port strike,2019-07-01,2019-07-02,\n"                                \
  "Großer Streik,1920-03-01,1920-03-02,\n"

static const char *
find_name (DlAnchors *anchors, const char *phrase)
{
  const DlAnchor *a = dl_anchors_find (&anchors, 1, phrase);

  return a ? a->name : NULL;
}

/* The longest alias in the phrase wins, on whole words, any case. */
static void
test_anchors_longest (void)
{
  g_autoptr (DlAnchors) anchors = anchors_from (EVENTS);

  g_assert_cmpstr (find_name (anchors, "after the strike"), ==,
                   "Harbour strike");
  g_assert_cmpstr (find_name (anchors, "after the dock strike"), ==,
                   "Dock strike");
  g_assert_cmpstr (find_name (anchors, "the Long  Harbour STRIKE began"), ==,
                   "Harbour strike");
  /* Case-folded, as Unicode matches without case: ß is ss. */
  g_assert_cmpstr (find_name (anchors, "the GROSSER streik"), ==,
                   "Großer Streik");
  g_assert_cmpstr (find_name (anchors, "der GROßER STREIK"), ==,
                   "Großer Streik");
  g_assert_cmpstr (find_name (anchors, "strikes"), ==, NULL);
  g_assert_cmpstr (find_name (anchors, "restrike"), ==, NULL);
  g_assert_cmpstr (find_name (anchors, ""), ==, NULL);
  /* Of two as long, the first in the phrase. */
  g_assert_cmpstr (find_name (anchors, "port strike, dock strike"), ==,
                   "Port strike");
}

/* An event of an earlier table wins over any of a later one. */
static void
test_anchors_tables (void)
{
  g_autoptr (DlAnchors) user = anchors_from (
      "name,earliest,latest\nStrike,2001-01-01,2001-01-01\n");
  g_autoptr (DlAnchors) other = anchors_from (EVENTS);
  DlAnchors *tables[] = { user, other };
  const DlAnchor *a = dl_anchors_find (tables, 2, "the dock strike");

  g_assert_nonnull (a);
  g_assert_cmpstr (a->name, ==, "Strike");
  a = dl_anchors_find (tables + 1, 1, "the dock strike");
  g_assert_cmpstr (a->name, ==, "Dock strike");
}

/* A phrase of thousands of words (a 40 KB anchor field) is looked up in
 * time linear in its length: only stretches as long as the longest alias
 * are tried.  Cubic before, this took minutes. */
static void
test_anchors_long_phrase (void)
{
  g_autoptr (DlAnchors) anchors = anchors_from (EVENTS);
  g_autoptr (GString) phrase = g_string_new (NULL);

  for (int i = 0; i < 6500; i++)
    g_string_append_printf (phrase, "word%d ", i % 13);
  g_string_append (phrase, "the long harbour strike");
  g_assert_cmpuint (phrase->len, >, 40000);
  g_assert_cmpstr (find_name (anchors, phrase->str), ==, "Harbour strike");
  g_string_prepend (phrase, "dock strike ");
  g_assert_cmpstr (find_name (anchors, phrase->str), ==, "Harbour strike");
}

/* An empty anchors file (no header at all) is an error naming it; a header
 * alone is a list of no events (issue 8, item 8). */
static void
test_anchors_empty_file (void)
{
  static const char *const empty[] = { "", "\n", "\r\n\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *path = temp_file (empty[i]);
      g_autofree char *want = g_strdup_printf ("%s: empty file", path);
      g_autoptr (DlAnchors) anchors = dl_anchors_new ();
      g_autoptr (GError) error = NULL;

      g_assert_false (dl_anchors_load_file (anchors, path, &error));
      g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
      g_assert_true (g_str_has_prefix (error->message, want));
      g_unlink (path);
    }
  {
    g_autoptr (DlAnchors) anchors = anchors_from ("name,earliest,latest\n");

    g_assert_null (find_name (anchors, "the strike"));
  }
}

/* ---- rows through the normalizer ---- */

typedef struct {
  const char *dct;
  const char *form;
  const char *anchor;  /* or NULL */
  const char *context; /* or NULL */
  const char *mention; /* or NULL */
} Row;

static gboolean
keep_record (DlRecord *record, gpointer data, GError **error)
{
  (void) error;
  g_ptr_array_add (data, record);
  return TRUE;
}

/* The rows of one document, normalized with the anchors of anchors_csv
 * (or none), options as given. */
static GPtrArray *
normalize_rows (const Row *rows, gsize n, const char *anchors_csv,
                DlNormalizeOptions *options)
{
  g_autofree char *path = anchors_csv ? temp_file (anchors_csv) : NULL;
  const char *files[] = { path, NULL };
  GPtrArray *out = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);
  g_autoptr (DlNormalizer) normalizer = NULL;
  g_autoptr (GError) error = NULL;
  DlNormalizeOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;
  options->anchor_files = path ? files : NULL;
  normalizer = dl_normalizer_new (options, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    {
      DlRecord *record = dl_record_new ();

      record->origin = g_ref_string_new ("rows.csv");
      record->line = i + 2;
      dl_record_set (record, DL_COL_DOC, "doc");
      dl_record_set (record, DL_COL_DCT, rows[i].dct);
      dl_record_set (record, DL_COL_FORM, rows[i].form);
      dl_record_set (record, DL_COL_ANCHOR, rows[i].anchor);
      dl_record_set (record, DL_COL_CONTEXT, rows[i].context);
      dl_record_set (record, DL_COL_MENTION, rows[i].mention);
      g_assert_true (dl_normalizer_add (normalizer, record, keep_record, out,
                                        &error));
    }
  g_assert_true (dl_normalizer_flush (normalizer, keep_record, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, n);
  if (path)
    g_unlink (path);
  return out;
}

/* One row, alone in its document. */
static DlRecord *
normalize_row (const Row *row, const char *anchors_csv,
               DlNormalizeOptions *options)
{
  g_autoptr (GPtrArray) out = normalize_rows (row, 1, anchors_csv, options);

  return g_ptr_array_steal_index (out, 0);
}

static void
assert_unresolved (const DlRecord *r, const char *note)
{
  g_test_message ("%s -> value \"%s\", %s..%s, %s (%s)",
                  dl_record_get (r, DL_COL_FORM),
                  dl_record_get (r, DL_COL_VALUE),
                  dl_record_get (r, DL_COL_EARLIEST),
                  dl_record_get (r, DL_COL_LATEST),
                  dl_record_get (r, DL_COL_CERTAINTY),
                  dl_record_get (r, DL_COL_NOTE));
  g_assert_cmpstr (dl_record_get (r, DL_COL_CERTAINTY), ==, "unresolved");
  g_assert_cmpstr (dl_record_get (r, DL_COL_EARLIEST), ==, "");
  g_assert_cmpstr (dl_record_get (r, DL_COL_LATEST), ==, "");
  g_assert_nonnull (strstr (dl_record_get (r, DL_COL_NOTE), note));
}

#define EDGE_EVENTS                                                     \
  "name,earliest,latest\n"                                              \
  "Long strike,9999-12-01,9999-12-31\n"                                 \
  "First day,0001-01-01,0001-01-01\n"

/* Every date move is checked against years 1..9999 (issue 8, item 4):
 * what would leave them is unresolved, out of range, and no GDate
 * assertion fires. */
static void
test_range_edges (void)
{
  static const Row rows[] = {
    { "9999-12-31", "P10Y at=+", NULL, "The plant will close in 10 years.",
      "10 years" },
    { "2025-06-07", "ANCHOR-after", "the long strike", NULL, NULL },
    { "0001-01-01", "PAST_REF window=P3M", NULL, "Prices rose recently.",
      "recently" },
    { "2025-06-07", "ANCHOR-before", "the first day", NULL, NULL },
    { "2025-06-07", "0001 mod=BEFORE", "the first day", NULL, NULL },
    { "2025-06-07", "9999 mod=AFTER", "the long strike", NULL, NULL },
    { "2025-06-07", "ANCHOR-year-PLUS-1 span=unit", "the long strike", NULL,
      NULL },
    { "9999-12-31", "FUTURE_REF window=P2Y", NULL, NULL, NULL },
    { "9999-12-31", "P3W window=+", NULL, NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (DlRecord) r = normalize_row (&rows[i], EDGE_EVENTS, NULL);

      assert_unresolved (r, "out of range");
    }
}

/* Southern seasons move six months: the southern summer of 9999 ends in
 * 10000. */
static void
test_range_southern (void)
{
  static const Row row = { "2025-06-07", "9999-SU", NULL, NULL, NULL };
  DlNormalizeOptions options = { .southern = TRUE };
  g_autoptr (DlRecord) r = normalize_row (&row, NULL, &options);

  assert_unresolved (r, "out of range");
}

/* A part of a period at the calendar's ends stays the period. */
static void
test_range_parts (void)
{
  static const Row rows[] = {
    { "2025-06-07", "0001-01-01 part=last-weekend", NULL, NULL, NULL },
    { "2025-06-07", "9999-12-31 part=first-weekend", NULL, NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (DlRecord) r = normalize_row (&rows[i], NULL, NULL);

      g_assert_cmpstr (dl_record_get (r, DL_COL_CERTAINTY), ==, "exact");
      g_assert_cmpstr (dl_record_get (r, DL_COL_EARLIEST), ==,
                       dl_record_get (r, DL_COL_VALUE));
    }
}

/* An internal form never reaches the value column: an unresolved row
 * leaves it empty, and keeps the form (issue 12). */
static void
test_unresolved_value (void)
{
  static const Row rows[] = {
    { "", "UNDEF-year-01", NULL, "It opened in January.", "January" },
    { "", "UNDEF-this-dayT15:00", NULL, NULL, NULL },
    { "2025-06-07", "ANCHOR-year-PLUS-1", NULL, NULL, NULL },
    { "2025-06-07", "UNDEF-year-04-31", NULL, NULL, NULL },
  };
  g_autoptr (GPtrArray) out = normalize_rows (rows, G_N_ELEMENTS (rows),
                                              NULL, NULL);

  for (guint i = 0; i < out->len; i++)
    {
      const DlRecord *r = out->pdata[i];

      assert_unresolved (r, "");
      g_assert_cmpstr (dl_record_get (r, DL_COL_VALUE), ==, "");
      g_assert_cmpstr (dl_record_get (r, DL_COL_FORM), ==, rows[i].form);
    }
}

/* A value of TIMEX3's own stays, unresolved: 29 February 1900. */
static void
test_unresolved_timex (void)
{
  static const Row row = { "2025-06-07", "1900-02-29", NULL, NULL, NULL };
  g_autoptr (DlRecord) r = normalize_row (&row, NULL, NULL);

  assert_unresolved (r, "no such day");
  g_assert_cmpstr (dl_record_get (r, DL_COL_VALUE), ==, "1900-02-29");
}

/* A dct that is not a date: the document is read as if it had none, and
 * what needed it is unresolved with a note saying so. */
static void
test_bad_dct (void)
{
  static const Row rows[] = {
    { "soon", "UNDEF-year-01", NULL, "It opened in January.", "January" },
    { "soon", "2019-03-05", NULL, NULL, NULL },
  };
  g_autoptr (GPtrArray) out = NULL;

  if (g_test_subprocess ())
    {
      out = normalize_rows (rows, G_N_ELEMENTS (rows), NULL, NULL);
      assert_unresolved (out->pdata[0], "the dct is not a date");
      g_assert_cmpstr (dl_record_get (out->pdata[0], DL_COL_VALUE), ==, "");
      g_assert_cmpstr (dl_record_get (out->pdata[1], DL_COL_CERTAINTY), ==,
                       "exact");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*rows.csv:2: dct \"soon\" is not a date"
                             " (YYYY-MM-DD): read as if empty\n");
}

/* With --reference-date, a bad dct gives way to it, as an empty one does. */
static void
test_bad_dct_reference (void)
{
  static const Row row = { "2013-02-30", "UNDEF-year-01", NULL,
                           "It opened in January.", "January" };
  DlNormalizeOptions options = { .reference_date = "2025-06-07" };

  if (g_test_subprocess ())
    {
      g_autoptr (DlRecord) r = normalize_row (&row, NULL, &options);

      g_assert_cmpstr (dl_record_get (r, DL_COL_VALUE), ==, "2025-01");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*dct \"2013-02-30\" is not a date*");
}

/* A form that is not one of the form language is unresolved, with a note
 * that names it, and no value. */
static void
test_unknown_form (void)
{
  static const Row rows[] = {
    { "2025-06-07", "next tuesday", NULL, NULL, NULL },
    { "2025-06-07", "=HYPERLINK(1)", NULL, NULL, NULL },
    { "2025-06-07", "", NULL, NULL, NULL },
  };
  g_autoptr (GPtrArray) out = normalize_rows (rows, G_N_ELEMENTS (rows),
                                              NULL, NULL);

  for (guint i = 0; i < out->len; i++)
    {
      assert_unresolved (out->pdata[i], "unknown form");
      g_assert_cmpstr (dl_record_get (out->pdata[i], DL_COL_VALUE), ==, "");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchors/longest", test_anchors_longest);
  g_test_add_func ("/anchors/tables", test_anchors_tables);
  g_test_add_func ("/anchors/long-phrase", test_anchors_long_phrase);
  g_test_add_func ("/anchors/empty-file", test_anchors_empty_file);
  g_test_add_func ("/range/edges", test_range_edges);
  g_test_add_func ("/range/southern", test_range_southern);
  g_test_add_func ("/range/parts", test_range_parts);
  g_test_add_func ("/unresolved/value", test_unresolved_value);
  g_test_add_func ("/unresolved/timex", test_unresolved_timex);
  g_test_add_func ("/unresolved/bad-dct", test_bad_dct);
  g_test_add_func ("/unresolved/bad-dct-reference", test_bad_dct_reference);
  g_test_add_func ("/unresolved/unknown-form", test_unknown_form);

  return g_test_run ();
}
