/* compare.c: matches the events of two timelines one to one by the words
 * of their events, with a date gate wide enough to pair a conflict, and
 * says of each pair whether the dates agree. */
#include "compare.h"

#include "row.h"
#include "timeline.h"
#include "words.h"

#include "dl-cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  DlRecord *record;  /* a timeline record */
  gint32 lo, hi;     /* its range, open ends as in row.h */
  gint32 key;        /* the day it sorts by; DL_OPEN_END without a range */
  DlWords *words;
  guint seq;         /* its place on its side */
  gboolean matched;
} Item;

typedef struct {
  Item *a, *b;       /* either may be NULL (only in one) */
  double score;
  gint64 gap;        /* days from A's range to B's; 0 when they overlap */
} Pair;

struct _DlComparison {
  DlCompareOptions options;
  DlWordLists *lists;
  GPtrArray *sides[2]; /* Item * */
};

static void
item_free (Item *item)
{
  dl_record_free (item->record);
  g_free (item->words);
  g_free (item);
}

DlComparison *
dl_comparison_new (const DlCompareOptions *options, GError **error)
{
  g_autoptr (DlComparison) comparison = g_new0 (DlComparison, 1);

  comparison->options = *options;
  comparison->options.grammar_dir = NULL;
  comparison->lists = dl_word_lists_load (options->grammar_dir, error);
  if (comparison->lists == NULL)
    return NULL;
  for (int i = 0; i < 2; i++)
    comparison->sides[i] = g_ptr_array_new_with_free_func (
        (GDestroyNotify) item_free);
  return g_steal_pointer (&comparison);
}

void
dl_comparison_free (DlComparison *comparison)
{
  if (comparison == NULL)
    return;
  for (int i = 0; i < 2; i++)
    if (comparison->sides[i])
      g_ptr_array_unref (comparison->sides[i]);
  dl_word_lists_free (comparison->lists);
  g_free (comparison);
}

/* The julian day of a timeline day (checked by the timeline), or open. */
static gint32
julian_or (const char *text, gint32 open)
{
  GDate day;

  return dl_parse_iso_date (text, &day) ? (gint32) g_date_get_julian (&day)
                                        : open;
}

static gboolean
add (DlComparison *comparison, int side, DlRecord *record)
{
  Item *item = g_new0 (Item, 1);

  item->record = record;
  item->lo = julian_or (dl_record_get (record, DL_COL_FROM), DL_OPEN_START);
  item->hi = julian_or (dl_record_get (record, DL_COL_TO), DL_OPEN_END);
  item->key = item->lo != DL_OPEN_START ? item->lo : item->hi;
  item->words = dl_words_of (comparison->lists,
                             dl_record_get (record, DL_COL_EVENT),
                             dl_record_get (record, DL_COL_MENTION));
  item->seq = comparison->sides[side]->len;
  g_ptr_array_add (comparison->sides[side], item);
  return TRUE;
}

gboolean
dl_comparison_sink_a (DlRecord *record, gpointer comparison, GError **error)
{
  (void) error;
  return add (comparison, 0, record);
}

gboolean
dl_comparison_sink_b (DlRecord *record, gpointer comparison, GError **error)
{
  (void) error;
  return add (comparison, 1, record);
}

static gboolean
ranged (const Item *item)
{
  return item->key != DL_OPEN_END;
}

static gint64
gap_of (const Item *a, const Item *b)
{
  if (b->lo > a->hi)
    return (gint64) b->lo - a->hi;
  if (a->lo > b->hi)
    return -((gint64) a->lo - b->hi);
  return 0;
}

/* Best pairs first: most alike, then nearest in time, then in order. */
static int
by_likeness (gconstpointer pa, gconstpointer pb)
{
  const Pair *a = pa, *b = pb;

  gboolean same_a = a->a->lo == a->b->lo && a->a->hi == a->b->hi;
  gboolean same_b = b->a->lo == b->b->lo && b->a->hi == b->b->hi;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  /* Two dates of one sentence: each pairs with its own. */
  if (same_a != same_b)
    return same_a ? -1 : 1;
  if (llabs (a->gap) != llabs (b->gap))
    return llabs (a->gap) < llabs (b->gap) ? -1 : 1;
  if (a->a->seq != b->a->seq)
    return a->a->seq < b->a->seq ? -1 : 1;
  return (a->b->seq > b->b->seq) - (a->b->seq < b->b->seq);
}

/* Every pair of A and B that may tell one event: words in common (found
 * through an index of B's words, not by trying all pairs), alike enough,
 * and both without a range or both with ranges at most max_gap days
 * apart. */
static GArray *
candidates (DlComparison *comparison)
{
  GPtrArray *a_side = comparison->sides[0], *b_side = comparison->sides[1];
  g_autoptr (GHashTable) index = g_hash_table_new_full (
      g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autofree guint *stamps = g_new0 (guint, b_side->len + 1);
  g_autofree guint *hits = g_new0 (guint, b_side->len + 1);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint j = 0; j < b_side->len; j++)
    {
      Item *b = b_side->pdata[j];

      for (guint w = 0; w < b->words->n; w++)
        {
          gpointer word = GUINT_TO_POINTER (b->words->hash[w]);
          GArray *list = g_hash_table_lookup (index, word);

          if (list == NULL)
            g_hash_table_insert (index, word,
                                 list = g_array_new (FALSE, FALSE,
                                                     sizeof (guint)));
          g_array_append_val (list, j);
        }
    }
  for (guint i = 0; i < a_side->len; i++)
    {
      Item *a = a_side->pdata[i];

      for (guint w = 0; w < a->words->n; w++)
        {
          GArray *list = g_hash_table_lookup (
              index, GUINT_TO_POINTER (a->words->hash[w]));

          for (guint k = 0; list && k < list->len; k++)
            {
              guint j = g_array_index (list, guint, k);
              Item *b = b_side->pdata[j];
              Pair pair = { a, b, 0, 0 };

              if (stamps[j] != i + 1)
                stamps[j] = i + 1, hits[j] = 0;
              if (++hits[j] != DL_MERGE_MIN_SHARED)
                continue;
              if (ranged (a) != ranged (b))
                continue;
              pair.gap = ranged (a) ? gap_of (a, b) : 0;
              if (llabs (pair.gap) > comparison->options.max_gap)
                continue;
              pair.score = dl_words_similarity (a->words, b->words,
                                                DL_MERGE_MIN_SHARED, NULL);
              if (pair.score >= comparison->options.threshold)
                g_array_append_val (pairs, pair);
            }
        }
    }
  return pairs;
}

/* "A is coarser (year, B day)": which side says less, when both agree. */
static char *
agree_note (const Item *a, const Item *b)
{
  const char *ga = dl_record_get (a->record, DL_COL_GRANULARITY);
  const char *gb = dl_record_get (b->record, DL_COL_GRANULARITY);

  if (!ranged (a))
    return g_strdup ("");
  if (a->lo == b->lo && a->hi == b->hi)
    return g_strdup ("same days");
  if (a->lo <= b->lo && a->hi >= b->hi)
    return g_strdup_printf ("A is coarser (%s, B %s)", *ga ? ga : "range",
                            *gb ? gb : "range");
  if (b->lo <= a->lo && b->hi >= a->hi)
    return g_strdup_printf ("B is coarser (%s, A %s)", *gb ? gb : "range",
                            *ga ? ga : "range");
  return g_strdup ("the ranges overlap");
}

static const char *const status_names[] = {
  "conflict", "agree", "only-a", "only-b",
};
enum { CONFLICT, AGREE, ONLY_A, ONLY_B };

typedef struct {
  int status;
  Pair pair;
} Result;

static int
status_of (const Pair *pair)
{
  if (pair->a == NULL)
    return ONLY_B;
  if (pair->b == NULL)
    return ONLY_A;
  if (!ranged (pair->a))
    return g_ascii_strcasecmp (dl_record_get (pair->a->record, DL_COL_VALUE),
                               dl_record_get (pair->b->record, DL_COL_VALUE))
                   == 0
               ? AGREE
               : CONFLICT;
  return pair->gap == 0 ? AGREE : CONFLICT;
}

static gint32
date_of (const Result *r)
{
  gint32 a = r->pair.a ? r->pair.a->key : DL_OPEN_END;
  gint32 b = r->pair.b ? r->pair.b->key : DL_OPEN_END;

  return MIN (a, b);
}

/* Conflicts first, then by date; then by status and place on each side. */
static int
by_report_order (gconstpointer pa, gconstpointer pb)
{
  const Result *a = pa, *b = pb;
  guint sa, sb;

  if ((a->status == CONFLICT) != (b->status == CONFLICT))
    return a->status == CONFLICT ? -1 : 1;
  if (date_of (a) != date_of (b))
    return date_of (a) < date_of (b) ? -1 : 1;
  if (a->status != b->status)
    return a->status < b->status ? -1 : 1;
  sa = a->pair.a ? a->pair.a->seq : a->pair.b->seq;
  sb = b->pair.a ? b->pair.a->seq : b->pair.b->seq;
  return (sa > sb) - (sa < sb);
}

static DlRecord *
result_record (const Result *r)
{
  DlRecord *record = dl_record_new ();
  const Item *a = r->pair.a, *b = r->pair.b;
  static const DlColumn a_cols[] = { DL_COL_A_START, DL_COL_A_END,
                                     DL_COL_A_WHEN, DL_COL_A_EVENT,
                                     DL_COL_A_SOURCE };
  static const DlColumn b_cols[] = { DL_COL_B_START, DL_COL_B_END,
                                     DL_COL_B_WHEN, DL_COL_B_EVENT,
                                     DL_COL_B_SOURCE };
  static const DlColumn from[] = { DL_COL_FROM, DL_COL_TO, DL_COL_WHEN,
                                   DL_COL_EVENT, DL_COL_SOURCE };

  dl_record_set (record, DL_COL_STATUS, status_names[r->status]);
  for (gsize i = 0; i < G_N_ELEMENTS (from); i++)
    {
      if (a)
        dl_record_set (record, a_cols[i], dl_record_get (a->record, from[i]));
      if (b)
        dl_record_set (record, b_cols[i], dl_record_get (b->record, from[i]));
    }
  if (a && b)
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      dl_record_set (record, DL_COL_SCORE,
                     g_ascii_formatd (score, sizeof score, "%.2f",
                                      r->pair.score));
      if (ranged (a))
        dl_record_set_printf (record, DL_COL_GAP_DAYS, "%" G_GINT64_FORMAT,
                              r->pair.gap);
      if (r->status == AGREE)
        dl_record_take (record, DL_COL_NOTE, agree_note (a, b));
      else if (ranged (a))
        dl_record_set_printf (record, DL_COL_NOTE, "B is %" G_GINT64_FORMAT
                              " day%s %s", (gint64) llabs (r->pair.gap),
                              llabs (r->pair.gap) == 1 ? "" : "s",
                              r->pair.gap > 0 ? "later" : "earlier");
      else
        dl_record_set (record, DL_COL_NOTE, "the values differ");
    }
  return record;
}

gboolean
dl_comparison_finish (DlComparison *comparison, DlSinkFunc sink,
                      gpointer data, DlCompareCounts *counts, GError **error)
{
  g_autoptr (GArray) pairs = candidates (comparison);
  g_autoptr (GArray) results = g_array_new (FALSE, FALSE, sizeof (Result));
  guint *tally[] = { &counts->conflict, &counts->agree, &counts->only_a,
                     &counts->only_b };

  memset (counts, 0, sizeof *counts);
  g_array_sort (pairs, by_likeness);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      Result r;

      if (pair->a->matched || pair->b->matched)
        continue;
      pair->a->matched = pair->b->matched = TRUE;
      r.pair = *pair;
      r.status = status_of (pair);
      g_array_append_val (results, r);
    }
  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < comparison->sides[side]->len; i++)
      {
        Item *item = comparison->sides[side]->pdata[i];
        Result r = { 0 };

        if (item->matched)
          continue;
        if (side == 0)
          r.pair.a = item;
        else
          r.pair.b = item;
        r.status = status_of (&r.pair);
        g_array_append_val (results, r);
      }
  g_array_sort (results, by_report_order);
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);

      (*tally[r->status])++;
      if (!sink (result_record (r), data, error))
        return FALSE;
    }
  return TRUE;
}
