/* words.h: the lowercase ASCII words of a text, and searches of them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls visit for each lowercase ASCII word of text and its length, until
 * it says stop (returns FALSE).  Words of 31 letters or more are
 * skipped. */
void dl_each_word (const char *text,
                   gboolean (*visit) (const char *word, gsize len,
                                      gpointer data),
                   gpointer data);
/* Whether text has any of words[0, n) as one of its lowercase words. */
gboolean dl_has_listed_word (const char *text, const char *const *words,
                             gsize n);

G_END_DECLS
