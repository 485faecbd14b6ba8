/* test-clause.c: the context window and the clause that carries a date. */
#include <glib.h>
#include <string.h>

#include "clause.h"

static DlClauseRules *rules;

/* text with its mentions in [brackets], taken out; the matches in *matches. */
static char *
unmark (const char *marked, GArray **matches)
{
  GString *text = g_string_new (NULL);
  DlMatch m = { 0 };

  *matches = g_array_new (FALSE, TRUE, sizeof (DlMatch));
  for (const char *p = marked; *p; p++)
    if (*p == '[')
      m.start = text->len;
    else if (*p == ']')
      {
        m.end = text->len;
        g_array_append_val (*matches, m);
      }
    else
      g_string_append_c (text, *p);
  return g_string_free (text, FALSE);
}

/* The event of the index-th mention of marked, as a string. */
static char *
event_of (const char *marked, guint index)
{
  g_autoptr (GArray) matches = NULL;
  g_autofree char *text = unmark (marked, &matches);
  DlSpan window = { 0, strlen (text) };
  DlSpan clause = dl_clause_find (rules, text, window, matches, index);

  const DlMatch *m = &g_array_index (matches, DlMatch, index);

  g_assert_cmpuint (clause.start, <=, m->start);
  g_assert_cmpuint (clause.end, >=, m->end);
  return g_strndup (text + clause.start, clause.end - clause.start);
}

#define assert_event(marked, index, expected)                               \
  G_STMT_START {                                                            \
    g_autofree char *got_ = event_of (marked, index);                       \
    g_assert_cmpstr (got_, ==, expected);                                   \
  } G_STMT_END

/* One clauses object refilled sentence after sentence, long and short,
 * finds what new ones find: nothing of the sentence before is left. */
static void
test_refill (void)
{
  const char *marked[] = {
    "After the strike of [2019], which closed the port for [three weeks], "
    "the authority, its crews idle, opened a review office; it reported "
    "in [March 2020] that contracts were lost, and closed in [2021].",
    "It closed in [May].",
    "[Last year] the office, which was new, hired staff, and [in June] it "
    "moved.",
    "[2022].",
  };
  DlClauses *reused = NULL;

  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < G_N_ELEMENTS (marked); k++)
      {
        g_autoptr (GArray) matches = NULL;
        g_autofree char *text = unmark (marked[k], &matches);
        DlSpan window = { 0, strlen (text) };

        if (reused == NULL)
          reused = dl_clauses_new (rules, text, window, matches, 0);
        else
          dl_clauses_refill (reused, text, window, matches, 0);
        for (guint i = 0; i < matches->len; i++)
          {
            const DlMatch *m = &g_array_index (matches, DlMatch, i);
            DlSpan want = dl_clause_find (rules, text, window, matches, i);
            DlSpan got = dl_clauses_find (reused, m);

            g_assert_cmpuint (got.start, ==, want.start);
            g_assert_cmpuint (got.end, ==, want.end);
          }
      }
  dl_clauses_free (reused);
}

/* The example of issue 9, in words of our own. */
static void
test_semicolon_and_comma (void)
{
  const char *s = "The rivalry was visible even before the [2019] harbour "
                  "strike; the authority opened a review office, \"Lantern-2,\" "
                  "just [five days prior], to watch for lost contracts while "
                  "its crews were idle.";

  assert_event (s, 0, "The rivalry was visible even before the 2019 harbour "
                      "strike");
  assert_event (s, 1, "the authority opened a review office, \"Lantern-2,\" "
                      "just five days prior");
}

static void
test_conjunctions (void)
{
  const char *s = "He was born in [1950], and he died in [2010].";

  assert_event (s, 0, "He was born in 1950");
  assert_event (s, 1, "he died in 2010");
  assert_event ("Sales fell in [2020] because demand collapsed in [March].",
                1, "demand collapsed in March");
  assert_event ("Sales rose while prices fell in [May].", 0,
                "prices fell in May");
}

static void
test_relative (void)
{
  const char *s = "Dr. Ruth Okafor, who led the review in [the 1990s], said "
                  "so.";

  assert_event (s, 0, "who led the review in the 1990s");
  /* An aside between commas: the clause goes on after it. */
  assert_event ("Its [2021] chart, which renamed several channels, added to "
                "the concern.", 0,
                "Its 2021 chart, which renamed several channels, added to "
                "the concern");
  /* A mention after the aside: the clause starts before it. */
  assert_event ("It began in 2019; the contractor, which was founded in "
                "1987, stopped it [three weeks later], when the money ran out.",
                0, "the contractor, which was founded in 1987, stopped it "
                   "three weeks later");
  assert_event ("The firm, founded in [1990], moved.", 0,
                "The firm, founded in 1990");
}

/* A clause of nothing but the date takes in the next one. */
static void
test_date_only (void)
{
  assert_event ("In [2019], the firm moved; it grew.", 0,
                "In 2019, the firm moved");
  assert_event ("On [March 3, 2022], Smith, 45, was arrested.", 0,
                "On March 3, 2022, Smith, 45, was arrested");
  assert_event ("From [2001] to [2009], he led the firm.", 1,
                "From 2001 to 2009, he led the firm");
  /* Else the one before. */
  assert_event ("The plant closed; in [2019].", 0, "The plant closed; in 2019");
  /* Nothing but a date: the date alone. */
  assert_event ("Updated: [March 5, 2021]", 0, "March 5, 2021");
  assert_event ("Posted on [5 March 2021].", 0, "5 March 2021");
}

static void
test_edges (void)
{
  /* The final stop goes, but not an abbreviation's. */
  assert_event ("She moved to the U.S. in [1990].", 0,
                "She moved to the U.S. in 1990");
  assert_event ("In [1990] she moved to the U.S.", 0,
                "In 1990 she moved to the U.S.");
  /* A quote the clause does not close. */
  assert_event ("He said: \"We left in [May].\"", 0, "We left in May");
  /* Times and ranges are no breaks. */
  assert_event ("The 2019-2020 season ended at [10:00] on a Sunday.", 0,
                "The 2019-2020 season ended at 10:00 on a Sunday");
  /* A dash between spaces is one. */
  assert_event ("The vote came in [June] - a month late - and passed.", 0,
                "The vote came in June");
}

static void
test_window_short (void)
{
  const char *text = "A short sentence in 2019.";
  DlSpan sentence = { 0, strlen (text) };
  DlSpan mention = { 20, 24 };
  DlSpan window = dl_context_window (text, sentence, mention, 320);

  g_assert_cmpuint (window.start, ==, 0);
  g_assert_cmpuint (window.end, ==, sentence.end);
  g_assert_true (dl_context_fits (text, sentence, 320));
}

/* Issue 8: a sentence of megabytes made every row carry it. */
static void
test_window_long (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  DlSpan sentence, mention, window;
  gsize at;

  for (int k = 0; k < 20000; k++)
    g_string_append_printf (text, "%d ", k);
  at = text->len;
  g_string_append (text, "in March 2021 ");
  for (int k = 0; k < 20000; k++)
    g_string_append_printf (text, "word%d ", k);
  sentence = (DlSpan) { 0, text->len - 1 };
  mention = (DlSpan) { at + 3, at + 13 };
  window = dl_context_window (text->str, sentence, mention, 320);
  g_assert_false (dl_context_fits (text->str, sentence, 320));
  g_assert_cmpuint (window.end - window.start, <=, 320);
  g_assert_cmpuint (window.end - window.start, >=, 280);
  g_assert_cmpuint (window.start, <=, mention.start);
  g_assert_cmpuint (window.end, >=, mention.end);
  /* Cut at spaces. */
  g_assert_true (text->str[window.start - 1] == ' ');
  g_assert_true (text->str[window.end] == ' ');
  /* At the start of the sentence, the rest of the budget goes after. */
  mention = (DlSpan) { 0, 1 };
  window = dl_context_window (text->str, sentence, mention, 320);
  g_assert_cmpuint (window.start, ==, 0);
  g_assert_cmpuint (window.end, >=, 280);
  g_assert_cmpuint (window.end, <=, 320);
}

/* Blank markup and runs of space count one byte: a TimeML sentence with
 * long tags keeps as much text as plain text would. */
static void
test_window_spaces (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  DlSpan sentence, mention, window;

  for (int k = 0; k < 200; k++)
    g_string_append (text, "word                    ");
  sentence = (DlSpan) { 0, text->len - 1 };
  mention = (DlSpan) { 100 * 24, 100 * 24 + 4 };
  window = dl_context_window (text->str, sentence, mention, 320);
  g_assert_cmpuint (window.end - window.start, >, 320 * 3);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  rules = dl_clause_rules_load (NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/clause/semicolon-and-comma", test_semicolon_and_comma);
  g_test_add_func ("/clause/refill", test_refill);
  g_test_add_func ("/clause/conjunctions", test_conjunctions);
  g_test_add_func ("/clause/relative", test_relative);
  g_test_add_func ("/clause/date-only", test_date_only);
  g_test_add_func ("/clause/edges", test_edges);
  g_test_add_func ("/clause/window-short", test_window_short);
  g_test_add_func ("/clause/window-long", test_window_long);
  g_test_add_func ("/clause/window-spaces", test_window_spaces);
  status = g_test_run ();
  dl_clause_rules_free (rules);
  return status;
}
