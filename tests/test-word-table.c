/* test-word-table.c: the scan's table of words (common/dl-word-table.c),
 * checked against GHashTable on the same keys. */
#include <glib.h>
#include <string.h>

#include "dl-word-table.h"

static guint freed;

static void
count_free (gpointer value)
{
  (void) value;
  freed++;
}

/* Keys that differ in one byte, in length only, or by a NUL inside. */
static void
test_keys (void)
{
  DlWordTable *table = dl_word_table_new (NULL);
  gpointer value = NULL;

  dl_word_table_insert (table, "the ", 4, GINT_TO_POINTER (1));
  dl_word_table_insert (table, "the", 3, GINT_TO_POINTER (2));
  dl_word_table_insert (table, "The ", 4, NULL);
  dl_word_table_insert (table, "a\0b", 3, GINT_TO_POINTER (3));
  g_assert_true (dl_word_table_lookup (table, "the ", 4, &value));
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 1);
  g_assert_true (dl_word_table_lookup (table, "the", 3, &value));
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 2);
  /* Present with a NULL value is not absent. */
  value = GINT_TO_POINTER (9);
  g_assert_true (dl_word_table_lookup (table, "The ", 4, &value));
  g_assert_null (value);
  g_assert_true (dl_word_table_lookup (table, "a\0b", 3, &value));
  g_assert_false (dl_word_table_lookup (table, "a\0c", 3, &value));
  g_assert_false (dl_word_table_lookup (table, "th", 2, &value));
  g_assert_false (dl_word_table_lookup (table, "", 0, &value));
  /* With the hash taken by the caller: the same answers. */
  g_assert_true (dl_word_table_lookup_hashed (table, "the", 3,
                                              dl_word_hash ("the", 3), &value));
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 2);
  g_assert_false (dl_word_table_lookup_hashed (table, "th", 2,
                                               dl_word_hash ("th", 2), &value));
  g_assert_cmpuint (dl_word_table_size (table), ==, 4);
  dl_word_table_free (table);
}

/* Many keys, so that the table grows many times: every one is found with
 * its value, every other is not, and each value is freed once. */
static void
test_grows (void)
{
  DlWordTable *table = dl_word_table_new (count_free);
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash,
                                                        g_str_equal, g_free,
                                                        NULL);
  GRand *rand = g_rand_new_with_seed (7);

  freed = 0;
  for (guint i = 0; i < 50000; i++)
    {
      char key[DL_WORD_KEY_MAX + 1];
      guint len = g_rand_int_range (rand, 1, DL_WORD_KEY_MAX + 1);

      for (guint k = 0; k < len; k++)
        key[k] = 'a' + g_rand_int_range (rand, 0, 4);
      key[len] = '\0';
      if (g_hash_table_contains (known, key))
        continue;
      g_hash_table_insert (known, g_strdup (key), GUINT_TO_POINTER (i + 1));
      dl_word_table_insert (table, key, len, GUINT_TO_POINTER (i + 1));
    }
  g_assert_cmpuint (dl_word_table_size (table), ==, g_hash_table_size (known));
  {
    GHashTableIter iter;
    gpointer key, expected;

    g_hash_table_iter_init (&iter, known);
    while (g_hash_table_iter_next (&iter, &key, &expected))
      {
        gpointer value = NULL;
        g_autofree char *shorter = g_strndup (key, strlen (key) - 1);

        g_assert_true (dl_word_table_lookup (table, key, strlen (key),
                                             &value));
        g_assert_true (value == expected);
        g_assert_cmpint (dl_word_table_lookup (table, shorter,
                                               strlen (shorter), &value),
                         ==, g_hash_table_contains (known, shorter));
      }
  }
  dl_word_table_free (table);
  g_assert_cmpuint (freed, ==, g_hash_table_size (known));
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/word-table/keys", test_keys);
  g_test_add_func ("/word-table/grows", test_grows);
  return g_test_run ();
}
