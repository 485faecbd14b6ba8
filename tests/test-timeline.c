/* Unit tests of the timeline stage: labels, event words, the merge. */
#include "dl-test-util.h"
#include "label.h"
#include "timeline.h"
#include "words.h"

#include <string.h>

static DlWordLists *lists;

static void
test_stems_meet (void)
{
  static const char *const groups[][4] = {
    { "deliveries", "delivered", "delivery", "delivering" },
    { "announced", "announce", "announcement", "announces" },
    { "stopped", "stop", "stops", "stopping" },
    { "companies", "company", "company", "companies" },
    { "raised", "raise", "raises", "raising" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *first = dl_word_stem (lists, groups[i][0]);

      for (gsize j = 1; j < 4; j++)
        {
          g_autofree char *other = dl_word_stem (lists, groups[i][j]);
          g_assert_cmpstr (other, ==, first);
        }
    }
  /* Words that end in s without being plural keep it. */
  {
    g_autofree char *business = dl_word_stem (lists, "business");
    g_autofree char *crisis = dl_word_stem (lists, "crisis");
    g_assert_cmpstr (business, ==, "business");
    g_assert_cmpstr (crisis, ==, "crisis");
  }
}

static void
test_event_words (void)
{
  g_autofree DlWords *a = dl_words_of (
      lists, "The first deliveries of the new trams reached the depot in "
             "March 2021.", "March 2021");
  g_autofree DlWords *b = dl_words_of (
      lists, "Tram delivered to the depot on 3 March 2021, officials said.",
      "3 March 2021");
  g_autofree DlWords *c = dl_words_of (
      lists, "The council raised parking fees in March 2021.", "March 2021");
  g_autofree DlWords *none = dl_words_of (lists, "It was 2021.", "2021");
  guint shared = 0;

  /* deliver, tram, depot; the date's words and stop words are gone. */
  g_assert_cmpfloat (dl_words_similarity (a, b, 2, &shared), >, 0.5);
  g_assert_cmpuint (shared, ==, 3);
  g_assert_cmpfloat (dl_words_similarity (a, c, 2, NULL), ==, 0);
  g_assert_cmpuint (none->n, ==, 0);
  /* Casefolded, accents kept: "Zürich" and "ZÜRICH" meet. */
  {
    g_autofree DlWords *x = dl_words_of (lists, "Zürich flood", "");
    g_autofree DlWords *y = dl_words_of (lists, "ZÜRICH FLOODS", "");
    g_assert_cmpfloat (dl_words_similarity (x, y, 2, NULL), ==, 1.0);
  }
}

/* A set of event words is sorted and has each word once, whether the
 * event has a few words or very many (past the sort of short sets), and
 * whatever their order in the text. */
static void
assert_set (const DlWords *words)
{
  for (guint i = 1; i < words->n; i++)
    g_assert_cmpuint (words->hash[i - 1], <, words->hash[i]);
}

static void
test_event_words_sorted (void)
{
  g_autoptr (GString) forward = g_string_new (NULL);
  g_autoptr (GString) backward = g_string_new (NULL);
  g_autofree DlWords *few = dl_words_of (
      lists, "trams trams depot council depot zebra apple", "");
  g_autofree DlWords *a = NULL;
  g_autofree DlWords *b = NULL;

  assert_set (few);
  g_assert_cmpuint (few->n, ==, 5);
  /* 100 distinct made-up words ("wqa", "wqb", ...), then backwards. */
  for (int i = 0; i < 100; i++)
    g_string_append_printf (forward, "wq%c%c ", 'a' + i / 26, 'a' + i % 26);
  for (int i = 99; i >= 0; i--)
    g_string_append_printf (backward, "WQ%c%c, ", 'a' + i / 26, 'a' + i % 26);
  a = dl_words_of (lists, forward->str, "");
  b = dl_words_of (lists, backward->str, "");
  assert_set (a);
  /* (Some stem alike: "wqas" and "wqa".) */
  g_assert_cmpuint (a->n, >, 64);
  g_assert_cmpmem (a->hash, a->n * sizeof (guint32), b->hash,
                   b->n * sizeof (guint32));
}

/* Each word's stem is remembered after its first reading: the words of an
 * event read again are the same set, and a word longer than the memory's
 * keys, or a word of the mention, is read as before. */
static void
test_event_words_remembered (void)
{
  const char *event = "Officials announced the internationalization "
                      "of deliveries, announcing more deliveries in May.";

  for (int round = 0; round < 3; round++)
    {
      g_autofree DlWords *first = dl_words_of (lists, event, "May");
      g_autofree DlWords *again = dl_words_of (lists, event, "May");
      g_autofree DlWords *short_one = dl_words_of (
          lists, "the internationalization of a delivery", "");

      g_assert_cmpuint (first->n, ==, again->n);
      g_assert_cmpmem (first->hash, first->n * sizeof (guint32), again->hash,
                       again->n * sizeof (guint32));
      /* Four content words ("announced" is a stop word, "May" the
       * date's), two of them shared with the other event, one of those
       * too long to be remembered. */
      g_assert_cmpuint (first->n, ==, 4);
      g_assert_cmpfloat (dl_words_similarity (first, short_one, 2, NULL), >,
                         0.5);
    }
}

static void
test_duration_words (void)
{
  static const struct { const char *value, *mod, *when; } cases[] = {
    { "P6M", "APPROX", "about six months" },
    { "P1Y", "", "one year" },
    { "P2Y6M", "", "two years and six months" },
    { "PT1M30S", "", "one minute and 30 seconds" },
    { "P100Y", "MORE_THAN", "more than 100 years" },
    { "PXY", "", "years" },
    { "P1.5Y", "LESS_THAN", "less than 1.5 years" },
    { "P2DE", "", "two decades" },
    { "P3Q", "EQUAL_OR_MORE", "at least three quarters" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (DlRecord) record = dl_record_new ();
      g_autofree char *when = NULL;

      dl_record_set (record, DL_COL_TYPE, "DURATION");
      dl_record_set (record, DL_COL_VALUE, cases[i].value);
      dl_record_set (record, DL_COL_MOD, cases[i].mod);
      dl_record_set (record, DL_COL_CERTAINTY, "exact");
      dl_record_set (record, DL_COL_MENTION, "the words");
      when = dl_timeline_when (record);
      g_assert_cmpstr (when, ==, cases[i].when);
    }
}

/* A part of a period goes inside its "the"; "by", "before", "around"
 * go before it. */
static void
test_value_labels (void)
{
  static const struct { const char *value, *mod, *when; } cases[] = {
    { "199", "START", "the early 1990s" },
    { "17", "MID", "the mid 18th century" },
    { "199", "ON_OR_BEFORE", "by the 1990s" },
    { "04", "ON_OR_BEFORE", "by the 5th century" },
    { "18", "BEFORE", "before the 19th century" },
    { "195", "AFTER", "after the 1950s" },
    { "199", "APPROX", "around the 1990s" },
    { "2023", "END", "late 2023" },
    { "2022", "BEFORE", "before 2022" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *when = dl_timeline_label (cases[i].value, cases[i].mod);
      g_assert_cmpstr (when, ==, cases[i].when);
    }
}

/* A value with no words of its own is named by its mention. */
static void
test_when_falls_back_to_mention (void)
{
  g_autoptr (DlRecord) record = dl_record_new ();
  g_autofree char *when = NULL;

  dl_record_set (record, DL_COL_TYPE, "DATE");
  dl_record_set (record, DL_COL_VALUE, "XXXX-XX");
  dl_record_set (record, DL_COL_CERTAINTY, "exact");
  dl_record_set (record, DL_COL_MENTION, "that month");
  when = dl_timeline_when (record);
  g_assert_cmpstr (when, ==, "that month");
}

static DlRecord *
ranges_row (const char *doc, const char *line, const char *context,
            const char *mention, const char *earliest, const char *latest,
            const char *granularity)
{
  DlRecord *record = dl_record_new ();

  dl_record_set (record, DL_COL_DOC, doc);
  dl_record_set (record, DL_COL_START, "0");
  dl_record_set (record, DL_COL_END, "4");
  dl_record_set (record, DL_COL_LINE, line);
  dl_record_set (record, DL_COL_SENTENCE, line);
  dl_record_set (record, DL_COL_MENTION, mention);
  dl_record_set (record, DL_COL_FORM, "x");
  dl_record_set (record, DL_COL_CONTEXT, context);
  dl_record_set (record, DL_COL_TYPE, "DATE");
  dl_record_set (record, DL_COL_VALUE, "2021");
  dl_record_set (record, DL_COL_EARLIEST, earliest);
  dl_record_set (record, DL_COL_LATEST, latest);
  dl_record_set (record, DL_COL_GRANULARITY, granularity);
  dl_record_set (record, DL_COL_CERTAINTY, "exact");
  return record;
}

static gboolean
collect (DlRecord *record, gpointer data, GError **error)
{
  (void) error;
  g_ptr_array_add (data, record);
  return TRUE;
}

/* Reports of one event merge into the days all of them allow; an event
 * with other words, or a range that does not overlap, stays apart. */
static void
test_merge (void)
{
  DlTimelineOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTimeline) timeline = dl_timeline_new (&options, &error);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (
      (GDestroyNotify) dl_record_free);
  DlRecord *merged;

  g_assert_no_error (error);
  g_assert_true (dl_timeline_sink (ranges_row ("a.txt", "12",
      "The harbour authority opened the new ferry terminal in spring 2021.",
      "spring 2021", "2021-03-01", "2021-05-31", "season"), timeline, &error));
  g_assert_true (dl_timeline_sink (ranges_row ("b.txt", "40",
      "A new ferry terminal was opened by the harbour authority.",
      "late spring", "2021-04-21", "2021-06-20", "season"), timeline, &error));
  g_assert_true (dl_timeline_sink (ranges_row ("c.txt", "2",
      "The airport opened a new runway.", "spring 2021", "2021-03-01",
      "2021-05-31", "season"), timeline, &error));
  g_assert_true (dl_timeline_sink (ranges_row ("d.txt", "5",
      "The harbour authority opened the new ferry terminal.", "2019",
      "2019-01-01", "2019-12-31", "year"), timeline, &error));
  g_assert_true (dl_timeline_finish (timeline, collect, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 3);
  merged = out->pdata[2];
  g_assert_cmpstr (dl_record_get (merged, DL_COL_SOURCE), ==,
                   "a.txt:12;b.txt:40");
  g_assert_cmpstr (dl_record_get (merged, DL_COL_SOURCES), ==, "2");
  g_assert_cmpstr (dl_record_get (merged, DL_COL_FROM), ==, "2021-04-21");
  g_assert_cmpstr (dl_record_get (merged, DL_COL_TO), ==, "2021-05-31");
  g_assert_cmpstr (dl_record_get (merged, DL_COL_WHEN), ==,
                   "between 21 April 2021 and 31 May 2021");
  g_assert_cmpstr (dl_record_get (merged, DL_COL_CERTAINTY), ==, "fuzzy");
  g_assert_nonnull (strstr (dl_record_get (merged, DL_COL_NOTE),
                            "2 reports whose ranges only overlap"));
  g_assert_cmpstr (dl_record_get (out->pdata[1], DL_COL_SOURCE), ==,
                   "c.txt:2");
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = dl_test_grammar_dir ();
  lists = dl_word_lists_load (dir, &error);
  g_assert_no_error (error);
  g_test_add_func ("/timeline/stems-meet", test_stems_meet);
  g_test_add_func ("/timeline/event-words", test_event_words);
  g_test_add_func ("/timeline/event-words-sorted", test_event_words_sorted);
  g_test_add_func ("/timeline/event-words-remembered",
                   test_event_words_remembered);
  g_test_add_func ("/timeline/duration-words", test_duration_words);
  g_test_add_func ("/timeline/value-labels", test_value_labels);
  g_test_add_func ("/timeline/when-falls-back", test_when_falls_back_to_mention);
  g_test_add_func ("/timeline/merge", test_merge);
  status = g_test_run ();
  dl_word_lists_free (lists);
  return status;
}
