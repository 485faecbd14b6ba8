/* grammar-match.c: finds the grammar's mentions in one pass over the text.
 *
 * No rule rescans the text.  The scan walks the text once, word by word;
 * an index says which rules can start at a word (by the word itself, or by
 * the first byte of a digit or a sign), and only those are tried there,
 * anchored, so that a miss costs little.  The longest match wins, a
 * negative rule winning a tie, and the scan resumes after it.
 *
 * The index is exact, not a guess: PCRE2's partial matching tells whether a
 * rule can begin with a word's first two bytes, then its first three, then
 * the word as written with the byte after it, and, for a word that begins
 * more than one rule, with the tokens after it, one more at a time while
 * they still begin more than one.  Each is asked the first
 * time the text shows it and remembered, each narrowing the last, so a new
 * word costs few probes and a known one a lookup or two.  Rules that could
 * begin with any word (they start with \w) are tried at every word whose
 * first byte they can start with. */
#include "grammar-private.h"

#include "dl-record.h"
#include "index-steps.h"

#include <string.h>

/* Longer words begin no rule but the generic ones. */
#define MAX_WORD 40

/* A word that more rules than this can begin with ("the", "a", "last",
 * the "U." of "U.S.") is narrowed down by the token after it, and so on,
 * up to MAX_DEPTH tokens after the word: "the three" still begins eight
 * rules that count ("the three days", "the three largest"), "the three
 * foreign" none.  A step costs a lookup (index-steps.h), a failed try of a
 * rule that counts many times that; a word that begins one rule is not
 * narrowed, as on new text probing its tokens costs more than it spares. */
#define BIG_BUCKET 1
#define MAX_DEPTH 3

/* The nodes the steps start from, at a word and at a number. */
#define ROOT_WORDS 0
#define ROOT_NUMBERS 1
#define FIRST_NODE 2

/* How many words and numbers, and tokens after one of them, are
 * remembered; past that a word tries every rule its first bytes allow,
 * which is slower but as exact. */
#define MAX_WORDS 150000
#define MAX_TOKENS 20000
/* ... and tokens (and their first bytes) after tokens, in all.  The two
 * limits keep the steps table within 2^19 slots (24 MiB) on text made to
 * fill it: on news it holds a few tens of thousands. */
#define MAX_NESTED 100000

/* ASCII letters, each case, numbered from 0 (letter_number). */
#define N_LETTERS 52

/* The key of a step by a token's first byte: a byte no token begins with
 * (a token begins with ' ' or '.'), then the token's first two bytes. */
#define FIRST_BYTE_MARK '\x01'

/* A node of the steps: a word (or a word and tokens after it) that
 * begins more than BIG_BUCKET rules, to narrow down by the next token. */
typedef struct {
  GPtrArray *rules;   /* the rules that can begin with it (interned) */
  guint32 id;         /* its node in the index's steps */
  guint children;     /* its steps so far */
  char *probe;        /* the words it stands for, tokens after the first
                       * included ("the three"); NULL for the first */
  guint depth;        /* the number of tokens after the first */
} Node;

struct _DlGrammarIndex {
  GPtrArray *by_byte[256];  /* digits, signs: the rules that can start so */
  GPtrArray *generic[256];  /* letters: rules tried at every such word */
  GPtrArray *by_letter[256]; /* letters: the other rules it can start */
  GPtrArray **by_pair;      /* [first * 256 + second byte]: the same, by
                             * the first two bytes of the text */
  guint8 pair_probed[256 * 256 / 8];
  /* A word's first three letters -> the rules that can begin so, probed
   * when first met: [triple_at ()] is 0 until then, else 1 + the number
   * of their list (0 for none).  One load, no hash: every word of three
   * letters or more asks. */
  guint32 *by_triple;
  /* (node, next token) -> what it leads to; from ROOT_WORDS by a word as
   * written and the byte after it, from ROOT_NUMBERS by digits */
  DlStepTable *steps;
  GPtrArray *nodes;         /* Node: [id] of a big bucket, from
                             * FIRST_NODE */
  guint words;              /* steps from the roots */
  /* The index's lists of rules, one of each (most words begin the same
   * few), numbered from 1 so that a step holds a number, not a pointer:
   * a list -> its number, and [number] -> the list ([0] NULL, none). */
  GHashTable *lists;
  GPtrArray *numbered;
  guint nested;             /* steps after a first token (by a token or
                             * by its first bytes) */
};

static void
free_list (gpointer list)
{
  if (list)
    g_ptr_array_unref (list);
}

/* Lists of rules as the index's steps keep them: equal when they hold the
 * same rules in the same order. */
static guint
list_hash (gconstpointer key)
{
  const GPtrArray *list = key;
  guint h = list->len;

  for (guint i = 0; i < list->len; i++)
    h = h * 31 + g_direct_hash (list->pdata[i]);
  return h;
}

static gboolean
list_equal (gconstpointer a, gconstpointer b)
{
  const GPtrArray *x = a, *y = b;

  return x->len == y->len
         && memcmp (x->pdata, y->pdata, x->len * sizeof (gpointer)) == 0;
}

static void
node_free (Node *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->probe);
  g_free (entry);
}

void
dl_grammar_index_free (DlGrammarIndex *index)
{
  if (index == NULL)
    return;
  for (int c = 0; c < 256; c++)
    {
      free_list (index->by_byte[c]);
      free_list (index->generic[c]);
      free_list (index->by_letter[c]);
    }
  for (int i = 0; i < 256 * 256; i++)
    free_list (index->by_pair[i]);
  g_free (index->by_pair);
  g_free (index->by_triple);
  dl_step_table_free (index->steps);
  g_ptr_array_unref (index->nodes);
  g_hash_table_unref (index->lists);
  g_ptr_array_unref (index->numbered);
  g_free (index);
}

static gboolean
starts_with (const Rule *rule, guchar c)
{
  return (rule->first[c / 8] >> (c % 8)) & 1;
}

/* Whether code runs as machine code (for kinds of match), compiling it
 * the first time it is asked; the interpreter gives the same answers.
 * (Compiling later, after some uses in the interpreter, costs more: the
 * interpreter is several times slower on these patterns, and most rules
 * are used hundreds of times in a few megabytes.) */
static gboolean
jit_ready (pcre2_code *code, guint32 kinds, Jit *jit)
{
  if (*jit == JIT_LATER)
    *jit = pcre2_jit_compile (code, kinds) == 0 ? JIT_ON : JIT_OFF;
  return *jit == JIT_ON;
}

/* Whether rule can match text, or text followed by more.  Probes are many
 * while the index fills: the JIT entry point skips the interpreter's
 * checks. */
static gboolean
can_begin (Rule *rule, const char *text)
{
  pcre2_code *code = rule->probe ? rule->probe : rule->code;
  gboolean jit = rule->probe ? jit_ready (rule->probe, PCRE2_JIT_PARTIAL_HARD,
                                          &rule->probe_jit)
                             : jit_ready (rule->code, rule->jit_kinds,
                                          &rule->jit);
  int rc = jit ? pcre2_jit_match (code, (PCRE2_SPTR) text, strlen (text), 0,
                                  PCRE2_PARTIAL_HARD, rule->data, NULL)
               : pcre2_match (code, (PCRE2_SPTR) text, strlen (text), 0,
                              PCRE2_PARTIAL_HARD, rule->data, NULL);

  return rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
}

/* A rule is generic if it can begin with a nonsense word: any word.
 * (Probes have nothing behind them: positive lookbehinds are taken out of
 * the probe pattern, and a negative one is satisfied by nothing, so a probe
 * never wrongly rules a rule out.) */
static gboolean
is_generic (Rule *rule)
{
  return can_begin (rule, "qzxjv") || can_begin (rule, "Qzxjv");
}

static void
add_to (GPtrArray **list, Rule *rule)
{
  if (*list == NULL)
    *list = g_ptr_array_new ();
  g_ptr_array_add (*list, rule);
}

/* The rules of list that can begin with text, as written: words and the
 * tokens after them are looked up as written, so a rule that asks for
 * "May" or "GMT" is probed with the case the text has. */
static GPtrArray *
rules_beginning (GPtrArray *list, const char *text)
{
  /* Counted first and made to size: the index makes hundreds of thousands
   * of these, and growing each by realloc made the heap churn. */
  g_autofree guint8 *begins = g_new0 (guint8, list->len);
  GPtrArray *found;
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    {
      Rule *rule = list->pdata[i];

      begins[i] = starts_with (rule, (guchar) text[0])
                  && can_begin (rule, text);
      n += begins[i];
    }
  found = g_ptr_array_sized_new (n);
  for (guint i = 0; i < list->len; i++)
    if (begins[i])
      g_ptr_array_add (found, list->pdata[i]);
  return found;
}

/* The number of the index's one list with the rules of found, which it
 * takes; 0 if found is empty.  A list is kept once however many words
 * begin it, so that a word remembered costs its slot and no list of its
 * own. */
static guint32
interned (DlGrammarIndex *index, GPtrArray *found)
{
  gpointer number;

  if (found->len == 0)
    {
      g_ptr_array_unref (found);
      return 0;
    }
  if (g_hash_table_lookup_extended (index->lists, found, NULL, &number))
    {
      g_ptr_array_unref (found);
      return GPOINTER_TO_UINT (number);
    }
  g_hash_table_insert (index->lists, found,
                       GUINT_TO_POINTER (index->numbered->len));
  g_ptr_array_add (index->numbered, found);
  return index->numbered->len - 1;
}

/* The list numbered number (NULL for 0). */
static GPtrArray *
list_of (const DlGrammarIndex *index, guint32 number)
{
  return index->numbered->pdata[number];
}

/* The step to the rules of list that can begin with probe, depth tokens
 * after the first: none, or their list, and a new node for a big bucket
 * ("the", "the three"). */
static DlStep
make_step (DlGrammarIndex *index, GPtrArray *list, const char *probe,
           guint depth)
{
  DlStep step = { interned (index, rules_beginning (list, probe)), 0 };
  Node *node;

  if (step.list == 0 || list_of (index, step.list)->len <= BIG_BUCKET
      || depth >= MAX_DEPTH)
    return step;
  node = g_new0 (Node, 1);
  node->rules = list_of (index, step.list);
  node->depth = depth;
  node->probe = depth > 0 ? g_strdup (probe) : NULL;
  node->id = step.child = index->nodes->len;
  g_ptr_array_add (index->nodes, node);
  return step;
}

/* The bytes a match can start with, probed byte by byte: PCRE2's own
 * start-up analysis cannot see into symbol calls. */
static void
probe_first_bytes (Rule *rule)
{
  char probe[2] = { 0, 0 };

  memset (rule->first, 0, sizeof rule->first);
  for (int c = 1; c < 256; c++)
    {
      probe[0] = c;
      if (can_begin (rule, probe))
        rule->first[c / 8] |= 1 << (c % 8);
    }
}

/* The rules of a letter's or a sign's list that can begin with its byte
 * a (in either case) and then b, probed the first time the two are met: a
 * first cut that keeps the probes of a new word few, and that alone tells
 * a sign ("'s") from the rules that begin with it ("'90s").  Made on
 * demand, so that starting up costs no probes of pairs never seen. */
static GPtrArray *
pair_rules (DlGrammarIndex *index, guchar a, guchar b)
{
  guint at = a * 256 + b;
  GPtrArray *list = g_ascii_isalpha (a)   ? index->by_letter[a]
                    : g_ascii_isdigit (a) ? NULL
                                          : index->by_byte[a];

  if (index->pair_probed[at / 8] >> (at % 8) & 1)
    return index->by_pair[at];
  index->pair_probed[at / 8] |= 1 << (at % 8);
  for (guint i = 0; b != '\0' && list && i < list->len; i++)
    {
      Rule *rule = list->pdata[i];
      char probe[3] = { g_ascii_tolower (a), b, 0 };
      char capital[3] = { g_ascii_toupper (a), b, 0 };

      if (can_begin (rule, probe)
          || (rule->case_sensitive && can_begin (rule, capital)))
        add_to (&index->by_pair[at], rule);
    }
  return index->by_pair[at];
}

gboolean
dl_grammar_index_build (DlGrammar *grammar, GError **error)
{
  DlGrammarIndex *index = g_new0 (DlGrammarIndex, 1);

  (void) error;
  index->steps = dl_step_table_new ();
  index->nodes = g_ptr_array_new ();
  g_ptr_array_set_size (index->nodes, FIRST_NODE);
  g_ptr_array_set_free_func (index->nodes, (GDestroyNotify) node_free);
  index->lists = g_hash_table_new_full (list_hash, list_equal, free_list,
                                        NULL);
  index->numbered = g_ptr_array_new ();
  g_ptr_array_add (index->numbered, NULL);
  for (guint i = 0; i < grammar->rules->len; i++)
    {
      Rule *rule = grammar->rules->pdata[i];
      gboolean generic = is_generic (rule);

      probe_first_bytes (rule);
      for (int c = 1; c < 256; c++)
        {
          gboolean letter = g_ascii_isalpha (c);

          if (letter && (starts_with (rule, g_ascii_tolower (c))
                         || starts_with (rule, g_ascii_toupper (c))))
            add_to (generic ? &index->generic[c] : &index->by_letter[c], rule);
          else if (!letter && starts_with (rule, c))
            add_to (&index->by_byte[c], rule);
        }
    }
  index->by_pair = g_new0 (GPtrArray *, 256 * 256);
  index->by_triple = g_new0 (guint32, N_LETTERS * N_LETTERS * N_LETTERS);
  grammar->index = index;
  return TRUE;
}

static void
match_clear (DlMatch *match)
{
  g_free (match->form);
  g_free (match->anchor);
}

static gboolean
pcre_failed (int rc, GError **error)
{
  PCRE2_UCHAR message[256];

  pcre2_get_error_message (rc, message, sizeof message);
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "matching failed: %s",
               (char *) message);
  return FALSE;
}

/* Tries each rule of list at offset, keeping the longest match in *best
 * and *end (a negative rule wins a tie). */
static gboolean
try_rules (GPtrArray *list, const char *text, gsize len, gsize offset,
           Rule **best, gsize *end, GError **error)
{
  for (guint i = 0; list && i < list->len; i++)
    {
      Rule *rule = list->pdata[i];
      /* The JIT entry point skips the interpreter's checks: this is the
       * hot loop. */
      int rc = jit_ready (rule->code, rule->jit_kinds, &rule->jit)
                   ? pcre2_jit_match (rule->code, (PCRE2_SPTR) text, len,
                                      offset, 0, rule->data, NULL)
                   : pcre2_match (rule->code, (PCRE2_SPTR) text, len, offset,
                                  0, rule->data, NULL);
      PCRE2_SIZE *ov;

      if (rc == PCRE2_ERROR_NOMATCH)
        continue;
      if (rc < 0)
        return pcre_failed (rc, error);
      ov = pcre2_get_ovector_pointer (rule->data);
      if (ov[1] > *end
          || (ov[1] == *end && *best && rule->negative && !(*best)->negative))
        {
          *best = rule;
          *end = ov[1];
        }
    }
  return TRUE;
}

/* The bytes text[offset, end) into word (MAX_WORD + 1 bytes); returns
 * end, or offset if they are too many. */
static gsize
copy_word (const char *text, gsize offset, gsize end, char *word)
{
  if (end - offset > MAX_WORD)
    return offset;
  memcpy (word, text + offset, end - offset);
  word[end - offset] = '\0';
  return end;
}

/* The letters, or the digits, of text from offset, as written, into word
 * (MAX_WORD + 1 bytes); returns where they end, or offset if too many. */
static gsize
read_token (const char *text, gsize len, gsize offset, char *word)
{
  gboolean digits = g_ascii_isdigit (text[offset]);
  gsize end = offset;

  while (end < len && (digits ? g_ascii_isdigit (text[end])
                              : g_ascii_isalpha (text[end])))
    end++;
  return copy_word (text, offset, end, word);
}

/* The rules of entry that can go on with the first byte of token (as
 * by_next_token makes it), probe being the words and the token, whose first
 * byte is at first. */
static GPtrArray *
by_first_byte (DlGrammarIndex *index, Node *entry, const char *token,
               const char *probe, gsize first)
{
  char key[3] = { FIRST_BYTE_MARK, token[0], token[1] };
  DlStep step;

  if (!dl_step_table_lookup (index->steps, entry->id, key, sizeof key,
                             &step))
    {
      g_autofree char *prefix = g_strndup (probe, first + 1);

      step.list = interned (index, rules_beginning (entry->rules, prefix));
      step.child = 0;
      dl_step_table_insert (index->steps, entry->id, key, sizeof key, step);
      index->nested++;
    }
  return list_of (index, step.list);
}

/* The step from entry (standing for words) by token. */
static DlStep
narrow (DlGrammarIndex *index, Node *entry, const char *words,
        const char *token, gboolean spaced)
{
  g_autofree char *probe = g_strconcat (words, spaced ? " " : "", token + 1,
                                        NULL);
  /* A new token is probed against the rules that can go on with its
   * first byte (remembered too): "the" begins dozens of rules, "the t" a
   * few. */
  GPtrArray *narrowed = by_first_byte (index, entry, token, probe,
                                       strlen (words) + spaced);
  DlStep none = { 0, 0 };

  return narrowed ? make_step (index, narrowed, probe, entry->depth + 1)
                  : none;
}

/* The step from node by token (n bytes), probed and remembered; FALSE
 * when the index can hold no more.  word is the node's first word as
 * written. */
static gboolean
add_step (DlGrammarIndex *index, guint32 node, const char *word,
          const char *token, gsize n, gboolean spaced, DlStep *step)
{
  Node *entry = index->nodes->pdata[node];

  if (entry->children >= MAX_TOKENS || index->nested >= MAX_NESTED)
    return FALSE;
  *step = narrow (index, entry, entry->probe ? entry->probe : word, token,
                  spaced);
  dl_step_table_insert (index->steps, node, token, n, *step);
  entry->children++;
  index->nested++;
  return TRUE;
}

/* The rules of a common word's entry that can go on with the tokens after
 * it (the next word, the next number's digits, or the next sign), probed
 * on first sight and remembered: "the" alone begins dozens of rules, "the
 * third" a few.  A number is one token, not a digit each: "more than 100"
 * begins every rule that counts, "more than 100 people" none of them, and
 * MAX_DEPTH tokens reach the word after it.  rules are those of node,
 * which stands for word as written, and the tokens after it that the
 * node's probe holds. */
static GPtrArray *
by_next_token (DlGrammarIndex *index, GPtrArray *rules, guint32 node,
               const char *word, const char *text, gsize len, gsize offset)
{
  for (;;)
    {
      char token[MAX_WORD + 3];
      gboolean spaced = FALSE;
      DlStep step;
      gsize end, n;

      while (offset < len && g_ascii_isspace (text[offset]))
        offset++, spaced = TRUE;
      if (offset >= len)
        return rules;
      token[0] = spaced ? ' ' : '.';
      if (!g_ascii_isalnum (text[offset]))
        token[1] = text[offset], token[2] = '\0', end = offset + 1;
      else if ((end = read_token (text, len, offset, token + 1)) == offset)
        return rules;
      n = end - offset + 1;
      if (n > DL_STEP_KEY_MAX)
        return rules;
      if (!dl_step_table_lookup (index->steps, node, token, n, &step)
          && !add_step (index, node, word, token, n, spaced, &step))
        return rules;
      if (step.list == 0 || step.child == 0)
        return list_of (index, step.list);
      rules = list_of (index, step.list);
      node = step.child;
      offset = end;
    }
}

/* The step from root by key (a word and the byte after it, or digits; n
 * bytes), probed from list on first sight; FALSE if the index can hold no
 * more or the key is too long for it. */
static gboolean
first_step (DlGrammarIndex *index, guint32 root, GPtrArray *list,
            const char *key, gsize n, DlStep *step)
{
  if (n > DL_STEP_KEY_MAX)
    return FALSE;
  if (dl_step_table_lookup (index->steps, root, key, n, step))
    return TRUE;
  if (index->words >= MAX_WORDS)
    return FALSE;
  {
    /* Probed on first sight only: key need not end in a NUL. */
    g_autofree char *probe = g_strndup (key, n);

    *step = make_step (index, list, probe, 0);
  }
  dl_step_table_insert (index->steps, root, key, n, *step);
  index->words++;
  return TRUE;
}

/* The rules that can begin with the number at offset (its digits as
 * written, then, for many rules, the token after it): years and amounts
 * are common, and dozens of rules begin with a digit. */
static GPtrArray *
by_number (DlGrammarIndex *index, const char *text, gsize len, gsize offset)
{
  char digits[MAX_WORD + 1];
  gsize end = read_token (text, len, offset, digits);
  GPtrArray *all = index->by_byte[(guchar) text[offset]];
  DlStep step;

  /* A number too long to remember tries every rule its digit begins. */
  if (all == NULL || end == offset
      || !first_step (index, ROOT_NUMBERS, all, digits, end - offset, &step))
    return all;
  return step.child ? by_next_token (index, list_of (index, step.list),
                                     step.child, digits,
                                     text, len, end)
                    : list_of (index, step.list);
}

static guint
letter_number (guchar c)
{
  return c >= 'a' ? c - 'a' + 26 : c - 'A';
}

static guint
triple_at (const char *text)
{
  return (letter_number (text[0]) * N_LETTERS + letter_number (text[1]))
             * N_LETTERS
         + letter_number (text[2]);
}

/* The rules that can begin with text's first three bytes (letters): a
 * word is probed against these, fewer than its pair's, and most words
 * begin no rule at all.  Probed from the pair's rules when first met. */
static GPtrArray *
by_triple (DlGrammarIndex *index, const char *text)
{
  guint at = triple_at (text);
  GPtrArray *pair;

  if (index->by_triple[at] == 0)
    {
      char probe[4] = { text[0], text[1], text[2], '\0' };

      pair = pair_rules (index, text[0], text[1]);
      index->by_triple[at]
          = 1 + (pair ? interned (index, rules_beginning (pair, probe)) : 0);
    }
  return list_of (index, index->by_triple[at] - 1);
}

/* The rules that can start at offset: by the word there, or by its first
 * byte.  *word_end receives the end of the word (offset + 1 for a sign). */
static void
candidates (DlGrammarIndex *index, const char *text, gsize len, gsize offset,
            GPtrArray **specific, GPtrArray **generic, gsize *word_end)
{
  guchar c = text[offset];
  gsize end = offset, letters;
  char word[MAX_WORD + 2];
  const char *key;
  GPtrArray *pair;
  DlStep step;

  *specific = *generic = NULL;
  /* The letters, then the letters and digits: one walk for both. */
  while (end < len && g_ascii_isalpha (text[end]))
    end++;
  letters = end;
  while (end < len && g_ascii_isalnum (text[end]))
    end++;
  *word_end = end > offset ? end : offset + 1;
  if (g_ascii_isdigit (c))
    {
      *generic = by_number (index, text, len, offset);
      return;
    }
  if (!g_ascii_isalpha (c))
    {
      *generic = pair_rules (index, c, offset + 1 < len
                                           ? (guchar) text[offset + 1]
                                           : ' ');
      return;
    }
  *generic = index->generic[c];
  /* The word is its letters ("Q3" is looked up as "Q"), as written, and
   * the byte after them: "to " begins no rule that "today" does. */
  end = letters;
  if (end - offset >= 3 && end - offset <= MAX_WORD)
    pair = by_triple (index, text + offset);
  else
    pair = pair_rules (index, c, offset + 1 < len ? (guchar) text[offset + 1]
                                                   : ' ');
  if (pair == NULL)
    return;
  if (end - offset > MAX_WORD)
    {
      *specific = pair;
      return;
    }
  /* The key is the word and the byte after it, as the text has them (a
   * space at the end of the text). */
  if (end < len)
    key = text + offset;
  else
    {
      memcpy (word, text + offset, end - offset);
      word[end - offset] = ' ';
      key = word;
    }
  if (!first_step (index, ROOT_WORDS, pair, key, end - offset + 1, &step))
    *specific = pair;
  else if (step.child)
    {
      copy_word (text, offset, end, word);
      *specific = by_next_token (index, list_of (index, step.list),
                                 step.child, word, text, len, end);
    }
  else
    *specific = list_of (index, step.list);
}

/* Fills match from rule's last match; FALSE (error unset) if the template
 * cannot be filled from this match, which skips it. */
static gboolean
make_match (DlGrammar *grammar, Rule *rule, const char *text, DlMatch *match,
            GError **error)
{
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer (rule->data);

  match->start = ov[0];
  match->end = ov[1];
  match->rule = rule->name;
  match->form = dl_template_fill (rule->form_template, rule, text, ov, error);
  if (match->form == NULL)
    return FALSE;
  match->anchor = rule->anchor_template
                      ? dl_template_fill (rule->anchor_template, rule, text,
                                          ov, error)
                      : NULL;
  return TRUE;
}

GArray *
dl_grammar_match (DlGrammar *grammar, const char *text, gsize len,
                  GError **error)
{
  g_autoptr (GArray) matches = g_array_new (FALSE, TRUE, sizeof (DlMatch));
  gsize offset = 0;

  g_array_set_clear_func (matches, (GDestroyNotify) match_clear);
  while (offset < len)
    {
      GPtrArray *specific, *generic;
      gsize end, word_end;
      Rule *best = NULL;
      g_autoptr (GError) local = NULL;
      DlMatch match;

      if (g_ascii_isspace (text[offset]))
        {
          while (++offset < len && g_ascii_isspace (text[offset]))
            ;
          continue;
        }
      end = offset;
      candidates (grammar->index, text, len, offset, &specific, &generic,
                  &word_end);
      /* Most words have no rules to try: no call for them. */
      if ((specific
           && !try_rules (specific, text, len, offset, &best, &end, error))
          || (generic
              && !try_rules (generic, text, len, offset, &best, &end, error)))
        return NULL;
      if (best == NULL)
        {
          /* No rule starts inside a word: go on at the next one. */
          offset = word_end;
          continue;
        }
      offset = end;
      if (best->negative)
        continue;
      memset (&match, 0, sizeof match);
      if (make_match (grammar, best, text, &match, &local))
        g_array_append_val (matches, match);
      else
        {
          match_clear (&match);
          /* A number too large to read is skipped, not fatal. */
          g_clear_error (&local);
        }
    }
  return g_steal_pointer (&matches);
}

GPtrArray *
dl_grammar_generic_rules (DlGrammar *grammar)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < grammar->rules->len; i++)
    {
      Rule *rule = grammar->rules->pdata[i];
      if (is_generic (rule))
        g_ptr_array_add (names, rule->name);
    }
  return names;
}
