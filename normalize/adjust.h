/* adjust.h: changes normalize makes to a resolved range (adjust.c). */
#pragma once

#include "span.h"

G_BEGIN_DECLS

/* Whether value (a value or a whole form) starts with a written year. */
gboolean dl_has_written_year (const char *value, guint *year);

/* Moves date by n units (D, W, M, Q or Y), back when sign < 0; FALSE
 * (date unchanged) if it would leave years 1..9999. */
gboolean dl_move_by (GDate *date, int n, char unit, int sign);

/* window=: a stretch before or after reference (docs/forms.md). */
void dl_apply_window (DlResolution *res, const char *window,
                      const GDate *reference);
/* at=+: the day a duration ends, in a sentence about the future. */
void dl_apply_at (DlResolution *res, DlTense tense, const GDate *reference);
/* part=: some days of the period (the first week, the last weekend). */
void dl_apply_part (DlResolution *res, const char *part);

/* days=DD-DD: those days of a month ("May 3-5, 2021"). */
void dl_apply_days (DlResolution *res, const char *days);

/* "shortly after 6 a.m.": a time of day before or after which something
 * happened is still on its day. */
void dl_time_of_day_stays (DlResolution *res);

/* A season value moved to the southern hemisphere. */
void dl_southern_seasons (DlResolution *res);
/* form (whose value is value) with relative season names swapped to the
 * northern ones six months away, or NULL. */
char *dl_southern_names (const char *value, const char *form);
/* The season code of a northern pick named as the southern season. */
void dl_northern_code_as_southern (DlResolution *res);

/* FYyyyy with fiscal years starting in month start. */
void dl_fiscal_year (DlResolution *res, const char *form_value, int start);

G_END_DECLS
