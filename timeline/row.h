/* row.h: a timeline row as the stage holds it between reading and writing
 * (private to timeline/). */
#pragma once

#include "dl-record.h"
#include "words.h"

G_BEGIN_DECLS

/* Julian days of an open end. */
#define DL_OPEN_START 0
#define DL_OPEN_END G_MAXINT32

/* Where a report was told, as hashes: its input, document and sentence,
 * and the mention's offset there; 0 when unknown (a timeline read again). */
typedef struct {
  guint32 sentence;
  guint32 mention;
} DlSpot;

typedef struct {
  DlRecord *record;     /* the fields written; its range is own_lo..own_hi */
  gint32 own_lo, own_hi; /* the record's own range */
  gint32 lo, hi;        /* what every report merged into the row allows */
  gint32 key;           /* the day it sorts by: lo, or hi when open at the
                           start; DL_OPEN_END without a range */
  gint32 first_key;     /* key of its first report */
  guint8 granularity;   /* index in the known granularities, 0 for none */
  guint8 certainty;     /* rank: 0 exact ... 3 unresolved */
  gboolean narrowed;    /* some report allows more days than lo..hi */
  gboolean overlap_only; /* ... because two reports only overlap */
  GRefString *doc;      /* its document, interned: equal names, one pointer */
  guint64 line;         /* the line of its document it was told on (of its
                           first report's source, in a timeline read again) */
  guint64 seq;          /* its place in the input: the last tie-break */
  gint32 expiry;        /* last day a report may start to join it */
  guint reports;        /* rows merged into this one, itself included */
  DlSpot spot;          /* where in which sentence it was told */
  DlWords *words;       /* the event's content words; NULL unless merging */
  GPtrArray *also;      /* DlWords * of other reports, compared too */
  GArray *spots;        /* DlSpot: where the others were told */
  /* the merge's bookkeeping */
  gboolean closed;      /* takes no more reports */
  guint stamp, hits;    /* words shared with the row being merged */
} DlRow;

void dl_row_free (DlRow *row);

/* The interned name doc[0, len) as a new reference, reusing *last (the
 * name of the row before, replaced when it differs): rows come a
 * document at a time, and interning takes a lock and a lookup. */
GRefString *dl_row_doc (GRefString **last, const char *doc, gsize len);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRow, dl_row_free)

static inline gboolean
dl_row_ranged (const DlRow *row)
{
  return row->key != DL_OPEN_END;
}

/* The order of the timeline: by key, then last day, document, line,
 * mention and event, and last input order.  Only what a timeline row keeps
 * decides it (no byte offset), so a timeline read again, in any order,
 * sorts as its rows did: split, shuffled and merged, an archive gives the
 * timeline it gives whole. */
int dl_row_compare (const DlRow *a, const DlRow *b);

/* The names of certainty ranks. */
const char *dl_row_certainty_name (guint8 rank);

/* The same-event merge, on rows that come sorted (dl_row_compare). */
typedef struct {
  gboolean enabled;
  double threshold;  /* least similarity of the events' words */
  guint min_shared;  /* least number of content words shared */
} DlMergeRule;

typedef struct _DlMerger DlMerger;

/* emit takes each finished row (ownership), in timeline order. */
typedef gboolean (*DlRowFunc) (DlRow *row, gpointer data, GError **error);

DlMerger *dl_merger_new (const DlMergeRule *rule, DlRowFunc emit,
                         gpointer data);
void dl_merger_free (DlMerger *merger);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlMerger, dl_merger_free)

/* Takes the next row of the sorted stream. */
gboolean dl_merger_push (DlMerger *merger, DlRow *row, GError **error);
/* Emits what is held. */
gboolean dl_merger_finish (DlMerger *merger, GError **error);
/* How many rows went into others. */
guint dl_merger_merged (DlMerger *merger);

G_END_DECLS
