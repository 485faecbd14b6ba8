/* timeline.h: the timeline stage: range records in, one sorted timeline. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

typedef struct _DlTimeline DlTimeline;

DlTimeline *dl_timeline_new (gboolean resolved_only);
void dl_timeline_free (DlTimeline *timeline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTimeline, dl_timeline_free)

/* Adds a ranges record (takes ownership). */
void dl_timeline_add (DlTimeline *timeline, DlRecord *record);

/* How many rows were joined to the row before them (link=). */
guint dl_timeline_links (DlTimeline *timeline);

/* A sink for dl_timeline_add that first checks every column the timeline
 * reads (days, offsets, certainty, granularity, type).  A bad row is freed
 * and fails with "FILE:LINE: message"; the caller may count it and go on. */
gboolean dl_timeline_sink (DlRecord *record, gpointer timeline,
                           GError **error);

/* Sorts and writes the timeline: by start, then end, then document and
 * offset; rows without a range last (or dropped with resolved_only, their
 * number in *dropped). */
gboolean dl_timeline_write (DlTimeline *timeline, DlWriter *writer,
                            guint *dropped, GError **error);

/* A human label for a value and mod ("late 2023", "24 February 2022"). */
char *dl_timeline_label (const char *value, const char *mod);

G_END_DECLS
