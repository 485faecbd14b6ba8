/* The end-to-end cases of tests/cases/NAME.cases, each its own test: the
 * text is extracted and normalized, and the mention in [brackets] must have
 * the expected type, value and any attributes given.  A line reads
 *
 *   REFERENCE | text with [a mention] | TYPE VALUE [key=value ...]
 *
 * with keys mod, range (EARLIEST..LATEST, either side may be empty),
 * certainty, granularity and note (words the note must contain, with _
 * for a space).  REFERENCE may be followed by normalize options:
 * style=narrative, hemisphere=south, fiscal=10, anchors=none (without the
 * built-in list).  Every case also has the events of tests/cases/anchors.csv
 * as --anchors.  Adding a case needs no C. */
#include "dl-test-util.h"
#include "extract.h"
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  char *file;
  guint line;
  char *reference;
  char *options; /* normalize options after the reference */
  char *text;   /* as written, with brackets */
  char *expect; /* TYPE VALUE [key=value ...] */
} Case;

static char *grammar_dir_for_cases;
static DlExtractor *extractor;
static DlNormalizer *normalizer; /* the one the running case uses */
static GHashTable *normalizers;  /* options -> DlNormalizer */
static char *anchors_file;

/* The normalizer for a case's options ("hemisphere=south ..."). */
static DlNormalizer *
normalizer_for (const char *options, const char *grammar_dir)
{
  DlNormalizer *n = g_hash_table_lookup (normalizers, options);
  g_auto (GStrv) words = g_strsplit (options, " ", -1);
  const char *files[] = { anchors_file, NULL };
  DlNormalizeOptions o = { 0 };
  g_autoptr (GError) error = NULL;

  if (n)
    return n;
  o.grammar_dir = grammar_dir;
  o.anchor_files = files;
  o.fiscal_year_start = 1;
  for (guint i = 0; words[i]; i++)
    {
      if (strcmp (words[i], "style=narrative") == 0)
        o.style = DL_STYLE_NARRATIVE;
      else if (strcmp (words[i], "style=news") == 0)
        o.style = DL_STYLE_NEWS;
      else if (strcmp (words[i], "hemisphere=south") == 0)
        o.southern = TRUE;
      else if (g_str_has_prefix (words[i], "fiscal="))
        o.fiscal_year_start = atoi (words[i] + 7);
      else if (strcmp (words[i], "anchors=none") == 0)
        o.no_default_anchors = TRUE, o.anchor_files = NULL;
      else if (*words[i])
        g_error ("unknown case option \"%s\"", words[i]);
    }
  n = dl_normalizer_new (&o, &error);
  g_assert_no_error (error);
  g_hash_table_insert (normalizers, g_strdup (options), n);
  return n;
}

static gboolean
keep (DlRecord *record, gpointer data, GError **error)
{
  (void) error;
  g_ptr_array_add (data, record);
  return TRUE;
}

static gboolean
collect (DlRecord *record, gpointer data, GError **error)
{
  return dl_normalizer_add (normalizer, record, keep, data, error);
}

static DlRecord *
find_mention (GPtrArray *records, gsize start, gsize end)
{
  for (guint i = 0; i < records->len; i++)
    {
      DlRecord *r = records->pdata[i];
      if (g_ascii_strtoull (dl_record_get (r, DL_COL_START), NULL, 10) == start
          && g_ascii_strtoull (dl_record_get (r, DL_COL_END), NULL, 10) == end)
        return r;
    }
  for (guint i = 0; i < records->len; i++)
    {
      DlRecord *r = records->pdata[i];
      g_test_message ("found [%s] %s -> %s %s (%s)",
                      dl_record_get (r, DL_COL_MENTION),
                      dl_record_get (r, DL_COL_FORM),
                      dl_record_get (r, DL_COL_TYPE),
                      dl_record_get (r, DL_COL_VALUE),
                      dl_record_get (r, DL_COL_NOTE));
    }
  return NULL;
}

static void
check_attribute (DlRecord *record, const char *pair)
{
  const char *eq = strchr (pair, '=');
  g_autofree char *key = eq ? g_strndup (pair, eq - pair) : g_strdup (pair);
  const char *want = eq ? eq + 1 : "";

  if (strcmp (key, "mod") == 0)
    g_assert_cmpstr (dl_record_get (record, DL_COL_MOD), ==, want);
  else if (strcmp (key, "certainty") == 0)
    g_assert_cmpstr (dl_record_get (record, DL_COL_CERTAINTY), ==, want);
  else if (strcmp (key, "note") == 0)
    {
      g_autofree char *words = g_strdelimit (g_strdup (want), "_", ' ');
      if (strstr (dl_record_get (record, DL_COL_NOTE), words) == NULL)
        {
          g_test_message ("note \"%s\" lacks \"%s\"",
                          dl_record_get (record, DL_COL_NOTE), words);
          g_test_fail ();
        }
    }
  else if (strcmp (key, "granularity") == 0)
    g_assert_cmpstr (dl_record_get (record, DL_COL_GRANULARITY), ==, want);
  else if (strcmp (key, "range") == 0)
    {
      g_autofree char *got = g_strdup_printf (
          "%s..%s", dl_record_get (record, DL_COL_EARLIEST),
          dl_record_get (record, DL_COL_LATEST));
      g_assert_cmpstr (got, ==, want);
    }
  else
    g_error ("unknown key \"%s\" in case", key);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *text = dl_test_parse_spans (c->text, spans);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);
  g_auto (GStrv) expect = g_strsplit (c->expect, " ", -1);
  DlRecord *record;

  g_test_message ("%s:%u: %s | %s | %s", c->file, c->line, c->reference,
                  c->text, c->expect);
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_strv_length (expect), >=, 2);
  if (spans->len != 2 || g_strv_length (expect) < 2)
    return;
  document = dl_document_new ("case", text, strlen (text), FALSE, &error);
  g_assert_no_error (error);
  document->dct = g_strdup (c->reference);
  normalizer = normalizer_for (c->options, grammar_dir_for_cases);
  dl_extractor_run_document (extractor, document, collect, records, &error);
  g_assert_no_error (error);
  dl_normalizer_flush (normalizer, keep, records, &error);
  g_assert_no_error (error);
  record = find_mention (records, g_array_index (spans, gsize, 0),
                         g_array_index (spans, gsize, 1));
  g_assert_nonnull (record);
  if (record == NULL)
    return;
  g_test_message ("form %s, note: %s", dl_record_get (record, DL_COL_FORM),
                  dl_record_get (record, DL_COL_NOTE));
  g_assert_cmpstr (dl_record_get (record, DL_COL_TYPE), ==, expect[0]);
  g_assert_cmpstr (dl_record_get (record, DL_COL_VALUE), ==, expect[1]);
  for (guint i = 2; expect[i]; i++)
    if (*expect[i])
      check_attribute (record, expect[i]);
}

static void
case_free (Case *c)
{
  g_free (c->file);
  g_free (c->reference);
  g_free (c->options);
  g_free (c->text);
  g_free (c->expect);
  g_free (c);
}

static void
add_cases (const char *dir, const char *name, GPtrArray *cases)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".cases"));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      Case *c;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], " | ", 3);
      if (g_strv_length (fields) != 3)
        g_error ("%s:%u: a case is REFERENCE | TEXT | TYPE VALUE ...", path,
                 i + 1);
      c = g_new0 (Case, 1);
      c->file = g_strdup (path);
      c->line = i + 1;
      {
        g_auto (GStrv) head = g_strsplit (g_strstrip (fields[0]), " ", 2);
        c->reference = g_strdup (head[0]);
        c->options = g_strstrip (g_strdup (head[1] ? head[1] : ""));
      }
      c->text = g_strstrip (g_strdup (fields[1]));
      c->expect = g_strstrip (g_strdup (fields[2]));
      g_ptr_array_add (cases, c);
      test_path = g_strdup_printf ("/cases/%s/%u", stem, i + 1);
      g_test_add_data_func (test_path, c, test_case);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *grammar_dir = NULL;
  g_autofree char *cases_dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (
      (GDestroyNotify) case_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  DlExtractOptions extract_options = { 0 };
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  grammar_dir = dl_test_grammar_dir ();
  extract_options.grammar_dir = grammar_dir;
  extractor = dl_extractor_new (&extract_options, &error);
  g_assert_no_error (error);
  /* One failing case must not hide the others (set after the set-up,
   * whose failures must stop the run). */
  g_test_set_nonfatal_assertions ();
  grammar_dir_for_cases = grammar_dir;
  normalizers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) dl_normalizer_free);
  cases_dir = g_test_build_filename (G_TEST_DIST, "cases", NULL);
  anchors_file = g_build_filename (cases_dir, "anchors.csv", NULL);
  dir = g_dir_open (cases_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cases"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    add_cases (cases_dir, names->pdata[i], cases);
  status = g_test_run ();
  dl_extractor_free (extractor);
  g_hash_table_unref (normalizers);
  g_free (anchors_file);
  return status;
}
