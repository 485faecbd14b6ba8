/* dl-word-table.c: open addressing, linear probing, keys inline; grown to
 * twice its size when half full, so a miss stops at an empty slot soon. */
#include "dl-word-table.h"

#include <string.h>

typedef struct {
  guint32 hash;
  guint8 len;
  guint8 used;
  char key[DL_WORD_KEY_MAX];
  gpointer value;
} Slot;

G_STATIC_ASSERT (sizeof (Slot) == 32);

struct _DlWordTable {
  Slot *slots;
  guint mask; /* slots - 1, a power of two less one */
  guint size;
  GDestroyNotify free_value;
};

/* FNV-1a: words are short, and this is a byte a step. */
guint32
dl_word_hash (const char *key, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) key[i]) * 16777619u;
  return h;
}

DlWordTable *
dl_word_table_new (GDestroyNotify free_value)
{
  DlWordTable *table = g_new0 (DlWordTable, 1);

  table->mask = 15;
  table->slots = g_new0 (Slot, table->mask + 1);
  table->free_value = free_value;
  return table;
}

void
dl_word_table_free (DlWordTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; table->free_value && i <= table->mask; i++)
    if (table->slots[i].used)
      table->free_value (table->slots[i].value);
  g_free (table->slots);
  g_free (table);
}

static Slot *
find (const DlWordTable *table, const char *key, gsize len, guint32 hash)
{
  for (guint i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (!slot->used
          || (slot->hash == hash && slot->len == len
              && memcmp (slot->key, key, len) == 0))
        return slot;
    }
}

gboolean
dl_word_table_lookup_hashed (const DlWordTable *table, const char *key,
                             gsize len, guint32 hash, gpointer *value)
{
  Slot *slot;

  g_return_val_if_fail (len <= DL_WORD_KEY_MAX, FALSE);
  slot = find (table, key, len, hash);
  if (!slot->used)
    return FALSE;
  *value = slot->value;
  return TRUE;
}

gboolean
dl_word_table_lookup (const DlWordTable *table, const char *key, gsize len,
                      gpointer *value)
{
  return dl_word_table_lookup_hashed (table, key, len, dl_word_hash (key, len),
                                      value);
}

static void
grow (DlWordTable *table)
{
  Slot *old = table->slots;
  guint old_mask = table->mask;

  table->mask = table->mask * 2 + 1;
  table->slots = g_new0 (Slot, table->mask + 1);
  for (guint i = 0; i <= old_mask; i++)
    if (old[i].used)
      *find (table, old[i].key, old[i].len, old[i].hash) = old[i];
  g_free (old);
}

void
dl_word_table_insert (DlWordTable *table, const char *key, gsize len,
                      gpointer value)
{
  guint32 hash = dl_word_hash (key, len);
  Slot *slot;

  g_return_if_fail (len <= DL_WORD_KEY_MAX);
  if (2 * (table->size + 1) > table->mask + 1)
    grow (table);
  slot = find (table, key, len, hash);
  g_return_if_fail (!slot->used);
  slot->hash = hash;
  slot->len = len;
  slot->used = TRUE;
  memcpy (slot->key, key, len);
  slot->value = value;
  table->size++;
}

guint
dl_word_table_size (const DlWordTable *table)
{
  return table->size;
}
