/* Every "example" line of every grammar rule, each its own test case: the
 * text is matched by the whole grammar and must give exactly the mentions
 * in [brackets], with the forms after "->" (separated by " ; "). */
#include "dl-test-util.h"
#include "grammar.h"

#include <string.h>

static DlGrammar *grammars[2]; /* month first, day first */

static void
test_example (gconstpointer data)
{
  const DlExample *example = data;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *text = dl_test_parse_spans (example->text, spans);
  g_auto (GStrv) forms = NULL;
  g_autoptr (GArray) matches = NULL;
  g_autoptr (GError) error = NULL;
  guint expected;

  g_test_message ("%s:%u: %s -> %s", example->file, example->line,
                  example->text, example->expected);
  if (spans->len == 0 && *example->expected)
    {
      gsize whole[2] = { 0, strlen (text) };
      g_array_append_vals (spans, whole, 2);
    }
  g_assert_cmpuint (spans->len % 2, ==, 0);
  forms = *example->expected ? g_strsplit (example->expected, " ; ", -1)
                             : g_new0 (char *, 1);
  expected = spans->len / 2;
  g_assert_cmpuint (g_strv_length (forms), ==, expected);
  if (g_strv_length (forms) != expected)
    return;
  matches = dl_grammar_match (grammars[example->day_first], text, strlen (text), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < matches->len; i++)
    {
      DlMatch *m = &g_array_index (matches, DlMatch, i);
      g_test_message ("found [%.*s] -> %s (rule %s)", (int) (m->end - m->start),
                      text + m->start, m->form, m->rule);
    }
  g_assert_cmpuint (matches->len, ==, expected);
  for (guint i = 0; i < MIN (expected, matches->len); i++)
    {
      DlMatch *m = &g_array_index (matches, DlMatch, i);
      g_assert_cmpuint (m->start, ==, g_array_index (spans, gsize, 2 * i));
      g_assert_cmpuint (m->end, ==, g_array_index (spans, gsize, 2 * i + 1));
      g_assert_cmpstr (m->form, ==, g_strstrip (forms[i]));
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash,
                                                         g_str_equal, g_free,
                                                         NULL);
  GPtrArray *examples;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* One failing example must not hide the others. */
  g_test_set_nonfatal_assertions ();
  dir = dl_test_grammar_dir ();
  for (int day_first = 0; day_first <= 1; day_first++)
    {
      DlGrammarOptions options = { dir, NULL, day_first };

      grammars[day_first] = dl_grammar_load (&options, &error);
      g_assert_no_error (error);
    }
  examples = dl_grammar_examples (grammars[0]);
  for (guint i = 0; i < examples->len; i++)
    {
      const DlExample *example = examples->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, example->rule)) + 1;
      g_autofree char *path = g_strdup_printf ("/grammar/%s/%u",
                                               example->rule, n);

      g_hash_table_replace (counts, g_strdup (example->rule),
                            GUINT_TO_POINTER (n));
      g_test_add_data_func (path, example, test_example);
    }
  status = g_test_run ();
  dl_grammar_free (grammars[0]);
  dl_grammar_free (grammars[1]);
  return status;
}
