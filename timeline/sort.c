/* sort.c: the timeline's sort, in memory while the rows fit in the buffer,
 * else as sorted runs on disk merged at the end.
 *
 * A row is packed once, when it is taken: a fixed head (the days and
 * numbers it sorts and merges by), its document's name and its record in
 * the form of dl-spill.h, one after the other in large blocks.  The sort
 * orders an array of (64-bit key, entry) pairs: the key holds the first
 * two fields of the order (first day, last day), so most comparisons
 * never look at the entries.  A run on disk is the entries themselves,
 * written in order; merging runs copies entries and unpacks only the rows
 * handed on. */
#include "sort.h"

#include "dl-spill.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The part of a row that is not its record.  The document's name (doc_len
 * bytes), the ties (tie_len bytes: the mention, a NUL and the event, which
 * the order reads after the line), the record (rec_len bytes) and the
 * event's words (n_words hashes, when has_words) follow it. */
typedef struct {
  gint32 key, hi, lo, own_lo, own_hi;
  guint8 granularity, certainty, has_words, pad;
  guint32 sentence, mention;
  guint32 doc_len, tie_len, rec_len, n_words;
  guint64 line, seq;
} Head;

typedef struct {
  guint64 key;  /* key and hi, ordered as unsigned */
  Head *entry;
} Item;

/* A sorted run: a temporary file of entries, or an input already sorted
 * (--merge) read on demand through next. */
typedef struct {
  FILE *file;
  guint64 rows;
  guint level; /* 0: spilled from the buffer or an input; n: merged from
                  level n-1 */
  DlRowSource next;
  gpointer source;
  GDestroyNotify free_source;
} Run;

struct _DlSorter {
  guint64 buffer_size;
  char *temp_dir;
  GArray *items;       /* Item */
  GPtrArray *blocks;   /* guint8 *, block_size each, reused */
  GPtrArray *big;      /* entries larger than a block, freed with the run */
  gsize block_size;
  guint block;         /* the block being filled */
  gsize used;          /* bytes used in it */
  guint64 bytes;       /* bytes of entries held */
  GByteArray *scratch; /* a record being encoded */
  GPtrArray *runs;     /* Run * */
  guint spilled;
  GRefString *last_doc; /* the document of the last row unpacked */
  GError *failure;     /* a run that could not be written: the sort is
                          lost, and rows after it are dropped */
};

/* Frees what the run holds, its source's input too. */
static void
run_close (Run *run)
{
  if (run->file)
    fclose (run->file);
  run->file = NULL;
  if (run->free_source && run->source)
    run->free_source (run->source);
  run->source = NULL;
}

static void
run_free (Run *run)
{
  run_close (run);
  g_free (run);
}

DlSorter *
dl_sorter_new (guint64 buffer_size, const char *temp_dir)
{
  DlSorter *sorter = g_new0 (DlSorter, 1);

  sorter->buffer_size = buffer_size ? buffer_size : DL_SORT_DEFAULT_BUFFER;
  sorter->temp_dir = g_strdup (temp_dir ? temp_dir : g_get_tmp_dir ());
  sorter->items = g_array_new (FALSE, FALSE, sizeof (Item));
  sorter->blocks = g_ptr_array_new_with_free_func (g_free);
  sorter->big = g_ptr_array_new_with_free_func (g_free);
  /* Blocks small enough that the last one, part filled, wastes little of
   * the buffer, large enough to be few. */
  sorter->block_size = CLAMP (sorter->buffer_size / 16, 4096, 4u << 20);
  sorter->scratch = g_byte_array_new ();
  sorter->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  return sorter;
}

void
dl_sorter_free (DlSorter *sorter)
{
  if (sorter == NULL)
    return;
  g_free (sorter->temp_dir);
  g_array_unref (sorter->items);
  g_ptr_array_unref (sorter->blocks);
  g_ptr_array_unref (sorter->big);
  g_byte_array_unref (sorter->scratch);
  g_ptr_array_unref (sorter->runs);
  if (sorter->last_doc)
    g_ref_string_release (sorter->last_doc);
  g_clear_error (&sorter->failure);
  g_free (sorter);
}

guint
dl_sorter_runs (const DlSorter *sorter)
{
  return sorter->spilled;
}

/* ---- the order ---- */

static inline gsize
entry_size (const Head *head)
{
  return sizeof (Head) + head->doc_len + head->tie_len + head->rec_len
         + head->n_words * sizeof (guint32);
}

static inline guint64
key_of (gint32 key, gint32 hi)
{
  return (guint64) ((guint32) key ^ 0x80000000u) << 32
         | ((guint32) hi ^ 0x80000000u);
}

/* dl_row_compare on packed rows, after the first day and the last. */
static inline int
compare_rest (const Head *a, const Head *b)
{
  int c = memcmp (a + 1, b + 1, MIN (a->doc_len, b->doc_len));

  if (c != 0)
    return c;
  if (a->doc_len != b->doc_len)
    return a->doc_len < b->doc_len ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  c = memcmp ((const guint8 *) (a + 1) + a->doc_len,
              (const guint8 *) (b + 1) + b->doc_len,
              MIN (a->tie_len, b->tie_len));
  if (c != 0)
    return c;
  if (a->tie_len != b->tie_len)
    return a->tie_len < b->tie_len ? -1 : 1;
  return (a->seq > b->seq) - (a->seq < b->seq);
}

static inline int
compare_heads (const Head *a, const Head *b)
{
  guint64 ka = key_of (a->key, a->hi), kb = key_of (b->key, b->hi);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return compare_rest (a, b);
}

static int
compare_items (const void *pa, const void *pb)
{
  const Item *a = pa, *b = pb;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return compare_rest (a->entry, b->entry);
}

/* An empty GArray has no data: qsort is not given NULL even for none. */
static void
sort_items (Item *items, gsize n)
{
  if (n > 1)
    qsort (items, n, sizeof (Item), compare_items);
}

/* ---- packing ---- */

/* Room for size bytes of entry, 8-aligned. */
static guint8 *
reserve (DlSorter *sorter, gsize size)
{
  guint8 *at;

  size = (size + 7) & ~(gsize) 7;
  if (size > sorter->block_size)
    {
      at = g_malloc (size);
      g_ptr_array_add (sorter->big, at);
      return at;
    }
  if (sorter->blocks->len == 0 || sorter->used + size > sorter->block_size)
    {
      if (sorter->blocks->len > 0)
        sorter->block++;
      if (sorter->block >= sorter->blocks->len)
        g_ptr_array_add (sorter->blocks, g_malloc (sorter->block_size));
      sorter->used = 0;
    }
  at = (guint8 *) sorter->blocks->pdata[sorter->block] + sorter->used;
  sorter->used += size;
  return at;
}

/* Empties the buffer; its blocks stay, for the next run. */
static void
reset (DlSorter *sorter)
{
  g_array_set_size (sorter->items, 0);
  g_ptr_array_set_size (sorter->big, 0);
  sorter->block = 0;
  sorter->used = 0;
  sorter->bytes = 0;
}

static gboolean spill (DlSorter *sorter, GError **error);

/* The head of row; its ties, record and words into sorter->scratch. */
static Head
pack (DlSorter *sorter, const DlRow *row)
{
  Head head = {
    .key = row->key, .hi = row->hi, .lo = row->lo, .own_lo = row->own_lo,
    .own_hi = row->own_hi, .granularity = row->granularity,
    .certainty = row->certainty, .sentence = row->spot.sentence,
    .mention = row->spot.mention, .doc_len = (guint32) strlen (row->doc),
    .line = row->line, .seq = row->seq,
  };
  const char *mention = dl_record_get (row->record, DL_COL_MENTION);
  const char *event = dl_record_get (row->record, DL_COL_EVENT);

  /* "mention\0event" orders as mention, then event: no text holds a NUL. */
  g_byte_array_set_size (sorter->scratch, 0);
  g_byte_array_append (sorter->scratch, (const guint8 *) mention,
                       strlen (mention) + 1);
  g_byte_array_append (sorter->scratch, (const guint8 *) event,
                       strlen (event));
  head.tie_len = sorter->scratch->len;
  dl_spill_encode (sorter->scratch, row->record);
  head.rec_len = sorter->scratch->len - head.tie_len;
  if (row->words)
    {
      head.has_words = 1;
      head.n_words = row->words->n;
      g_byte_array_append (sorter->scratch,
                           (const guint8 *) row->words->hash,
                           row->words->n * sizeof (guint32));
    }
  return head;
}

gboolean
dl_sorter_add (DlSorter *sorter, DlRow *row, GError **error)
{
  g_autoptr (DlRow) owned = row;
  gsize doc_len, size;
  Head head;
  Item item;
  guint8 *at;

  if (sorter->failure)
    return TRUE;
  head = pack (sorter, row);
  doc_len = head.doc_len;
  size = entry_size (&head);
  if (sorter->items->len > 0
      && sorter->bytes + size + sizeof (Item) * (sorter->items->len + 1)
         > sorter->buffer_size
      && !spill (sorter, &sorter->failure))
    {
      if (error)
        *error = g_error_copy (sorter->failure);
      return FALSE;
    }
  at = reserve (sorter, size);
  memcpy (at, &head, sizeof head);
  memcpy (at + sizeof head, row->doc, doc_len);
  memcpy (at + sizeof head + doc_len, sorter->scratch->data,
          sorter->scratch->len);
  item.key = key_of (row->key, row->hi);
  item.entry = (Head *) at;
  g_array_append_val (sorter->items, item);
  sorter->bytes += size;
  return TRUE;
}

/* The row an entry holds, as it was taken. */
static DlRow *
unpack (DlSorter *sorter, const Head *head, GError **error)
{
  const char *doc = (const char *) (head + 1);
  DlRecord *record = dl_spill_decode ((const guint8 *) doc + head->doc_len
                                      + head->tie_len, head->rec_len, error);
  DlRow *row;

  if (record == NULL)
    return NULL;
  row = g_new0 (DlRow, 1);
  row->record = record;
  row->key = head->key;
  row->hi = head->hi;
  row->lo = head->lo;
  row->own_lo = head->own_lo;
  row->own_hi = head->own_hi;
  row->granularity = head->granularity;
  row->certainty = head->certainty;
  row->spot.sentence = head->sentence;
  row->spot.mention = head->mention;
  row->line = head->line;
  row->seq = head->seq;
  row->doc = dl_row_doc (&sorter->last_doc, doc, head->doc_len);
  row->reports = 1;
  if (head->has_words)
    {
      gsize size = head->n_words * sizeof (guint32);

      row->words = g_malloc (sizeof (DlWords) + size);
      row->words->n = head->n_words;
      memcpy (row->words->hash, doc + head->doc_len + head->tie_len
                                    + head->rec_len, size);
    }
  return row;
}

/* ---- runs ---- */

static gboolean
io_error (GError **error, const char *what)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "cannot %s a temporary file: %s",
               what, g_strerror (errno ? errno : EIO));
  return FALSE;
}

static Run *
new_run (DlSorter *sorter, guint level, GError **error)
{
  FILE *file = dl_spill_open (sorter->temp_dir, error);
  Run *run;

  if (file == NULL)
    return NULL;
  setvbuf (file, NULL, _IOFBF, 1 << 16);
  run = g_new0 (Run, 1);
  run->file = file;
  run->level = level;
  sorter->spilled++;
  return run;
}

static gboolean
finish_run (Run *run, GError **error)
{
  errno = 0;
  if (fflush (run->file) != 0 || ferror (run->file))
    return io_error (error, "write");
  return TRUE;
}

typedef struct {
  Run *run;
  guint64 left;
  GByteArray *entry;
} Reader;

/* The next row of a sorted input, packed as an entry of a run.  An input
 * has no count of rows: left stays high until it ends. */
static gboolean
source_next (DlSorter *sorter, Reader *reader, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (DlRow) row = reader->run->next (reader->run->source, &local);
  Head head;

  if (row == NULL)
    {
      reader->left = 0;
      /* Spent: its input is closed now, not when the merge ends, so that
       * a merge holds only the inputs it reads. */
      run_close (reader->run);
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  head = pack (sorter, row);
  g_byte_array_set_size (reader->entry, 0);
  g_byte_array_append (reader->entry, (const guint8 *) &head, sizeof head);
  g_byte_array_append (reader->entry, (const guint8 *) row->doc,
                       head.doc_len);
  g_byte_array_append (reader->entry, sorter->scratch->data,
                       sorter->scratch->len);
  reader->left = G_MAXUINT64;
  return TRUE;
}

/* Reads the reader's next entry; FALSE on error.  reader->left counts
 * what remains, the entry read included. */
static gboolean
reader_next (DlSorter *sorter, Reader *reader, GError **error)
{
  Head *head;

  if (reader->left == 0)
    return TRUE;
  if (reader->run->next)
    return source_next (sorter, reader, error);
  g_byte_array_set_size (reader->entry, sizeof (Head));
  errno = 0;
  if (fread (reader->entry->data, sizeof (Head), 1, reader->run->file) != 1)
    return io_error (error, "read back");
  head = (Head *) reader->entry->data;
  g_byte_array_set_size (reader->entry, entry_size (head));
  head = (Head *) reader->entry->data;
  if (fread (reader->entry->data + sizeof (Head),
             entry_size (head) - sizeof (Head), 1, reader->run->file) != 1)
    return io_error (error, "read back");
  return TRUE;
}

static inline int
compare_readers (const Reader *a, const Reader *b)
{
  return compare_heads ((const Head *) a->entry->data,
                        (const Head *) b->entry->data);
}

static void
sift_down (Reader **heap, guint n, guint i)
{
  for (;;)
    {
      guint least = i, l = 2 * i + 1, r = l + 1;
      Reader *swap;

      if (l < n && compare_readers (heap[l], heap[least]) < 0)
        least = l;
      if (r < n && compare_readers (heap[r], heap[least]) < 0)
        least = r;
      if (least == i)
        return;
      swap = heap[i];
      heap[i] = heap[least];
      heap[least] = swap;
      i = least;
    }
}

/* Where merged entries go: a run, or rows handed to emit. */
typedef struct {
  Run *out;
  DlRowFunc emit;
  gpointer data;
} Target;

static gboolean
put (DlSorter *sorter, const Target *target, const Head *head, GError **error)
{
  DlRow *row;

  if (target->out)
    {
      target->out->rows++;
      errno = 0;
      if (fwrite (head, entry_size (head), 1, target->out->file) != 1)
        return io_error (error, "write");
      return TRUE;
    }
  row = unpack (sorter, head, error);
  return row && target->emit (row, target->data, error);
}

/* Merges runs[0..n) into target; the runs are then spent. */
static gboolean
merge_runs (DlSorter *sorter, Run **runs, guint n, const Target *target,
            GError **error)
{
  g_autofree Reader *readers = g_new0 (Reader, n);
  g_autofree Reader **heap = g_new0 (Reader *, n);
  guint live = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < n && ok; i++)
    {
      readers[i].run = runs[i];
      readers[i].left = runs[i]->next ? G_MAXUINT64 : runs[i]->rows;
      readers[i].entry = g_byte_array_new ();
      errno = 0;
      if (runs[i]->file && fseek (runs[i]->file, 0, SEEK_SET) != 0)
        ok = io_error (error, "read back");
      ok = ok && reader_next (sorter, &readers[i], error);
      if (ok && readers[i].left > 0)
        heap[live++] = &readers[i];
    }
  for (guint i = live / 2; ok && i-- > 0;)
    sift_down (heap, live, i);
  while (ok && live > 0)
    {
      Reader *top = heap[0];

      ok = put (sorter, target, (const Head *) top->entry->data, error);
      if (ok && --top->left > 0)
        ok = reader_next (sorter, top, error);
      if (ok && top->left == 0)
        heap[0] = heap[--live];
      if (ok && live > 0)
        sift_down (heap, live, 0);
    }
  for (guint i = 0; i < n; i++)
    if (readers[i].entry)
      g_byte_array_unref (readers[i].entry);
  return ok && (target->out == NULL || finish_run (target->out, error));
}

/* Merges the n runs from index first into one run, put last. */
static gboolean
merge_into_run (DlSorter *sorter, guint first, guint n, GError **error)
{
  Run **runs = (Run **) sorter->runs->pdata + first;
  guint level = 0;
  Target target = { NULL, NULL, NULL };

  for (guint i = 0; i < n; i++)
    level = MAX (level, runs[i]->level + 1);
  target.out = new_run (sorter, level, error);
  if (target.out == NULL)
    return FALSE;
  if (!merge_runs (sorter, runs, n, &target, error))
    {
      run_free (target.out);
      return FALSE;
    }
  g_debug ("merged %u runs into one of %" G_GUINT64_FORMAT " rows", n,
           target.out->rows);
  g_ptr_array_remove_range (sorter->runs, first, n);
  /* To the back of the queue: each row is copied once per level, not
   * once per pass. */
  g_ptr_array_add (sorter->runs, target.out);
  return TRUE;
}

static gboolean
spill (DlSorter *sorter, GError **error)
{
  Item *items = (Item *) sorter->items->data;
  guint n = sorter->items->len;
  Run *run = new_run (sorter, 0, error);

  if (run == NULL)
    return FALSE;
  g_ptr_array_add (sorter->runs, run);
  sort_items (items, n);
  errno = 0;
  for (guint i = 0; i < n; i++)
    if (fwrite (items[i].entry, entry_size (items[i].entry), 1, run->file)
        != 1)
      return io_error (error, "write");
  run->rows = n;
  if (!finish_run (run, error))
    return FALSE;
  g_debug ("spilled run %u: %u rows to %s", sorter->spilled, n,
           sorter->temp_dir);
  reset (sorter);
  /* Runs merge as they come, DL_SORT_FAN_IN of one level into one of the
   * next: few files are open at a time, and each row is copied only
   * log(runs) times. */
  while (sorter->runs->len >= DL_SORT_FAN_IN)
    {
      guint first = sorter->runs->len - DL_SORT_FAN_IN;

      if (((Run *) sorter->runs->pdata[first])->level
          != ((Run *) sorter->runs->pdata[sorter->runs->len - 1])->level)
        break;
      if (!merge_into_run (sorter, first, DL_SORT_FAN_IN, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dl_sorter_finish (DlSorter *sorter, DlRowFunc emit, gpointer data,
                  GError **error)
{
  Target target = { NULL, emit, data };
  gboolean ok = TRUE;

  if (sorter->failure)
    {
      g_propagate_error (error, g_steal_pointer (&sorter->failure));
      reset (sorter);
      g_ptr_array_set_size (sorter->runs, 0);
      return FALSE;
    }
  if (sorter->runs->len == 0)
    {
      Item *items = (Item *) sorter->items->data;

      sort_items (items, sorter->items->len);
      for (guint i = 0; i < sorter->items->len && ok; i++)
        ok = put (sorter, &target, items[i].entry, error);
      reset (sorter);
      return ok;
    }
  ok = sorter->items->len == 0 || spill (sorter, error);
  /* The buffer is not needed to merge. */
  reset (sorter);
  g_ptr_array_set_size (sorter->blocks, 0);
  while (ok && sorter->runs->len > DL_SORT_FAN_IN)
    ok = merge_into_run (sorter, 0, DL_SORT_FAN_IN, error);
  ok = ok && merge_runs (sorter, (Run **) sorter->runs->pdata,
                         sorter->runs->len, &target, error);
  g_ptr_array_set_size (sorter->runs, 0);
  return ok;
}

void
dl_sorter_add_sorted (DlSorter *sorter, DlRowSource next, gpointer source,
                      GDestroyNotify free_source)
{
  Run *run = g_new0 (Run, 1);

  run->next = next;
  run->source = source;
  run->free_source = free_source;
  g_ptr_array_add (sorter->runs, run);
}
