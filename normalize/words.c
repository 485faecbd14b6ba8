/* words.c: the lowercase ASCII words of a text, and searches of them. */
#include "words.h"

#include "dl-text.h"

#include <string.h>

/* A search of a text's words for any of a list (see dl_has_listed_word). */
typedef struct {
  const char *const *words;
  gsize n;
  gboolean found;
} WordSearch;

static gboolean
not_listed (const char *word, gsize len, gpointer data)
{
  (void) len;
  WordSearch *search = data;

  for (gsize i = 0; i < search->n; i++)
    if (strcmp (word, search->words[i]) == 0)
      {
        search->found = TRUE;
        return FALSE;
      }
  return TRUE;
}

/* Whether text has any of words[0, n) as one of its lowercase words. */
gboolean
dl_has_listed_word (const char *text, const char *const *words, gsize n)
{
  WordSearch search = { words, n, FALSE };

  dl_each_word (text, not_listed, &search);
  return search.found;
}


/* Calls visit for each lowercase ASCII word of text, until it says stop. */
void
dl_each_word (const char *text,
              gboolean (*visit) (const char *word, gsize len, gpointer data),
              gpointer data)
{
  char word[32];
  gsize n = 0;

  for (const char *p = text;; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          if (n < sizeof word - 1)
            word[n++] = dl_ascii_lower (*p);
          continue;
        }
      if (n > 0 && n < sizeof word - 1)
        {
          word[n] = '\0';
          if (!visit (word, n, data))
            return;
        }
      n = 0;
      if (*p == '\0')
        return;
    }
}
