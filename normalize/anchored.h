/* anchored.h: dates told from events ("three days prior to the 2022
 * invasion", "a year later") and the arithmetic on their ranges. */
#pragma once

#include "resolve.h"

G_BEGIN_DECLS

/* An inclusive range of days with what is known of it. */
typedef struct {
  GDate earliest;
  GDate latest;
  gboolean valid;
  gboolean approximate; /* only roughly where the anchor is */
  gboolean document_date; /* no date was told: the document's own day */
  char *granularity;    /* of the anchor: day, month, year, ... */
  char *how;            /* how it was found, for the note */
} DlSpanOfDays;

void dl_span_of_days_clear (DlSpanOfDays *span);

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

/* Sets earliest and latest of out from span (days as YYYY-MM-DD). */
void dl_resolution_set_span (DlResolution *out, const GDate *earliest,
                             const GDate *latest);

G_END_DECLS
