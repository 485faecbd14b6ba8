/* attributes.h: the key=val attributes after a form's value. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The attributes of a form, pointing into the form's text (NULL: not
 * given). */
typedef struct {
  const char *mod;
  const char *type;
  const char *quant;
  const char *freq;
  const char *tense;
  const char *span;
  const char *shift;
} Attributes;

/* Reads the key=val tokens of rest (NULL: none) into a, which points into
 * them, cutting rest up; FALSE on an unknown key or value. */
gboolean dl_parse_attributes (char *rest, Attributes *a);
/* Cuts the token *rest begins with off at the next space, in place, and
 * moves *rest past it; NULL when there are no more. */
char *dl_next_token (char **rest);
/* How mod reads in a note, before the value it modifies; NULL if mod is
 * none of TIMEX3's. */
const char *dl_mod_phrase (const char *mod);

G_END_DECLS
