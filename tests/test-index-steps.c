/* test-index-steps.c: the grammar index's table of steps
 * (extract/index-steps.c), checked against GHashTable on the same keys. */
#include <glib.h>
#include <string.h>

#include "index-steps.h"

/* Lists of rules, as the index numbers them. */
enum { NONE, ONE, TWO, THREE };

/* A step is its node and its token: the same token from two nodes is two
 * steps, and a token differs from its prefix and by a NUL inside. */
static void
test_keys (void)
{
  DlStepTable *table = dl_step_table_new ();
  DlStep step = { NONE, 0 };

  dl_step_table_insert (table, 1, " three", 6, (DlStep) { THREE, 7 });
  dl_step_table_insert (table, 2, " three", 6, (DlStep) { ONE, 0 });
  dl_step_table_insert (table, 1, " thre", 5, (DlStep) { NONE, 0 });
  dl_step_table_insert (table, 1, ".\0", 2, (DlStep) { ONE, 3 });
  g_assert_true (dl_step_table_lookup (table, 1, " three", 6, &step));
  g_assert_cmpuint (step.list, ==, THREE);
  g_assert_cmpuint (step.child, ==, 7);
  g_assert_true (dl_step_table_lookup (table, 2, " three", 6, &step));
  g_assert_cmpuint (step.list, ==, ONE);
  g_assert_cmpuint (step.child, ==, 0);
  /* Present with no rules is not absent: the token was probed. */
  step.list = ONE;
  g_assert_true (dl_step_table_lookup (table, 1, " thre", 5, &step));
  g_assert_cmpuint (step.list, ==, NONE);
  g_assert_true (dl_step_table_lookup (table, 1, ".\0", 2, &step));
  g_assert_false (dl_step_table_lookup (table, 1, ".\1", 2, &step));
  g_assert_false (dl_step_table_lookup (table, 3, " three", 6, &step));
  g_assert_false (dl_step_table_lookup (table, 1, " threes", 7, &step));
  dl_step_table_free (table);
}

/* Many steps, so that the table grows many times: each is found with its
 * answer, and a step from another node or with a shorter token is not. */
static void
test_grows (void)
{
  DlStepTable *table = dl_step_table_new ();
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash,
                                                        g_str_equal, g_free,
                                                        NULL);
  GRand *rand = g_rand_new_with_seed (7);
  GHashTableIter iter;
  gpointer key, expected;

  for (guint i = 0; i < 50000; i++)
    {
      char token[DL_STEP_KEY_MAX + 1];
      guint len = g_rand_int_range (rand, 1, DL_STEP_KEY_MAX + 1);
      guint node = g_rand_int_range (rand, 1, 50);

      for (guint k = 0; k < len; k++)
        token[k] = 'a' + g_rand_int_range (rand, 0, 4);
      token[len] = '\0';
      key = g_strdup_printf ("%u:%s", node, token);
      if (g_hash_table_contains (known, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (known, key, GUINT_TO_POINTER (i + 1));
      dl_step_table_insert (table, node, token, len,
                            (DlStep) { TWO, i + 1 });
    }
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, &expected))
    {
      const char *token = strchr (key, ':') + 1;
      guint node = (guint) g_ascii_strtoull (key, NULL, 10);
      gsize len = strlen (token);
      DlStep step = { NONE, 0 };

      g_assert_true (dl_step_table_lookup (table, node, token, len, &step));
      g_assert_cmpuint (step.child, ==, GPOINTER_TO_UINT (expected));
      g_assert_cmpuint (step.list, ==, TWO);
      g_assert_false (dl_step_table_lookup (table, node + 100, token, len,
                                            &step));
      if (len > 1)
        {
          g_autofree char *shorter = g_strdup_printf ("%u:%.*s", node,
                                                      (int) len - 1, token);

          if (!g_hash_table_contains (known, shorter))
            g_assert_false (dl_step_table_lookup (table, node, token, len - 1,
                                                  &step));
        }
    }
  g_rand_free (rand);
  dl_step_table_free (table);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/index-steps/keys", test_keys);
  g_test_add_func ("/index-steps/grows", test_grows);
  return g_test_run ();
}
