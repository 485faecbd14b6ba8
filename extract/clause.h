/* clause.h: what a row shows of the text around its mention: the context
 * window (the sentence, or a bounded part of it) and the clause that
 * carries the date (the event).  The clause cues are data:
 * grammar/en/context/clauses.txt. */
#pragma once

#include "grammar.h"
#include "sentence.h"

G_BEGIN_DECLS

/* The most text a context holds, in bytes (a run of spaces counts one). */
#define DL_CONTEXT_BYTES 320

/* Whether sentence holds at most budget bytes of text. */
gboolean dl_context_fits (const char *text, DlSpan sentence, gsize budget);

/* The part of sentence (offsets into text) that a row of the mention shows:
 * all of it if it holds at most budget bytes of text, else the mention with
 * the words around it up to budget, cut at spaces.  Linear in the window,
 * not in the sentence. */
DlSpan dl_context_window (const char *text, DlSpan sentence, DlSpan mention,
                          gsize budget);

typedef struct _DlClauseRules DlClauseRules;

DlClauseRules *dl_clause_rules_load (const char *directory, GError **error);
void dl_clause_rules_free (DlClauseRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlClauseRules, dl_clause_rules_free)

/* The clauses of text[window): its cues found once for every mention in
 * it.  matches are DlMatch in text order; index is one in the window.
 * Both text and rules must outlive it. */
typedef struct _DlClauses DlClauses;
DlClauses *dl_clauses_new (DlClauseRules *rules, const char *text,
                           DlSpan window, const GArray *matches, guint index);
void dl_clauses_free (DlClauses *clauses);
/* The same clauses made again for another window, in their memory: a
 * sentence after a sentence allocates nothing. */
void dl_clauses_refill (DlClauses *clauses, const char *text, DlSpan window,
                        const GArray *matches, guint index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlClauses, dl_clauses_free)
/* The clause that carries match (one of the window's), trimmed of its cue
 * word and the punctuation at its edges. */
DlSpan dl_clauses_find (DlClauses *clauses, const DlMatch *match);

/* The same for one mention: the clause of text[window) that carries
 * matches[index]. */
DlSpan dl_clause_find (DlClauseRules *rules, const char *text, DlSpan window,
                       const GArray *matches, guint index);

G_END_DECLS
