/* index-steps.c: open addressing, linear probing, keys and answers
 * inline; grown to twice its size when three quarters full.
 *
 * A slot is half a cache line.  Most steps the scan takes are of words
 * met before but not lately, whose slot is not in the cache: the table's
 * size decides how far away it is.  So the slot keeps no hash (a key is
 * compared at most once, after its node and length), and the rules it
 * leads to by the number the index gives their list. */
#include "index-steps.h"

#include "dl-word-table.h"

#include <string.h>

typedef struct {
  guint32 node;
  guint32 child;
  guint32 list;
  guint8 len;   /* 0: an empty slot (a token is never empty) */
  char key[DL_STEP_KEY_MAX];
} Slot;

G_STATIC_ASSERT (sizeof (Slot) == 32);

struct _DlStepTable {
  Slot *slots;
  guint mask; /* slots - 1, a power of two less one */
  guint size;
};

/* The word table's hash of the token, mixed with the node (Knuth's
 * multiplicative constant spreads consecutive node numbers). */
static guint32
step_hash (guint32 node, const char *token, gsize len)
{
  return dl_word_hash (token, len) ^ (node * 2654435761u);
}

DlStepTable *
dl_step_table_new (void)
{
  DlStepTable *table = g_new0 (DlStepTable, 1);

  table->mask = 255;
  table->slots = g_new0 (Slot, table->mask + 1);
  return table;
}

void
dl_step_table_free (DlStepTable *table)
{
  if (table == NULL)
    return;
  g_free (table->slots);
  g_free (table);
}

static Slot *
find (const DlStepTable *table, guint32 node, const char *token, gsize len)
{
  for (guint i = step_hash (node, token, len) & table->mask;;
       i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (slot->len == 0
          || (slot->node == node && slot->len == len
              && memcmp (slot->key, token, len) == 0))
        return slot;
    }
}

gboolean
dl_step_table_lookup (const DlStepTable *table, guint32 node,
                      const char *token, gsize len, DlStep *step)
{
  Slot *slot;

  g_return_val_if_fail (len > 0 && len <= DL_STEP_KEY_MAX, FALSE);
  slot = find (table, node, token, len);
  if (slot->len == 0)
    return FALSE;
  step->list = slot->list;
  step->child = slot->child;
  return TRUE;
}

static void
grow (DlStepTable *table)
{
  Slot *old = table->slots;
  guint old_mask = table->mask;

  table->mask = table->mask * 2 + 1;
  table->slots = g_new0 (Slot, table->mask + 1);
  for (guint i = 0; i <= old_mask; i++)
    if (old[i].len)
      *find (table, old[i].node, old[i].key, old[i].len) = old[i];
  g_free (old);
}

void
dl_step_table_insert (DlStepTable *table, guint32 node, const char *token,
                      gsize len, DlStep step)
{
  Slot *slot;

  g_return_if_fail (len > 0 && len <= DL_STEP_KEY_MAX);
  if (4 * (table->size + 1) > 3 * (table->mask + 1))
    grow (table);
  slot = find (table, node, token, len);
  g_return_if_fail (slot->len == 0);
  slot->node = node;
  slot->child = step.child;
  slot->list = step.list;
  slot->len = len;
  memcpy (slot->key, token, len);
  table->size++;
}
