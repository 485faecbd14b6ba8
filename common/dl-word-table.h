/* dl-word-table.h: a table from short byte strings (words) to pointers,
 * for lookups made once a word of the text: extract's clause cues,
 * normalize's tense cues, the timeline's stems of event words.  (The
 * grammar index keeps its words in extract/index-steps.c, whose slots
 * hold the answer itself.)
 *
 * GHashTable keeps each key behind a pointer, so that a lookup hashes the
 * key, then follows the pointer to compare it: on extract's millions of
 * lookups in tables of thousands of words that second step was a cache
 * miss and most of the cost.  This table keeps each key inline in its
 * slot, beside its hash and value, two slots a cache line, so a lookup
 * costs the hash of a word and mostly one line. */
#pragma once

#include <glib.h>

/* The longest key a table holds: a slot is half a cache line.  Longer
 * words are rare, and the callers do without the table for them. */
#define DL_WORD_KEY_MAX 18

typedef struct _DlWordTable DlWordTable;

/* free_value (may be NULL) is called on each value when the table goes. */
DlWordTable *dl_word_table_new (GDestroyNotify free_value);
void dl_word_table_free (DlWordTable *table);

/* Whether key (len bytes, at most DL_WORD_KEY_MAX) is in table, its value
 * (which may be NULL) in *value. */
gboolean dl_word_table_lookup (const DlWordTable *table, const char *key,
                               gsize len, gpointer *value);
/* The same, for a key whose dl_word_hash the caller has taken already. */
gboolean dl_word_table_lookup_hashed (const DlWordTable *table,
                                      const char *key, gsize len,
                                      guint32 hash, gpointer *value);

/* Adds key, which must not be in table yet, with value. */
void dl_word_table_insert (DlWordTable *table, const char *key, gsize len,
                           gpointer value);

guint dl_word_table_size (const DlWordTable *table);

/* The table's hash of len bytes (32-bit FNV-1a), for others that keep
 * words as hashes. */
guint32 dl_word_hash (const char *key, gsize len);
