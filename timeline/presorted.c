/* presorted.c: dateline-timeline --merge (presorted.h). */
#include "presorted.h"

#include "dl-cli.h"

#include <string.h>

struct _DlPresorted {
  DlTimeline *timeline;
  DlFilter filter;
  DlFilterTally tally;
  gboolean raw;
  guint inputs;
  struct _Input *current; /* the input whose record is being read */
  guint skipped;          /* rows bad */
  guint unsorted;         /* rows out of order */
  gboolean failed;        /* an input could not be read */
  void (*begin) (GPtrArray *extra_names, gpointer data);
  gpointer begin_data;
};

typedef struct _Input {
  DlPresorted *merge;
  char *file;
  guint64 index;
  DlFilterCursor *cursor;
  gboolean opened;
  DlRow *row;            /* the row just read, to hand on */
  guint64 rows;          /* rows read */
  DlRow *last;           /* the last row handed on, for its order: of its
                            record only what the order reads */
  gboolean unsorted;     /* a row was out of order (told once) */
} Input;

/* Where an input's rows fall among the others' when two sort alike: after
 * every row of the inputs before it, as when they are sorted together. */
#define SEQ_BITS 40

static void
input_free (Input *input)
{
  dl_filter_cursor_free (input->cursor);
  dl_row_free (input->row);
  dl_row_free (input->last);
  g_free (input->file);
  g_free (input);
}

static gboolean
read_header (DlReader *reader, gpointer data, GError **error)
{
  DlPresorted *merge = data;
  DlFormat format;

  if (!dl_timeline_read_header (reader, &format, error))
    return FALSE;
  if (format == DL_FORMAT_TIMELINE)
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s:1: --merge reads sorted "
               "timelines (from dateline-timeline), not range rows",
               merge->current->file);
  return FALSE;
}

static void
begin (GPtrArray *extra_names, gpointer data)
{
  DlPresorted *merge = data;

  merge->begin (extra_names, merge->begin_data);
}

/* Whether row may follow the input's last row: not before it.  The first
 * row out of order is told; it and the later ones are counted. */
static gboolean
in_order (Input *input, DlRow *row)
{
  DlRow *last = input->last;

  if (last == NULL || dl_row_compare (last, row) <= 0)
    return TRUE;
  if (!input->unsorted)
    g_printerr ("%s: %s:%" G_GUINT64_FORMAT ": not sorted: rows that sort "
                "before a row above them are skipped (--merge reads "
                "timelines sorted by dateline-timeline)\n", g_get_prgname (),
                input->file, row->record->line);
  input->unsorted = TRUE;
  input->merge->unsorted++;
  return FALSE;
}

/* The row before the next is kept without its record. */
static void
remember (Input *input, const DlRow *row)
{
  if (input->last == NULL)
    input->last = g_new0 (DlRow, 1);
  if (input->last->doc)
    g_ref_string_release (input->last->doc);
  input->last->key = row->key;
  input->last->hi = row->hi;
  input->last->doc = g_ref_string_acquire (row->doc);
  input->last->line = row->line;
  input->last->seq = row->seq;
  if (input->last->record == NULL)
    input->last->record = dl_record_new ();
  dl_record_set (input->last->record, DL_COL_MENTION,
                 dl_record_get (row->record, DL_COL_MENTION));
  dl_record_set (input->last->record, DL_COL_EVENT,
                 dl_record_get (row->record, DL_COL_EVENT));
}

static gboolean
process (DlRecord *record, gpointer data, GError **error)
{
  DlPresorted *merge = data;
  Input *input = merge->current;
  g_autoptr (GError) bad = NULL;
  g_autoptr (DlRow) row = dl_timeline_read_row (merge->timeline, record,
                                                &bad);

  /* A bad row is told and skipped; the rest of its input goes on. */
  (void) error;
  if (row == NULL && bad == NULL)
    return TRUE;
  if (row == NULL)
    {
      dl_cli_warn (bad);
      merge->skipped++;
      return TRUE;
    }
  row->seq = input->index << SEQ_BITS | input->rows++;
  if (!in_order (input, row))
    return TRUE;
  remember (input, row);
  input->row = g_steal_pointer (&row);
  return TRUE;
}

/* DlRowSource: the input's next row. */
static DlRow *
next_row (gpointer source, GError **error)
{
  Input *input = source;
  DlPresorted *merge = input->merge;
  g_autoptr (GError) local = NULL;

  /* A bad input is told and left out; the others go on. */
  (void) error;
  merge->current = input;
  if (!input->opened)
    {
      input->opened = TRUE;
      input->cursor = dl_filter_cursor_open (&merge->filter, &merge->tally,
                                             merge->raw, input->file, &local);
    }
  while (input->cursor && input->row == NULL
         && dl_filter_cursor_next (input->cursor, &local))
    ;
  if (local)
    {
      dl_cli_warn (local);
      merge->failed = TRUE;
    }
  if (input->row == NULL)
    g_clear_pointer (&input->cursor, dl_filter_cursor_free);
  return g_steal_pointer (&input->row);
}

DlPresorted *
dl_presorted_new (DlTimeline *timeline, gboolean raw,
                  void (*begin_func) (GPtrArray *, gpointer), gpointer data)
{
  DlPresorted *merge = g_new0 (DlPresorted, 1);

  merge->timeline = timeline;
  merge->raw = raw;
  merge->filter.in = DL_FORMAT_TIMELINE;
  merge->filter.out = DL_FORMAT_TIMELINE;
  merge->filter.process = process;
  merge->filter.data = merge;
  merge->filter.begin = begin;
  merge->filter.read_header = read_header;
  merge->begin = begin_func;
  merge->begin_data = data;
  return merge;
}

void
dl_presorted_add (DlPresorted *merge, const char *file)
{
  Input *input = g_new0 (Input, 1);

  input->merge = merge;
  input->file = g_strdup (file);
  input->index = merge->inputs++;
  dl_sorter_add_sorted (dl_timeline_sorter (merge->timeline), next_row,
                        input, (GDestroyNotify) input_free);
}

gboolean
dl_presorted_finish (DlPresorted *merge)
{
  gboolean ok = dl_filter_tally_finish (&merge->filter, &merge->tally);

  if (merge->skipped > 0)
    g_printerr ("%s: %u row%s skipped (bad row)\n", g_get_prgname (),
                merge->skipped, merge->skipped == 1 ? "" : "s");
  if (merge->unsorted > 0)
    g_printerr ("%s: %u row%s skipped (out of order)\n", g_get_prgname (),
                merge->unsorted, merge->unsorted == 1 ? "" : "s");
  return ok && !merge->failed && merge->skipped + merge->unsorted == 0;
}

void
dl_presorted_free (DlPresorted *merge)
{
  if (merge == NULL)
    return;
  g_clear_pointer (&merge->tally.extra, g_ptr_array_unref);
  g_free (merge);
}
