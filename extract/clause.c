/* clause.c: the context window around a mention and the clause that
 * carries it.
 *
 * Both work on the scan (markup blank), in offsets into it, and look at
 * most at a few times DL_CONTEXT_BYTES of it per mention: a row's cost does
 * not grow with the length of its sentence, so output stays linear in the
 * input however long the sentences are.
 *
 * The clause: cues (grammar/en/context/clauses.txt) mark where clauses
 * break.  The clause starts after the last break before the mention (a
 * plain comma does not count there: "a program, "Entente-4," just three
 * days prior" is one clause) and ends at the first break after it (a plain
 * comma does: "... three days prior, aimed at ...").  A clause with nothing
 * but date phrases and date words ("In 2019,") takes in the clause after
 * it, or else the one before it. */
#include "clause.h"

#include "dl-data.h"
#include "dl-record.h"
#include "dl-text.h"
#include "dl-word-table.h"

#include <string.h>

/* How many bytes of the scan a window may pass over for each byte of text
 * it holds: blank markup and runs of space count as one byte of text. */
#define RAW_PER_BYTE 8
/* Longer words are no cues. */
#define WORD_MAX 32

typedef enum {
  KIND_NONE,
  KIND_OPENS,
  KIND_AFTER_COMMA,
  KIND_RELATIVE,
  KIND_DATE_WORD,
} Kind;

struct _DlClauseRules {
  DlWordTable *words; /* lowercase word -> Kind */
  GPtrArray *marks;   /* break marks (char *) */
  guint8 mark_first[256]; /* whether a mark begins with this byte */
  /* For each first byte, a bit for each length (up to WORD_MAX) of the
   * listed words that begin with it: most words of a text begin no cue of
   * their length, and are told so without a lookup. */
  guint64 word_lengths[256];
  /* A bit for each first two bytes (lowercase) of a listed word, or the
   * first byte and the end of a one-letter word. */
  guint8 word_pairs[256 * 256 / 8];
};

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
         || c == '\f';
}

/* Letters, digits, apostrophes and anything beyond ASCII make words. */
static gboolean
is_word (guchar c)
{
  return g_ascii_isalnum (c) || c == '\'' || c >= 0x80;
}

/* ---- the context window ---- */

/* Walks back from from toward limit over at most budget bytes of text. */
static gsize
walk_back (const char *text, gsize from, gsize limit, gsize budget)
{
  gsize p = from, n = 0;

  while (p > limit && n < budget && from - p < budget * RAW_PER_BYTE)
    {
      p--;
      if (!(is_space (text[p]) && p + 1 < from && is_space (text[p + 1])))
        n++;
    }
  return p;
}

/* Walks on from from toward limit over at most budget bytes of text. */
static gsize
walk_on (const char *text, gsize from, gsize limit, gsize budget)
{
  gsize q = from, n = 0;

  while (q < limit && n < budget && q - from < budget * RAW_PER_BYTE)
    {
      if (!(is_space (text[q]) && q > from && is_space (text[q - 1])))
        n++;
      q++;
    }
  return q;
}

/* The bytes of text in text[start, end), up to cap + 1. */
static gsize
text_bytes (const char *text, gsize start, gsize end, gsize cap)
{
  return walk_on (text, start, end, cap + 1) == end
             ? cap /* fits (the exact count is not needed) */
             : cap + 1;
}

gboolean
dl_context_fits (const char *text, DlSpan sentence, gsize budget)
{
  /* A sentence no longer than the budget in bytes fits, spaces or not. */
  return sentence.end - sentence.start <= budget
         || text_bytes (text, sentence.start, sentence.end, budget) <= budget;
}

DlSpan
dl_context_window (const char *text, DlSpan sentence, DlSpan mention,
                   gsize budget)
{
  gsize rest, before, after, start, end;

  if (dl_context_fits (text, sentence, budget))
    return sentence;
  rest = budget / 2 >= mention.end - mention.start
             ? budget - (mention.end - mention.start)
             : budget / 2;
  before = rest / 2;
  after = rest - before;
  start = walk_back (text, mention.start, sentence.start, before);
  if (start == sentence.start)
    after = rest; /* more than enough: the rest is for after */
  end = walk_on (text, mention.end, sentence.end, after);
  if (end == sentence.end && start > sentence.start)
    start = walk_back (text, mention.start, sentence.start, rest);
  /* Cut at spaces: never show part of a word. */
  if (start > sentence.start && !is_space (text[start - 1]))
    while (start < mention.start && !is_space (text[start]))
      start++;
  while (start < mention.start && is_space (text[start]))
    start++;
  if (end < sentence.end && !is_space (text[end]))
    while (end > mention.end && !is_space (text[end - 1]))
      end--;
  while (end > mention.end && is_space (text[end - 1]))
    end--;
  return (DlSpan) { start, end };
}

/* ---- the rules ---- */

void
dl_clause_rules_free (DlClauseRules *rules)
{
  if (rules == NULL)
    return;
  g_clear_pointer (&rules->words, dl_word_table_free);
  g_clear_pointer (&rules->marks, g_ptr_array_unref);
  g_free (rules);
}

static guint
pair_at (const char *word)
{
  return (guchar) word[0] * 256 + (guchar) dl_ascii_lower (word[1]);
}

/* Marks the first two bytes of key (lowercase; its NUL if it has one). */
static void
set_pair (DlClauseRules *rules, const char *key)
{
  guint at = pair_at (key);

  rules->word_pairs[at / 8] |= 1 << (at % 8);
}

static gboolean
pair_listed (const DlClauseRules *rules, const char *text, gsize start,
             gsize end)
{
  char pair[2] = { dl_ascii_lower (text[start]),
                   end - start > 1 ? text[start + 1] : '\0' };
  guint at = pair_at (pair);

  return (rules->word_pairs[at / 8] >> (at % 8)) & 1;
}

static Kind
kind_named (const char *name)
{
  static const struct { const char *name; Kind kind; } kinds[] = {
    { "opens", KIND_OPENS },
    { "after-comma", KIND_AFTER_COMMA },
    { "relative", KIND_RELATIVE },
    { "date-word", KIND_DATE_WORD },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (name, kinds[i].name) == 0)
      return kinds[i].kind;
  return KIND_NONE;
}

DlClauseRules *
dl_clause_rules_load (const char *directory, GError **error)
{
  static const char path[] = "context/clauses.txt";
  g_autoptr (DlClauseRules) rules = g_new0 (DlClauseRules, 1);
  g_autofree char *where = dl_data_describe (directory, NULL, path);
  g_auto (GStrv) lines = dl_data_read_list (directory, NULL, path, error);

  if (lines == NULL)
    return NULL;
  rules->words = dl_word_table_new (NULL);
  rules->marks = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autofree char *key = NULL;
      gpointer known;
      Kind kind;

      if (g_strv_length (fields) != 2 || *g_strstrip (fields[1]) == '\0')
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a cue is KIND<TAB>WORD", where, lines[i]);
          return NULL;
        }
      if (strcmp (fields[0], "break") == 0)
        {
          rules->mark_first[(guchar) fields[1][0]] = 1;
          g_ptr_array_add (rules->marks, g_strdup (fields[1]));
          continue;
        }
      kind = kind_named (fields[0]);
      if (kind == KIND_NONE)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": the kinds are break, opens, after-comma,"
                       " relative and date-word", where, lines[i]);
          return NULL;
        }
      key = dl_text_key (fields[1], strlen (fields[1]));
      if (strlen (key) > DL_WORD_KEY_MAX)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a cue word has at most %d bytes", where,
                       lines[i], DL_WORD_KEY_MAX);
          return NULL;
        }
      if (strlen (key) <= WORD_MAX)
        {
          guint64 bit = G_GUINT64_CONSTANT (1) << strlen (key);

          rules->word_lengths[(guchar) key[0]] |= bit;
          rules->word_lengths[(guchar) g_ascii_toupper (key[0])] |= bit;
          set_pair (rules, key);
        }
      /* A word listed twice keeps its first kind. */
      if (!dl_word_table_lookup (rules->words, key, strlen (key), &known))
        dl_word_table_insert (rules->words, key, strlen (key),
                              GINT_TO_POINTER (kind));
    }
  return g_steal_pointer (&rules);
}

/* ---- the clause ---- */

typedef struct {
  gsize start, end; /* the break's own bytes: the clause is either side */
  gboolean comma;   /* a plain comma: ends a clause only after the mention */
  gboolean aside;   /* a comma that may open an aside: plain, or before a
                     * relative pronoun */
} Break;

/* The clause search over one window: its breaks and content words, found
 * once for all the mentions in it. */
struct _DlClauses {
  DlClauseRules *rules;
  const char *text;
  DlSpan window;
  GArray *skip;   /* DlSpan: the mentions in the window */
  GArray *breaks; /* Break, in text order */
  GArray *content; /* gsize: where each word that is no cue starts */
  guint n_content; /* how many of content's slots hold one (while found) */
};
typedef DlClauses Search;

static Kind
word_kind (DlClauseRules *rules, const char *text, gsize start, gsize end)
{
  char key[WORD_MAX + 1];
  gpointer kind;

  /* Most words are no cues: tell them without a lookup.  A word has no
   * space, so its key is as long as it is. */
  if (end - start > WORD_MAX
      || !(rules->word_lengths[(guchar) text[start]] >> (end - start) & 1)
      || !pair_listed (rules, text, start, end)
      || dl_text_key_into (text + start, end - start, key, sizeof key) == NULL
      || !dl_word_table_lookup (rules->words, key, end - start, &kind))
    return KIND_NONE;
  return GPOINTER_TO_INT (kind);
}

static gsize
word_end (const Search *s, gsize i)
{
  while (i < s->window.end && is_word (s->text[i]))
    i++;
  return i;
}

/* The length of the break mark at text[i], or 0. */
static gsize
mark_at (const Search *s, gsize i)
{
  const char *text = s->text;

  if (!s->rules->mark_first[(guchar) text[i]])
    return 0;
  for (guint k = 0; k < s->rules->marks->len; k++)
    {
      const char *mark = s->rules->marks->pdata[k];
      gsize n = strlen (mark);
      gboolean spaced;

      if (s->window.end - i < n || memcmp (text + i, mark, n) != 0)
        continue;
      spaced = (i > s->window.start && is_space (text[i - 1]))
               || (i + n < s->window.end && is_space (text[i + n]));
      if (spaced)
        return n;
    }
  return 0;
}

/* Content's slots are filled in place and doubled when full, so a word
 * costs a store, not a call (nearly every word is content).  A word after
 * a comma is seen twice, by comma_break and then by the scan: kept once. */
static void
add_content (Search *s, gsize at)
{
  gsize *slots = (gsize *) (gpointer) s->content->data;

  if (s->n_content > 0 && slots[s->n_content - 1] == at)
    return;
  if (s->n_content == s->content->len)
    {
      g_array_set_size (s->content, 2 * s->content->len);
      slots = (gsize *) (gpointer) s->content->data;
    }
  slots[s->n_content++] = at;
}

static void
add_break (Search *s, gsize start, gsize end, gboolean comma, gboolean aside)
{
  Break b = { start, end, comma, aside };
  g_array_append_val (s->breaks, b);
}

/* At a comma with a space after it: a cue word after it makes it a break
 * (leaving the word out, but for a relative pronoun).  Returns where to
 * go on. */
static gsize
comma_break (Search *s, gsize i)
{
  gsize j = i + 1, k;

  while (j < s->window.end && is_space (s->text[j]))
    j++;
  k = word_end (s, j);
  Kind kind = word_kind (s->rules, s->text, j, k);

  if (kind == KIND_NONE && k > j)
    add_content (s, j);
  switch (kind)
    {
    case KIND_OPENS:
    case KIND_AFTER_COMMA:
      add_break (s, i, k, FALSE, FALSE);
      return k;
    case KIND_RELATIVE:
      add_break (s, i, i + 1, FALSE, TRUE);
      return k;
    default:
      add_break (s, i, i + 1, TRUE, TRUE);
      return i + 1;
    }
}

/* Every break in the window, outside the mentions. */
static void
find_breaks (Search *s)
{
  const char *text = s->text;
  guint next_skip = 0;
  gsize i = s->window.start;

  while (i < s->window.end)
    {
      guchar c = text[i];
      gsize n;

      if (next_skip < s->skip->len
          && i >= g_array_index (s->skip, DlSpan, next_skip).start)
        {
          i = MAX (i, g_array_index (s->skip, DlSpan, next_skip).end);
          next_skip++;
          continue;
        }
      if ((n = mark_at (s, i)) > 0)
        {
          add_break (s, i, i + n, FALSE, FALSE);
          i += n;
        }
      else if (c == ',' && i + 1 < s->window.end && is_space (text[i + 1]))
        i = comma_break (s, i);
      else if (is_word (c))
        {
          gsize k = word_end (s, i);
          Kind kind = word_kind (s->rules, text, i, k);

          if (kind == KIND_OPENS)
            add_break (s, i, k, FALSE, FALSE);
          else if (kind == KIND_NONE)
            add_content (s, i);
          i = k;
        }
      else
        i++;
    }
}

/* Whether text[start, end) has a word outside the mentions that is no cue
 * and no date word: something that happened. */
static gboolean
has_content (const Search *s, gsize start, gsize end)
{
  for (guint k = 0; k < s->content->len; k++)
    {
      gsize at = g_array_index (s->content, gsize, k);

      if (at >= end)
        break;
      if (at >= start)
        return TRUE;
    }
  return FALSE;
}

/* Whether text[start, end) is one of the punctuation marks an edge of an
 * event loses. */
static gsize
edge_mark (const char *text, gsize i, gsize limit, gboolean at_end)
{
  static const char *const marks[] = {
    "\xE2\x80\x94", "\xE2\x80\x93", "--", ",", ";", ":", "-", "(", ")", "[",
    "]",
  };
  /* The bytes the marks begin and end with: most edges are letters, and
   * one test rules them out. */
  guchar edge = at_end ? text[i - 1] : text[i];

  if (edge == '\0' || strchr (",;:-()[]\xE2\x80\x93\x94", edge) == NULL)
    return 0;
  for (gsize k = 0; k < G_N_ELEMENTS (marks); k++)
    {
      gsize n = strlen (marks[k]);

      if (at_end ? (i - limit >= n && memcmp (text + i - n, marks[k], n) == 0)
                 : (limit - i >= n && memcmp (text + i, marks[k], n) == 0))
        return n;
    }
  return 0;
}

static gsize
count_char (const char *text, gsize start, gsize end, char c)
{
  gsize n = 0;
  const char *p = text + start, *limit = text + end;

  /* Quotes are few: memchr passes the bytes between them many at once. */
  while (p < limit && (p = memchr (p, c, limit - p)) != NULL)
    n++, p++;
  return n;
}

/* Trims spaces and punctuation from the edges of [*start, *end), never into
 * the mention [ms, me). */
static void
trim (const char *text, gsize *start, gsize *end, gsize ms, gsize me,
      gboolean again)
{
  gsize s = *start, e = *end, n;

  for (;;)
    {
      if (s < ms && is_space (text[s]))
        s++;
      else if (s < ms && (n = edge_mark (text, s, ms, FALSE)) > 0)
        s += n;
      else
        break;
    }
  for (;;)
    {
      if (e > me && is_space (text[e - 1]))
        e--;
      else if (e > me && (n = edge_mark (text, e, me, TRUE)) > 0)
        e -= n;
      else if (e > me && strchr (".!?", text[e - 1]) != NULL && text[e - 1])
        {
          /* A final stop goes, but not the period of "U.S.". */
          gsize w = e - 1;
          while (w > me && !is_space (text[w - 1]))
            w--;
          if (memchr (text + w, '.', e - 1 - w) != NULL)
            break;
          e--;
        }
      else
        break;
    }
  /* A quote the clause does not close (or open) is the sentence's; one
   * around all of it is the clause's own edges. */
  if (count_char (text, s, e, '"') % 2 == 1)
    {
      if (s < ms && text[s] == '"')
        s++;
      else if (e > me && text[e - 1] == '"')
        e--;
    }
  else if (s < ms && e > me && text[s] == '"' && text[e - 1] == '"'
           && count_char (text, s, e, '"') == 2 && !again)
    {
      *start = s + 1;
      *end = e - 1;
      trim (text, start, end, ms, me, TRUE);
      return;
    }
  *start = s;
  *end = e;
}

/* Whether the clause goes on after the break breaks[k]: a plain comma and
 * a lowercase word that is no cue ("Its 2021 chart, which renamed several
 * channels, added to the concern"). */
static gboolean
goes_on_after (const Search *s, const GArray *breaks, guint k)
{
  const Break *b = &g_array_index (breaks, Break, k);
  gsize j = b->end;

  if (!b->comma)
    return FALSE;
  while (j < s->window.end && is_space (s->text[j]))
    j++;
  return j < s->window.end && g_ascii_islower (s->text[j])
         && word_kind (s->rules, s->text, j, word_end (s, j)) == KIND_NONE;
}

/* The clause end at breaks[on] passes over asides between commas. */
static gint
skip_asides (const Search *s, const GArray *breaks, gint on)
{
  while (on >= 0 && g_array_index (breaks, Break, on).aside
         && (guint) on + 1 < breaks->len && goes_on_after (s, breaks, on + 1))
    on = (guint) on + 2 < breaks->len ? on + 2 : -1;
  return on;
}

/* The clause start at breaks[back], a relative pronoun, passes back over
 * the aside it opens when the mention comes after the aside's closing
 * comma ("the contractor, which was founded in 1987, stopped it three
 * weeks later"). */
static gint
before_aside (const Search *s, const GArray *breaks, gint back, gsize ms)
{
  while (back >= 0)
    {
      const Break *b = &g_array_index (breaks, Break, back);
      gboolean closed = FALSE;

      if (!b->aside || b->comma)
        break;
      for (guint k = back + 1; k < breaks->len; k++)
        {
          if (g_array_index (breaks, Break, k).end > ms)
            break;
          closed = goes_on_after (s, breaks, k);
        }
      if (!closed)
        break;
      do
        back--;
      while (back >= 0 && g_array_index (breaks, Break, back).comma);
    }
  return back;
}

/* The mentions that lie in the window, as spans to skip, into skip. */
static void
mentions_in (GArray *skip, const GArray *matches, guint index, DlSpan window)
{
  guint first = index;

  g_array_set_size (skip, 0);
  while (first > 0
         && g_array_index (matches, DlMatch, first - 1).end > window.start)
    first--;
  for (guint k = first; k < matches->len; k++)
    {
      const DlMatch *m = &g_array_index (matches, DlMatch, k);
      DlSpan span = { MAX (m->start, window.start), MIN (m->end, window.end) };

      if (m->start >= window.end)
        break;
      if (span.start < span.end)
        g_array_append_val (skip, span);
    }
}

void
dl_clauses_refill (DlClauses *clauses, const char *text, DlSpan window,
                   const GArray *matches, guint index)
{
  clauses->text = text;
  clauses->window = window;
  mentions_in (clauses->skip, matches, index, window);
  g_array_set_size (clauses->breaks, 0);
  /* Room for the words of most sentences (no allocation once made). */
  g_array_set_size (clauses->content, 64);
  clauses->n_content = 0;
  find_breaks (clauses);
  g_array_set_size (clauses->content, clauses->n_content);
}

DlClauses *
dl_clauses_new (DlClauseRules *rules, const char *text, DlSpan window,
                const GArray *matches, guint index)
{
  DlClauses *clauses = g_new0 (DlClauses, 1);

  clauses->rules = rules;
  clauses->skip = g_array_new (FALSE, FALSE, sizeof (DlSpan));
  clauses->breaks = g_array_new (FALSE, FALSE, sizeof (Break));
  clauses->content = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64);
  dl_clauses_refill (clauses, text, window, matches, index);
  return clauses;
}

void
dl_clauses_free (DlClauses *clauses)
{
  if (clauses == NULL)
    return;
  g_array_unref (clauses->skip);
  g_array_unref (clauses->breaks);
  g_array_unref (clauses->content);
  g_free (clauses);
}

DlSpan
dl_clauses_find (DlClauses *clauses, const DlMatch *m)
{
  const Search s = *clauses;
  const char *text = s.text;
  DlSpan window = s.window;
  GArray *breaks = s.breaks;
  gsize ms = MAX (m->start, window.start), me = MIN (m->end, window.end);
  gint back = -1, on = -1; /* the breaks either side, or -1 */
  gsize start = window.start, end = window.end;

  for (guint k = 0; k < breaks->len; k++)
    {
      const Break *b = &g_array_index (breaks, Break, k);

      if (b->end <= ms && !b->comma)
        back = k;
      else if (b->start >= me)
        {
          on = k;
          break;
        }
    }
  back = before_aside (&s, breaks, back, ms);
  if (back >= 0)
    start = g_array_index (breaks, Break, back).end;
  on = skip_asides (&s, breaks, on);
  if (on >= 0)
    end = g_array_index (breaks, Break, on).start;
  /* Only a date: take in the clause after it, or else the one before. */
  while (!has_content (&s, start, end))
    {
      if (on >= 0)
        {
          do
            on++;
          while ((guint) on < breaks->len
                 && g_array_index (breaks, Break, on).comma);
          if ((guint) on >= breaks->len)
            on = -1;
          on = skip_asides (&s, breaks, on);
          end = on >= 0 ? g_array_index (breaks, Break, on).start
                        : window.end;
        }
      else if (back >= 0)
        {
          do
            back--;
          while (back >= 0 && g_array_index (breaks, Break, back).comma);
          start = back >= 0 ? g_array_index (breaks, Break, back).end
                            : window.start;
        }
      else
        break;
    }
  /* Nothing happens in the sentence ("Updated March 5, 2021"): the event
   * is the date alone, without its words. */
  if (!has_content (&s, start, end))
    return (DlSpan) { ms, me };
  trim (text, &start, &end, ms, me, FALSE);
  return (DlSpan) { start, end };
}

DlSpan
dl_clause_find (DlClauseRules *rules, const char *text, DlSpan window,
                const GArray *matches, guint index)
{
  g_autoptr (DlClauses) clauses = dl_clauses_new (rules, text, window,
                                                  matches, index);

  return dl_clauses_find (clauses, &g_array_index (matches, DlMatch, index));
}
