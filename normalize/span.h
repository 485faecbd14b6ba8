/* span.h: ranges of days (an anchor, the last date told) and putting a
 * range into a resolution. */
#pragma once

#include "dl-record.h"
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

/* Replaces *field by value (taking it). */
static inline void
dl_set_field (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* Sets earliest and latest of out from span (days as YYYY-MM-DD). */
void dl_resolution_set_span (DlResolution *out, const GDate *earliest,
                             const GDate *latest);

/* Gives res the days of span, an open range opening from them; FALSE when
 * res has a mod that cuts part of a range (early, late, around).  Beyond
 * years 1..9999, res is left unresolved. */
gboolean dl_narrow_to_span (DlResolution *res, const DlSpanOfDays *span);

/* Marks res unresolved, without a range: one of its dates would leave
 * years 1..9999.  The note says "out of range: " and then format. */
void dl_resolution_out_of_range (DlResolution *res, const char *format, ...)
    G_GNUC_PRINTF (2, 3);

/* Moves the fields of res into the ranges columns of record. */
void dl_resolution_to_record (DlResolution *res, DlRecord *record);

G_END_DECLS
