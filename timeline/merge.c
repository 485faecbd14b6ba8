/* merge.c: rows that tell the same event become one, in one sweep over
 * the rows sorted by date.
 *
 * Only rows whose ranges overlap, at the same granularity, can tell one
 * event; among them, those whose events share enough content words do.
 * The sweep keeps a window of open rows (clusters) that a later row may
 * still join: a row leaves it when the sweep passes its last day, or a
 * year after its first report's first day.  A row joins the open row most
 * like it, if it is like every report compared there; the merged range is
 * the days all reports allow, so a cluster never chains on past a range
 * that no longer overlaps.  Closed rows wait in a short queue until no
 * open row can sort before them, so that the output stays sorted.
 * Nothing here needs more than the window: the rows may come from a sort
 * that spills to disk. */
#include "row.h"

#include "dl-cli.h"

#include <string.h>

/* A row takes no report whose first day is more than this many days after
 * its own first report's: it bounds the window however long a range is. */
#define HORIZON_DAYS 366
/* A joining row is compared with at most this many of a row's reports. */
#define MAX_COMPARED 8

struct _DlMerger {
  DlMergeRule rule;
  DlRowFunc emit;
  gpointer data;
  GPtrArray *open;  /* DlRow *: may still take rows */
  GQueue closed;    /* DlRow *: take none, sorted, wait to be emitted */
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
  g_free (row->words);
  if (row->also)
    g_ptr_array_unref (row->also);
  if (row->sentences)
    g_array_unref (row->sentences);
  g_free (row);
}

int
dl_row_compare (const DlRow *a, const DlRow *b)
{
  int c;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  if (a->hi != b->hi)
    return a->hi < b->hi ? -1 : 1;
  c = strcmp (dl_record_get (a->record, DL_COL_DOC),
              dl_record_get (b->record, DL_COL_DOC));
  if (c == 0)
    c = a->offset < b->offset ? -1 : a->offset > b->offset;
  return c;
}

DlMerger *
dl_merger_new (const DlMergeRule *rule, DlRowFunc emit, gpointer data)
{
  DlMerger *merger = g_new0 (DlMerger, 1);

  merger->rule = *rule;
  merger->emit = emit;
  merger->data = data;
  merger->open = g_ptr_array_new ();
  g_queue_init (&merger->closed);
  return merger;
}

void
dl_merger_free (DlMerger *merger)
{
  if (merger == NULL)
    return;
  for (guint i = 0; i < merger->open->len; i++)
    dl_row_free (merger->open->pdata[i]);
  g_ptr_array_unref (merger->open);
  g_queue_clear_full (&merger->closed, (GDestroyNotify) dl_row_free);
  g_free (merger);
}

guint
dl_merger_merged (DlMerger *merger)
{
  return merger->merged;
}

/* Puts row into the closed queue in order; rows mostly close in order, so
 * the walk from the tail is short. */
static void
close_row (DlMerger *merger, DlRow *row)
{
  GList *at = merger->closed.tail;

  while (at && dl_row_compare (at->data, row) > 0)
    at = at->prev;
  if (at)
    g_queue_insert_after (&merger->closed, at, row);
  else
    g_queue_push_head (&merger->closed, row);
}

/* Emits the closed rows that sort before bound: no open row, and no row
 * yet to come, can then sort before them. */
static gboolean
emit_before (DlMerger *merger, gint32 bound, GError **error)
{
  while (!g_queue_is_empty (&merger->closed)
         && ((DlRow *) g_queue_peek_head (&merger->closed))->key < bound)
    if (!merger->emit (g_queue_pop_head (&merger->closed), merger->data,
                       error))
      return FALSE;
  return TRUE;
}

/* Whether row is of a sentence that told a report of open already: one
 * sentence that names two dates tells two things ("the tension was
 * visible before the invasion; the program began three days prior"). */
static gboolean
same_sentence (const DlRow *open, const DlRow *row)
{
  if (row->sentence == 0)
    return FALSE;
  if (open->sentence == row->sentence)
    return TRUE;
  for (guint i = 0; open->sentences && i < open->sentences->len; i++)
    if (g_array_index (open->sentences, guint32, i) == row->sentence)
      return TRUE;
  return FALSE;
}

/* How alike row is to every report of open compared (complete link), or
 * 0 below the threshold. */
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
join_places (char *places, const char *more)
{
  GString *out = g_string_new (places);

  g_free (places);

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
  char *places = g_strdup (dl_record_get (open->record, DL_COL_SOURCE));

  places = join_places (places, dl_record_get (row->record, DL_COL_SOURCE));
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
  if (row->sentence != 0)
    {
      if (open->sentences == NULL)
        open->sentences = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (open->sentences, row->sentence);
    }
  merger->merged++;
  dl_row_free (row);
}

gboolean
dl_merger_push (DlMerger *merger, DlRow *row, GError **error)
{
  DlRow *best = NULL;
  double best_score = 0;
  gint32 bound = row->key;

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
  for (guint i = merger->open->len; i-- > 0;)
    {
      DlRow *open = merger->open->pdata[i];
      double score;

      if (open->hi < row->key
          || (gint64) row->key - open->first_key > HORIZON_DAYS)
        {
          g_ptr_array_remove_index (merger->open, i);
          close_row (merger, open);
          continue;
        }
      bound = MIN (bound, open->key);
      if (open->granularity != row->granularity || open->granularity == 0
          || open->lo > row->hi || row->lo > open->hi
          || same_sentence (open, row))
        continue;
      score = likeness (&merger->rule, open, row);
      if (score > best_score)
        best = open, best_score = score;
    }
  if (best)
    absorb (merger, best, row);
  else
    {
      row->first_key = row->key;
      g_ptr_array_add (merger->open, row);
    }
  return emit_before (merger, bound, error);
}

gboolean
dl_merger_finish (DlMerger *merger, GError **error)
{
  for (guint i = 0; i < merger->open->len; i++)
    close_row (merger, merger->open->pdata[i]);
  g_ptr_array_set_size (merger->open, 0);
  /* Every row in the queue has a range, so a key before DL_OPEN_END. */
  return emit_before (merger, DL_OPEN_END, error);
}
