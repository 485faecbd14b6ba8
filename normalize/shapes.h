/* shapes.h: the handlers of the shapes of a form's value (resolve.c has
 * the table of shapes): absolute.c for values with their year (and those
 * kept as written), yearless.c for values without a year or century,
 * relative.c for values told from the reference.
 *
 * Each handler returns whether it resolved the form; either way it sets
 * w->unit first, so that an unresolved form still has its granularity. */
#pragma once

#include "match.h"
#include "work.h"

G_BEGIN_DECLS

/* How far the tense may carry a month, day or season from the reference
 * (about eight months): a date further away in the tense's direction than
 * this is more likely the nearer one, and the tense cue a stray word ("the
 * offer expires Nov. 21, it said" on 2 November is this November, not the
 * last one). */
#define TENSE_REACH_DAYS 243

typedef gboolean (*DlShapeHandler) (Work *w, const Match *match);

/* absolute.c */
gboolean dl_shape_absolute_day (Work *w, const Match *match);
gboolean dl_shape_absolute_month (Work *w, const Match *match);
gboolean dl_shape_absolute_year (Work *w, const Match *match);
gboolean dl_shape_absolute_decade (Work *w, const Match *match);
gboolean dl_shape_absolute_century (Work *w, const Match *match);
gboolean dl_shape_absolute_week (Work *w, const Match *match);
gboolean dl_shape_absolute_quarter (Work *w, const Match *match);
gboolean dl_shape_absolute_half (Work *w, const Match *match);
gboolean dl_shape_absolute_season (Work *w, const Match *match);
gboolean dl_shape_fiscal_year (Work *w, const Match *match);
gboolean dl_shape_bc_year (Work *w, const Match *match);
gboolean dl_shape_duration (Work *w, const Match *match);
gboolean dl_shape_unspecified (Work *w, const Match *match);
gboolean dl_shape_anchor (Work *w, const Match *match);
/* A duration value in the units TIMEX3 values use (P2DE is P20Y, P2.5Y
 * P2Y6M); NULL when value needs no change. */
char *dl_timex_duration (const char *value);

/* yearless.c */
gboolean dl_shape_undef_year_day (Work *w, const Match *match);
gboolean dl_shape_undef_year_month (Work *w, const Match *match);
gboolean dl_shape_undef_year_quarter (Work *w, const Match *match);
gboolean dl_shape_undef_year_half (Work *w, const Match *match);
gboolean dl_shape_undef_year_season (Work *w, const Match *match);
gboolean dl_shape_undef_year_moving_day (Work *w, const Match *match);
gboolean dl_shape_undef_century_year (Work *w, const Match *match);
gboolean dl_shape_undef_century_decade (Work *w, const Match *match);

/* relative.c */
gboolean dl_shape_ref_value (Work *w, const Match *match);
gboolean dl_shape_this_unit (Work *w, const Match *match);
gboolean dl_shape_shift_unit (Work *w, const Match *match);
gboolean dl_shape_shift_clock (Work *w, const Match *match);
gboolean dl_shape_weekday_by_tense (Work *w, const Match *match);
gboolean dl_shape_weekday_relative (Work *w, const Match *match);
gboolean dl_shape_yearly_relative (Work *w, const Match *match);
gboolean dl_shape_year_day_relative (Work *w, const Match *match);
gboolean dl_shape_reported_period (Work *w, const Match *match);
gboolean dl_shape_relative_year_part (Work *w, const Match *match);

G_END_DECLS
