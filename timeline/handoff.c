/* handoff.c: a bounded queue of record batches between two threads
 * (handoff.h).  Records go in batches, so that the threads take the lock
 * once per batch, not once per record. */
#include "handoff.h"

/* A batch of 256 records is some 100 KB; eight in the queue bound what
 * waits between the threads to a few megabytes. */
#define BATCH_RECORDS 256
#define QUEUE_BATCHES 8

struct _DlHandoff {
  DlSinkFunc sink;
  DlHandoffFinish finish;
  gpointer data;
  GThread *thread;
  GPtrArray *filling; /* the producer's batch, not yet queued */
  GMutex lock;        /* guards the members below */
  GCond changed;
  GQueue queue;       /* of GPtrArray batches, oldest first */
  gboolean ended;     /* no more batches will come */
  GError *error;      /* the sink's or finish's failure */
  gboolean told;      /* error has gone to the producer already */
};

static GPtrArray *
new_batch (void)
{
  return g_ptr_array_new_full (BATCH_RECORDS,
                               (GDestroyNotify) dl_record_free);
}

/* The next batch for the consumer, or NULL once the queue is empty and
 * ended. */
static GPtrArray *
next_batch (DlHandoff *handoff)
{
  GPtrArray *batch;

  g_mutex_lock (&handoff->lock);
  while (g_queue_is_empty (&handoff->queue) && !handoff->ended)
    g_cond_wait (&handoff->changed, &handoff->lock);
  batch = g_queue_pop_head (&handoff->queue);
  g_cond_broadcast (&handoff->changed);
  g_mutex_unlock (&handoff->lock);
  return batch;
}

static void
fail (DlHandoff *handoff, GError *error)
{
  g_mutex_lock (&handoff->lock);
  if (handoff->error == NULL)
    handoff->error = error;
  else
    g_error_free (error);
  g_mutex_unlock (&handoff->lock);
}

/* Hands a batch's records to the sink, which takes each; after a failure
 * the rest are freed with the batch. */
static gboolean
sink_batch (DlHandoff *handoff, GPtrArray *batch, gboolean ok)
{
  GError *error = NULL;

  for (guint i = 0; ok && i < batch->len; i++)
    if (!handoff->sink (g_steal_pointer (&batch->pdata[i]), handoff->data,
                        &error))
      {
        fail (handoff, error);
        ok = FALSE;
      }
  g_ptr_array_unref (batch);
  return ok;
}

static gpointer
consume (gpointer data)
{
  DlHandoff *handoff = data;
  GError *error = NULL;
  GPtrArray *batch;
  gboolean ok = TRUE;

  while ((batch = next_batch (handoff)) != NULL)
    ok = sink_batch (handoff, batch, ok);
  if (ok && !handoff->finish (handoff->data, &error))
    fail (handoff, error);
  return NULL;
}

DlHandoff *
dl_handoff_start (DlSinkFunc sink, DlHandoffFinish finish, gpointer data)
{
  DlHandoff *handoff = g_new0 (DlHandoff, 1);

  handoff->sink = sink;
  handoff->finish = finish;
  handoff->data = data;
  handoff->filling = new_batch ();
  g_mutex_init (&handoff->lock);
  g_cond_init (&handoff->changed);
  g_queue_init (&handoff->queue);
  handoff->thread = g_thread_new ("normalize", consume, handoff);
  return handoff;
}

/* Queues the filling batch, waiting for room; FALSE (error set) if the
 * consumer has failed. */
static gboolean
queue_batch (DlHandoff *handoff, GError **error)
{
  gboolean ok;

  g_mutex_lock (&handoff->lock);
  while (handoff->error == NULL
         && g_queue_get_length (&handoff->queue) >= QUEUE_BATCHES)
    g_cond_wait (&handoff->changed, &handoff->lock);
  ok = handoff->error == NULL;
  if (ok)
    {
      g_queue_push_tail (&handoff->queue, handoff->filling);
      g_cond_broadcast (&handoff->changed);
    }
  else if (error)
    {
      g_propagate_error (error, g_error_copy (handoff->error));
      handoff->told = TRUE;
    }
  g_mutex_unlock (&handoff->lock);
  if (!ok)
    g_ptr_array_unref (handoff->filling);
  handoff->filling = new_batch ();
  return ok;
}

gboolean
dl_handoff_sink (DlRecord *record, gpointer data, GError **error)
{
  DlHandoff *handoff = data;

  dl_record_compact (record);
  g_ptr_array_add (handoff->filling, record);
  return handoff->filling->len < BATCH_RECORDS
         || queue_batch (handoff, error);
}

gboolean
dl_handoff_end (DlHandoff *handoff, GError **error)
{
  gboolean ok;

  if (handoff->filling->len > 0)
    (void) queue_batch (handoff, NULL);
  g_ptr_array_unref (handoff->filling);
  g_mutex_lock (&handoff->lock);
  handoff->ended = TRUE;
  g_cond_broadcast (&handoff->changed);
  g_mutex_unlock (&handoff->lock);
  g_thread_join (handoff->thread);
  ok = handoff->error == NULL;
  if (!ok && !handoff->told)
    g_propagate_error (error, handoff->error);
  else
    g_clear_error (&handoff->error);
  g_mutex_clear (&handoff->lock);
  g_cond_clear (&handoff->changed);
  g_free (handoff);
  return ok;
}
