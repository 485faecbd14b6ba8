/* words.h: the content words of an event, to tell whether two rows tell
 * the same event. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The word lists (grammar/en/merge/): stop words and suffixes. */
typedef struct _DlWordLists DlWordLists;

/* directory NULL: the built-in grammar. */
DlWordLists *dl_word_lists_load (const char *directory, GError **error);
void dl_word_lists_free (DlWordLists *lists);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWordLists, dl_word_lists_free)

/* A set of content words, each the dl_word_hash of its stem, sorted: comparing
 * two sets is a merge of two short sorted arrays. */
typedef struct {
  guint n;
  guint32 hash[];
} DlWords;

/* The content words of event: casefolded, without stop words, the words
 * of mention (the date's own words) and years, each stemmed.  Free with
 * g_free. */
DlWords *dl_words_of (DlWordLists *lists, const char *event,
                      const char *mention);

/* The stem of one casefolded word, for tests (newly allocated). */
char *dl_word_stem (DlWordLists *lists, const char *word);

/* How alike two sets are: twice the words they share over the words of
 * both (Dice), 0 when they share fewer than min_shared; *shared (may be
 * NULL) gets the count. */
double dl_words_similarity (const DlWords *a, const DlWords *b,
                            guint min_shared, guint *shared);

G_END_DECLS
