/* handoff.h: records handed from one thread to a sink that runs in
 * another, so that dateline's stages run side by side on two cores. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

typedef struct _DlHandoff DlHandoff;

/* What the other thread does once the last record has gone to the sink
 * (normalize's flush). */
typedef gboolean (*DlHandoffFinish) (gpointer data, GError **error);

/* Starts the thread that hands each record to sink, then calls finish. */
DlHandoff *dl_handoff_start (DlSinkFunc sink, DlHandoffFinish finish,
                             gpointer data);

/* A DlSinkFunc (data is the handoff): queues record for the other thread.
 * Waits while the queue is full, so memory stays bounded.  Fails once the
 * sink has failed, with its error. */
gboolean dl_handoff_sink (DlRecord *record, gpointer data, GError **error);

/* Hands on what is queued, waits for the thread to finish and frees the
 * handoff.  FALSE if the sink or finish failed, with the error unless
 * dl_handoff_sink has returned it already. */
gboolean dl_handoff_end (DlHandoff *handoff, GError **error);

G_END_DECLS
