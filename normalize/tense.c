/* tense.c: the tense a sentence shows around a mention, from the cue words
 * of grammar/en/tense/ (past.re, future.re): the cues of a sentence are
 * found once, with one anchored pattern tried only where a cue can begin;
 * the cue nearest the mention tells its tense, and whether that cue is the
 * verb the mention hangs from. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "tense.h"

#include <pcre2.h>
#include <string.h>

#include "dl-cli.h"
#include "dl-data.h"
#include "dl-record.h"
#include "dl-word-table.h"
#include "words.h"

typedef struct {
  gsize start, end;
  gboolean future;
} Cue;

/* The kinds of tense/words.txt. */
typedef enum {
  KIND_BREAK,
  KIND_WEAK,
  KIND_OPENS_NOUN,
  KIND_PAST_OR_PRESENT,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = {
  [KIND_BREAK] = "break",
  [KIND_WEAK] = "weak",
  [KIND_OPENS_NOUN] = "opens-noun",
  [KIND_PAST_OR_PRESENT] = "past-or-present",
};

struct _DlTenseReader {
  pcre2_code *tense_cues; /* (?<past>...)|(?<future>...) as whole words,
                           * anchored: tried only where a cue can begin */
  pcre2_match_data *tense_data;
  gboolean cue_starts[256]; /* the bytes a cue can begin with */
  /* is_word_byte of each byte: the scan of each sentence asks it of
   * every byte, and g_ascii_isalnum's table is a load further away. */
  guint8 word_byte[256];
  DlWordTable *cue_words;   /* word as met -> whether a cue can begin so */
  GString *cue_key;
  char *cue_context;        /* the sentence whose tense cues are in cues */
  GArray *cues;             /* Cue */
  GPtrArray *words[N_KINDS]; /* char *: the words of tense/words.txt */
};

void
dl_tense_reader_free (DlTenseReader *reader)
{
  if (reader == NULL)
    return;
  pcre2_code_free (reader->tense_cues);
  pcre2_match_data_free (reader->tense_data);
  g_clear_pointer (&reader->cue_words, dl_word_table_free);
  if (reader->cue_key)
    g_string_free (reader->cue_key, TRUE);
  g_free (reader->cue_context);
  g_clear_pointer (&reader->cues, g_array_unref);
  for (int k = 0; k < N_KINDS; k++)
    g_clear_pointer (&reader->words[k], g_ptr_array_unref);
  g_free (reader);
}

/* Whether a cue line lists plain words only ("said|says|told"). */
static gboolean
plain_words (const char *line)
{
  gsize n = strlen (line);

  return n > 0 && strspn (line, "abcdefghijklmnopqrstuvwxyz|") == n;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* words[0, n), sorted, all alike in their first depth letters, as one
 * regex that shares their prefixes ("said|says" -> "sa(?:id|ys)"): PCRE2
 * tries alternatives one by one at every word of every sentence, and a
 * trie makes that one test a letter. */
static void
append_trie (GString *out, char **words, guint n, gsize depth)
{
  gboolean ends_here = FALSE;
  guint groups = 0;

  g_string_append (out, "(?:");
  for (guint i = 0; i < n;)
    {
      char c = words[i][depth];
      guint j = i;

      while (j < n && words[j][depth] == c)
        j++;
      if (c == '\0')
        ends_here = TRUE;
      else
        {
          g_string_append_printf (out, "%s%c", groups++ ? "|" : "", c);
          append_trie (out, words + i, j - i, depth + 1);
        }
      i = j;
    }
  /* The longer words first: the empty ending is the last way out. */
  if (ends_here)
    g_string_append (out, groups ? "|" : "");
  g_string_append (out, ")");
}

/* The lines of a cue file as one alternation, each run of plain-word
 * lines folded into a trie where it stands (order is kept: a longer
 * phrase listed first still wins over its first word). */
static char *
cue_alternation (const char *grammar_dir, const char *file, GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar_dir, NULL, file, error);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  if (lines == NULL)
    return NULL;
  for (guint i = 0; lines[i] || words->len; i++)
    {
      if (lines[i] && plain_words (lines[i]))
        {
          g_auto (GStrv) split = g_strsplit (lines[i], "|", -1);
          for (guint k = 0; split[k]; k++)
            if (*split[k])
              g_ptr_array_add (words, g_strdup (split[k]));
          continue;
        }
      if (words->len)
        {
          g_ptr_array_sort (words, compare_strings);
          g_string_append (out, out->len ? "|" : "");
          append_trie (out, (char **) words->pdata, words->len, 0);
          g_ptr_array_set_size (words, 0);
        }
      if (lines[i] == NULL)
        break;
      g_string_append_printf (out, "%s%s", out->len ? "|" : "", lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A word byte, as PCRE2's \w and \b see it (no UTF). */
static gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Whether a cue can begin with the bytes of probe after its first (which
 * is only there to be looked behind at), or with them and more. */
static gboolean
cue_can_start (DlTenseReader *reader, const char *probe, gsize len)
{
  int rc = pcre2_match (reader->tense_cues, (PCRE2_SPTR) probe, len, 1,
                        PCRE2_PARTIAL_HARD, reader->tense_data, NULL);

  return rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
}

/* The bytes a cue can begin with, after a letter or after a space:
 * letters, digits, the apostrophe of "'ll". */
static void
index_cue_starts (DlTenseReader *reader)
{
  for (int c = 1; c < 256; c++)
    {
      char after_letter[3] = { 'x', (char) c, 0 };
      char after_space[3] = { ' ', (char) c, 0 };

      reader->cue_starts[c] = cue_can_start (reader, after_letter, 2)
                                  || cue_can_start (reader, after_space, 2);
    }
  for (int c = 0; c < 256; c++)
    reader->word_byte[c] = is_word_byte (c);
  reader->cue_words = dl_word_table_new (NULL);
  reader->cue_key = g_string_new (NULL);
}

static gboolean
compile_tense_cues (DlTenseReader *reader, const char *grammar_dir,
                    GError **error)
{
  g_autofree char *past = cue_alternation (grammar_dir, "tense/past.re", error);
  g_autofree char *future = NULL;
  g_autofree char *pattern = NULL;
  PCRE2_SIZE offset;
  int code;

  if (past == NULL)
    return FALSE;
  future = cue_alternation (grammar_dir, "tense/future.re", error);
  if (future == NULL)
    return FALSE;
  /* A past form that ends a compound is an adjective ("the
   * Toronto-based firm", "U.S.-led troops", "hard-won"), but for the
   * prefixes of verbs ("re-elected", "co-founded").  Nor is a participle
   * after a present or infinitive "be" ("is based", "to be completed",
   * "would still be held"), but for "could (not) be", the past of "can"
   * ("could not be reached Monday"). */
  pattern = g_strdup_printf ("\\b(?:(?<future>%s)|(?:(?<!-)|(?<=\\bre-)"
                             "|(?<=\\bco-))(?<!\\bbeing\\s|\\bis\\s|\\bare\\s"
                             "|\\bam\\s)(?:(?<!\\bbe\\s)|(?<=\\bcould\\sbe\\s)"
                             "|(?<=\\bnot\\sbe\\s))(?<past>%s))\\b",
                             future, past);
  reader->tense_cues = pcre2_compile ((PCRE2_SPTR) pattern,
                                          PCRE2_ZERO_TERMINATED,
                                          PCRE2_CASELESS | PCRE2_ANCHORED,
                                          &code, &offset, NULL);
  if (reader->tense_cues == NULL)
    {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message (code, message, sizeof message);
      g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                   "grammar/en/tense: %s at offset %zu", (char *) message,
                   (size_t) offset);
      return FALSE;
    }
  /* Partial too: which words can begin a cue is probed so.  Where JIT is
   * not available, pcre2_match interprets the pattern instead. */
  pcre2_jit_compile (reader->tense_cues,
                     PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD);
  reader->tense_data = pcre2_match_data_create_from_pattern (
      reader->tense_cues, NULL);
  index_cue_starts (reader);
  return TRUE;
}

/* Reads tense/words.txt into reader->words, by kind. */
static gboolean
load_words (DlTenseReader *reader, const char *grammar_dir, GError **error)
{
  static const char path[] = "tense/words.txt";
  g_auto (GStrv) lines = dl_data_read_list (grammar_dir, NULL, path, error);
  g_autofree char *where = dl_data_describe (grammar_dir, NULL, path);

  if (lines == NULL)
    return FALSE;
  for (int k = 0; k < N_KINDS; k++)
    reader->words[k] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      int k = 0;

      while (k < N_KINDS && g_strcmp0 (fields[0], kind_names[k]) != 0)
        k++;
      if (k == N_KINDS || fields[1] == NULL || *g_strstrip (fields[1]) == '\0')
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a line is KIND<TAB>WORD, the kinds break,"
                       " weak, opens-noun and past-or-present", where,
                       lines[i]);
          return FALSE;
        }
      g_ptr_array_add (reader->words[k], g_ascii_strdown (fields[1], -1));
    }
  return TRUE;
}

/* Whether text has one of the words of kind as a word of its own. */
static gboolean
has_word_of (const DlTenseReader *reader, const char *text, Kind kind)
{
  return dl_has_listed_word (text, (const char *const *) reader->words[kind]->pdata,
                             reader->words[kind]->len);
}

/* Whether the len bytes at text are one of the words of kind. */
static gboolean
is_word_of (const DlTenseReader *reader, const char *text, gsize len,
            Kind kind)
{
  const GPtrArray *words = reader->words[kind];

  for (guint i = 0; i < words->len; i++)
    if (len == strlen (words->pdata[i])
        && g_ascii_strncasecmp (text, words->pdata[i], len) == 0)
      return TRUE;
  return FALSE;
}

DlTenseReader *
dl_tense_reader_new (const char *grammar_dir, GError **error)
{
  g_autoptr (DlTenseReader) reader = g_new0 (DlTenseReader, 1);

  reader->cues = g_array_new (FALSE, FALSE, sizeof (Cue));
  if (!compile_tense_cues (reader, grammar_dir, error)
      || !load_words (reader, grammar_dir, error))
    return NULL;
  return g_steal_pointer (&reader);
}

gboolean
dl_tense_reader_may_be_past (DlTenseReader *reader, const char *context)
{
  return has_word_of (reader, context, KIND_PAST_OR_PRESENT);
}

/* Whether a cue can begin at context[i]: the pattern starts with \b, so
 * only where word and non-word meet, and only with a byte it allows. */
static gboolean
cue_may_begin (DlTenseReader *reader, const char *context, gsize i)
{
  guchar c = context[i];

  if (!reader->cue_starts[c])
    return FALSE;
  return i == 0 ? reader->word_byte[c]
                : reader->word_byte[(guchar) context[i - 1]]
                      != reader->word_byte[c];
}

/* Past this many words, the pattern is tried at every word it is not
 * remembered for: as exact, only slower. */
#define MAX_CUE_WORDS 100000

/* Whether a cue can begin with the word at context[offset] (where \b
 * holds), as written, with the bytes on either side of it; asked of the
 * pattern the first time the word is met, and remembered.  Most words
 * begin no cue, and a lookup costs less than trying the pattern. */
static gboolean
cue_word_may_begin (DlTenseReader *reader, const char *context, gsize len,
                    gsize offset)
{
  char short_key[DL_WORD_KEY_MAX];
  char *key = short_key;
  gsize end = offset + 1, n;
  gpointer known;
  gboolean may;

  while (end < len && reader->word_byte[(guchar) context[end]])
    end++;
  if (end < len)
    end++;
  /* The byte before, as a word byte or not, then the word and the byte
   * after it; on the stack but for a word too long for the table, which
   * is asked each time. */
  n = end - offset + 1;
  if (n > DL_WORD_KEY_MAX)
    {
      g_string_set_size (reader->cue_key, n);
      key = reader->cue_key->str;
    }
  key[0] = offset > 0 && reader->word_byte[(guchar) context[offset - 1]]
               ? 'x' : ' ';
  memcpy (key + 1, context + offset, end - offset);
  if (n > DL_WORD_KEY_MAX)
    return cue_can_start (reader, key, n);
  if (dl_word_table_lookup (reader->cue_words, key, n, &known))
    return GPOINTER_TO_INT (known);
  may = cue_can_start (reader, key, n);
  if (dl_word_table_size (reader->cue_words) < MAX_CUE_WORDS)
    dl_word_table_insert (reader->cue_words, key, n, GINT_TO_POINTER (may));
  return may;
}

/* The tense cues of context, found once per sentence: its mentions all
 * ask about the same sentence.  The anchored pattern is tried only where a
 * cue may begin, left to right, which finds what an unanchored search
 * would, without starting the pattern at every byte. */
static GArray *
tense_cues (DlTenseReader *reader, const char *context)
{
  gsize len, offset = 0;
  int future;

  if (reader->cue_context && strcmp (reader->cue_context, context) == 0)
    return reader->cues;
  g_free (reader->cue_context);
  reader->cue_context = g_strdup (context);
  g_array_set_size (reader->cues, 0);
  len = strlen (context);
  future = pcre2_substring_number_from_name (reader->tense_cues,
                                             (PCRE2_SPTR) "future");
  while (offset < len)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (reader->tense_data);
      gboolean word = reader->word_byte[(guchar) context[offset]];
      Cue cue;

      if (cue_may_begin (reader, context, offset)
          && cue_word_may_begin (reader, context, len, offset)
          && pcre2_match (reader->tense_cues, (PCRE2_SPTR) context,
                          len, offset, 0, reader->tense_data, NULL)
                 > 0)
        {
          cue.start = ov[0];
          cue.end = ov[1];
          cue.future = ov[2 * future] != PCRE2_UNSET;
          g_array_append_val (reader->cues, cue);
          offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
          continue;
        }
      /* On to the next place where word and non-word meet. */
      do
        offset++;
      while (offset < len
             && reader->word_byte[(guchar) context[offset]] == word);
    }
  return reader->cues;
}

/* Whether a cue of the other tense comes before cue in its clause: "will
 * redeem preferred shares on Oct. 31" is told by "will", not by the
 * adjective after it. */
static gboolean
clause_opens_with_other_tense (const char *context, GArray *cues,
                               const Cue *cue)
{
  for (guint i = 0; i < cues->len; i++)
    {
      const Cue *other = &g_array_index (cues, Cue, i);
      g_autofree char *between = NULL;

      if (other->end > cue->start || other->future == cue->future
          || cue->start - other->end > 60)
        continue;
      between = g_strndup (context + other->end, cue->start - other->end);
      if (strpbrk (between, ",;:()\"`") == NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether the words before where end with an article or possessive: "the
 * Jan. 14 deadline" is a date of the noun it opens, not of the verb. */
static gboolean
opens_noun_phrase (const DlTenseReader *reader, const char *context,
                   gsize where)
{
  gsize end = where, start;

  while (end > 0 && g_ascii_isspace (context[end - 1]))
    end--;
  start = end;
  while (start > 0 && g_ascii_isalpha (context[start - 1]))
    start--;
  return is_word_of (reader, context + start, end - start, KIND_OPENS_NOUN);
}

/* Whether cue is the verb the mention at where hangs from: a verb (not
 * one of saying, which dates the telling, nor a plan overtaken, "had been
 * set to") shortly before it in the same clause: "hired 200 workers in
 * January", "will reopen in November".  Its tense then decides however
 * far the date it points to lies. */
static gboolean
cue_governs (const DlTenseReader *reader, const char *context, GArray *cues,
             const Cue *cue, gsize where)
{
  g_autofree char *between = NULL;
  gsize len = strcspn (context + cue->start, " \t\n");

  if (cue->end > where || where - cue->end > 40)
    return FALSE;
  if (clause_opens_with_other_tense (context, cues, cue))
    return FALSE;
  if (is_word_of (reader, context + cue->start, len, KIND_WEAK))
    return FALSE;
  if (opens_noun_phrase (reader, context, where))
    return FALSE;
  between = g_strndup (context + cue->end, where - cue->end);
  if (strpbrk (between, ",;:()\"`") != NULL)
    return FALSE;
  return !has_word_of (reader, between, KIND_BREAK);
}

/* Whether the word of text that ends at end is word; *start is where it
 * starts. */
static gboolean
word_ends_at (const char *text, gsize end, const char *word, gsize *start)
{
  gsize n = strlen (word);

  if (end < n || g_ascii_strncasecmp (text + end - n, word, n) != 0
      || (end > n && is_word_byte (text[end - n - 1])))
    return FALSE;
  *start = end - n;
  return TRUE;
}

/* Whether cue is a past perfect: "had" or "'d" (also "had been set to"),
 * or a verb after them ("who had left", "had not yet seen"). */
static gboolean
is_perfect (const char *context, const Cue *cue)
{
  static const char *const between[] = { "not", "never", "already", "just",
                                         "long", "once", "yet", "also" };
  gsize end = cue->start, start;

  if (g_ascii_strncasecmp (context + cue->start, "had", 3) == 0
      || strncmp (context + cue->start, "'d", 2) == 0)
    return TRUE;
  for (int words = 0; words < 3; words++)
    {
      gboolean adverb = FALSE;

      while (end > 0 && context[end - 1] == ' ')
        end--;
      if (word_ends_at (context, end, "had", &start)
          || word_ends_at (context, end, "'d", &start))
        return TRUE;
      for (gsize i = 0; i < G_N_ELEMENTS (between) && !adverb; i++)
        adverb = word_ends_at (context, end, between[i], &start);
      if (!adverb)
        return FALSE;
      end = start;
    }
  return FALSE;
}

/* Whether the verb before where in its clause is a past perfect ("who
 * had taken command in August, ordered"). */
static gboolean
told_in_perfect (const char *context, GArray *cues, gsize where)
{
  const Cue *before = NULL;

  for (guint i = 0; i < cues->len; i++)
    if (g_array_index (cues, Cue, i).end <= where)
      before = &g_array_index (cues, Cue, i);
  if (before == NULL || before->future)
    return FALSE;
  for (gsize i = before->end; i < where; i++)
    if (strchr (",;:()", context[i]))
      return FALSE;
  return is_perfect (context, before);
}

void
dl_tense_reader_read (DlTenseReader *reader, const char *context,
                      const char *mention, DlTenseReading *reading)
{
  const char *at = mention && *mention ? strstr (context, mention) : NULL;
  gsize where = at ? (gsize) (at - context) : 0;
  gsize skip_from = at ? where : 0, skip_to = at ? where + strlen (mention) : 0;
  gsize best = G_MAXSIZE;
  GArray *cues = tense_cues (reader, context);
  const Cue *nearest = NULL;

  /* The cue nearest the mention wins: a sentence may report in the past
   * ("said") what will happen ("will meet on Friday"). */
  for (guint i = 0; i < cues->len; i++)
    {
      const Cue *cue = &g_array_index (cues, Cue, i);
      gsize distance = cue->start >= where ? cue->start - where
                                           : where - cue->end;

      if (cue->start < skip_to && cue->end > skip_from)
        continue; /* the mention's own words ("last week") are no cue */
      if (distance < best)
        {
          best = distance;
          nearest = cue;
        }
    }
  reading->tense = nearest == NULL ? DL_TENSE_UNKNOWN
                   : nearest->future ? DL_TENSE_FUTURE
                                     : DL_TENSE_PAST;
  reading->governs = at && nearest
                     && cue_governs (reader, context, cues, nearest, where);
  reading->perfect = at && told_in_perfect (context, cues, where);
}

DlTense
dl_tense_reader_tense (DlTenseReader *reader, const char *context,
                       const char *mention, gboolean *governs)
{
  DlTenseReading reading;

  dl_tense_reader_read (reader, context, mention, &reading);
  if (governs)
    *governs = reading.governs;
  return reading.tense;
}
