/* calendar.c: the units of the form language and their periods, and date
 * arithmetic checked against the years GDate can hold (1..9999).
 *
 * Every date value is a *period*: a unit (day, week, ..., century) and its
 * first and last day.  Its TIMEX3 value follows from the unit and the first
 * day, so a relative form only has to find the right period: the one holding
 * the reference, shifted by whole units, or the best of a few candidates
 * chosen by the tense (candidates.c). */
#include "calendar.h"

#include <string.h>

#include "dl-cli.h"

/* GDate's Julian day (1 is 1 January 1) of 31 December 9999: a constant,
 * as add_days asks for it on every step. */
#define MAX_JULIAN G_GINT64_CONSTANT (3652059)

/* More units than any shift can take within years 1..9999 (3.7 million
 * days); bounding N first keeps the arithmetic below far from overflow. */
#define MAX_SHIFT G_GINT64_CONSTANT (10000000)

const UnitInfo dl_units[N_UNITS] = {
  [UNIT_NONE] = { "", "", "", "", 0, 0, 0, FALSE, 0, 0 },
  [UNIT_DAY] = { "day", "day", "days", "day", 1, 1, 0, FALSE, 0, 0 },
  [UNIT_WEEK] = { "week", "week", "weeks", "week", 7, 7, 0, FALSE, 2, 5 },
  /* Two days do not split into thirds. */
  [UNIT_WEEKEND] = { "weekend", "weekend", "weekends", "week",
                     2, 7, 0, FALSE, 0, 0 },
  /* Days 1-10, 11-20, 21-end. */
  [UNIT_MONTH] = { "month", "month", "months", "month",
                   0, 0, 1, FALSE, 10, 20 },
  [UNIT_QUARTER] = { "quarter", "quarter", "quarters", "quarter",
                     0, 0, 3, TRUE, 1, 2 },
  [UNIT_HALF] = { "half", "half year", "half years", "half",
                  0, 0, 6, TRUE, 2, 4 },
  [UNIT_SEASON] = { "season", "season", "seasons", "season",
                    0, 0, 3, TRUE, 1, 2 },
  /* January-April, May-August, September-December. */
  [UNIT_YEAR] = { "year", "year", "years", "year", 0, 0, 12, TRUE, 4, 8 },
  /* Years 0-3, 4-6, 7-9. */
  [UNIT_DECADE] = { "decade", "decade", "decades", "decade",
                    0, 0, 120, TRUE, 48, 84 },
  /* Years 0-32, 33-66, 67-99. */
  [UNIT_CENTURY] = { "century", "century", "centuries", "century",
                     0, 0, 1200, TRUE, 396, 804 },
};

/* Indexed by GDateWeekday (1 = Monday) and GDateMonth (1 = January). */
const char *const dl_weekday_names[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sunday", NULL
};
const char *const dl_month_names[] = {
  NULL, "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", NULL
};

/* Meteorological seasons of the northern hemisphere, by first month: the
 * winter of year Y begins in December of Y. */
static const struct {
  const char *code;
  const char *name;
  guint month;
} seasons[] = {
  { "SP", "spring", 3 },
  { "SU", "summer", 6 },
  { "FA", "fall", 9 },
  { "WI", "winter", 12 },
};

/* Sets date to year-month-day; FALSE if that is no day GDate can hold. */
gboolean
dl_make_date (GDate *date, gint64 year, gint64 month, gint64 day)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12
      || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                            (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
dl_add_days (GDate *date, gint64 n)
{
  gint64 julian = (gint64) g_date_get_julian (date) + n;

  if (julian < 1 || julian > MAX_JULIAN)
    return FALSE;
  /* Within the range, |n| < 3652059 and fits a guint. */
  if (n >= 0)
    g_date_add_days (date, (guint) n);
  else
    g_date_subtract_days (date, (guint) -n);
  return TRUE;
}

gboolean
dl_add_months (GDate *date, gint64 n)
{
  gint64 month = (gint64) g_date_get_year (date) * 12
                 + g_date_get_month (date) - 1 + n;

  if (month < MIN_YEAR * 12 || month > MAX_YEAR * 12 + 11)
    return FALSE;
  /* Within the range, |n| < 120000 and fits a guint. */
  if (n >= 0)
    g_date_add_months (date, (guint) n);
  else
    g_date_subtract_months (date, (guint) -n);
  return TRUE;
}


gboolean
dl_shift_date (GDate *date, gint64 days, gint64 months)
{
  GDate moved = *date;

  if (!dl_add_days (&moved, days) || !dl_add_months (&moved, months))
    return FALSE;
  *date = moved;
  return TRUE;
}

/* Sets p->last from p->unit and p->first. */
static gboolean
period_close (Period *p)
{
  const UnitInfo *info = &dl_units[p->unit];

  p->last = p->first;
  if (info->days > 0)
    return dl_add_days (&p->last, info->days - 1);
  /* To the end of the last month, not back from the month after it, which
   * for 9999 is beyond GDate. */
  if (!dl_add_months (&p->last, info->months - 1))
    return FALSE;
  g_date_set_day (&p->last,
                  g_date_get_days_in_month (g_date_get_month (&p->last),
                                            g_date_get_year (&p->last)));
  return TRUE;
}

/* The first month of the season that month is in, and the year that season
 * is named after (January's winter began the December before). */
static guint
season_start (guint month, guint *year)
{
  if (month < 3)
    {
      *year -= 1;
      return 12;
    }
  return month / 3 * 3;
}

/* The period of unit that holds day. */
gboolean
dl_period_containing (Period *p, Unit unit, const GDate *day)
{
  guint year = g_date_get_year (day);
  guint month = g_date_get_month (day);
  guint weekday = g_date_get_weekday (day);
  gboolean ok = TRUE;

  p->unit = unit;
  p->first = *day;
  switch (unit)
    {
    case UNIT_DAY:
      break;
    case UNIT_WEEK: /* ISO weeks begin on Monday */
      ok = dl_add_days (&p->first, 1 - (gint64) weekday);
      break;
    case UNIT_WEEKEND: /* the Saturday of the same ISO week */
      ok = dl_add_days (&p->first, 6 - (gint64) weekday);
      break;
    case UNIT_MONTH:
      ok = dl_make_date (&p->first, year, month, 1);
      break;
    case UNIT_QUARTER:
      ok = dl_make_date (&p->first, year, (month - 1) / 3 * 3 + 1, 1);
      break;
    case UNIT_HALF:
      ok = dl_make_date (&p->first, year, (month - 1) / 6 * 6 + 1, 1);
      break;
    case UNIT_SEASON:
      month = season_start (month, &year);
      ok = dl_make_date (&p->first, year, month, 1);
      break;
    case UNIT_YEAR:
      ok = dl_make_date (&p->first, year, 1, 1);
      break;
    case UNIT_DECADE:
      ok = dl_make_date (&p->first, year / 10 * 10, 1, 1);
      break;
    case UNIT_CENTURY:
      ok = dl_make_date (&p->first, year / 100 * 100, 1, 1);
      break;
    case UNIT_NONE:
    case N_UNITS:
    default:
      g_return_val_if_reached (FALSE);
    }
  return ok && period_close (p);
}

/* Moves p by n whole units (n < 0: back). */
gboolean
dl_period_shift (Period *p, gint64 n)
{
  const UnitInfo *info = &dl_units[p->unit];

  if (n > MAX_SHIFT || n < -MAX_SHIFT)
    return FALSE;
  if (info->days > 0)
    {
      if (!dl_add_days (&p->first, n * info->step_days))
        return FALSE;
    }
  else if (!dl_add_months (&p->first, n * info->months))
    return FALSE;
  return period_close (p);
}

gboolean
dl_period_contains (const Period *p, const GDate *day)
{
  return g_date_compare (&p->first, day) <= 0
         && g_date_compare (day, &p->last) <= 0;
}

/* Days between p and day; 0 when p holds day. */
gint64
dl_period_distance (const Period *p, const GDate *day)
{
  if (g_date_compare (day, &p->first) < 0)
    return g_date_days_between (day, &p->first);
  if (g_date_compare (day, &p->last) > 0)
    return g_date_days_between (&p->last, day);
  return 0;
}

/* The ISO 8601 week-year and week of day.  A week belongs to the year its
 * Thursday is in, which near New Year is not the year of the day itself:
 * 2021-01-01 is in 2020-W53, 2024-12-30 in 2025-W01. */
gboolean
dl_iso_week (const GDate *day, guint *year, guint *week)
{
  GDate thursday = *day;

  if (!dl_add_days (&thursday, 4 - (gint64) g_date_get_weekday (day)))
    return FALSE;
  *year = g_date_get_year (&thursday);
  *week = g_date_get_iso8601_week_of_year (&thursday);
  return TRUE;
}

static char *
week_value (const Period *p)
{
  guint year, week;

  if (!dl_iso_week (&p->first, &year, &week))
    return NULL;
  return g_strdup_printf ("%04u-W%02u%s", year, week,
                          p->unit == UNIT_WEEKEND ? "-WE" : "");
}

/* The TIMEX3 value of p. */
char *
dl_period_value (const Period *p)
{
  guint year = g_date_get_year (&p->first);
  guint month = g_date_get_month (&p->first);
  char day[DL_DATE_TEXT_SIZE];

  switch (p->unit)
    {
    case UNIT_DAY:
      return g_strdup (dl_format_date_to (&p->first, day));
    case UNIT_WEEK:
    case UNIT_WEEKEND:
      return week_value (p);
    case UNIT_MONTH:
      return g_strdup_printf ("%04u-%02u", year, month);
    case UNIT_QUARTER:
      return g_strdup_printf ("%04u-Q%u", year, (month + 2) / 3);
    case UNIT_HALF:
      return g_strdup_printf ("%04u-H%u", year, (month + 5) / 6);
    case UNIT_SEASON:
      return g_strdup_printf ("%04u-%s", year, seasons[month / 3 - 1].code);
    case UNIT_YEAR:
      return g_strdup_printf ("%04u", year);
    case UNIT_DECADE:
      return g_strdup_printf ("%03u", year / 10);
    case UNIT_CENTURY:
      return g_strdup_printf ("%02u", year / 100);
    case UNIT_NONE:
    case N_UNITS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The index of name in names (NULL-terminated, from 1), or 0: callers
 * also ask of names a form merely claims (UNDEF-day-X), so that is no bug. */
int
dl_name_index (const char *const *names, const char *name)
{
  for (int i = 1; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  return 0;
}

/* The first month of a season, from its code (SU) or name (summer). */
guint
dl_season_month (const char *code_or_name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (seasons); i++)
    if (strcmp (seasons[i].code, code_or_name) == 0
        || strcmp (seasons[i].name, code_or_name) == 0)
      return seasons[i].month;
  g_return_val_if_reached (3);
}

gboolean
dl_clock_days (const GDate *ref, gint64 minutes, gboolean back, Period *days,
               GDate *likely)
{
  enum { MINUTES_A_DAY = 24 * 60 };
  gint64 whole = minutes / MINUTES_A_DAY, part = minutes % MINUTES_A_DAY;
  gint64 sign = back ? -1 : 1;

  days->unit = UNIT_DAY;
  days->first = days->last = *likely = *ref;
  /* Back from a time of ref, part minutes more than whole days reach the
   * day before when that time is early enough; on, the day after. */
  return dl_add_days (back ? &days->first : &days->last,
                      sign * (whole + (part > 0)))
         && dl_add_days (back ? &days->last : &days->first, sign * whole)
         && dl_add_days (likely,
                         sign * (whole + (part > MINUTES_A_DAY / 2)));
}
