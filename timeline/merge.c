/* merge.c: rows that tell the same event become one, in one sweep over
 * the rows sorted by date.
 *
 * Only rows whose ranges overlap, at the same granularity, can tell one
 * event; among them, those whose events share enough content words do.
 * The sweep keeps a window of open rows that a later row may still join:
 * a row closes when the sweep passes its last day, or a year after its
 * first report's first day.  A joining row is compared only with the open
 * rows of its granularity that share words with it (an index from word to
 * open rows), and joins the one most like it if it is like every report
 * compared there (complete link).  The merged range is the days all
 * reports allow, so a row never chains on past a range that no longer
 * overlaps.  Closed rows wait until no open row can sort before them, so
 * that the output stays sorted.
 *
 * Nothing here needs more than the window: the rows may come from a sort
 * that spills sorted runs to disk and merges them. */
#include "row.h"

#include <string.h>

/* A row takes no report whose first day is more than this many days after
 * its first report's: it bounds the window however long a range is. */
#define HORIZON_DAYS 366
/* A joining row is compared with at most this many reports of a row. */
#define MAX_COMPARED 8
/* A word that this many open rows share finds no candidates: it is too
 * common to tell events apart, and scanning it would cost more than the
 * rest (two events alike only in such words are not merged). */
#define MAX_POSTINGS 256
/* Granularities: as many as timeline.c knows, and room to spare. */
#define N_GRANULARITIES 16

struct _DlMerger {
  DlMergeRule rule;
  DlRowFunc emit;
  gpointer data;
  GPtrArray *expiries; /* DlRow *: the open rows, a heap, soonest expiry first */
  GQueue order;        /* DlRow *: open rows, oldest first */
  GHashTable *postings[N_GRANULARITIES]; /* word hash -> GPtrArray of open */
  GPtrArray *closed;   /* DlRow *: closed, a heap in timeline order */
  guint stamp;
  guint merged;
};

static const char *const certainty_names[] = {
  "exact", "fuzzy", "approximate", "unresolved",
};

const char *
dl_row_certainty_name (guint8 rank)
{
  return certainty_names[MIN (rank, G_N_ELEMENTS (certainty_names) - 1)];
}

void
dl_row_free (DlRow *row)
{
  if (row == NULL)
    return;
  dl_record_free (row->record);
  if (row->doc)
    g_ref_string_release (row->doc);
  g_free (row->words);
  if (row->also)
    g_ptr_array_unref (row->also);
  if (row->spots)
    g_array_unref (row->spots);
  g_free (row);
}

GRefString *
dl_row_doc (GRefString **last, const char *doc, gsize len)
{
  if (*last == NULL || strlen (*last) != len || memcmp (*last, doc, len) != 0)
    {
      g_autofree char *name = g_strndup (doc, len);

      g_clear_pointer (last, g_ref_string_release);
      *last = g_ref_string_new_intern (name);
    }
  return g_ref_string_acquire (*last);
}

int
dl_row_compare (const DlRow *a, const DlRow *b)
{
  int c;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  if (a->hi != b->hi)
    return a->hi < b->hi ? -1 : 1;
  c = a->doc == b->doc ? 0 : strcmp (a->doc, b->doc);
  if (c == 0 && a->line != b->line)
    c = a->line < b->line ? -1 : 1;
  if (c == 0)
    c = strcmp (dl_record_get (a->record, DL_COL_MENTION),
                dl_record_get (b->record, DL_COL_MENTION));
  if (c == 0)
    c = strcmp (dl_record_get (a->record, DL_COL_EVENT),
                dl_record_get (b->record, DL_COL_EVENT));
  if (c == 0)
    c = a->seq < b->seq ? -1 : a->seq > b->seq;
  return c;
}

DlMerger *
dl_merger_new (const DlMergeRule *rule, DlRowFunc emit, gpointer data)
{
  DlMerger *merger = g_new0 (DlMerger, 1);

  merger->rule = *rule;
  merger->emit = emit;
  merger->data = data;
  merger->expiries = g_ptr_array_new ();
  g_queue_init (&merger->order);
  merger->closed = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_row_free);
  for (guint i = 0; i < N_GRANULARITIES; i++)
    merger->postings[i] = g_hash_table_new_full (
        g_direct_hash, g_direct_equal, NULL,
        (GDestroyNotify) g_ptr_array_unref);
  return merger;
}

void
dl_merger_free (DlMerger *merger)
{
  if (merger == NULL)
    return;
  /* A closed row may wait in order too, until it reaches the head. */
  for (GList *l = merger->order.head; l; l = l->next)
    if (!((DlRow *) l->data)->closed)
      dl_row_free (l->data);
  g_queue_clear (&merger->order);
  g_ptr_array_unref (merger->closed);
  g_ptr_array_unref (merger->expiries);
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_hash_table_unref (merger->postings[i]);
  g_free (merger);
}

guint
dl_merger_merged (DlMerger *merger)
{
  return merger->merged;
}

/* ---- heaps ---- */

typedef int (*Order) (const DlRow *a, const DlRow *b);

static int
by_expiry (const DlRow *a, const DlRow *b)
{
  return (a->expiry > b->expiry) - (a->expiry < b->expiry);
}

static void
heap_swap (GPtrArray *heap, guint i, guint j)
{
  gpointer swap = heap->pdata[i];

  heap->pdata[i] = heap->pdata[j];
  heap->pdata[j] = swap;
}

static void
heap_push (GPtrArray *heap, DlRow *row, Order order)
{
  guint i = heap->len;

  g_ptr_array_add (heap, row);
  while (i > 0 && order (heap->pdata[(i - 1) / 2], heap->pdata[i]) > 0)
    {
      heap_swap (heap, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
}

static DlRow *
heap_pop (GPtrArray *heap, Order order)
{
  DlRow *top = heap->pdata[0];
  guint i = 0;

  heap->pdata[0] = heap->pdata[heap->len - 1];
  heap->pdata[heap->len - 1] = NULL;
  g_ptr_array_steal_index (heap, heap->len - 1);
  for (;;)
    {
      guint least = i, l = 2 * i + 1, r = l + 1;

      if (l < heap->len && order (heap->pdata[l], heap->pdata[least]) < 0)
        least = l;
      if (r < heap->len && order (heap->pdata[r], heap->pdata[least]) < 0)
        least = r;
      if (least == i)
        break;
      heap_swap (heap, i, least);
      i = least;
    }
  return top;
}

/* ---- open and closed rows ---- */

static gboolean
indexed (const DlMerger *merger, const DlRow *row)
{
  return row->words && row->words->n >= MAX (merger->rule.min_shared, 1)
         && row->granularity > 0 && row->granularity < N_GRANULARITIES;
}

static void
open_row (DlMerger *merger, DlRow *row)
{
  row->first_key = row->key;
  row->expiry = MIN ((gint64) row->hi, (gint64) row->key + HORIZON_DAYS);
  g_queue_push_tail (&merger->order, row);
  heap_push (merger->expiries, row, by_expiry);
  if (!indexed (merger, row))
    return;
  for (guint i = 0; i < row->words->n; i++)
    {
      GHashTable *postings = merger->postings[row->granularity];
      gpointer word = GUINT_TO_POINTER (row->words->hash[i]);
      GPtrArray *list = g_hash_table_lookup (postings, word);

      if (list == NULL)
        g_hash_table_insert (postings, word, list = g_ptr_array_new ());
      g_ptr_array_add (list, row);
    }
}

/* Moves row to the closed heap. */
static void
close_row (DlMerger *merger, DlRow *row)
{
  row->closed = TRUE;
  if (indexed (merger, row))
    for (guint i = 0; i < row->words->n; i++)
      {
        GHashTable *postings = merger->postings[row->granularity];
        gpointer word = GUINT_TO_POINTER (row->words->hash[i]);
        GPtrArray *list = g_hash_table_lookup (postings, word);

        g_ptr_array_remove_fast (list, row);
        if (list->len == 0)
          g_hash_table_remove (postings, word);
      }
  heap_push (merger->closed, row, dl_row_compare);
}

/* Emits the closed rows that sort before every open row and every row to
 * come.  An open row sorts no earlier than its first report, and the
 * oldest open row has the earliest first report. */
static gboolean
emit_ready (DlMerger *merger, gint32 next_key, GError **error)
{
  gint32 bound = next_key;

  while (!g_queue_is_empty (&merger->order)
         && ((DlRow *) g_queue_peek_head (&merger->order))->closed)
    g_queue_pop_head (&merger->order);
  if (!g_queue_is_empty (&merger->order))
    bound = MIN (bound, ((DlRow *) g_queue_peek_head (&merger->order))->first_key);
  while (merger->closed->len > 0
         && ((DlRow *) merger->closed->pdata[0])->key < bound)
    if (!merger->emit (heap_pop (merger->closed, dl_row_compare),
                       merger->data, error))
      return FALSE;
  return TRUE;
}

/* ---- likeness ---- */

/* Whether row was told in a sentence that told another report of open: a
 * sentence that names two dates tells two things ("the tension was visible
 * before the invasion; the program began three days prior").  The same
 * mention read twice is one report. */
static gboolean
same_sentence (const DlRow *open, const DlRow *row)
{
  if (row->spot.sentence == 0)
    return FALSE;
  if (open->spot.sentence == row->spot.sentence
      && open->spot.mention != row->spot.mention)
    return TRUE;
  for (guint i = 0; open->spots && i < open->spots->len; i++)
    {
      DlSpot *spot = &g_array_index (open->spots, DlSpot, i);

      if (spot->sentence == row->spot.sentence
          && spot->mention != row->spot.mention)
        return TRUE;
    }
  return FALSE;
}

/* How alike row is to every report of open compared, or 0 below the
 * threshold. */
static double
likeness (const DlMergeRule *rule, const DlRow *open, const DlRow *row)
{
  double score = dl_words_similarity (open->words, row->words,
                                      rule->min_shared, NULL);

  for (guint i = 0; open->also && i < open->also->len; i++)
    {
      if (score < rule->threshold)
        break;
      score = MIN (score, dl_words_similarity (open->also->pdata[i],
                                               row->words, rule->min_shared,
                                               NULL));
    }
  return score >= rule->threshold ? score : 0;
}

/* The open row that row is most like, or NULL: only rows that share at
 * least min_shared words with it are looked at. */
static DlRow *
best_match (DlMerger *merger, const DlRow *row)
{
  GHashTable *postings = merger->postings[row->granularity];
  guint need = MAX (merger->rule.min_shared, 1);
  DlRow *best = NULL;
  double best_score = 0;

  merger->stamp++;
  for (guint i = 0; i < row->words->n; i++)
    {
      GPtrArray *list = g_hash_table_lookup (
          postings, GUINT_TO_POINTER (row->words->hash[i]));

      if (list == NULL || list->len > MAX_POSTINGS)
        continue;
      for (guint j = 0; j < list->len; j++)
        {
          DlRow *open = list->pdata[j];
          double score;

          if (open->stamp != merger->stamp)
            open->stamp = merger->stamp, open->hits = 0;
          if (++open->hits != need)
            continue;
          if (open->lo > row->hi || row->lo > open->hi
              || same_sentence (open, row))
            continue;
          score = likeness (&merger->rule, open, row);
          if (score > best_score)
            best = open, best_score = score;
        }
    }
  return best;
}

/* ---- merging ---- */

/* Whether the place (doc:line) is one of the ";"-separated places. */
static gboolean
has_place (const char *places, const char *place, gsize len)
{
  for (const char *p = places; (p = strstr (p, place)) != NULL; p++)
    if ((p == places || p[-1] == ';') && (p[len] == ';' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

/* Adds the places of more that places lacks. */
static char *
join_places (const char *places, const char *more)
{
  GString *out = g_string_new (places);

  while (*more)
    {
      gsize len = strcspn (more, ";");

      if (len > 0)
        {
          g_autofree char *place = g_strndup (more, len);

          if (!has_place (out->str, place, len))
            {
              if (out->len > 0)
                g_string_append_c (out, ';');
              g_string_append (out, place);
            }
        }
      more += len + (more[len] == ';');
    }
  return g_string_free (out, FALSE);
}

/* Takes row into open: the days all their reports allow, every place, the
 * least certainty.  The record kept is the one whose own range is the
 * merged one, if either is: its label then names the merged days. */
static void
absorb (DlMerger *merger, DlRow *open, DlRow *row)
{
  gint32 lo = MAX (open->lo, row->lo), hi = MIN (open->hi, row->hi);
  char *places = join_places (dl_record_get (open->record, DL_COL_SOURCE),
                              dl_record_get (row->record, DL_COL_SOURCE));

  if (lo != open->lo || hi != open->hi || lo != row->lo || hi != row->hi)
    open->narrowed = TRUE;
  if ((lo != open->lo || hi != open->hi) && (lo != row->lo || hi != row->hi))
    open->overlap_only = TRUE;
  if (row->own_lo == lo && row->own_hi == hi
      && (open->own_lo != lo || open->own_hi != hi))
    {
      DlRecord *record = open->record;

      open->record = row->record;
      row->record = record;
      open->own_lo = row->own_lo;
      open->own_hi = row->own_hi;
    }
  dl_record_take (open->record, DL_COL_SOURCE, places);
  open->lo = lo;
  open->hi = hi;
  open->key = lo != DL_OPEN_START ? lo : hi;
  open->certainty = MAX (open->certainty, row->certainty);
  open->narrowed |= row->narrowed;
  open->overlap_only |= row->overlap_only;
  open->reports += row->reports;
  if (open->also == NULL)
    open->also = g_ptr_array_new_with_free_func (g_free);
  if (open->also->len + 1 < MAX_COMPARED)
    g_ptr_array_add (open->also, g_steal_pointer (&row->words));
  if (row->spot.sentence != 0)
    {
      if (open->spots == NULL)
        open->spots = g_array_new (FALSE, FALSE, sizeof (DlSpot));
      g_array_append_val (open->spots, row->spot);
    }
  merger->merged++;
  dl_row_free (row);
}

gboolean
dl_merger_push (DlMerger *merger, DlRow *row, GError **error)
{
  DlRow *best = NULL;
  gint32 key = row->key;

  if (!merger->rule.enabled || !dl_row_ranged (row) || row->words == NULL)
    {
      /* Nothing is merged from here on: rows without a range come last. */
      if (!dl_merger_finish (merger, error))
        {
          dl_row_free (row);
          return FALSE;
        }
      return merger->emit (row, merger->data, error);
    }
  while (merger->expiries->len > 0
         && ((DlRow *) merger->expiries->pdata[0])->expiry < row->key)
    close_row (merger, heap_pop (merger->expiries, by_expiry));
  if (indexed (merger, row))
    best = best_match (merger, row);
  if (best)
    absorb (merger, best, row);
  else
    open_row (merger, row);
  return emit_ready (merger, key, error);
}

gboolean
dl_merger_finish (DlMerger *merger, GError **error)
{
  while (merger->expiries->len > 0)
    close_row (merger, heap_pop (merger->expiries, by_expiry));
  /* Every row in the queue has a range, so a key before DL_OPEN_END. */
  return emit_ready (merger, DL_OPEN_END, error);
}
