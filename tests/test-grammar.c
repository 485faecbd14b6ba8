/* Unit tests of the grammar loader and matcher on small grammars written to
 * a temporary directory, and a check that the embedded grammar is the one in
 * the source tree. */
#include "dl-data.h"
#include "dl-record.h"
#include "dl-test-util.h"
#include "grammar.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *month_txt = "january\t01\njan.\t01\nmay\t05\n";
static const char *good_rules =
    "rule month-year\n"
    "match (?:(?<mod>early)\\s+)?(?<month>%{month})\\s+(?<year>\\d{4})\n"
    "form {year}-{month}[ mod={mod|upper}]\n"
    "example [January 1998] -> 1998-01\n"
    "\n"
    "negative may-verb\n"
    "match may\\s+(?:be|have)\n"
    "example it may be\n";

/* Writes a grammar DIR/en with the given month symbol and rules; returns
 * DIR. */
static char *
write_grammar (const char *rules)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("dl-grammar-XXXXXX", &error);
  g_autofree char *symbols = g_build_filename (dir, "en", "symbols", NULL);
  g_autofree char *rule_dir = g_build_filename (dir, "en", "rules", NULL);
  g_autofree char *month = g_build_filename (symbols, "month.txt", NULL);
  g_autofree char *file = g_build_filename (rule_dir, "test.rules", NULL);

  g_assert_no_error (error);
  g_mkdir_with_parents (symbols, 0700);
  g_mkdir_with_parents (rule_dir, 0700);
  g_file_set_contents (month, month_txt, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (file, rules, -1, &error);
  g_assert_no_error (error);
  return dir;
}

static DlGrammar *
load (const char *rules, GError **error)
{
  g_autofree char *dir = write_grammar (rules);
  DlGrammarOptions options = { dir, NULL, FALSE };

  return dl_grammar_load (&options, error);
}

static void
test_loads_and_matches (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (good_rules, &error);
  const char *text = "It may be that in JAN.  1998 or early january\n2001";
  g_autoptr (GArray) matches = NULL;
  DlMatch *m;

  g_assert_no_error (error);
  matches = dl_grammar_match (grammar, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);
  m = &g_array_index (matches, DlMatch, 0);
  g_assert_cmpstr (m->form, ==, "1998-01");
  g_assert_cmpuint (m->start, ==, 18);
  g_assert_cmpuint (m->end, ==, 28);
  m = &g_array_index (matches, DlMatch, 1);
  g_assert_cmpstr (m->form, ==, "2001-01 mod=EARLY");
  g_assert_cmpstr (m->rule, ==, "month-year");
  g_assert_cmpuint (dl_grammar_examples (grammar)->len, ==, 2);
}

static void
test_word_boundaries (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (good_rules, &error);
  const char *text = "xjanuary 1998 january 19981";
  g_autoptr (GArray) matches = dl_grammar_match (grammar, text, strlen (text),
                                                 &error);

  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);
}

static void
test_longest_wins (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (
      "rule month\nmatch (?<month>%{month})\nform UNDEF-year-{month}\n"
      "example [may] -> UNDEF-year-05\n\n"
      "rule month-year\nmatch (?<month>%{month})\\s+(?<year>\\d{4})\n"
      "form {year}-{month}\nexample [may 1998] -> 1998-05\n",
      &error);
  const char *text = "january 1998, january";
  g_autoptr (GArray) matches = dl_grammar_match (grammar, text, strlen (text),
                                                 &error);

  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpstr (g_array_index (matches, DlMatch, 0).form, ==, "1998-01");
  g_assert_cmpstr (g_array_index (matches, DlMatch, 1).form, ==,
                   "UNDEF-year-01");
}

/* Matches text twice, the second time from what the index remembers of
 * the first: both give forms, in order. */
static void
assert_forms_twice (DlGrammar *grammar, const char *text,
                    const char *const *forms, guint n)
{
  for (int round = 0; round < 2; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GArray) matches = dl_grammar_match (grammar, text,
                                                     strlen (text), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (matches->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (g_array_index (matches, DlMatch, i).form, ==,
                         forms[i]);
    }
}

/* Rules that begin with the same words are told apart by the tokens after
 * them, a token at a time and remembered: the same text matched twice (the
 * second time from what the index remembers) gives the same matches, each
 * by the rule whose words the text has. */
static void
test_narrowed_by_tokens (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (
      "rule quarter\nmatch the\\s+first\\s+quarter\nform Q1\n"
      "example [the first quarter] -> Q1\n\n"
      "rule half\nmatch the\\s+first\\s+half\nform H1\n"
      "example [the first half] -> H1\n\n"
      "rule week-of\nmatch the\\s+first\\s+week\\s+of\\s+may\nform W1\n"
      "example [the first week of may] -> W1\n\n"
      "rule week\nmatch the\\s+(?:first\\s+)?week\\b\nform W\n"
      "example [the first week] -> W\n",
      &error);
  const char *text = "the first quarter, the first half, the first week of "
                     "may, the first week of june, the first  quarter, the "
                     "first\nhalf, the first, the week, the first.half";
  const char *const forms[] = { "Q1", "H1", "W1", "W", "Q1", "H1", "W" };

  g_assert_no_error (error);
  assert_forms_twice (grammar, text, forms, G_N_ELEMENTS (forms));
}

/* The grammar of the number tests: rules that count, told apart by the
 * word after the number. */
static const char counting_rules[] =
    "rule days\nmatch (?:more\\s+than\\s+)?(?<n>[\\d,]+)\\s+days\n"
    "form D{n}\nexample [more than 3 days] -> D3\n\n"
    "rule years\nmatch (?:more\\s+than\\s+)?(?<n>[\\d,]+)\\s+years\n"
    "form Y{n}\nexample [more than 3 years] -> Y3\n\n"
    "rule percent\nmatch (?:more\\s+than\\s+)?(?<n>\\d+)%\n"
    "form PCT{n}\nexample [more than 12%] -> PCT12\n\n"
    "rule often\nmatch more\\s+often\nform OFTEN\n"
    "example [more often] -> OFTEN\n";

/* A text of the counting rules' mentions and of words and numbers that
 * begin them and go on otherwise, with the forms it gives. */
static const char counting_text[] =
    "more than 100 days, more than 1,000 years, more than 100 people, "
    "more than 12%, more often, 3,000 days, 3,000 cars, 3,000 years, more "
    "than 123456789012345678901234 days";
static const char *const counting_forms[] = {
  "D100", "Y1,000", "PCT12", "OFTEN", "D3,000", "Y3,000",
  "D123456789012345678901234",
};

/* A number is one token of the index, its digits as written: the word
 * after it tells rules apart ("more than 1,000 years" from "more than
 * 1,000 days"), as when the number comes first, and a number too long to
 * remember is tried against every rule its word allows. */
static void
test_number_as_token (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (counting_rules, &error);

  g_assert_no_error (error);
  assert_forms_twice (grammar, counting_text, counting_forms,
                      G_N_ELEMENTS (counting_forms));
}

/* The index remembers a bounded number of words, numbers and tokens after
 * them; once full, a new one tries every rule its first bytes allow, and
 * the matches are the same.  260,000 distinct numbers, each followed by a
 * word of its own, pass both limits (grammar-match.c). */
static void
test_index_full (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (counting_rules, &error);
  g_autoptr (GString) filler = g_string_new (NULL);
  g_autoptr (GArray) matches = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 260000; i++)
    g_string_append_printf (filler, "%u x%u ", 3000000000u + i, i);
  matches = dl_grammar_match (grammar, filler->str, filler->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);
  assert_forms_twice (grammar, counting_text, counting_forms,
                      G_N_ELEMENTS (counting_forms));
}

static void
expect_load_error (const char *rules, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (rules, &error);

  g_assert_null (grammar);
  g_assert_error (error, DL_ERROR, DL_ERROR_GRAMMAR);
  if (strstr (error->message, fragment) == NULL)
    g_error ("expected \"%s\" in: %s", fragment, error->message);
}

/* Templates: an optional part is written only when all its groups took
 * part; filters convert. */
static void
test_templates (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (
      "rule t\nmatch (?<n>\\d+)(?:-(?<m>[a-z]+))?\n"
      "form P{n|num}Y[ part={m|upper}] {n|pad4}\n"
      "example [7] -> P7Y 0007\n",
      &error);
  const char *text = "it took 7 and 12-ab and 1,5";
  g_autoptr (GArray) matches = NULL;

  g_assert_no_error (error);
  matches = dl_grammar_match (grammar, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 4);
  g_assert_cmpstr (g_array_index (matches, DlMatch, 0).form, ==, "P7Y 0007");
  g_assert_cmpstr (g_array_index (matches, DlMatch, 1).form, ==,
                   "P12Y part=AB 0012");
  g_assert_cmpstr (g_array_index (matches, DlMatch, 2).form, ==, "P1Y 0001");
}

/* A case-sensitive part after the first word is tried with the case the
 * text has: the index looks words up as written. */
static void
test_case_after_number (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (
      "rule wire\nmatch (?<h>\\d\\d)(?<m>\\d\\d)\\s+(?-i:GMT)\n"
      "form T{h}:{m}Z\nexample at [1400 GMT] -> T14:00Z\n\n"
      /* Three rules begin with a number: the index narrows them by the
       * token after it. */
      "rule days\nmatch (?<n>\\d+)\\s+days\nform P{n}D\n"
      "example [3 days] -> P3D\n\n"
      "rule ad\nmatch (?<y>\\d+)\\s+AD\nform {y}\n"
      "example [800 AD] -> 800\n",
      &error);
  const char *text = "at 1400 gmt and 0735 GMT";
  g_autoptr (GArray) matches = NULL;

  g_assert_no_error (error);
  matches = dl_grammar_match (grammar, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (g_array_index (matches, DlMatch, 0).form, ==, "T07:35Z");
}

static void
test_load_errors (void)
{
  expect_load_error ("rule bad\nmatch a\nform a\n", "no example line");
  expect_load_error ("rule bad\nmatch (?<x>[a-\nform {x}\nexample a\n",
                     "does not compile");
  expect_load_error ("rule bad\nmatch %{nosuch}\nform x\nexample x\n",
                     "unknown symbol %{nosuch}");
  expect_load_error ("rule bad\nmatch (?<x>a)\nform {y}\nexample a\n",
                     "names group y");
  expect_load_error ("rule bad\nmatch (?<x>a)\nform {x|nosuch}\nexample a\n",
                     "unknown filter");
  expect_load_error ("rule bad\nmatch (?<x>a)\nform {x\nexample a\n",
                     "unclosed { in template");
  expect_load_error ("rule bad\nmatch (?<x>a)\nform [{x}\nexample a\n",
                     "unclosed [ in template");
  expect_load_error ("rule bad\nmatch a\n", "no form line");
  expect_load_error ("rule bad\nform a\n", "no match line");
  expect_load_error ("rule bad\nmatch a\nform a\nfrom a\n",
                     "unknown key \"from\"");
  expect_load_error ("match a\n", "outside a rule");
  expect_load_error ("rule a\nmatch a\nform a\nexample a\n\n"
                     "rule a\nmatch b\nform b\nexample b\n",
                     "defined twice");
  expect_load_error ("rule bad\nmatch a\nmatch b\nform a\n",
                     "two match lines");
  expect_load_error ("rule bad\nmatch a\nform a\nonly sometimes\n",
                     "only takes");
}

static void
test_error_names_file_and_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlGrammar) grammar = load (
      "# comment\n\nrule ok\nmatch a\nform a\nexample a\n\nrule bad\n"
      "match %{nope}\nform b\n",
      &error);

  g_assert_null (grammar);
  g_assert_nonnull (strstr (error->message, "test.rules:8:"));
}

/* The grammar built into the programs lists exactly the files of the source
 * tree: a new file needs `meson setup --reconfigure` to be embedded. */
static void
test_embedded_matches_source (void)
{
  g_autofree char *dir = dl_test_grammar_dir ();
  static const char *const subdirs[] = { "symbols", "rules", "tense" };

  for (gsize i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) embedded = dl_data_list (NULL, NULL, subdirs[i], &error);
      g_auto (GStrv) source = dl_data_list (dir, NULL, subdirs[i], &error);
      g_autofree char *a = NULL, *b = NULL;

      g_assert_no_error (error);
      a = g_strjoinv (" ", embedded);
      b = g_strjoinv (" ", source);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_embedded_grammar_loads (void)
{
  g_autoptr (GError) error = NULL;
  DlGrammarOptions options = { NULL, NULL, FALSE };
  g_autoptr (DlGrammar) grammar = dl_grammar_load (&options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (grammar);
}

/* A rule that can begin with any word is tried at every word of every
 * text: the shipped grammar has none. */
static void
test_no_generic_rules (void)
{
  g_autoptr (GError) error = NULL;
  DlGrammarOptions options = { NULL, NULL, FALSE };
  g_autoptr (DlGrammar) grammar = dl_grammar_load (&options, &error);
  g_autoptr (GPtrArray) generic = NULL;

  g_assert_no_error (error);
  generic = dl_grammar_generic_rules (grammar);
  for (guint i = 0; i < generic->len; i++)
    g_test_message ("rule %s can begin with any word",
                    (char *) generic->pdata[i]);
  g_assert_cmpuint (generic->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grammar/loads-and-matches", test_loads_and_matches);
  g_test_add_func ("/grammar/word-boundaries", test_word_boundaries);
  g_test_add_func ("/grammar/longest-wins", test_longest_wins);
  g_test_add_func ("/grammar/narrowed-by-tokens", test_narrowed_by_tokens);
  g_test_add_func ("/grammar/number-as-token", test_number_as_token);
  g_test_add_func ("/grammar/index-full", test_index_full);
  g_test_add_func ("/grammar/load-errors", test_load_errors);
  g_test_add_func ("/grammar/templates", test_templates);
  g_test_add_func ("/grammar/case-after-number", test_case_after_number);
  g_test_add_func ("/grammar/error-names-file-and-line",
                   test_error_names_file_and_line);
  g_test_add_func ("/grammar/embedded-matches-source",
                   test_embedded_matches_source);
  g_test_add_func ("/grammar/embedded-grammar-loads",
                   test_embedded_grammar_loads);
  g_test_add_func ("/grammar/no-generic-rules", test_no_generic_rules);
  return g_test_run ();
}
