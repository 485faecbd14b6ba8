/* grammar.c: loads grammar/en/ (symbols, rules, examples); the form
 * templates are in template.c.  Each rule is compiled once, anchored, with PCRE2 JIT; its
 * symbols are subroutines in a DEFINE block, so a symbol used by many rules
 * is not pasted into each.  The matching itself, one pass over the text,
 * is in grammar-match.c. */
#include "grammar-private.h"

#include "dl-data.h"
#include "dl-record.h"
#include "dl-text.h"

#include <stdlib.h>
#include <string.h>

static void
symbol_free (Symbol *symbol)
{
  g_free (symbol->name);
  g_free (symbol->body);
  g_free (symbol->regex);
  g_clear_pointer (&symbol->values, g_hash_table_unref);
  g_clear_pointer (&symbol->deps, g_ptr_array_unref);
  g_free (symbol);
}

static void
rule_free (Rule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule->file);
  g_free (rule->match);
  g_free (rule->pattern);
  g_clear_pointer (&rule->used, g_ptr_array_unref);
  g_free (rule->form);
  g_free (rule->anchor);
  dl_template_free (rule->form_template);
  dl_template_free (rule->anchor_template);
  pcre2_code_free (rule->code);
  pcre2_code_free (rule->probe);
  pcre2_match_data_free (rule->data);
  g_free (rule);
}

static void
example_free (DlExample *example)
{
  g_free ((char *) example->rule);
  g_free ((char *) example->file);
  g_free ((char *) example->text);
  g_free ((char *) example->expected);
  g_free (example);
}

void
dl_grammar_free (DlGrammar *grammar)
{
  if (grammar == NULL)
    return;
  g_free (grammar->directory);
  g_free (grammar->language);
  g_hash_table_unref (grammar->symbols);
  g_ptr_array_unref (grammar->rules);
  g_ptr_array_unref (grammar->examples);
  g_clear_pointer (&grammar->index, dl_grammar_index_free);
  g_free (grammar);
}

static gboolean
grammar_error (GError **error, const char *file, guint line,
               const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
grammar_error (GError **error, const char *file, guint line,
               const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR, "%s:%u: %s", file, line,
               message);
  return FALSE;
}

static gboolean
load_literal_symbol (DlGrammar *grammar, const char *name, const char *path,
                     const char *where, GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar->directory,
                                            grammar->language, path, error);
  g_autoptr (GPtrArray) alts = g_ptr_array_new ();
  Symbol *symbol;

  if (lines == NULL)
    return FALSE;
  symbol = g_new0 (Symbol, 1);
  symbol->name = g_strdup (name);
  symbol->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          g_free);
  g_hash_table_insert (grammar->symbols, symbol->name, symbol);
  for (guint i = 0; lines[i]; i++)
    {
      char *tab = strchr (lines[i], '\t');
      char *alt = lines[i];
      char *key;

      if (tab)
        *tab = '\0';
      g_strstrip (alt);
      key = dl_text_key (alt, strlen (alt));
      if (g_hash_table_contains (symbol->values, key))
        {
          g_free (key);
          return grammar_error (error, where, 0,
                                "alternative \"%s\" listed twice", alt);
        }
      g_hash_table_insert (symbol->values, key,
                           g_strdup (tab ? g_strstrip (tab + 1) : alt));
      g_ptr_array_add (alts, alt);
    }
  if (alts->len == 0)
    return grammar_error (error, where, 0, "symbol %s has no alternatives",
                          name);
  symbol->regex = dl_literals_regex (alts);
  return TRUE;
}

static gboolean
load_regex_symbol (DlGrammar *grammar, const char *name, const char *path,
                   GError **error)
{
  g_auto (GStrv) lines = dl_data_read_list (grammar->directory,
                                            grammar->language, path, error);
  Symbol *symbol;

  if (lines == NULL)
    return FALSE;
  symbol = g_new0 (Symbol, 1);
  symbol->name = g_strdup (name);
  symbol->body = g_strjoinv ("\n", lines);
  g_hash_table_insert (grammar->symbols, symbol->name, symbol);
  return TRUE;
}

static gboolean
valid_symbol_name (const char *name)
{
  if (!g_ascii_isalpha (name[0]) || strlen (name) > 30)
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

static gboolean
load_symbols (DlGrammar *grammar, GError **error)
{
  g_auto (GStrv) names = dl_data_list (grammar->directory, grammar->language,
                                       "symbols", error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat ("symbols/", names[i], NULL);
      g_autofree char *where = dl_data_describe (grammar->directory,
                                                 grammar->language, path);
      g_autofree char *name = g_strdup (names[i]);
      char *dot = strrchr (name, '.');
      gboolean ok;

      if (dot == NULL
          || (strcmp (dot, ".txt") != 0 && strcmp (dot, ".re") != 0))
        return grammar_error (error, where, 0,
                              "a symbol file is NAME.txt or NAME.re");
      *dot = '\0';
      if (!valid_symbol_name (name))
        return grammar_error (error, where, 0,
                              "a symbol name is a letter, then letters, "
                              "digits or _, at most 30 in all");
      if (g_hash_table_contains (grammar->symbols, name))
        return grammar_error (error, where, 0, "symbol %s defined twice",
                              name);
      ok = strcmp (dot + 1, "txt") == 0
               ? load_literal_symbol (grammar, name, path, where, error)
               : load_regex_symbol (grammar, name, path, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Symbols are compiled once per pattern, as PCRE2 subroutines in a DEFINE
 * block, and called as (?&s_NAME): pasting them in at every use would make
 * the pattern of all rules too large to compile. */
typedef struct {
  GHashTable *set; /* names already collected */
  GPtrArray *list; /* the same, in order of first use */
} Used;

static void
used_init (Used *used)
{
  used->set = g_hash_table_new (g_str_hash, g_str_equal);
  used->list = g_ptr_array_new ();
}

static void
used_clear (Used *used)
{
  g_clear_pointer (&used->set, g_hash_table_unref);
  g_clear_pointer (&used->list, g_ptr_array_unref);
}

static char *expand (DlGrammar *grammar, const char *text, const char *file,
                     guint line, Used *used, GError **error);

/* Adds symbol name and every symbol it calls to used, preparing the
 * regex of a .re symbol on first use. */
static gboolean
use_symbol (DlGrammar *grammar, const char *name, const char *file,
            guint line, Used *used, GError **error)
{
  Symbol *symbol = g_hash_table_lookup (grammar->symbols, name);
  g_auto (GStrv) alts = NULL;
  g_autoptr (GString) regex = NULL;

  if (symbol == NULL)
    return grammar_error (error, file, line, "unknown symbol %%{%s}", name);
  if (g_hash_table_contains (used->set, symbol->name))
    return TRUE;
  if (symbol->expanding)
    return grammar_error (error, file, line, "symbol %s refers to itself",
                          name);
  if (symbol->regex == NULL)
    {
      Used deps;
      gboolean ok = TRUE;

      symbol->expanding = TRUE;
      used_init (&deps);
      alts = g_strsplit (symbol->body, "\n", -1);
      regex = g_string_new ("(?:");
      for (guint i = 0; ok && alts[i]; i++)
        {
          g_autofree char *where = g_strdup_printf ("symbols/%s.re", name);
          g_autofree char *alt = expand (grammar, alts[i], where, i + 1,
                                         &deps, error);

          ok = alt != NULL;
          if (ok)
            g_string_append_printf (regex, "%s(?:%s)", i ? "|" : "", alt);
        }
      g_string_append_c (regex, ')');
      symbol->expanding = FALSE;
      if (ok)
        {
          symbol->regex = g_string_free (g_steal_pointer (&regex), FALSE);
          symbol->deps = g_ptr_array_ref (deps.list);
        }
      used_clear (&deps);
      if (!ok)
        return FALSE;
    }
  g_hash_table_add (used->set, symbol->name);
  g_ptr_array_add (used->list, symbol->name);
  for (guint i = 0; symbol->deps && i < symbol->deps->len; i++)
    if (!use_symbol (grammar, symbol->deps->pdata[i], file, line, used,
                     error))
      return FALSE;
  return TRUE;
}

/* Replaces every %{NAME} in text by a call of the symbol, adding the
 * symbols called to used. */
static char *
expand (DlGrammar *grammar, const char *text, const char *file, guint line,
        Used *used, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = text;
  const char *ref;

  while ((ref = strstr (p, "%{")) != NULL)
    {
      const char *close = strchr (ref, '}');
      g_autofree char *name = NULL;

      if (close == NULL)
        {
          grammar_error (error, file, line, "unclosed %%{ in pattern");
          return NULL;
        }
      name = g_strndup (ref + 2, close - ref - 2);
      if (!use_symbol (grammar, name, file, line, used, error))
        return NULL;
      g_string_append_len (out, p, ref - p);
      g_string_append_printf (out, "(?&s_%s)", name);
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The DEFINE block of the symbols in used. */
static void
append_definitions (DlGrammar *grammar, GString *pattern, GPtrArray *used)
{
  if (used->len == 0)
    return;
  g_string_append (pattern, "(?(DEFINE)");
  for (guint i = 0; i < used->len; i++)
    {
      Symbol *symbol = g_hash_table_lookup (grammar->symbols, used->pdata[i]);
      g_string_append_printf (pattern, "(?<s_%s>%s)", symbol->name,
                              symbol->regex);
    }
  g_string_append_c (pattern, ')');
}

/* ---- rules ---- */

static pcre2_code *
compile (const char *pattern, uint32_t options, const char *file, guint line,
         const char *name, int *code_out, GError **error)
{
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  options | PCRE2_CASELESS, &code, &offset,
                                  NULL);

  if (code_out)
    *code_out = re ? 0 : code;
  if (re == NULL)
    {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message (code, message, sizeof message);
      grammar_error (error, file, line,
                     "rule %s does not compile: %s at offset %zu", name,
                     (char *) message, (size_t) offset);
      return NULL;
    }
  /* Compiled to machine code later, when first used (grammar-match.c). */
  return re;
}

/* The end of the group that starts at p (just past its closing
 * parenthesis), skipping escapes and character classes. */
static const char *
group_end (const char *p)
{
  int depth = 0;

  for (; *p; p++)
    {
      if (*p == '\\' && p[1])
        p++;
      else if (*p == '[')
        {
          p++;
          if (*p == '^')
            p++;
          if (*p == ']')
            p++;
          while (*p && *p != ']')
            p += (*p == '\\' && p[1]) ? 2 : 1;
          if (*p == '\0')
            return p;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p + 1;
    }
  return p;
}

/* pattern without its positive lookbehinds (?<=...), or NULL if it has
 * none. */
static char *
strip_lookbehinds (const char *pattern)
{
  GString *out;
  const char *p = pattern, *at;

  if (strstr (pattern, "(?<=") == NULL)
    return NULL;
  out = g_string_new (NULL);
  while ((at = strstr (p, "(?<=")) != NULL)
    {
      g_string_append_len (out, p, at - p);
      p = group_end (at);
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static gboolean
finish_rule (DlGrammar *grammar, Rule *rule, GError **error)
{
  for (guint i = rule->first_example; i < grammar->examples->len; i++)
    ((DlExample *) grammar->examples->pdata[i])->day_first
        = rule->only == ONLY_DAY_FIRST;

  if (rule->match == NULL)
    return grammar_error (error, rule->file, rule->line,
                          "rule %s has no match line", rule->name);
  if (!rule->negative && rule->form == NULL)
    return grammar_error (error, rule->file, rule->line,
                          "rule %s has no form line", rule->name);
  /* Examples are the rule's tests: a rule without one is unchecked. */
  if (rule->first_example == grammar->examples->len)
    return grammar_error (error, rule->file, rule->line,
                          "rule %s has no example line", rule->name);
  {
    Used used;

    used_init (&used);
    rule->pattern = expand (grammar, rule->match, rule->file, rule->line,
                            &used, error);
    rule->used = g_ptr_array_ref (used.list);
    used_clear (&used);
  }
  if (rule->pattern == NULL)
    return FALSE;
  {
    g_autoptr (GString) anchored = g_string_new (NULL);

    g_string_printf (anchored, BEFORE "(?:%s)" AFTER, rule->pattern);
    append_definitions (grammar, anchored, rule->used);
    g_autofree char *stripped = strip_lookbehinds (anchored->str);

    /* The matcher tries the rule with complete matches and probes which
     * words it can begin with partial ones (grammar-match.c): the probe
     * pattern only ever matches partially. */
    rule->code = compile (anchored->str,
                          PCRE2_ANCHORED | PCRE2_NO_START_OPTIMIZE,
                          rule->file, rule->line, rule->name, NULL, error);
    /* Rules match caselessly unless a part of them, or of a symbol they
     * call, turns that off. */
    rule->case_sensitive = strstr (anchored->str, "(?-") != NULL;
    /* A pattern without lookbehinds to strip probes with a copy of its
     * own: the index probes every rule as it loads, and the code it
     * tries on the text is then compiled to machine code for complete
     * matches alone, when first tried.  Compiling both kinds at once, at
     * load, was most of start-up on a short text. */
    if (rule->code && stripped)
      rule->probe = compile (stripped, PCRE2_ANCHORED, rule->file,
                             rule->line, rule->name, NULL, NULL);
    else if (rule->code)
      rule->probe = pcre2_code_copy (rule->code);
    rule->jit_kinds = rule->probe
                          ? PCRE2_JIT_COMPLETE
                          : PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD;
  }
  if (rule->code == NULL)
    return FALSE;
  rule->data = pcre2_match_data_create_from_pattern (rule->code, NULL);
  if (rule->form
      && !(rule->form_template = dl_template_compile (grammar, rule,
                                                      rule->form, error)))
    return FALSE;
  if (rule->anchor
      && !(rule->anchor_template = dl_template_compile (grammar, rule,
                                                        rule->anchor, error)))
    return FALSE;
  return TRUE;
}

static gboolean
add_example (DlGrammar *grammar, Rule *rule, const char *value, guint line)
{
  DlExample *example = g_new0 (DlExample, 1);
  const char *arrow = strstr (value, " -> ");

  example->rule = g_strdup (rule->name);
  example->file = g_strdup (rule->file);
  example->line = line;
  example->text = arrow ? g_strstrip (g_strndup (value, arrow - value))
                        : g_strdup (value);
  example->expected = g_strstrip (g_strdup (arrow ? arrow + 4 : ""));
  g_ptr_array_add (grammar->examples, example);
  return TRUE;
}

static gboolean
set_field (DlGrammar *grammar, Rule *rule, const char *key, const char *value,
           guint line, GError **error)
{
  char **slot = NULL;

  if (strcmp (key, "match") == 0)
    slot = &rule->match;
  else if (strcmp (key, "form") == 0)
    slot = &rule->form;
  else if (strcmp (key, "anchor") == 0)
    slot = &rule->anchor;
  else if (strcmp (key, "example") == 0)
    return add_example (grammar, rule, value, line);
  else if (strcmp (key, "only") == 0)
    {
      if (strcmp (value, "day-first") == 0)
        rule->only = ONLY_DAY_FIRST;
      else if (strcmp (value, "month-first") == 0)
        rule->only = ONLY_MONTH_FIRST;
      else
        return grammar_error (error, rule->file, line,
                              "only takes day-first or month-first");
      return TRUE;
    }
  else
    return grammar_error (error, rule->file, line, "unknown key \"%s\"", key);
  if (*slot)
    return grammar_error (error, rule->file, line,
                          "rule %s has two %s lines", rule->name, key);
  *slot = g_strdup (value);
  return TRUE;
}

typedef struct {
  DlGrammar *grammar;
  const char *file;
  GPtrArray *all; /* every rule, for duplicate names */
  Rule *rule;     /* the rule being read */
  char *key;      /* its last key, for continuation lines */
  GString *value;
  guint value_line;
} RuleReader;

static gboolean
flush_field (RuleReader *rr, GError **error)
{
  gboolean ok = TRUE;

  if (rr->key)
    ok = set_field (rr->grammar, rr->rule, rr->key, rr->value->str,
                    rr->value_line, error);
  g_clear_pointer (&rr->key, g_free);
  g_string_truncate (rr->value, 0);
  return ok;
}

static gboolean
flush_rule (RuleReader *rr, GError **error)
{
  Rule *rule = rr->rule;

  if (!flush_field (rr, error))
    return FALSE;
  if (rule == NULL)
    return TRUE;
  rr->rule = NULL;
  g_ptr_array_add (rr->all, rule);
  return finish_rule (rr->grammar, rule, error);
}

static gboolean
start_rule (RuleReader *rr, gboolean negative, const char *name, guint line,
            GError **error)
{
  Rule *rule;

  if (!flush_rule (rr, error))
    return FALSE;
  if (name[0] == '\0' || strpbrk (name, " \t"))
    return grammar_error (error, rr->file, line, "a rule needs one name");
  for (guint i = 0; i < rr->all->len; i++)
    if (strcmp (((Rule *) rr->all->pdata[i])->name, name) == 0)
      return grammar_error (error, rr->file, line, "rule %s defined twice",
                            name);
  rule = g_new0 (Rule, 1);
  rule->name = g_strdup (name);
  rule->file = g_strdup (rr->file);
  rule->line = line;
  rule->negative = negative;
  rule->first_example = rr->grammar->examples->len;
  rr->rule = rule;
  return TRUE;
}

static gboolean
read_rule_line (RuleReader *rr, char *line, guint number, GError **error)
{
  char *key, *value;

  if (line[0] == '#')
    return TRUE;
  if (g_ascii_isspace (line[0]))
    {
      /* A continuation of the previous key, for long patterns. */
      g_strstrip (line);
      if (line[0] == '\0')
        return flush_rule (rr, error);
      if (rr->key == NULL)
        return grammar_error (error, rr->file, number,
                              "continuation line without a key");
      g_string_append (rr->value, line);
      return TRUE;
    }
  g_strchomp (line);
  if (line[0] == '\0')
    return flush_rule (rr, error);
  key = line;
  value = key + strcspn (key, " \t");
  if (*value)
    *value++ = '\0';
  value = g_strstrip (value);
  if (strcmp (key, "rule") == 0 || strcmp (key, "negative") == 0)
    return start_rule (rr, strcmp (key, "negative") == 0, value, number,
                       error);
  if (rr->rule == NULL)
    return grammar_error (error, rr->file, number,
                          "\"%s\" outside a rule (start one with rule NAME)",
                          key);
  if (!flush_field (rr, error))
    return FALSE;
  rr->key = g_strdup (key);
  rr->value_line = number;
  g_string_assign (rr->value, value);
  return TRUE;
}

static gboolean
load_rule_file (DlGrammar *grammar, GPtrArray *all, const char *name,
                GError **error)
{
  g_autofree char *path = g_strconcat ("rules/", name, NULL);
  g_autofree char *where = dl_data_describe (grammar->directory,
                                             grammar->language, path);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) value = g_string_new (NULL);
  RuleReader rr = { grammar, where, all, NULL, NULL, value, 0 };
  gboolean ok = TRUE;

  if (!g_str_has_suffix (name, ".rules"))
    return grammar_error (error, where, 0, "a rule file is NAME.rules");
  bytes = dl_data_read (grammar->directory, grammar->language, path, error);
  if (bytes == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; ok && lines[i]; i++)
    ok = read_rule_line (&rr, lines[i], i + 1, error);
  ok = ok && flush_rule (&rr, error);
  if (rr.rule)
    g_ptr_array_add (all, rr.rule);
  g_free (rr.key);
  return ok;
}

/* Keeps the rules active under options, in grammar order; frees the rest. */
static void
take_active_rules (DlGrammar *grammar, GPtrArray *all,
                   const DlGrammarOptions *options)
{
  for (guint i = 0; i < all->len; i++)
    {
      Rule *rule = g_steal_pointer (&all->pdata[i]);
      gboolean active = rule->only == ONLY_ALWAYS
                        || (rule->only == ONLY_DAY_FIRST) == options->day_first;

      if (active)
        g_ptr_array_add (grammar->rules, rule);
      else
        rule_free (rule);
    }
}

DlGrammar *
dl_grammar_load (const DlGrammarOptions *options, GError **error)
{
  g_autoptr (DlGrammar) grammar = g_new0 (DlGrammar, 1);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (
      (GDestroyNotify) rule_free);
  g_auto (GStrv) files = NULL;

  grammar->directory = g_strdup (options->directory);
  grammar->language = g_strdup (options->language ? options->language : "en");
  grammar->symbols = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) symbol_free);
  grammar->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  grammar->examples = g_ptr_array_new_with_free_func (
      (GDestroyNotify) example_free);
  if (!load_symbols (grammar, error))
    return NULL;
  files = dl_data_list (grammar->directory, grammar->language, "rules", error);
  if (files == NULL)
    return NULL;
  for (guint i = 0; files[i]; i++)
    if (!load_rule_file (grammar, all, files[i], error))
      return NULL;
  take_active_rules (grammar, all, options);
  if (grammar->rules->len == 0)
    return grammar_error (error, "grammar", 0, "no rules"), NULL;
  if (!dl_grammar_index_build (grammar, error))
    return NULL;
  return g_steal_pointer (&grammar);
}


GPtrArray *
dl_grammar_examples (DlGrammar *grammar)
{
  return grammar->examples;
}
