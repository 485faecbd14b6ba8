/* index-steps.h: the steps of the grammar index (grammar-match.c), from a
 * node (a word, or a word and the tokens after it) by the next token to
 * the node it leads to and the rules that can still begin there.
 *
 * One table holds the steps of every node, and a slot holds all a step's
 * answer: the scan takes a step at each common word of the text ("the",
 * "more than"), and most steps cost the hash of a short token and one
 * cache line, where a table of its own for each node cost three (the
 * table, its slots, the node it leads to). */
#pragma once

#include <glib.h>

/* The longest token a step takes (with the space or '.' before it), so
 * that a slot is 32 bytes.  After a longer token the index narrows no
 * further, which costs tries but no matches: "the" begins dozens of
 * rules, and words of up to 18 letters (" telecommunications") are
 * nearly all words (on TimeBank, all but 2 in 100,000 steps). */
#define DL_STEP_KEY_MAX 19

typedef struct {
  guint32 list;  /* the number of the rules that can go on so (the
                  * index numbers its lists); 0 for none */
  guint32 child; /* the node to narrow from next; 0 for none */
} DlStep;

typedef struct _DlStepTable DlStepTable;

DlStepTable *dl_step_table_new (void);
void dl_step_table_free (DlStepTable *table);

/* Whether node has a step by token (len bytes, at most DL_STEP_KEY_MAX),
 * into *step. */
gboolean dl_step_table_lookup (const DlStepTable *table, guint32 node,
                               const char *token, gsize len, DlStep *step);

/* Adds node's step by token, which must not be in table yet. */
void dl_step_table_insert (DlStepTable *table, guint32 node,
                           const char *token, gsize len, DlStep step);
