/* sentence.c: sentence boundaries in news and history text.
 *
 * One pass over the bytes.  A sentence ends at a run of '.', '!' or '?',
 * with the closing quotes and brackets after it, when whitespace and then
 * something that can begin a sentence follow; a blank line always ends one.
 * A '.' after an abbreviation, an initial or between digits does not end a
 * sentence, except that a few abbreviations that often close one ("U.S.",
 * "Inc.", "etc.") do when a common first word of a sentence follows.
 *
 * Lines: hard-wrapped prose breaks its lines inside sentences, so a single
 * line break ends nothing by itself.  But text that runs for more than
 * STRETCH_LINES line breaks or STRETCH_BYTES bytes without a sentence end
 * is not prose (a log, a list, a table, subtitles): every line break of
 * such a stretch ends a sentence, the ones already passed included.  A line
 * that begins with a bullet ("- ", "* ", "• ") begins a sentence too.
 *
 * Non-ASCII text is opaque bytes, except for the typographic quotes and an
 * uppercase letter after a stop (so "... ended. Émile said" splits). */
#include "sentence.h"

#include "dl-text.h"

#include <string.h>

/* Longer words are not abbreviations: saves copying long tokens. */
#define WORD_MAX 32

/* A stretch without a sentence end longer than this is lines, not prose:
 * a sentence of news wrapped at 72 columns rarely spans six lines. */
#define STRETCH_LINES 5
#define STRETCH_BYTES 400

struct _DlSentenceSplitter {
  GHashTable *abbreviations; /* lowercase, no final period -> itself */
};

/* Abbreviations that also close sentences often: after them, a stop ends
 * the sentence when a common sentence starter (below) follows. */
static const char *const closing_abbreviations[] = {
  "u.s", "u.k", "u.n", "inc", "corp", "co", "ltd", "jr", "sr", "etc",
  "a.m", "p.m",
};

/* Abbreviations that only precede a number ("No. 5", "Vol. 2"); before
 * anything else the word is a word ("he said no."). */
static const char *const numeric_abbreviations[] = {
  "no", "nos", "vol", "vols", "fig", "figs", "art", "pp",
};

/* Capitalised words that begin sentences but rarely follow "U.S." or an
 * initial inside one ("U.S. Army", "George W. Bush"). */
static const char *const starters[] = {
  "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On",
  "A", "This", "That", "There", "Its", "His", "Her", "Their", "However",
};

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
         || c == '\f';
}

static gboolean
is_stop (guchar c)
{
  return c == '.' || c == '!' || c == '?';
}

/* Inside a sentence, only these can end it or break its line: the rest,
 * spaces between words included, is skipped in one run. */
static const guint8 breaks_here[256] = {
  ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1,
};

static gboolean
has_prefix (const char *text, gsize len, gsize i, const char *prefix)
{
  gsize n = strlen (prefix);
  return len - i >= n && memcmp (text + i, prefix, n) == 0;
}

/* One past the closing quotes and brackets at text[i]: ' " ) ] ’ ” ». */
static gsize
skip_closers (const char *text, gsize len, gsize i)
{
  for (;;)
    {
      if (i < len && strchr ("'\")]", text[i]) != NULL && text[i] != '\0')
        i++;
      else if (has_prefix (text, len, i, "\xE2\x80\x99")    /* ’ */
               || has_prefix (text, len, i, "\xE2\x80\x9D")) /* ” */
        i += 3;
      else if (has_prefix (text, len, i, "\xC2\xBB")) /* » */
        i += 2;
      else
        return i;
    }
}

/* Whether text[i] can begin a sentence: an uppercase letter, a digit, an
 * opening quote or bracket. */
static gboolean
can_start (const char *text, gsize len, gsize i)
{
  guchar c = text[i];
  gunichar u;

  if (g_ascii_isupper (c) || g_ascii_isdigit (c) || strchr ("'\"([", c) != NULL)
    return c != '\0';
  if (has_prefix (text, len, i, "\xE2\x80\x98")     /* ‘ */
      || has_prefix (text, len, i, "\xE2\x80\x9C")  /* “ */
      || has_prefix (text, len, i, "\xC2\xAB"))     /* « */
    return TRUE;
  if (c < 0x80)
    return FALSE;
  u = g_utf8_get_char_validated (text + i, MIN (len - i, 4));
  return u < 0xFFFFFFFE && (g_unichar_isupper (u) || g_unichar_istitle (u));
}

static gboolean
in_list (const char *word, const char *const *list, gsize n)
{
  for (gsize k = 0; k < n; k++)
    if (strcmp (word, list[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the word at text[i] is one of the common sentence starters. */
static gboolean
is_starter (const char *text, gsize len, gsize i)
{
  for (gsize k = 0; k < G_N_ELEMENTS (starters); k++)
    {
      gsize n = strlen (starters[k]);

      if (has_prefix (text, len, i, starters[k])
          && (i + n == len || !g_ascii_isalpha (text[i + n])))
        return TRUE;
    }
  return FALSE;
}

/* "J.R.R" or "U.S.A": single letters joined by periods. */
static gboolean
is_dotted_initials (const char *word, gsize n)
{
  if (n < 3)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if ((k % 2 == 0) != (g_ascii_isalpha (word[k]) != 0)
        || (k % 2 == 1 && word[k] != '.'))
      return FALSE;
  return n % 2 == 1;
}

/* The start of the word that ends at text[stop] == '.': letters and inner
 * periods ("U.S" in "U.S.").  Returns stop if there is none, or if the
 * letters are the tail of a non-ASCII word ("café."). */
static gsize
word_start (const char *text, gsize stop)
{
  gsize w = stop;

  while (w > 0 && stop - w <= WORD_MAX
         && (g_ascii_isalpha (text[w - 1]) || text[w - 1] == '.'))
    w--;
  while (w < stop && text[w] == '.')
    w++;
  if (stop - w > WORD_MAX || (w > 0 && (guchar) text[w - 1] >= 0x80))
    return stop;
  return w;
}

/* Whether the '.' at text[stop], followed by whitespace and then text[next]
 * (which can begin a sentence), ends the sentence. */
static gboolean
period_ends (const DlSentenceSplitter *splitter, const char *text, gsize len,
             gsize stop, gsize next)
{
  gsize w = word_start (text, stop);
  gsize n = stop - w;
  char word[WORD_MAX + 1];

  if (stop > 0 && g_ascii_isdigit (text[stop - 1]) && stop + 1 < len
      && g_ascii_isdigit (text[stop + 1]))
    return FALSE; /* 3.5 */
  if (n == 0)
    return TRUE;
  for (gsize k = 0; k < n; k++)
    word[k] = dl_ascii_lower (text[w + k]);
  word[n] = '\0';

  if (g_hash_table_contains (splitter->abbreviations, word))
    {
      if (in_list (word, numeric_abbreviations,
                   G_N_ELEMENTS (numeric_abbreviations)))
        return !g_ascii_isdigit (text[next]);
      if (in_list (word, closing_abbreviations,
                   G_N_ELEMENTS (closing_abbreviations)))
        return is_starter (text, len, next);
      return FALSE;
    }
  /* An initial, or several ("J. Smith", "J.R.R. Tolkien"): unless a common
   * starter follows ("World War I. The"), where "I" and "A" are left out
   * since they are likelier initials themselves ("J. A. Smith"). */
  if ((n == 1 && g_ascii_isupper (text[w])) || is_dotted_initials (word, n))
    return is_starter (text, len, next)
           && !(g_ascii_isupper (text[next])
                && (next + 1 == len || !g_ascii_isalpha (text[next + 1])));
  return TRUE;
}

/* Whether the stops text[stop, stops_end), with closers up to after, end
 * the sentence. */
static gboolean
ends_sentence (const DlSentenceSplitter *splitter, const char *text,
               gsize len, gsize stop, gsize stops_end, gsize after)
{
  gsize next = after;

  if (after < len && !is_space (text[after]))
    return FALSE; /* "U.S.-led", "3.5", "e.g.," */
  while (next < len && is_space (text[next]))
    next++;
  if (next == len)
    return TRUE;
  if (!can_start (text, len, next))
    return FALSE;
  /* Only a lone '.' can follow an abbreviation; "..." and "?" end here. */
  if (stops_end - stop == 1 && text[stop] == '.')
    return period_ends (splitter, text, len, stop, next);
  return TRUE;
}

static void
add_span (GArray *spans, gsize start, gsize end)
{
  DlSpan span = { start, end };
  g_array_append_val (spans, span);
}

/* Whether a bullet and a space begin the line at text[i]. */
static gboolean
is_bullet (const char *text, gsize len, gsize i)
{
  gsize after;

  if (i < len && (text[i] == '-' || text[i] == '*'))
    after = i + 1;
  else if (has_prefix (text, len, i, "\xE2\x80\xA2")) /* • */
    after = i + 3;
  else
    return FALSE;
  return after < len && (text[after] == ' ' || text[after] == '\t');
}

DlSentenceSplitter *
dl_sentence_splitter_new (const char *const *abbreviations)
{
  DlSentenceSplitter *splitter = g_new0 (DlSentenceSplitter, 1);

  splitter->abbreviations = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                   g_free, NULL);
  for (gsize k = 0; abbreviations != NULL && abbreviations[k] != NULL; k++)
    {
      char *word = g_ascii_strdown (abbreviations[k], -1);
      gsize n = strlen (word);

      /* Be lenient with lists that keep the final period. */
      if (n > 0 && word[n - 1] == '.')
        word[n - 1] = '\0';
      if (word[0] == '\0')
        g_free (word);
      else
        g_hash_table_add (splitter->abbreviations, word);
    }
  return splitter;
}

void
dl_sentence_splitter_free (DlSentenceSplitter *splitter)
{
  if (splitter == NULL)
    return;
  g_hash_table_unref (splitter->abbreviations);
  g_free (splitter);
}

/* The state of one pass. */
typedef struct {
  GArray *spans;
  gboolean open;  /* inside a sentence */
  gsize start;    /* its first byte */
  gsize last;     /* one past its last non-space byte so far */
  /* The stretch since the last sentence end or blank line, and the line
   * breaks in it (one past the line's last byte, the next line's first):
   * while it is short, they may yet turn out to end sentences. */
  gsize stretch;
  guint n_breaks;
  gboolean lines; /* the stretch is lines: each break ends a sentence */
  DlSpan breaks[STRETCH_LINES];
} Split;

static void
end_sentence (Split *s, gsize end)
{
  add_span (s->spans, s->start, end);
  s->open = FALSE;
}

/* A sentence ended by a stop or a blank line: a new stretch begins. */
static void
end_stretch (Split *s, gsize next)
{
  s->stretch = next;
  s->n_breaks = 0;
  s->lines = FALSE;
}

/* At a line break within a sentence (s->last is the line's end, next the
 * next line's start): ends the sentence if the stretch is lines, or turns
 * a stretch grown too long into lines, ending its earlier breaks too. */
static void
line_break (Split *s, const char *text, gsize len, gsize next)
{
  if (is_bullet (text, len, next))
    {
      end_sentence (s, s->last);
      end_stretch (s, next);
      return;
    }
  if (!s->lines && s->n_breaks < STRETCH_LINES
      && next - s->stretch <= STRETCH_BYTES)
    {
      s->breaks[s->n_breaks++] = (DlSpan) { s->last, next };
      return;
    }
  if (!s->lines)
    {
      s->lines = TRUE;
      for (guint k = 0; k < s->n_breaks; k++)
        {
          add_span (s->spans, s->start, s->breaks[k].start);
          s->start = s->breaks[k].end;
        }
      s->n_breaks = 0;
    }
  end_sentence (s, s->last);
}

GArray *
dl_sentence_splitter_split (DlSentenceSplitter *splitter, const char *text,
                            gsize len)
{
  Split s = { .spans = g_array_new (FALSE, FALSE, sizeof (DlSpan)) };
  gsize i = 0;

  g_return_val_if_fail (splitter != NULL, s.spans);
  g_return_val_if_fail (text != NULL || len == 0, s.spans);

  while (i < len)
    {
      guchar c = text[i];

      if (is_space (c))
        {
          guint newlines = 0;

          for (; i < len && is_space (text[i]); i++)
            newlines += text[i] == '\n';
          /* Two newlines with only spaces between: a blank line. */
          if (newlines >= 2)
            {
              if (s.open)
                end_sentence (&s, s.last);
              end_stretch (&s, i);
            }
          else if (newlines == 1 && s.open)
            line_break (&s, text, len, i);
          continue;
        }
      if (!s.open)
        {
          s.open = TRUE;
          s.start = i;
        }
      if (is_stop (c))
        {
          gsize stops_end = i, after;

          while (stops_end < len && is_stop (text[stops_end]))
            stops_end++;
          after = skip_closers (text, len, stops_end);
          s.last = after;
          if (ends_sentence (splitter, text, len, i, stops_end, after))
            {
              end_sentence (&s, after);
              end_stretch (&s, after);
            }
          i = after;
          continue;
        }
      /* A word: on to the next newline or stop, then back over the
       * spaces before it, where the last word ends; a run of spaces
       * there is read from its start, as above. */
      {
        gsize j = i + 1;

        while (j < len && !breaks_here[(guchar) text[j]])
          j++;
        while (is_space (text[j - 1]))
          j--;
        s.last = i = j;
      }
    }
  if (s.open)
    add_span (s.spans, s.start, s.last);
  return s.spans;
}
