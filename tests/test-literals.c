/* test-literals.c: a literal symbol's shared-beginnings regex
 * (extract/literals.c) matches as the plain alternation, longest first,
 * did: the same spans, in the same order of preference. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>
#include <string.h>

#include "grammar-private.h"

static int
longer_first (gconstpointer a, gconstpointer b)
{
  const char *sa = *(const char *const *) a, *sb = *(const char *const *) b;
  gsize la = strlen (sa), lb = strlen (sb);

  return la != lb ? (la < lb ? 1 : -1) : strcmp (sa, sb);
}

/* The alternation the grammar built before, for comparison. */
static char *
plain_regex (GPtrArray *literals)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy (literals, NULL, NULL);
  GString *out = g_string_new ("(?:");

  g_ptr_array_sort (sorted, longer_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_auto (GStrv) words = g_strsplit_set (sorted->pdata[i], " \t", -1);
      gboolean first = TRUE;

      if (i > 0)
        g_string_append_c (out, '|');
      for (guint k = 0; words[k]; k++)
        {
          g_autofree char *quoted = g_regex_escape_string (words[k], -1);

          if (words[k][0] == '\0')
            continue;
          if (!first)
            g_string_append (out, "\\s+");
          g_string_append (out, quoted);
          first = FALSE;
        }
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* The end of the match of pattern at the start of subject, or -1. */
static int
match_end (const char *pattern, const char *subject)
{
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_ANCHORED | PCRE2_CASELESS, &code,
                                  &offset, NULL);
  pcre2_match_data *data;
  int rc, end = -1;

  g_assert_nonnull (re);
  data = pcre2_match_data_create_from_pattern (re, NULL);
  rc = pcre2_match (re, (PCRE2_SPTR) subject, strlen (subject), 0, 0, data,
                    NULL);
  if (rc >= 0)
    end = (int) pcre2_get_ovector_pointer (data)[1];
  pcre2_match_data_free (data);
  pcre2_code_free (re);
  return end;
}

static void
test_same_matches (void)
{
  /* Prefixes of each other, words with spaces, signs, case. */
  const char *literals[] = {
    "sep", "sept", "sept.", "september", "per", "per cent", "percent",
    "a", "an", "and a half", "twelve", "twenty", "two", "u.s.", "mid-",
    "mid-term", "o'clock", "C++", NULL,
  };
  const char *subjects[] = {
    "sept. 5", "Sept 5", "SEPTEMBER", "sep", "per  cent more", "per cent",
    "percentage", "a half", "an hour", "and a halfway", "twenty-two",
    "U.S. troops", "mid-term", "mid-", "o'clock", "c++", "c+", "zebra",
    "", NULL,
  };
  /* What follows the symbol in a rule: a failure there backtracks into
   * it, so the order of preference shows. */
  const char *after[] = { "", "(?![a-z])", "(?=\\s+cent)", "\\s*5", "\\.",
                          "(?=\\s)", NULL };
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  g_autofree char *plain = NULL, *shared = NULL;

  for (guint i = 0; literals[i]; i++)
    g_ptr_array_add (list, (gpointer) literals[i]);
  plain = plain_regex (list);
  shared = dl_literals_regex (list);
  g_assert_cmpstr (plain, !=, shared);
  for (guint a = 0; after[a]; a++)
    for (guint s = 0; subjects[s]; s++)
      {
        g_autofree char *p1 = g_strconcat (plain, after[a], NULL);
        g_autofree char *p2 = g_strconcat (shared, after[a], NULL);

        g_assert_cmpint (match_end (p2, subjects[s]), ==,
                         match_end (p1, subjects[s]));
      }
}

static void
test_shape (void)
{
  const char *literals[] = { "two", "twelve", "three", "t", NULL };
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  g_autofree char *regex = NULL;

  for (guint i = 0; literals[i]; i++)
    g_ptr_array_add (list, (gpointer) literals[i]);
  regex = dl_literals_regex (list);
  /* One branch for the shared "t", its own end last. */
  g_assert_cmpstr (regex, ==, "(?:t(?:w(?:o|elve)|hree|))");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/literals/same-matches", test_same_matches);
  g_test_add_func ("/literals/shape", test_shape);
  return g_test_run ();
}
