/* grammar-private.h: the grammar's internals, shared by the loader
 * (grammar.c) and the matcher (grammar-match.c). */
#pragma once

#define PCRE2_CODE_UNIT_WIDTH 8
#include "grammar.h"

#include <pcre2.h>

/* Rules match whole words: nothing alphanumeric may touch either end. */
#define BEFORE "(?<![A-Za-z0-9])"
#define AFTER "(?![A-Za-z0-9])"

typedef struct _DlGrammarIndex DlGrammarIndex;
typedef struct _DlTemplate DlTemplate;

typedef struct {
  char *name;
  char *body;         /* .re: alternatives as written, one per line */
  char *regex;        /* expanded: (?:alt|alt) */
  GHashTable *values; /* .txt: lowercase alternative -> value */
  GPtrArray *deps;    /* names of the symbols its regex calls */
  gboolean expanding;
} Symbol;

typedef enum { ONLY_ALWAYS, ONLY_DAY_FIRST, ONLY_MONTH_FIRST } Only;

/* Whether a pattern runs as machine code.  It is compiled to it when it
 * is first used (grammar-match.c), for the one kind of match it serves:
 * a rule the text never tries is never compiled, and compiling was most
 * of start-up. */
typedef enum { JIT_LATER, JIT_ON, JIT_OFF } Jit;

typedef struct {
  char *name;
  char *file;
  guint line;
  gboolean negative;
  Only only;
  char *match;   /* as written */
  char *pattern; /* symbols as calls */
  GPtrArray *used; /* the symbols it calls, directly or not */
  char *form;
  char *anchor;
  DlTemplate *form_template;   /* form and anchor, parsed */
  DlTemplate *anchor_template;
  guint first_example; /* index of its first example in the grammar's */
  pcre2_code *code;    /* anchored at the start offset */
  pcre2_match_data *data;
  guint8 first[32];    /* bitmap of the bytes a match can start with */
  /* The pattern to probe which words a match can begin with: without its
   * positive lookbehinds (a word probed alone has nothing behind it, and
   * without them the probe errs only towards trying a rule too often), or
   * a copy of code if it has none, so that each is compiled to machine
   * code for one kind of match.  NULL if it could not be made (probe code
   * itself). */
  pcre2_code *probe;
  Jit jit;               /* code as machine code */
  guint32 jit_kinds;     /* for which matches: PCRE2_JIT_COMPLETE, and
                          * PCRE2_JIT_PARTIAL_HARD if it is probed too */
  Jit probe_jit;         /* the probe as machine code (if any) */
  gboolean case_sensitive; /* somewhere: "May" the month, not "may" */
} Rule;

struct _DlGrammar {
  char *directory;
  char *language;
  GHashTable *symbols; /* name -> Symbol */
  GPtrArray *rules;    /* Rule *, those active under the options */
  GPtrArray *examples; /* DlExample *, of every rule */
  DlGrammarIndex *index; /* which rules may start at a word */
};

/* The regex of a literal symbol's alternatives, as written in its .txt
 * (literals.c). */
char *dl_literals_regex (GPtrArray *literals);

/* Builds the index of which rules can start where (grammar-match.c). */
gboolean dl_grammar_index_build (DlGrammar *grammar, GError **error);
void dl_grammar_index_free (DlGrammarIndex *index);

/* A form or anchor template parsed for rule (after its pattern is
 * compiled): a group the pattern lacks or an unknown filter is an error
 * (template.c). */
DlTemplate *dl_template_compile (DlGrammar *grammar, const Rule *rule,
                                 const char *text, GError **error);
void dl_template_free (DlTemplate *template);

/* The template filled from a match; NULL with error unset if a group it
 * needs did not take part. */
char *dl_template_fill (const DlTemplate *template, const Rule *rule,
                        const char *subject, const PCRE2_SIZE *ovector,
                        GError **error);
