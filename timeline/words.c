/* words.c: content words of events, stemmed lightly and hashed, and how
 * alike two sets of them are. */
#include "words.h"

#include "dl-data.h"
#include "dl-record.h"
#include "dl-text.h"
#include "dl-word-table.h"

#include <stdlib.h>
#include <string.h>

/* How many words' stems are remembered: past that a word is stemmed each
 * time, as memory must not grow with the input. */
#define MAX_REMEMBERED 100000

/* A stem keeps at least this many bytes: "used" stays "used", not "us". */
#define MIN_STEM 3
/* Suffixes come off at most this often: "announcements" -> "announc". */
#define MAX_ROUNDS 3

typedef struct {
  char *suffix;
  gsize len;
  char *replacement; /* the suffix itself: the word ends here */
} Suffix;

struct _DlWordLists {
  GHashTable *stop;    /* casefolded stop words */
  GArray *suffixes;    /* Suffix, longest first */
  GString *word;       /* the word being read */
  guint32 word_hash;   /* its dl_word_hash, before stemming */
  GArray *hashes;      /* guint32, the set being built */
  GArray *mention;     /* guint32, the mention's words, unstemmed */
  /* casefolded word -> what take_event_word makes of it (known_word), so
   * that each word is looked up in the stop words and stemmed once: it
   * was a tenth of dateline's time. */
  DlWordTable *known;
};

static void
suffix_clear (gpointer data)
{
  Suffix *suffix = data;

  g_free (suffix->suffix);
  g_free (suffix->replacement);
}

void
dl_word_lists_free (DlWordLists *lists)
{
  if (lists == NULL)
    return;
  g_clear_pointer (&lists->stop, g_hash_table_unref);
  g_clear_pointer (&lists->suffixes, g_array_unref);
  if (lists->word)
    g_string_free (lists->word, TRUE);
  g_clear_pointer (&lists->hashes, g_array_unref);
  g_clear_pointer (&lists->mention, g_array_unref);
  g_clear_pointer (&lists->known, dl_word_table_free);
  g_free (lists);
}

static int
longest_first (gconstpointer a, gconstpointer b)
{
  const Suffix *x = a, *y = b;

  return (x->len < y->len) - (x->len > y->len);
}

DlWordLists *
dl_word_lists_load (const char *directory, GError **error)
{
  g_autoptr (DlWordLists) lists = g_new0 (DlWordLists, 1);
  g_auto (GStrv) stop = dl_data_read_list (directory, NULL,
                                           "merge/stop-words.txt", error);
  g_auto (GStrv) suffixes = NULL;

  if (stop == NULL)
    return NULL;
  suffixes = dl_data_read_list (directory, NULL, "merge/suffixes.txt", error);
  if (suffixes == NULL)
    return NULL;
  lists->stop = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; stop[i]; i++)
    g_hash_table_add (lists->stop, g_utf8_casefold (stop[i], -1));
  lists->suffixes = g_array_new (FALSE, FALSE, sizeof (Suffix));
  g_array_set_clear_func (lists->suffixes, suffix_clear);
  for (guint i = 0; suffixes[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (suffixes[i], "\t", 2);
      Suffix suffix;

      suffix.suffix = g_strdup (g_strstrip (fields[0]));
      suffix.len = strlen (suffix.suffix);
      suffix.replacement = g_strdup (fields[1] ? g_strstrip (fields[1]) : "");
      if (suffix.len == 0)
        {
          g_autofree char *where = dl_data_describe (directory, NULL,
                                                     "merge/suffixes.txt");
          suffix_clear (&suffix);
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a line is SUFFIX[<TAB>REPLACEMENT]",
                       where, suffixes[i]);
          return NULL;
        }
      g_array_append_val (lists->suffixes, suffix);
    }
  g_array_sort (lists->suffixes, longest_first);
  lists->word = g_string_sized_new (64);
  lists->hashes = g_array_new (FALSE, FALSE, sizeof (guint32));
  lists->mention = g_array_new (FALSE, FALSE, sizeof (guint32));
  lists->known = dl_word_table_new (NULL);
  return g_steal_pointer (&lists);
}

static gboolean
is_consonant (char c)
{
  return g_ascii_isalpha (c) && strchr ("aeiouy", c) == NULL;
}

/* Strips word (casefolded, in place) to its stem; returns its length. */
static gsize
stem (DlWordLists *lists, char *word, gsize len)
{
  for (int round = 0; round < MAX_ROUNDS; round++)
    {
      const Suffix *hit = NULL;

      for (guint i = 0; i < lists->suffixes->len && hit == NULL; i++)
        {
          const Suffix *s = &g_array_index (lists->suffixes, Suffix, i);

          if (s->len < len && memcmp (word + len - s->len, s->suffix, s->len) == 0)
            hit = s;
        }
      if (hit == NULL || strcmp (hit->suffix, hit->replacement) == 0
          || len - hit->len + strlen (hit->replacement) < MIN_STEM)
        break;
      len -= hit->len;
      memcpy (word + len, hit->replacement, strlen (hit->replacement));
      len += strlen (hit->replacement);
      /* "stopped", "planning": the consonant doubled before the suffix
       * goes too ("stop", "plan"), but not in "called" or "passed". */
      if ((hit->suffix[0] == 'e' || hit->suffix[0] == 'i') && len > MIN_STEM
          && word[len - 1] == word[len - 2] && is_consonant (word[len - 1])
          && strchr ("lsz", word[len - 1]) == NULL)
        len--;
    }
  word[len] = '\0';
  return len;
}

char *
dl_word_stem (DlWordLists *lists, const char *word)
{
  char *copy = g_strdup (word);

  stem (lists, copy, strlen (copy));
  return copy;
}

/* The word p[0, n), not all ASCII, into w, casefolded. */
static void
fold_utf8 (GString *w, const char *p, gsize n)
{
  g_autofree char *folded = g_utf8_casefold (p, n);

  g_string_assign (w, folded);
}

/* The end of the word (letters and digits) at p; *ascii tells whether it
 * is all ASCII.  An apostrophe or hyphen ends a word. */
static const char *
word_end (const char *p, gboolean *ascii)
{
  *ascii = TRUE;
  for (;;)
    {
      gunichar c;

      while (g_ascii_isalnum (*p))
        p++;
      if ((guchar) *p < 0x80)
        return p;
      c = g_utf8_get_char (p);
      if (!g_unichar_isalnum (c))
        return p;
      *ascii = FALSE;
      p = g_utf8_next_char (p);
    }
}

/* The ASCII word p[0, n) into w, in lowercase, in one pass: every word
 * of every row comes here. */
static void
fold_ascii (GString *w, const char *p, gsize n)
{
  g_string_set_size (w, n);
  for (gsize i = 0; i < n; i++)
    w->str[i] = dl_ascii_lower (p[i]);
}

/* Calls take (lists, data) for each casefolded word of text, in
 * lists->word, with its hash in lists->word_hash. */
static void
each_word (DlWordLists *lists, const char *text,
           void (*take) (DlWordLists *, gpointer), gpointer data)
{
  const char *p = text;

  while (*p)
    {
      gboolean ascii;
      const char *end = word_end (p, &ascii);

      if (end == p)
        {
          p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
          continue;
        }
      if (ascii)
        fold_ascii (lists->word, p, end - p);
      else
        fold_utf8 (lists->word, p, end - p);
      lists->word_hash = dl_word_hash (lists->word->str, lists->word->len);
      take (lists, data);
      p = end;
    }
}

static void
take_mention_word (DlWordLists *lists, gpointer data)
{
  (void) data;
  g_array_append_val (lists->mention, lists->word_hash);
}

/* A number from 1000 to 2999 is a year: a date's word. */
static gboolean
is_year (const GString *w)
{
  return w->len == 4 && (w->str[0] == '1' || w->str[0] == '2')
         && strspn (w->str, "0123456789") == 4;
}

/* Whether the casefolded word in lists->word is a content word (no stop
 * word, year or single letter), and the hash of its stem in *hash. */
static gboolean
read_word (DlWordLists *lists, guint32 *hash)
{
  GString *w = lists->word;
  gsize len;

  if (w->len < 2 || is_year (w) || g_hash_table_contains (lists->stop, w->str))
    return FALSE;
  len = g_ascii_isalpha (w->str[0]) ? stem (lists, w->str, w->len) : w->len;
  *hash = dl_word_hash (w->str, len);
  return TRUE;
}

/* read_word, remembered in lists->known as the stem's hash, 0 for no
 * content word (a stem whose hash is 0 is not remembered).  Stemming
 * works on lists->word in place, so the word is kept before. */
static gboolean
known_word (DlWordLists *lists, guint32 *hash)
{
  GString *w = lists->word;
  char key[DL_WORD_KEY_MAX];
  gsize len = w->len;
  gpointer known;
  gboolean content;

  if (len > DL_WORD_KEY_MAX)
    return read_word (lists, hash);
  if (dl_word_table_lookup_hashed (lists->known, w->str, len,
                                   lists->word_hash, &known))
    {
      *hash = GPOINTER_TO_UINT (known);
      return *hash != 0;
    }
  memcpy (key, w->str, len);
  content = read_word (lists, hash);
  if ((!content || *hash != 0)
      && dl_word_table_size (lists->known) < MAX_REMEMBERED)
    dl_word_table_insert (lists->known, key, len,
                          GUINT_TO_POINTER (content ? *hash : 0));
  return content;
}

static void
take_event_word (DlWordLists *lists, gpointer data)
{
  guint32 h;

  (void) data;
  /* A word of the mention is none of the event's (before stemming). */
  for (guint i = 0; i < lists->mention->len; i++)
    if (g_array_index (lists->mention, guint32, i) == lists->word_hash)
      return;
  if (known_word (lists, &h))
    g_array_append_val (lists->hashes, h);
}

static int
compare_hash (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

DlWords *
dl_words_of (DlWordLists *lists, const char *event, const char *mention)
{
  DlWords *words;
  guint n = 0;

  g_array_set_size (lists->hashes, 0);
  g_array_set_size (lists->mention, 0);
  each_word (lists, mention ? mention : "", take_mention_word, NULL);
  each_word (lists, event ? event : "", take_event_word, NULL);
  g_array_sort (lists->hashes, compare_hash);
  words = g_malloc (sizeof *words + lists->hashes->len * sizeof (guint32));
  for (guint i = 0; i < lists->hashes->len; i++)
    {
      guint32 h = g_array_index (lists->hashes, guint32, i);

      if (n == 0 || words->hash[n - 1] != h)
        words->hash[n++] = h;
    }
  words->n = n;
  return words;
}

double
dl_words_similarity (const DlWords *a, const DlWords *b, guint min_shared,
                     guint *shared)
{
  guint i = 0, j = 0, both = 0;

  while (i < a->n && j < b->n)
    {
      if (a->hash[i] == b->hash[j])
        both++, i++, j++;
      else if (a->hash[i] < b->hash[j])
        i++;
      else
        j++;
    }
  if (shared)
    *shared = both;
  if (both < MAX (min_shared, 1))
    return 0;
  return 2.0 * both / (a->n + b->n);
}
