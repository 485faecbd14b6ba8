/* anchored.h: dates told from events ("three days prior to the 2022
 * invasion", "a year later") and the arithmetic on their ranges. */
#pragma once

#include "span.h"

G_BEGIN_DECLS

/* Parses an ANCHOR form (docs/forms.md): ANCHOR, ANCHOR-before,
 * ANCHOR-after, ANCHOR-UNIT-MINUS-N, ANCHOR-UNIT-PLUS-N.  FALSE if value is
 * not one. */
gboolean dl_anchor_form_parse (const char *value, char **unit, gint64 *shift,
                               int *open);

/* Fills out for an ANCHOR form whose anchor is span.  whole_unit (the
 * form's span=unit): the result is the whole UNIT holding the anchor,
 * moved ("the following year").  mod: the form's mod, or NULL. */
void dl_anchor_form_resolve (const char *value, const DlSpanOfDays *span,
                             const char *anchor_phrase, gboolean whole_unit,
                             const char *mod, DlResolution *out);

/* An ANCHOR form with type=DURATION: the TIMEX3 value is the duration. */
void dl_as_duration (const char *value, DlResolution *res);

G_END_DECLS
