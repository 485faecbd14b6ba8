/* grammar.h: the temporal grammar (grammar/en/), compiled for one pass.
 *
 * Symbols (grammar/en/symbols/NAME.txt: literal alternatives with optional
 * values; NAME.re: regex alternatives) are referenced from rules as
 * %{NAME}.  Rules (grammar/en/rules/NAME.rules) pair a PCRE2 pattern with a form
 * template; negative rules remove false hits.  docs/grammar.md describes the
 * format. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlGrammar DlGrammar;

typedef struct {
  const char *directory; /* load from DIR/LANG instead of the embedded copy */
  const char *language;  /* "en" if NULL */
  gboolean day_first;    /* 24/02/2022 is day/month (default month/day) */
} DlGrammarOptions;

typedef struct {
  gsize start;      /* byte offsets into the scanned text, end exclusive */
  gsize end;
  char *form;       /* context-free form (docs/forms.md) */
  char *anchor;     /* the phrase the expression is relative to, or NULL */
  const char *rule; /* name of the rule that matched (owned by the grammar) */
} DlMatch;

typedef struct {
  const char *rule;     /* the rule the example belongs to */
  const char *file;     /* grammar file and line, for messages */
  guint line;
  const char *text;     /* the example as written: [spans] mark mentions */
  const char *expected; /* forms after "->", separated by " ; " (or "") */
  gboolean day_first;   /* the rule is only active with day_first */
} DlExample;

DlGrammar *dl_grammar_load (const DlGrammarOptions *options, GError **error);
void dl_grammar_free (DlGrammar *grammar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlGrammar, dl_grammar_free)

/* Every mention in text[0, len), in order, as an array of DlMatch. */
GArray *dl_grammar_match (DlGrammar *grammar, const char *text, gsize len,
                          GError **error);

/* The names of the rules that can begin with any word, and so are tried
 * at every word of every text (slow; the grammar should have none). */
GPtrArray *dl_grammar_generic_rules (DlGrammar *grammar);

/* The examples of every rule, in grammar order (DlExample *). */
GPtrArray *dl_grammar_examples (DlGrammar *grammar);

G_END_DECLS
