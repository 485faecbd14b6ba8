/* test-sentence.c: sentence boundaries. */
#include <glib.h>
#include <string.h>

#include "sentence.h"

/* A small list in the form of grammar/en/abbreviations.txt. */
static const char *const abbreviations[] = {
  "dr", "mr", "mrs", "jan", "feb", "u.s", "u.k", "p.m", "a.m", "inc",
  "corp", "co", "ltd", "st", "gen", "gov", "sen", "rep", "no", "vs", "etc",
  "e.g", "i.e", "jr", NULL,
};

static DlSentenceSplitter *splitter;

/* The sentences of text joined with "|", after checking that every span is
 * in order and neither begins nor ends with whitespace. */
static char *
split (const char *text)
{
  gsize len = strlen (text);
  g_autoptr (GArray) spans = dl_sentence_splitter_split (splitter, text, len);
  g_autoptr (GString) out = g_string_new (NULL);
  gsize previous_end = 0;

  for (guint k = 0; k < spans->len; k++)
    {
      DlSpan *span = &g_array_index (spans, DlSpan, k);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->start, >=, previous_end);
      g_assert_cmpuint (span->end, <=, len);
      g_assert_false (g_ascii_isspace (text[span->start]));
      g_assert_false (g_ascii_isspace (text[span->end - 1]));
      previous_end = span->end;
      if (k > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + span->start, span->end - span->start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_split(text, expected)                                        \
  G_STMT_START {                                                            \
    g_autofree char *got_ = split (text);                                   \
    g_assert_cmpstr (got_, ==, expected);                                   \
  } G_STMT_END

static void
test_simple (void)
{
  assert_split ("He left. She stayed.", "He left.|She stayed.");
  assert_split ("One.Two", "One.Two");
  assert_split ("Visit example.com today. It works.",
                "Visit example.com today.|It works.");
}

static void
test_spans (void)
{
  const char *text = "  First one.\n Second  ";
  g_autoptr (GArray) spans = dl_sentence_splitter_split (splitter, text,
                                                         strlen (text));

  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, DlSpan, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (spans, DlSpan, 0).end, ==, 12);
  g_assert_cmpuint (g_array_index (spans, DlSpan, 1).start, ==, 14);
  g_assert_cmpuint (g_array_index (spans, DlSpan, 1).end, ==, 20);
}

static void
test_abbreviations (void)
{
  assert_split ("Dr. Smith met Mr. Jones. They talked.",
                "Dr. Smith met Mr. Jones.|They talked.");
  assert_split ("On Jan. 5 the vote took place.",
                "On Jan. 5 the vote took place.");
  assert_split ("It was Smith vs. Jones. Jones won.",
                "It was Smith vs. Jones.|Jones won.");
  /* Matched regardless of case. */
  assert_split ("GEN. PATTON ARRIVED.", "GEN. PATTON ARRIVED.");
  /* Followed by a lowercase word: never an end. */
  assert_split ("Fruit, e.g. apples, sold well.",
                "Fruit, e.g. apples, sold well.");
}

static void
test_numeric_abbreviation (void)
{
  assert_split ("See No. 5 on the list. He said no. They left.",
                "See No. 5 on the list.|He said no.|They left.");
}

static void
test_decimals (void)
{
  assert_split ("Growth was 3.5 percent. Prices rose 0.2 points.",
                "Growth was 3.5 percent.|Prices rose 0.2 points.");
  assert_split ("It happened in 1990. 2001 was different.",
                "It happened in 1990.|2001 was different.");
}

static void
test_initials (void)
{
  assert_split ("J. Smith and George W. Bush met. They talked.",
                "J. Smith and George W. Bush met.|They talked.");
  assert_split ("J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it.");
  assert_split ("J. A. Smith came.", "J. A. Smith came.");
  /* A capital letter that ends a sentence. */
  assert_split ("It ended World War I. The peace was signed.",
                "It ended World War I.|The peace was signed.");
}

static void
test_quotes (void)
{
  assert_split ("He said, \"We won.\" Then he left.",
                "He said, \"We won.\"|Then he left.");
  assert_split ("(See above.) The end.", "(See above.)|The end.");
  assert_split ("\xE2\x80\x9CWe won.\xE2\x80\x9D She smiled.",
                "\xE2\x80\x9CWe won.\xE2\x80\x9D|She smiled.");
  assert_split ("He said 'no.' \"Yes,\" she said.",
                "He said 'no.'|\"Yes,\" she said.");
  assert_split ("It ended. \xE2\x80\x9CGood,\xE2\x80\x9D he said.",
                "It ended.|\xE2\x80\x9CGood,\xE2\x80\x9D he said.");
}

static void
test_question_exclamation (void)
{
  assert_split ("Really?! Yes. Wow!", "Really?!|Yes.|Wow!");
  /* A lowercase word after the quote: the sentence goes on. */
  assert_split ("\"Why?\" he asked.", "\"Why?\" he asked.");
}

static void
test_headlines (void)
{
  assert_split ("Markets Rally\n\nStocks rose on Monday.",
                "Markets Rally|Stocks rose on Monday.");
  assert_split ("Title\n  \t\r\nBody text", "Title|Body text");
  /* Even after an abbreviation. */
  assert_split ("Meet Dr.\n\nSmith", "Meet Dr.|Smith");
}

static void
test_single_newline (void)
{
  assert_split ("The market\nrose today.\r\nIt fell later.",
                "The market\nrose today.|It fell later.");
}

/* Issue 8: a log, a list or a table without full stops was one sentence,
 * which every mention repeated. */
static void
test_lines (void)
{
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);
  g_autoptr (GString) wide = g_string_new (NULL);
  g_autofree char *got = NULL;
  g_autofree char *got_wide = NULL;
  g_autofree char *line = g_strnfill (150, 'x');

  for (int k = 0; k < 20; k++)
    {
      g_string_append_printf (log, "2021-03-%02d 10:00 server restarted\n",
                              k + 1);
      g_string_append_printf (want, "%s2021-03-%02d 10:00 server restarted",
                              k ? "|" : "", k + 1);
    }
  got = split (log->str);
  g_assert_cmpstr (got, ==, want->str);
  /* A few long lines: the bytes, not the count of lines, tell. */
  for (int k = 0; k < 3; k++)
    g_string_append_printf (wide, "%s word %s\n", line, line);
  got_wide = split (wide->str);
  g_assert_cmpuint (strlen (got_wide), ==, wide->len - 1);
  g_assert_nonnull (strchr (got_wide, '|'));
  g_assert_null (strchr (got_wide, '\n'));
  /* A stop or a blank line ends a stretch: after it, lines are prose
   * again. */
  assert_split ("a\nb\nc\nd\ne\nf\ng\nThe market\nrose. It\nfell.",
                "a|b|c|d|e|f|g|The market|rose.|It\nfell.");
  assert_split ("a\nb\nc\nd\ne\nf\ng\n\nThe market\nrose.",
                "a|b|c|d|e|f|g|The market\nrose.");
  /* A short stretch may be one wrapped sentence, or a heading. */
  assert_split ("Key dates\nMarch 2020 lockdown\nJune 2020 reopening",
                "Key dates\nMarch 2020 lockdown\nJune 2020 reopening");
}

/* Hard-wrapped prose keeps its sentences, however its lines fall. */
static void
test_wrapped_prose (void)
{
  assert_split (
      "The thrift holding company said it expects to obtain regulatory\n"
      "approval and complete the transaction by year-end, after a vote of\n"
      "its shareholders that was set for a special meeting in Seattle on\n"
      "Jan. 12, and that its board had approved the offer unanimously at a\n"
      "meeting held late on Tuesday. Shares rose\n"
      "sharply.",
      "The thrift holding company said it expects to obtain regulatory\n"
      "approval and complete the transaction by year-end, after a vote of\n"
      "its shareholders that was set for a special meeting in Seattle on\n"
      "Jan. 12, and that its board had approved the offer unanimously at a\n"
      "meeting held late on Tuesday.|Shares rose\nsharply.");
}

/* A line that begins with a bullet begins a sentence. */
static void
test_bullets (void)
{
  assert_split ("Key dates:\n- March 5: launch\n- April 2: review\n"
                "* May 1: the vote\n\xE2\x80\xA2 June: results",
                "Key dates:|- March 5: launch|- April 2: review|"
                "* May 1: the vote|\xE2\x80\xA2 June: results");
  /* A wrapped item stays one; a dash inside a line is no bullet. */
  assert_split ("- the launch, set for\nMarch 5 - or later\n- the review",
                "- the launch, set for\nMarch 5 - or later|- the review");
}

static void
test_us_mid_sentence (void)
{
  assert_split ("The U.S. Army said so.", "The U.S. Army said so.");
  assert_split ("Apple Inc. Chairman Smith spoke.",
                "Apple Inc. Chairman Smith spoke.");
  assert_split ("U.S. officials met in the U.K. capital.",
                "U.S. officials met in the U.K. capital.");
}

static void
test_us_at_end (void)
{
  assert_split ("He visited the U.S. The trip was long.",
                "He visited the U.S.|The trip was long.");
  assert_split ("He works at Apple Inc. He likes it.",
                "He works at Apple Inc.|He likes it.");
  assert_split ("Apples, pears etc. But not plums.",
                "Apples, pears etc.|But not plums.");
  assert_split ("He moved to the U.S.", "He moved to the U.S.");
}

static void
test_times (void)
{
  assert_split ("It ended at 5 p.m. The crowd left.",
                "It ended at 5 p.m.|The crowd left.");
  assert_split ("It starts at 9 a.m. Monday.", "It starts at 9 a.m. Monday.");
}

static void
test_ellipsis (void)
{
  assert_split ("Wait... What happened?", "Wait...|What happened?");
  assert_split ("He paused ... and went on.", "He paused ... and went on.");
  assert_split ("And then...", "And then...");
}

static void
test_empty (void)
{
  g_autoptr (GArray) spans = dl_sentence_splitter_split (splitter, NULL, 0);

  g_assert_cmpuint (spans->len, ==, 0);
  assert_split ("", "");
  assert_split ("  \n\n \t ", "");
}

static void
test_no_stop (void)
{
  assert_split ("no full stop here", "no full stop here");
  assert_split ("  padded text \n", "padded text");
}

static void
test_non_ascii (void)
{
  /* An uppercase letter beyond ASCII begins a sentence. */
  assert_split ("It ended. \xC3\x89mile left.",
                "It ended.|\xC3\x89mile left.");
  /* "café." is not the abbreviation "f". */
  assert_split ("At the caf\xC3\xA9. The end.",
                "At the caf\xC3\xA9.|The end.");
  assert_split ("Closing \xC2\xBBquote.\xC2\xBB Next.",
                "Closing \xC2\xBBquote.\xC2\xBB|Next.");
}

static void
test_blanked_markup (void)
{
  /* As in the scan of a TimeML document: tags are spaces. */
  assert_split ("It rose on          Monday       .     Then it fell.",
                "It rose on          Monday       .|Then it fell.");
}

static void
test_large (void)
{
  const char *unit = "Dr. Smith said it rose 3.5 percent. ";
  gsize n = 100000;
  g_autoptr (GString) text = g_string_sized_new (n * strlen (unit));
  g_autoptr (GArray) spans = NULL;
  g_autofree char *dots = g_strnfill (1000000, '.');
  g_autofree char *spaces = g_strnfill (1000000, ' ');
  g_autoptr (GArray) dot_spans = NULL;
  g_autoptr (GArray) space_spans = NULL;

  for (gsize k = 0; k < n; k++)
    g_string_append (text, unit);
  spans = dl_sentence_splitter_split (splitter, text->str, text->len);
  g_assert_cmpuint (spans->len, ==, n);
  g_assert_cmpuint (g_array_index (spans, DlSpan, n - 1).end, ==,
                    text->len - 1);

  dot_spans = dl_sentence_splitter_split (splitter, dots, 1000000);
  g_assert_cmpuint (dot_spans->len, ==, 1);
  space_spans = dl_sentence_splitter_split (splitter, spaces, 1000000);
  g_assert_cmpuint (space_spans->len, ==, 0);
}

/* The shipped list, read as the grammar loader reads it. */
static void
test_shipped_list (void)
{
  const char *root = g_getenv ("DATELINE_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  g_autoptr (DlSentenceSplitter) shipped = NULL;
  g_autoptr (GArray) spans = NULL;
  const char *text = "Gov. Smith of Calif. met Sen. Jones at 3 p.m. The U.S. "
                     "Navy and Acme Corp. agreed. It was Dec. 5.";

  if (root == NULL)
    {
      g_test_skip ("DATELINE_SOURCE_ROOT not set");
      return;
    }
  path = g_build_filename (root, "grammar", "en", "abbreviations.txt", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      char *line = g_strstrip (lines[k]);
      g_autofree char *lower = g_ascii_strdown (line, -1);

      if (line[0] == '\0' || line[0] == '#')
        continue;
      g_assert_cmpstr (line, ==, lower);
      g_assert_false (g_str_has_suffix (line, "."));
      g_ptr_array_add (words, line);
    }
  g_assert_cmpuint (words->len, >=, 80);
  g_ptr_array_add (words, NULL);
  shipped = dl_sentence_splitter_new ((const char *const *) words->pdata);
  spans = dl_sentence_splitter_split (shipped, text, strlen (text));
  g_assert_cmpuint (spans->len, ==, 3);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  splitter = dl_sentence_splitter_new (abbreviations);
  g_test_add_func ("/sentence/simple", test_simple);
  g_test_add_func ("/sentence/spans", test_spans);
  g_test_add_func ("/sentence/abbreviations", test_abbreviations);
  g_test_add_func ("/sentence/numeric-abbreviation",
                   test_numeric_abbreviation);
  g_test_add_func ("/sentence/decimals", test_decimals);
  g_test_add_func ("/sentence/initials", test_initials);
  g_test_add_func ("/sentence/quotes", test_quotes);
  g_test_add_func ("/sentence/question-exclamation",
                   test_question_exclamation);
  g_test_add_func ("/sentence/headlines", test_headlines);
  g_test_add_func ("/sentence/single-newline", test_single_newline);
  g_test_add_func ("/sentence/lines", test_lines);
  g_test_add_func ("/sentence/wrapped-prose", test_wrapped_prose);
  g_test_add_func ("/sentence/bullets", test_bullets);
  g_test_add_func ("/sentence/us-mid-sentence", test_us_mid_sentence);
  g_test_add_func ("/sentence/us-at-end", test_us_at_end);
  g_test_add_func ("/sentence/times", test_times);
  g_test_add_func ("/sentence/ellipsis", test_ellipsis);
  g_test_add_func ("/sentence/empty", test_empty);
  g_test_add_func ("/sentence/no-stop", test_no_stop);
  g_test_add_func ("/sentence/non-ascii", test_non_ascii);
  g_test_add_func ("/sentence/blanked-markup", test_blanked_markup);
  g_test_add_func ("/sentence/large", test_large);
  g_test_add_func ("/sentence/shipped-list", test_shipped_list);
  status = g_test_run ();
  dl_sentence_splitter_free (splitter);
  return status;
}
