/* index-steps.c: open addressing, linear probing, keys and answers
 * inline; grown to twice its size when half full. */
#include "index-steps.h"

#include "dl-word-table.h"

#include <string.h>

typedef struct {
  guint32 hash;
  guint32 node;
  guint32 child;
  guint8 len; /* 0: an empty slot (a token is never empty) */
  char key[DL_STEP_KEY_MAX];
  GPtrArray *rules;
} Slot;

G_STATIC_ASSERT (sizeof (Slot) == 48);

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
find (const DlStepTable *table, guint32 node, const char *token, gsize len,
      guint32 hash)
{
  for (guint i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (slot->len == 0
          || (slot->hash == hash && slot->node == node && slot->len == len
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
  slot = find (table, node, token, len, step_hash (node, token, len));
  if (slot->len == 0)
    return FALSE;
  step->rules = slot->rules;
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
      *find (table, old[i].node, old[i].key, old[i].len, old[i].hash)
          = old[i];
  g_free (old);
}

void
dl_step_table_insert (DlStepTable *table, guint32 node, const char *token,
                      gsize len, DlStep step)
{
  guint32 hash = step_hash (node, token, len);
  Slot *slot;

  g_return_if_fail (len > 0 && len <= DL_STEP_KEY_MAX);
  if (2 * (table->size + 1) > table->mask + 1)
    grow (table);
  slot = find (table, node, token, len, hash);
  g_return_if_fail (slot->len == 0);
  slot->hash = hash;
  slot->node = node;
  slot->child = step.child;
  slot->len = len;
  memcpy (slot->key, token, len);
  slot->rules = step.rules;
  table->size++;
}
