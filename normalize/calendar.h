/* calendar.h: the units of the form language (day ... century), periods of
 * them, and date arithmetic that never leaves the years GDate can hold. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GDate only knows years 1..9999, and asserts outside them: every step
 * that could leave them is checked before it is taken. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

typedef enum {
  UNIT_NONE,
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_WEEKEND,
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_HALF,
  UNIT_SEASON,
  UNIT_YEAR,
  UNIT_DECADE,
  UNIT_CENTURY,
  N_UNITS
} Unit;

typedef struct {
  const char *name;        /* in forms: UNDEF-last-NAME */
  const char *singular;    /* in notes */
  const char *plural;
  const char *granularity; /* the output column */
  guint days;              /* length in days, for day-based units */
  guint step_days;         /* distance between two such periods */
  guint months;            /* length in months, for month-based units */
  /* START/MID/END: the thirds begin at these offsets (in months when
   * split_months, else days); 0 when the unit is not split. */
  gboolean split_months;
  guint split1, split2;
} UnitInfo;

extern const UnitInfo dl_units[N_UNITS];
/* Indexed by GDateWeekday (1 = Monday) and GDateMonth (1 = January),
 * NULL-terminated. */
extern const char *const dl_weekday_names[];
extern const char *const dl_month_names[];

/* A period: a unit and its first and last day; its TIMEX3 value follows
 * from the unit and the first day. */
typedef struct {
  Unit unit;
  GDate first;
  GDate last;
} Period;

/* Sets date to year-month-day; FALSE if that is no day GDate can hold. */
gboolean dl_make_date (GDate *date, gint64 year, gint64 month, gint64 day);
/* Move date by n days or months; FALSE (date unchanged) if that would
 * leave years 1..9999. */
gboolean dl_add_days (GDate *date, gint64 n);
gboolean dl_add_months (GDate *date, gint64 n);
/* Moves date by days, then by months: all of it, or (FALSE) none. */
gboolean dl_shift_date (GDate *date, gint64 days, gint64 months);

/* The days a moment minutes before (back) or after some time of the day
 * ref falls on, as a period of days (3 hours back: the day before and
 * ref), and the likelier of them: the one most times of ref reach.  FALSE
 * if that leaves years 1..9999. */
gboolean dl_clock_days (const GDate *ref, gint64 minutes, gboolean back,
                        Period *days, GDate *likely);

/* The period of unit that holds day. */
gboolean dl_period_containing (Period *p, Unit unit, const GDate *day);
/* Moves p by n whole units (n < 0: back). */
gboolean dl_period_shift (Period *p, gint64 n);
gboolean dl_period_contains (const Period *p, const GDate *day);
/* Days between p and day; 0 when p holds day. */
gint64 dl_period_distance (const Period *p, const GDate *day);
/* The TIMEX3 value of p. */
char *dl_period_value (const Period *p);

/* The ISO 8601 week-year and week of day. */
gboolean dl_iso_week (const GDate *day, guint *year, guint *week);
/* The index of name in names (NULL-terminated, from 1). */
int dl_name_index (const char *const *names, const char *name);
/* The first month of a season, from its code (SU) or name (summer). */
guint dl_season_month (const char *code_or_name);

G_END_DECLS
