/* context.h: what the words around mentions add to their forms: links
 * between two mentions ("late 2023 or early 2024", "from 2001 to 2009") and
 * open ranges ("before 2022", "since March").  The word lists are data:
 * grammar/en/context/. */
#pragma once

#include "grammar.h"

G_BEGIN_DECLS

typedef struct _DlContextRules DlContextRules;

DlContextRules *dl_context_rules_load (const char *directory, GError **error);
void dl_context_rules_free (DlContextRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlContextRules, dl_context_rules_free)

/* Appends " link=KIND" to the form of a mention joined to the one before
 * it, and " mod=MOD" to the form of an unlinked mention without a mod that
 * follows an open-range cue.  matches are DlMatch in text order. */
void dl_context_rules_apply (DlContextRules *rules, const char *text,
                             GArray *matches);

G_END_DECLS
