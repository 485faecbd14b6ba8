/* resolve.c: resolves one context-free form (docs/forms.md) against the
 * reference date and the tense of its sentence.
 *
 * Every date value is a *period*: a unit (day, week, ..., century) and its
 * first and last day.  Its TIMEX3 value follows from the unit and the first
 * day, so a relative form only has to find the right period: the one holding
 * the reference, shifted by whole units, or the best of a few candidates
 * chosen by the tense.  GDate only knows years 1..9999, and asserts outside
 * them, so every step that could leave that range is checked before it is
 * taken, and a form that would leave it is "out of range". */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "resolve.h"

#include <pcre2.h>
#include <stdarg.h>
#include <string.h>

#include "dl-cli.h"
#include "dl-record.h"

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* GDate's Julian day (1 is 1 January 1) of 31 December 9999: a constant,
 * as add_days asks for it on every step. */
#define MAX_JULIAN G_GINT64_CONSTANT (3652059)

/* A UNDEF-year form looks this many years either side of the reference:
 * one is enough for every name but 29 February, which can be 8 years away
 * (1896 -> 1904). */
#define YEAR_SPAN 8

/* More units than any shift can take within years 1..9999 (3.7 million
 * days); bounding N first keeps the arithmetic below far from overflow. */
#define MAX_SHIFT G_GINT64_CONSTANT (10000000)

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

static const UnitInfo units[N_UNITS] = {
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
static const char *const weekday_names[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sunday", NULL
};
static const char *const month_names[] = {
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

static const struct {
  const char *code;
  const char *phrase;
} times_of_day[] = {
  { "MO", "in the morning" },
  { "AF", "in the afternoon" },
  { "EV", "in the evening" },
  { "NI", "at night" },
  { "DT", "in the daytime" },
};

/* How each mod reads in a note, before the value it modifies. */
static const struct {
  const char *mod;
  const char *phrase;
} mods[] = {
  { "START", "early part (first third) of " },
  { "MID", "middle part (middle third) of " },
  { "END", "late part (last third) of " },
  { "APPROX", "about " },
  { "BEFORE", "before " },
  { "AFTER", "after " },
  { "ON_OR_BEFORE", "on or before " },
  { "ON_OR_AFTER", "on or after " },
  { "LESS_THAN", "less than " },
  { "MORE_THAN", "more than " },
  { "EQUAL_OR_LESS", "at most " },
  { "EQUAL_OR_MORE", "at least " },
};

static const char *const types[] = { "DATE", "TIME", "DURATION", "SET", NULL };
static const char *const quants[] = { "EACH", "EVERY", NULL };
/* tense=: what the expression itself says of its time, before the tense of
 * its sentence ("Thursday's close" is over, whatever the sentence says). */
static const char *const tenses[] = { "PAST", "FUTURE", NULL };
/* span=: the period around the day said that is meant ("the week of
 * March 6" is the week holding March 6). */
static const char *const spans[] = { "week", NULL };
/* shift=: whole days from the day said ("the day before last Tuesday" is
 * UNDEF-last-tuesday shift=MINUS-1). */
#define SHIFT_PATTERN "^(MINUS|PLUS)-([1-9][0-9]?)$"

/* ---- dates and periods ---------------------------------------------- */

/* Sets date to year-month-day; FALSE if that is no day GDate can hold. */
static gboolean
make_date (GDate *date, gint64 year, gint64 month, gint64 day)
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

static gboolean
add_days (GDate *date, gint64 n)
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

static gboolean
add_months (GDate *date, gint64 n)
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

typedef struct {
  Unit unit;
  GDate first;
  GDate last;
} Period;

/* Sets p->last from p->unit and p->first. */
static gboolean
period_close (Period *p)
{
  const UnitInfo *info = &units[p->unit];

  p->last = p->first;
  if (info->days > 0)
    return add_days (&p->last, info->days - 1);
  /* To the end of the last month, not back from the month after it, which
   * for 9999 is beyond GDate. */
  if (!add_months (&p->last, info->months - 1))
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
static gboolean
period_containing (Period *p, Unit unit, const GDate *day)
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
      ok = add_days (&p->first, 1 - (gint64) weekday);
      break;
    case UNIT_WEEKEND: /* the Saturday of the same ISO week */
      ok = add_days (&p->first, 6 - (gint64) weekday);
      break;
    case UNIT_MONTH:
      ok = make_date (&p->first, year, month, 1);
      break;
    case UNIT_QUARTER:
      ok = make_date (&p->first, year, (month - 1) / 3 * 3 + 1, 1);
      break;
    case UNIT_HALF:
      ok = make_date (&p->first, year, (month - 1) / 6 * 6 + 1, 1);
      break;
    case UNIT_SEASON:
      month = season_start (month, &year);
      ok = make_date (&p->first, year, month, 1);
      break;
    case UNIT_YEAR:
      ok = make_date (&p->first, year, 1, 1);
      break;
    case UNIT_DECADE:
      ok = make_date (&p->first, year / 10 * 10, 1, 1);
      break;
    case UNIT_CENTURY:
      ok = make_date (&p->first, year / 100 * 100, 1, 1);
      break;
    case UNIT_NONE:
    case N_UNITS:
    default:
      g_return_val_if_reached (FALSE);
    }
  return ok && period_close (p);
}

/* Moves p by n whole units (n < 0: back). */
static gboolean
period_shift (Period *p, gint64 n)
{
  const UnitInfo *info = &units[p->unit];

  if (n > MAX_SHIFT || n < -MAX_SHIFT)
    return FALSE;
  if (info->days > 0)
    {
      if (!add_days (&p->first, n * info->step_days))
        return FALSE;
    }
  else if (!add_months (&p->first, n * info->months))
    return FALSE;
  return period_close (p);
}

static gboolean
period_contains (const Period *p, const GDate *day)
{
  return g_date_compare (&p->first, day) <= 0
         && g_date_compare (day, &p->last) <= 0;
}

/* Days between p and day; 0 when p holds day. */
static gint64
period_distance (const Period *p, const GDate *day)
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
static gboolean
iso_week (const GDate *day, guint *year, guint *week)
{
  GDate thursday = *day;

  if (!add_days (&thursday, 4 - (gint64) g_date_get_weekday (day)))
    return FALSE;
  *year = g_date_get_year (&thursday);
  *week = g_date_get_iso8601_week_of_year (&thursday);
  return TRUE;
}

static char *
week_value (const Period *p)
{
  guint year, week;

  if (!iso_week (&p->first, &year, &week))
    return NULL;
  return g_strdup_printf ("%04u-W%02u%s", year, week,
                          p->unit == UNIT_WEEKEND ? "-WE" : "");
}

/* The TIMEX3 value of p. */
static char *
period_value (const Period *p)
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

/* ---- choosing among candidate periods -------------------------------- */

typedef enum {
  PICK_STARTED,    /* the latest that starts on or before the reference */
  PICK_UNFINISHED, /* the earliest that ends on or after it */
  PICK_NEAREST,    /* the nearest; ties go to the past */
  PICK_BEFORE,     /* the latest that ends before it */
  PICK_AFTER,      /* the earliest that starts after it */
  PICK_CURRENT     /* the one holding it, else the one of its year */
} Pick;

/* The index of the chosen one among candidates (in time order), or -1. */
static int
pick (const Period *candidates, int n, const GDate *ref, Pick how)
{
  int best = -1;

  for (int i = 0; i < n; i++)
    {
      const Period *c = &candidates[i];

      switch (how)
        {
        case PICK_STARTED:
          if (g_date_compare (&c->first, ref) <= 0)
            best = i;
          break;
        case PICK_UNFINISHED:
          if (g_date_compare (&c->last, ref) >= 0)
            return i;
          break;
        case PICK_NEAREST:
          if (best < 0 || period_distance (c, ref)
                            < period_distance (&candidates[best], ref))
            best = i;
          break;
        case PICK_BEFORE:
          if (g_date_compare (&c->last, ref) < 0)
            best = i;
          break;
        case PICK_AFTER:
          if (g_date_compare (&c->first, ref) > 0)
            return i;
          break;
        case PICK_CURRENT:
          if (period_contains (c, ref))
            return i;
          if (g_date_get_year (&c->first) == g_date_get_year (ref))
            best = i;
          break;
        default:
          g_return_val_if_reached (-1);
        }
    }
  return best;
}

/* The periods of unit holding month-day in the years around ref; returns
 * how many (years without that day, or outside 1..9999, are left out). */
static int
yearly_candidates (Unit unit, guint month, guint day, const GDate *ref,
                   Period *candidates)
{
  gint64 ref_year = g_date_get_year (ref);
  /* Every year has the day but 29 February: two years either side of the
   * reference hold the nearest one in each direction, even of a period
   * that runs into the next year (a winter) and holds the reference. */
  gint64 span = month == 2 && day == 29 ? YEAR_SPAN : 2;
  int n = 0;

  for (gint64 year = ref_year - span; year <= ref_year + span; year++)
    {
      GDate date;

      if (make_date (&date, year, month, day)
          && period_containing (&candidates[n], unit, &date))
        n++;
    }
  return n;
}

/* The days of weekday in the weeks around ref. */
static int
weekday_candidates (GDateWeekday weekday, const GDate *ref,
                    Period *candidates)
{
  /* back: how far the latest such day on or before ref lies back */
  gint64 back = ((gint64) g_date_get_weekday (ref) - weekday + 7) % 7;
  int n = 0;

  for (gint64 week = -1; week <= 1; week++)
    {
      GDate day = *ref;

      if (add_days (&day, 7 * week - back)
          && period_containing (&candidates[n], UNIT_DAY, &day))
        n++;
    }
  return n;
}

/* A day that recurs once a year: a calendar day, the first weekday on or
 * after one (Thanksgiving, the fourth Thursday of November, is the Thursday
 * on or after 22 November), or a day counted from Easter Sunday. */
typedef struct {
  guint month, day;      /* when not easter */
  GDateWeekday weekday;  /* G_DATE_BAD_WEEKDAY: the calendar day itself */
  gboolean easter;
  gint64 offset;         /* days from Easter Sunday */
} YearDay;

/* Easter Sunday of the Gregorian calendar (the anonymous algorithm of
 * 1876, as in Meeus), proleptic before 1583. */
static gboolean
easter_sunday (gint64 year, GDate *date)
{
  gint64 a = year % 19, b = year / 100, c = year % 100;
  gint64 d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  gint64 h = (19 * a + b - d - g + 15) % 30;
  gint64 i = c / 4, k = c % 4;
  gint64 l = (32 + 2 * e + 2 * i - h - k) % 7;
  gint64 m = (a + 11 * h + 22 * l) / 451;
  gint64 month = (h + l - 7 * m + 114) / 31;
  gint64 day = (h + l - 7 * m + 114) % 31 + 1;

  return make_date (date, year, month, day);
}

/* The day of spec in year; FALSE if there is none GDate can hold. */
static gboolean
year_day (const YearDay *spec, gint64 year, GDate *date)
{
  if (spec->easter)
    return easter_sunday (year, date) && add_days (date, spec->offset);
  if (!make_date (date, year, spec->month, spec->day))
    return FALSE;
  if (spec->weekday == G_DATE_BAD_WEEKDAY)
    return TRUE;
  return add_days (date, ((gint64) spec->weekday
                          - g_date_get_weekday (date) + 7) % 7);
}

/* The days of spec in the years around ref. */
static int
year_day_candidates (const YearDay *spec, const GDate *ref,
                     Period *candidates)
{
  gint64 ref_year = g_date_get_year (ref);
  /* As in yearly_candidates: only 29 February skips years. */
  gint64 span = !spec->easter && spec->month == 2 && spec->day == 29
                    ? YEAR_SPAN : 2;
  int n = 0;

  for (gint64 year = ref_year - span; year <= ref_year + span; year++)
    {
      GDate date;

      if (year_day (spec, year, &date)
          && period_containing (&candidates[n], UNIT_DAY, &date))
        n++;
    }
  return n;
}

static Pick
pick_by_tense (DlTense tense)
{
  switch (tense)
    {
    case DL_TENSE_PAST:
      return PICK_STARTED;
    case DL_TENSE_FUTURE:
      return PICK_UNFINISHED;
    case DL_TENSE_UNKNOWN:
    case DL_TENSE_PRESENT:
    default:
      return PICK_NEAREST;
    }
}

static const char *
tense_words (DlTense tense)
{
  switch (tense)
    {
    case DL_TENSE_PAST:
      return "past tense";
    case DL_TENSE_PRESENT:
      return "present tense";
    case DL_TENSE_FUTURE:
      return "future tense";
    case DL_TENSE_UNKNOWN:
    default:
      return "tense unknown";
    }
}

/* ---- the work on one form ------------------------------------------- */

typedef enum {
  RANGE_NONE,    /* durations, sets, BC years: no days */
  RANGE_PERIOD,  /* the days of period (then narrowed by the mod) */
  RANGE_PRESENT, /* the reference day */
  RANGE_PAST,    /* up to the reference */
  RANGE_FUTURE   /* from the reference on */
} RangeKind;

typedef struct {
  const DlResolveContext *context;
  DlTense tense;     /* from tense=, else DL_TENSE_UNKNOWN */
  const char *form;  /* the whole form */
  const char *value; /* its value, without a time of day */
  Unit unit;         /* its granularity, known even when unresolved */
  gboolean resolved; /* if not, note says why */
  gboolean duration; /* a TIMEX3 DURATION value */
  gboolean plain;    /* note only says "explicit ...": a mod's note replaces it */
  gboolean fuzzy;    /* the value is vague by nature */
  RangeKind range;
  Period period;     /* when range is RANGE_PERIOD */
  char *timex;       /* the resolved value; NULL: the value as written */
  char *note;
} Work;

static void
work_clear (Work *w)
{
  g_clear_pointer (&w->timex, g_free);
  g_clear_pointer (&w->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, work_clear)

/* The handlers below return whether they resolved the form; either way
 * they set w->unit first, so that an unresolved form still has its
 * granularity. */

static gboolean fail (Work *w, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Marks w unresolved, for the reason in format. */
static gboolean
fail (Work *w, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_free (w->note);
  w->note = g_strdup_vprintf (format, args);
  va_end (args);
  w->resolved = FALSE;
  w->range = RANGE_NONE;
  g_clear_pointer (&w->timex, g_free);
  return FALSE;
}

static gboolean
out_of_range (Work *w)
{
  return fail (w, "out of range: %s", w->value);
}

static gboolean found (Work *w, const Period *p, gboolean relative,
                       const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Resolves w to p.  A relative form's value is written from p; an absolute
 * one keeps the value as written (FY1998 stays FY1998). */
static gboolean
found (Work *w, const Period *p, gboolean relative, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_free (w->note);
  w->note = g_strdup_vprintf (format, args);
  va_end (args);
  w->resolved = TRUE;
  w->range = RANGE_PERIOD;
  w->period = *p;
  w->unit = p->unit;
  g_clear_pointer (&w->timex, g_free);
  if (relative)
    w->timex = period_value (p);
  return TRUE;
}

/* The reference date, or NULL (and w unresolved) if there is none. */
static const GDate *
reference (Work *w)
{
  const DlResolveContext *c = w->context;

  if (c != NULL && c->have_reference && g_date_valid (&c->reference)
      && g_date_get_year (&c->reference) <= MAX_YEAR)
    return &c->reference;
  fail (w, "no reference date");
  return NULL;
}

static DlTense
sentence_tense (const Work *w)
{
  if (w->tense != DL_TENSE_UNKNOWN)
    return w->tense;
  return w->context != NULL ? w->context->tense : DL_TENSE_UNKNOWN;
}

/* ---- matches ---------------------------------------------------------- */

/* More than any pattern here has groups (a time of day has 5). */
#define MAX_GROUPS 8

/* Room for any group read as text: every such group is bounded by its
 * pattern, the longest being a day (11-22-wednesday, easter-MINUS-123). */
#define GROUP_TEXT_SIZE 32

/* A successful match: its subject and where each group lies in it, copied
 * out of PCRE2's match data so that the match data can serve the next
 * match while this one is still read (a time of day, then a shape). */
typedef struct {
  const char *subject;
  guint n_pairs; /* the last group that took part, plus one */
  PCRE2_SIZE ovector[2 * MAX_GROUPS];
} Match;

typedef struct {
  pcre2_code *code;
  gboolean jit; /* compiled to machine code: match with pcre2_jit_match */
} Regex;

/* Compiles pattern for the life of the process.  The patterns are part of
 * this file, so a bad one is a bug: it aborts.
 *
 * DOLLAR_ENDONLY: "2022\n" is not the form 2022.  No UTF mode (GRegex had
 * it): every pattern is ASCII, so a non-ASCII byte can match none of them
 * in either mode, and pcre2_jit_match does not check UTF-8, which UTF mode
 * would need on arbitrary input. */
static void
regex_compile (Regex *regex, const char *pattern)
{
  PCRE2_SIZE offset;
  uint32_t groups = 0;
  int code;

  regex->code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                               PCRE2_DOLLAR_ENDONLY, &code, &offset, NULL);
  if (regex->code == NULL)
    {
      PCRE2_UCHAR message[256];

      pcre2_get_error_message (code, message, sizeof message);
      g_error ("resolve: bad pattern %s: %s", pattern, (char *) message);
    }
  pcre2_pattern_info (regex->code, PCRE2_INFO_CAPTURECOUNT, &groups);
  if (groups >= MAX_GROUPS)
    g_error ("resolve: pattern %s has more than %d groups", pattern,
             MAX_GROUPS - 1);
  regex->jit = pcre2_jit_compile (regex->code, PCRE2_JIT_COMPLETE) == 0;
}

/* The match data PCRE2 writes each match into: one per thread, kept and
 * reused, so that matching allocates nothing and dl_resolve can still run
 * in several threads at once. */
static pcre2_match_data *
thread_match_data (void)
{
  static GPrivate key
      = G_PRIVATE_INIT ((GDestroyNotify) pcre2_match_data_free);
  pcre2_match_data *data = g_private_get (&key);

  if (data == NULL)
    {
      data = pcre2_match_data_create (MAX_GROUPS, NULL);
      g_private_set (&key, data);
    }
  return data;
}

/* Whether regex matches subject (length bytes); if it does and match is
 * not NULL, the groups go into *match. */
static gboolean
regex_match (const Regex *regex, const char *subject, gsize length,
             Match *match)
{
  pcre2_match_data *data = thread_match_data ();
  int pairs;

  if (regex->jit)
    pairs = pcre2_jit_match (regex->code, (PCRE2_SPTR) subject, length, 0, 0,
                             data, NULL);
  else
    pairs = pcre2_match (regex->code, (PCRE2_SPTR) subject, length, 0, 0,
                         data, NULL);
  if (pairs < 0) /* no match, or a matching error, as GRegex had it */
    return FALSE;
  /* 0 would be an ovector too small, which regex_compile rules out. */
  g_assert (pairs > 0 && pairs <= MAX_GROUPS);
  if (match != NULL)
    {
      match->subject = subject;
      match->n_pairs = (guint) pairs;
      memcpy (match->ovector, pcre2_get_ovector_pointer (data),
              2 * (gsize) pairs * sizeof (PCRE2_SIZE));
    }
  return TRUE;
}

/* Where group n starts, and its length; "" for a group that took no part,
 * as g_match_info_fetch had it. */
static const char *
match_group (const Match *match, guint n, gsize *length)
{
  if (n >= match->n_pairs || match->ovector[2 * n] == PCRE2_UNSET)
    {
      *length = 0;
      return "";
    }
  *length = match->ovector[2 * n + 1] - match->ovector[2 * n];
  return match->subject + match->ovector[2 * n];
}

static gboolean
match_is (const Match *match, guint n, const char *text)
{
  gsize length;
  const char *start = match_group (match, n, &length);

  return length == strlen (text) && memcmp (start, text, length) == 0;
}

/* Group n as a string in buffer (GROUP_TEXT_SIZE bytes). */
static const char *
match_text (const Match *match, guint n, char *buffer)
{
  gsize length;
  const char *start = match_group (match, n, &length);

  g_assert (length < GROUP_TEXT_SIZE);
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  return buffer;
}

/* A group of at most 4 digits, as a number (0 when empty), read in place. */
static int
match_int (const Match *match, guint n)
{
  gsize length;
  const char *digits = match_group (match, n, &length);
  int number = 0;

  g_assert (length <= 4);
  for (gsize i = 0; i < length && g_ascii_isdigit (digits[i]); i++)
    number = number * 10 + (digits[i] - '0');
  return number;
}

/* The index of name in names (NULL-terminated, from 1). */
static int
name_index (const char *const *names, const char *name)
{
  for (int i = 1; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  g_return_val_if_reached (0);
}

/* Group n, all digits, as a number; FALSE if it has more than 9 digits
 * (leading zeros aside), which is bounded before it is read so that no
 * number of digits can overflow. */
static gboolean
match_number (const Match *match, guint n, gint64 *number)
{
  gsize length;
  const char *digits = match_group (match, n, &length);

  while (length > 0 && digits[0] == '0')
    digits++, length--;
  if (length > 9)
    return FALSE;
  *number = 0;
  for (gsize i = 0; i < length; i++)
    *number = *number * 10 + (digits[i] - '0');
  return TRUE;
}

static Unit
match_unit (const Match *match, guint n)
{
  for (Unit u = UNIT_DAY; u < N_UNITS; u++)
    if (match_is (match, n, units[u].name))
      return u;
  g_return_val_if_reached (UNIT_DAY);
}

/* The first month of a season, from its code (SU) or name (summer). */
static guint
season_month (const char *code_or_name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (seasons); i++)
    if (strcmp (seasons[i].code, code_or_name) == 0
        || strcmp (seasons[i].name, code_or_name) == 0)
      return seasons[i].month;
  g_return_val_if_reached (3);
}

/* ---- absolute values -------------------------------------------------- */

/* The period of unit holding year-month-day, an absolute value. */
static gboolean
absolute (Work *w, Unit unit, int year, int month, int day, const char *note)
{
  GDate date;
  Period p;

  w->unit = unit;
  if (year < MIN_YEAR)
    return out_of_range (w);
  if (!make_date (&date, year, month, day))
    return fail (w, "no such %s: %s", units[unit].name, w->value);
  if (!period_containing (&p, unit, &date))
    return out_of_range (w);
  w->plain = TRUE;
  return found (w, &p, FALSE, "%s", note);
}

static gboolean
absolute_day (Work *w, const Match *match)
{
  return absolute (w, UNIT_DAY, match_int (match, 1), match_int (match, 2),
                   match_int (match, 3), "explicit date");
}

static gboolean
absolute_month (Work *w, const Match *match)
{
  return absolute (w, UNIT_MONTH, match_int (match, 1), match_int (match, 2),
                   1, "explicit month");
}

static gboolean
absolute_year (Work *w, const Match *match)
{
  return absolute (w, UNIT_YEAR, match_int (match, 1), 1, 1, "explicit year");
}

static gboolean
absolute_decade (Work *w, const Match *match)
{
  return absolute (w, UNIT_DECADE, match_int (match, 1) * 10, 1, 1,
                   "explicit decade");
}

/* 18 is the 19th century, 1800-1899 (TIMEX3). */
static gboolean
absolute_century (Work *w, const Match *match)
{
  return absolute (w, UNIT_CENTURY, match_int (match, 1) * 100, 1, 1,
                   "explicit century");
}

static gboolean
absolute_quarter (Work *w, const Match *match)
{
  return absolute (w, UNIT_QUARTER, match_int (match, 1),
                   match_int (match, 2) * 3 - 2, 1, "explicit quarter");
}

static gboolean
absolute_half (Work *w, const Match *match)
{
  return absolute (w, UNIT_HALF, match_int (match, 1),
                   match_int (match, 2) * 6 - 5, 1, "explicit half year");
}

static gboolean
absolute_season (Work *w, const Match *match)
{
  char code[GROUP_TEXT_SIZE];

  return absolute (w, UNIT_SEASON, match_int (match, 1),
                   season_month (match_text (match, 2, code)), 1,
                   "explicit season");
}

/* YYYY-Www and YYYY-Www-WE.  Week 1 is the one holding 4 January; week 0,
 * or a week 53 the year does not have, falls in another ISO year. */
static gboolean
absolute_week (Work *w, const Match *match)
{
  int year = match_int (match, 1);
  int week = match_int (match, 2);
  Unit unit = match_is (match, 3, "-WE") ? UNIT_WEEKEND : UNIT_WEEK;
  guint iso_year, iso_week_number;
  GDate day;
  Period p;

  w->unit = unit;
  if (!make_date (&day, year, 1, 4))
    return out_of_range (w);
  if (week < 1 || !add_days (&day, 7 * ((gint64) week - 1))
      || !iso_week (&day, &iso_year, &iso_week_number)
      || iso_year != (guint) year)
    return fail (w, "no such week: %s", w->value);
  if (!period_containing (&p, unit, &day))
    return out_of_range (w);
  w->plain = TRUE;
  return found (w, &p, FALSE, "explicit %s", units[unit].name);
}

static gboolean
fiscal_year (Work *w, const Match *match)
{
  gboolean ok = absolute (w, UNIT_YEAR, match_int (match, 1), 1, 1,
                          "fiscal year taken as the calendar year");

  /* TIMEX3 has no fiscal years: "fiscal 1989" is the year 1989. */
  w->plain = FALSE;
  if (ok)
    w->timex = period_value (&w->period);
  return ok;
}

static gboolean
bc_year (Work *w, const Match *match)
{
  (void) match;
  w->unit = UNIT_YEAR;
  w->resolved = TRUE;
  w->range = RANGE_NONE;
  w->note = g_strdup ("year before Christ: no calendar range");
  return TRUE;
}

/* A duration of one amount in the units TIMEX3 values use: decades and
 * centuries in years (P2DE is P20Y, PXDE some years: PXY), and a fraction
 * in whole smaller units when it comes out whole (P2.5Y is P2Y6M, PT1.5M
 * PT1M30S, P0.5D PT12H).  NULL when value needs no change. */
static char *
timex_duration (const char *value)
{
  static const struct {
    const char *unit;  /* as written, after P or PT */
    gboolean time;     /* after T */
    const char *whole; /* the unit of the whole part */
    gboolean whole_time;
    const char *smaller; /* the unit a fraction goes into, or NULL */
    gboolean smaller_time;
    int per; /* smaller units in one */
  } table[] = {
    { "DE", FALSE, "Y", FALSE, NULL, FALSE, 10 },
    { "CE", FALSE, "Y", FALSE, NULL, FALSE, 100 },
    { "Y", FALSE, "Y", FALSE, "M", FALSE, 12 },
    { "W", FALSE, "W", FALSE, "D", FALSE, 7 },
    { "D", FALSE, "D", FALSE, "H", TRUE, 24 },
    { "H", TRUE, "H", TRUE, "M", TRUE, 60 },
    { "M", TRUE, "M", TRUE, "S", TRUE, 60 },
  };
  gboolean time = g_str_has_prefix (value, "PT");
  const char *amount = value + (time ? 2 : 1);
  const char *end = amount;

  if (*end == 'X')
    end++;
  else
    while (g_ascii_isdigit (*end) || *end == '.')
      end++;
  if (end == amount)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (table[i].time != time || strcmp (end, table[i].unit) != 0)
        continue;
      g_autofree char *digits = g_strndup (amount, end - amount);
      if (table[i].smaller == NULL) /* DE, CE: a multiple of years */
        {
          if (digits[0] == 'X')
            return g_strdup ("PXY");
          double years = g_ascii_strtod (digits, NULL) * table[i].per;
          if (years != (double) (gint64) years || years > 1e9)
            return NULL;
          return g_strdup_printf ("P%" G_GINT64_FORMAT "Y", (gint64) years);
        }
      const char *dot = strchr (digits, '.');
      if (dot == NULL || digits[0] == 'X' || strlen (digits) > 12)
        return NULL;
      gint64 whole = g_ascii_strtoll (digits, NULL, 10);
      double part = g_ascii_strtod (dot, NULL) * table[i].per;
      gint64 smaller = (gint64) (part + 0.5);
      if (part - (double) smaller > 1e-9 || (double) smaller - part > 1e-9)
        return NULL;
      GString *out = g_string_new ("P");
      if (whole > 0)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT "%s",
                                table[i].whole_time ? "T" : "", whole,
                                table[i].whole);
      if (smaller > 0)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT "%s",
                                table[i].smaller_time
                                    && (whole == 0 || !table[i].whole_time)
                                    ? "T" : "",
                                smaller, table[i].smaller);
      if (out->len == 1)
        g_string_append_printf (out, "%s0%s", table[i].whole_time ? "T" : "",
                                table[i].whole);
      return g_string_free (out, FALSE);
    }
  return NULL;
}

static gboolean
duration (Work *w, const Match *match)
{
  (void) match;
  w->unit = UNIT_NONE;
  w->resolved = TRUE;
  w->duration = TRUE;
  w->plain = TRUE;
  w->fuzzy = strchr (w->value, 'X') != NULL; /* PXY: some years */
  w->range = RANGE_NONE;
  w->timex = timex_duration (w->value);
  w->note = g_strdup ("duration: no date range");
  return TRUE;
}

/* PRESENT_REF, PAST_REF, FUTURE_REF */
static gboolean
ref_value (Work *w, const Match *match)
{
  static const struct {
    const char *name;
    RangeKind range;
    const char *note;
  } refs[] = {
    { "PRESENT", RANGE_PRESENT, "the present, at" },
    { "PAST", RANGE_PAST, "the past, up to" },
    { "FUTURE", RANGE_FUTURE, "the future, from" },
  };
  const GDate *ref;

  w->unit = UNIT_NONE;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (match_is (match, 1, refs[i].name))
      {
        w->resolved = TRUE;
        w->fuzzy = TRUE;
        w->range = refs[i].range;
        w->note = g_strdup_printf ("%s reference %s", refs[i].note, ref_day);
      }
  return w->resolved;
}

/* ---- values without a year or century ---------------------------------- */

/* How far the tense may carry a month, day or season from the reference
 * (about eight months): a date further away in the tense's direction than
 * this is more likely the nearer one, and the tense cue a stray word ("the
 * offer expires Nov. 21, it said" on 2 November is this November, not the
 * last one). */
#define TENSE_REACH_DAYS 243

/* A quarter or half year that ended at most this many months before the
 * reference is still the one spoken of in the future tense: results for
 * the third quarter are due in October and November. */
#define REPORTING_LAG_MONTHS 3

/* The period of unit holding month-day in the year the tense points to.
 *
 * A quarter or half year is, but in the future tense, the latest that has
 * begun: news reports results after a period ends ("third-quarter profit
 * rose", said in November, is this year's).  In the future tense it is the
 * earliest that has not been over for long (REPORTING_LAG_MONTHS).
 *
 * A day, month or season follows the tense (the latest begun in the past
 * tense, the earliest not over in the future tense) when that one lies
 * within TENSE_REACH_DAYS of the reference, and is else the nearest one. */
static gboolean
by_tense_among (Work *w, Unit unit, const Period *candidates, int n,
                gboolean tense_decides)
{
  DlTense tense = sentence_tense (w);
  const char *how = tense_words (tense);
  const GDate *ref;
  int i;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (unit == UNIT_QUARTER || unit == UNIT_HALF)
    {
      if (tense == DL_TENSE_FUTURE)
        {
          GDate since = *ref;

          if (!add_months (&since, -REPORTING_LAG_MONTHS))
            return out_of_range (w);
          i = pick (candidates, n, &since, PICK_UNFINISHED);
        }
      else
        {
          i = pick (candidates, n, ref, PICK_STARTED);
          how = "the latest begun";
        }
    }
  else
    {
      i = pick (candidates, n, ref, pick_by_tense (tense));
      /* A tense told by the verb the mention hangs from ("will sail in
       * March") is no stray cue: it decides however far. */
      if (w->context != NULL && w->context->tense_governs)
        tense_decides = TRUE;
      if (i >= 0 && !tense_decides
          && period_distance (&candidates[i], ref) > TENSE_REACH_DAYS)
        {
          i = pick (candidates, n, ref, PICK_NEAREST);
          how = "the nearest: the tense points too far";
        }
    }
  if (i < 0)
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &candidates[i], TRUE, "year from reference %s (%s)",
                ref_day, how);
}

static gboolean
in_year_by_tense (Work *w, Unit unit, int month, int day)
{
  Period candidates[2 * YEAR_SPAN + 1];
  const GDate *ref;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  int n = yearly_candidates (unit, month, day, ref, candidates);
  /* (29 February only comes every four years: the tense decides.) */
  return by_tense_among (w, unit, candidates, n, month == 2 && day == 29);
}

static gboolean
undef_year_day (Work *w, const Match *match)
{
  int month = match_int (match, 1);
  int day = match_int (match, 2);

  w->unit = UNIT_DAY;
  /* 2000 is a leap year: 29 February exists somewhere, 30 February never. */
  if (month < 1 || month > 12
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return fail (w, "no such day: %s", w->value);
  return in_year_by_tense (w, UNIT_DAY, month, day);
}

static gboolean
undef_year_month (Work *w, const Match *match)
{
  int month = match_int (match, 1);

  w->unit = UNIT_MONTH;
  if (month < 1 || month > 12)
    return fail (w, "no such month: %s", w->value);
  return in_year_by_tense (w, UNIT_MONTH, month, 1);
}

static gboolean
undef_year_quarter (Work *w, const Match *match)
{
  return in_year_by_tense (w, UNIT_QUARTER, match_int (match, 1) * 3 - 2, 1);
}

static gboolean
undef_year_half (Work *w, const Match *match)
{
  return in_year_by_tense (w, UNIT_HALF, match_int (match, 1) * 6 - 5, 1);
}

static gboolean
undef_year_season (Work *w, const Match *match)
{
  char code[GROUP_TEXT_SIZE];

  return in_year_by_tense (w, UNIT_SEASON,
                           season_month (match_text (match, 1, code)), 1);
}

/* Reads a YearDay from its form: MM-DD-WEEKDAY (the weekday on or after
 * that day), MM-DD, easter, easter-MINUS-N, easter-PLUS-N.  FALSE if it
 * names no day. */
static gboolean
parse_year_day (const char *text, YearDay *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->weekday = G_DATE_BAD_WEEKDAY;
  if (g_str_has_prefix (text, "easter"))
    {
      const char *rest = text + strlen ("easter");

      spec->easter = TRUE;
      if (*rest == '\0')
        return TRUE;
      if (g_str_has_prefix (rest, "-MINUS-"))
        spec->offset = -g_ascii_strtoll (rest + 7, NULL, 10);
      else if (g_str_has_prefix (rest, "-PLUS-"))
        spec->offset = g_ascii_strtoll (rest + 6, NULL, 10);
      else
        return FALSE;
      return TRUE;
    }
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || text[2] != '-' || !g_ascii_isdigit (text[3])
      || !g_ascii_isdigit (text[4]))
    return FALSE;
  spec->month = (guint) g_ascii_strtoull (text, NULL, 10);
  spec->day = (guint) g_ascii_strtoull (text + 3, NULL, 10);
  if (spec->month < 1 || spec->month > 12
      || !g_date_valid_dmy ((GDateDay) spec->day, (GDateMonth) spec->month,
                            2000))
    return FALSE;
  if (text[5] == '-')
    spec->weekday = name_index (weekday_names, text + 6);
  return TRUE;
}

/* UNDEF-year-11-22-thursday (Thanksgiving), UNDEF-year-easter: a day that
 * moves from year to year, in the year the tense points to. */
static gboolean
undef_year_moving_day (Work *w, const Match *match)
{
  char text_buffer[GROUP_TEXT_SIZE];
  const char *text = match_text (match, 1, text_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  const GDate *ref;
  YearDay spec;

  w->unit = UNIT_DAY;
  if (!parse_year_day (text, &spec))
    return fail (w, "no such day: %s", w->value);
  if ((ref = reference (w)) == NULL)
    return FALSE;
  int n = year_day_candidates (&spec, ref, candidates);
  return by_tense_among (w, UNIT_DAY, candidates, n, FALSE);
}

/* '98: the year ending 98 nearest the reference, but not after it in the
 * past tense. */
static gboolean
undef_century_year (Work *w, const Match *match)
{
  int ending = match_int (match, 1);
  const GDate *ref;
  gint64 best = -1;
  GDate date;
  Period p;

  w->unit = UNIT_YEAR;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  gint64 ref_year = g_date_get_year (ref);
  for (gint64 century = ref_year / 100 - 1; century <= ref_year / 100 + 1;
       century++)
    {
      gint64 year = century * 100 + ending;

      if (year < MIN_YEAR || year > MAX_YEAR
          || (sentence_tense (w) == DL_TENSE_PAST && year > ref_year))
        continue;
      /* In ascending order, so a tie keeps the earlier year. */
      if (best < 0 || ABS (year - ref_year) < ABS (best - ref_year))
        best = year;
    }
  if (best < 0 || !make_date (&date, best, 1, 1)
      || !period_containing (&p, UNIT_YEAR, &date))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "century from reference %s (%s)", ref_day,
                tense_words (sentence_tense (w)));
}

/* The sixties: the latest such decade begun by the reference (said in 1998,
 * the nineties are 199, the sixties 196). */
static gboolean
undef_century_decade (Work *w, const Match *match)
{
  int digit = match_int (match, 1);
  const GDate *ref;
  GDate date;
  Period p;

  w->unit = UNIT_DECADE;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  gint64 ref_year = g_date_get_year (ref);
  gint64 year = ref_year / 100 * 100 + digit * 10;
  if (year > ref_year)
    year -= 100;
  if (!make_date (&date, year, 1, 1)
      || !period_containing (&p, UNIT_DECADE, &date))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "decade from reference %s (the latest begun)",
                ref_day);
}

/* ---- relative to the reference ---------------------------------------- */

/* UNDEF-this-UNIT, UNDEF-last-UNIT, UNDEF-next-UNIT */
static gboolean
this_unit (Work *w, const Match *match)
{
  static const char *const days[] = { "yesterday", "today", "tomorrow" };
  char which_buffer[GROUP_TEXT_SIZE];
  const char *which = match_text (match, 1, which_buffer);
  Unit unit = match_unit (match, 2);
  const GDate *ref;
  Period p;
  int shift = 0;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "last") == 0)
    shift = -1;
  else if (strcmp (which, "next") == 0)
    shift = 1;
  if (!period_containing (&p, unit, ref) || !period_shift (&p, shift))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  if (unit == UNIT_WEEKEND && shift == 0)
    {
      /* Said on a weekday, "the weekend" of a past-tense sentence is the
       * one just over ("died in a storm over the weekend", told on
       * Thursday): the weekend the tense points to, if it is at most five
       * days away. */
      Period candidates[3];
      int n = 0;

      for (int k = -1; k <= 1; k++)
        {
          candidates[n] = p;
          if (period_shift (&candidates[n], k))
            n++;
        }
      int i = pick (candidates, n, ref, pick_by_tense (sentence_tense (w)));
      /* Said on a weekend, it is that weekend whatever the tense. */
      if (i < 0 || period_distance (&candidates[i], ref) > 5)
        return found (w, &p, TRUE, "this weekend of reference %s", ref_day);
      return found (w, &candidates[i], TRUE,
                    "this weekend: the one nearest reference %s (%s)", ref_day,
                    tense_words (sentence_tense (w)));
    }
  if (unit == UNIT_DAY)
    return found (w, &p, TRUE, "%s of reference %s", days[shift + 1],
                  ref_day);
  return found (w, &p, TRUE, "%s %s of reference %s", which,
                units[unit].singular, ref_day);
}

/* UNDEF-REF-UNIT-MINUS-N, UNDEF-REF-UNIT-PLUS-N */
static gboolean
shift_unit (Work *w, const Match *match)
{
  Unit unit = match_unit (match, 1);
  gboolean back = match_is (match, 2, "MINUS");
  const GDate *ref;
  gint64 n;
  Period p;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (!match_number (match, 3, &n))
    return out_of_range (w);
  if (!period_containing (&p, unit, ref) || !period_shift (&p, back ? -n : n))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "%" G_GINT64_FORMAT " %s %s reference %s", n,
                n == 1 ? units[unit].singular : units[unit].plural,
                back ? "before" : "after", ref_day);
}

/* UNDEF-day-NAME: the weekday the tense points to.  In the present tense
 * it is the coming one, as in the future: news tells a day of this week
 * that is over in the past tense, and one in the present is scheduled
 * ("Polls close Tuesday", "The game is Sunday"). */
static gboolean
weekday_by_tense (Work *w, const Match *match)
{
  static const char *const phrases[] = {
    [PICK_STARTED] = "on or before",
    [PICK_UNFINISHED] = "on or after",
    [PICK_NEAREST] = "nearest",
  };
  char name_buffer[GROUP_TEXT_SIZE];
  const char *name = match_text (match, 1, name_buffer);
  DlTense tense = sentence_tense (w);
  Pick how = pick_by_tense (tense == DL_TENSE_PRESENT ? DL_TENSE_FUTURE
                                                       : tense);
  Period candidates[3];
  const GDate *ref;

  w->unit = UNIT_DAY;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  int n = weekday_candidates (name_index (weekday_names, name), ref,
                              candidates);
  int i = pick (candidates, n, ref, how);
  if (i < 0)
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &candidates[i], TRUE, "%s %s reference %s (%s)", name,
                phrases[how], ref_day, tense_words (sentence_tense (w)));
}

/* UNDEF-this-NAME for a weekday: that day of the reference's ISO week. */
static gboolean
weekday_this_week (Work *w, GDateWeekday weekday, const char *name,
                   const GDate *ref)
{
  GDate day = *ref;
  Period p;

  if (!add_days (&day, (gint64) weekday - g_date_get_weekday (ref))
      || !period_containing (&p, UNIT_DAY, &day))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "this %s in the week of reference %s", name,
                ref_day);
}

/* UNDEF-last-NAME, UNDEF-this-NAME, UNDEF-next-NAME for a weekday: the
 * latest before the reference, the one in its week, the first after it. */
static gboolean
weekday_relative (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], name_buffer[GROUP_TEXT_SIZE];
  const char *which = match_text (match, 1, which_buffer);
  const char *name = match_text (match, 2, name_buffer);
  GDateWeekday weekday = name_index (weekday_names, name);
  gboolean before = strcmp (which, "last") == 0;
  Period candidates[3];
  const GDate *ref;

  w->unit = UNIT_DAY;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "this") == 0)
    return weekday_this_week (w, weekday, name, ref);
  int n = weekday_candidates (weekday, ref, candidates);
  int i = pick (candidates, n, ref, before ? PICK_BEFORE : PICK_AFTER);
  if (i < 0)
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &candidates[i], TRUE, "%s %s %s reference %s", which,
                name, before ? "before" : "after", ref_day);
}

/* UNDEF-last-NAME, UNDEF-this-NAME, UNDEF-next-NAME for a month or a
 * season: the latest one over before the reference; the one holding it, or
 * else the one of its year; the first one to begin after it. */
static gboolean
yearly_relative (Work *w, const Match *match)
{
  static const struct {
    const char *which;
    Pick how;
    const char *phrase;
  } choices[] = {
    { "last", PICK_BEFORE, "before" },
    { "this", PICK_CURRENT, "of" },
    { "next", PICK_AFTER, "after" },
  };
  char which_buffer[GROUP_TEXT_SIZE], name_buffer[GROUP_TEXT_SIZE];
  const char *which = match_text (match, 1, which_buffer);
  const char *name = match_text (match, 2, name_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  gboolean is_month = g_strv_contains (month_names + 1, name);
  Unit unit = is_month ? UNIT_MONTH : UNIT_SEASON;
  int month = is_month ? name_index (month_names, name)
                       : (int) season_month (name);
  gsize c = 0;
  const GDate *ref;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  while (strcmp (choices[c].which, which) != 0)
    c++;
  int n = yearly_candidates (unit, month, 1, ref, candidates);
  int i = pick (candidates, n, ref, choices[c].how);
  if (i < 0)
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  if (unit == UNIT_SEASON && choices[c].how == PICK_CURRENT
      && !period_contains (&candidates[i], ref))
    {
      /* A season not under way: "this winter" told in March is the one
       * just over in the past tense, the coming one in the future (a
       * winter straddles two years, so "the one of its year" says
       * little); within the tense's reach. */
      DlTense tense = sentence_tense (w);
      int j = tense == DL_TENSE_PAST     ? pick (candidates, n, ref, PICK_BEFORE)
              : tense == DL_TENSE_FUTURE ? pick (candidates, n, ref, PICK_AFTER)
                                         : -1;

      if (j >= 0 && period_distance (&candidates[j], ref) <= TENSE_REACH_DAYS)
        return found (w, &candidates[j], TRUE, "this %s: the one %s reference"
                      " %s (%s)", name, j < i ? "before" : "after", ref_day,
                      tense_words (tense));
    }
  return found (w, &candidates[i], TRUE, "%s %s %s reference %s", which,
                name, choices[c].phrase, ref_day);
}

/* UNDEF-last-12-25 (last Christmas), UNDEF-next-11-22-thursday (next
 * Thanksgiving), UNDEF-this-easter: the latest one over before the
 * reference; the one of its year; the first one after it. */
static gboolean
year_day_relative (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], text_buffer[GROUP_TEXT_SIZE];
  const char *which = match_text (match, 1, which_buffer);
  const char *text = match_text (match, 2, text_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  Pick how = PICK_CURRENT;
  const char *phrase = "of";
  const GDate *ref;
  YearDay spec;

  w->unit = UNIT_DAY;
  if (!parse_year_day (text, &spec))
    return fail (w, "no such day: %s", w->value);
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "last") == 0)
    how = PICK_BEFORE, phrase = "before";
  else if (strcmp (which, "next") == 0)
    how = PICK_AFTER, phrase = "after";
  int n = year_day_candidates (&spec, ref, candidates);
  int i = pick (candidates, n, ref, how);
  if (i < 0)
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &candidates[i], TRUE, "%s %s %s reference %s", which,
                text, phrase, ref_day);
}

/* UNDEF-the-quarter, UNDEF-the-half: the period a report speaks of.
 * Results come after a period ends, so it is the latest one over; in the
 * future tense ("expects a loss for the quarter") the current one. */
static gboolean
reported_period (Work *w, const Match *match)
{
  Unit unit = match_unit (match, 1);
  gboolean current = sentence_tense (w) == DL_TENSE_FUTURE;
  const GDate *ref;
  Period p;

  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  if (!period_containing (&p, unit, ref) || !period_shift (&p, current ? 0 : -1))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "the %s reported on: %s reference %s (%s)",
                units[unit].singular, current ? "the one of" : "the last before",
                ref_day, tense_words (sentence_tense (w)));
}

/* UNDEF-last-year-07, UNDEF-next-year-Q1, UNDEF-this-year-SU,
 * UNDEF-last-year-03-05: a part of the year before, of or after the
 * reference's ("July last year", "next year's first quarter"). */
static gboolean
relative_year_part (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], part_buffer[GROUP_TEXT_SIZE];
  const char *which = match_text (match, 1, which_buffer);
  const char *part = match_text (match, 2, part_buffer);
  int month = 1, day = 1;
  Unit unit;
  const GDate *ref;
  GDate date;
  Period p;

  if (part[0] == 'Q')
    {
      unit = UNIT_QUARTER;
      month = (part[1] - '0') * 3 - 2;
    }
  else if (part[0] == 'H')
    {
      unit = UNIT_HALF;
      month = (part[1] - '0') * 6 - 5;
    }
  else if (g_ascii_isalpha (part[0]))
    {
      unit = UNIT_SEASON;
      month = (int) season_month (part);
    }
  else
    {
      month = (int) g_ascii_strtoll (part, NULL, 10);
      unit = strlen (part) > 2 ? UNIT_DAY : UNIT_MONTH;
      if (unit == UNIT_DAY)
        day = (int) g_ascii_strtoll (part + 3, NULL, 10);
    }
  w->unit = unit;
  if ((ref = reference (w)) == NULL)
    return FALSE;
  gint64 year = g_date_get_year (ref);
  if (strcmp (which, "last") == 0)
    year--;
  else if (strcmp (which, "next") == 0)
    year++;
  if (month < 1 || month > 12
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return fail (w, "no such %s: %s", units[unit].name, w->value);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return out_of_range (w);
  if (!make_date (&date, year, month, day))
    return fail (w, "no such %s: %s", units[unit].name, w->value);
  if (!period_containing (&p, unit, &date))
    return out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return found (w, &p, TRUE, "%s year of reference %s", which, ref_day);
}

/* The last part of a value with unspecified digits, and its unit; tried in
 * this order. */
static const struct {
  const char *pattern;
  Unit unit;
} unspecified_units[] = {
  { "-(?:[0-9X]{2}-[0-9X]{2}|W[0-9X]{2}-[1-7])$", UNIT_DAY },
  { "-W[0-9X]{2}-WE$", UNIT_WEEKEND },
  { "-W[0-9X]{2}$", UNIT_WEEK },
  { "-Q[1-4X]$", UNIT_QUARTER },
  { "-H[12X]$", UNIT_HALF },
  { "-(?:SP|SU|FA|WI)$", UNIT_SEASON },
  { "-[0-9X]{2}$", UNIT_MONTH },
};

/* The unit of value, a value with unspecified digits: that of its last
 * part, else that of its length (199X, 19X, 1X).  The patterns are compiled
 * on first use and kept (DOLLAR_ENDONLY, which regex_compile adds, changes
 * nothing here: the value has matched its shape, so it has no newline). */
static Unit
unspecified_unit (const char *value)
{
  static Regex compiled[G_N_ELEMENTS (unspecified_units)];
  static gsize ready = 0;
  gsize length = strlen (value);

  if (g_once_init_enter (&ready))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (unspecified_units); i++)
        regex_compile (&compiled[i], unspecified_units[i].pattern);
      g_once_init_leave (&ready, 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (unspecified_units); i++)
    if (regex_match (&compiled[i], value, length, NULL))
      return unspecified_units[i].unit;
  return length == 4 ? UNIT_YEAR : length == 3 ? UNIT_DECADE : UNIT_CENTURY;
}

/* A TIMEX3 value with unspecified digits (XXXX-WXX-4, XXXX-07, 199X,
 * 1998-WXX): a set's recurrence ("each Thursday", "each July") or a date
 * only partly known.  It is kept as written and has no range; its
 * granularity is that of its last part. */
static gboolean
unspecified (Work *w, const Match *match)
{
  (void) match;
  w->unit = unspecified_unit (w->value);
  w->resolved = TRUE;
  w->fuzzy = TRUE;
  w->plain = TRUE;
  w->range = RANGE_NONE;
  w->note = g_strdup ("unspecified digits: no date range");
  return TRUE;
}

/* ANCHOR forms: the anchor's date is not known here (yet). */
static gboolean
anchor (Work *w, const Match *match)
{
  gsize unit_length;

  match_group (match, 1, &unit_length);
  w->unit = unit_length > 0 ? match_unit (match, 1) : UNIT_NONE;
  return fail (w, "anchor not resolved: %s", w->form);
}

/* ---- the form language ------------------------------------------------ */

#define UNITS "(day|week|weekend|month|quarter|half|year|decade|century)"
#define WEEKDAYS "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#define YEARLY_NAMES                                                     \
  "(january|february|march|april|may|june|july|august|september|"       \
  "october|november|december|spring|summer|fall|winter)"
#define WEEKDAYS_NC \
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#define EASTER "easter(?:-(?:MINUS|PLUS)-[0-9]{1,3})?"
#define AMOUNT "(?:[0-9]+(?:\\.[0-9]+)?|X)"

/* The shapes of a value (its time of day taken off).  No two overlap. */
static const struct {
  const char *pattern;
  gboolean (*handler) (Work *w, const Match *match);
} shapes[] = {
  { "^([0-9]{4})-([0-9]{2})-([0-9]{2})$", absolute_day },
  { "^([0-9]{4})-([0-9]{2})$", absolute_month },
  { "^([0-9]{4})$", absolute_year },
  { "^([0-9]{3})$", absolute_decade },
  { "^([0-9]{2})$", absolute_century },
  { "^([0-9]{4})-W([0-9]{2})(-WE)?$", absolute_week },
  { "^([0-9]{4})-Q([1-4])$", absolute_quarter },
  { "^([0-9]{4})-H([12])$", absolute_half },
  { "^([0-9]{4})-(SP|SU|FA|WI)$", absolute_season },
  { "^FY([0-9]{4})$", fiscal_year },
  { "^BC([0-9]{4})$", bc_year },
  { "^(PRESENT|PAST|FUTURE)_REF$", ref_value },
  /* TIMEX3 durations: amounts of date units (DE decades, CE centuries,
   * Q quarters), then of time units after a T; at least one amount. */
  { "^P(?=[0-9X]|T[0-9X])(?:" AMOUNT "(?:Y|M|W|D|DE|CE|Q))*"
    "(?:T(?:" AMOUNT "[HMS])+)?$", duration },
  { "^UNDEF-year-([0-9]{2})-([0-9]{2})$", undef_year_day },
  { "^UNDEF-year-([0-9]{2})$", undef_year_month },
  { "^UNDEF-year-Q([1-4])$", undef_year_quarter },
  { "^UNDEF-year-H([12])$", undef_year_half },
  { "^UNDEF-year-(SP|SU|FA|WI)$", undef_year_season },
  { "^UNDEF-year-([0-9]{2}-[0-9]{2}-" WEEKDAYS_NC "|" EASTER ")$",
    undef_year_moving_day },
  { "^UNDEF-(last|this|next)-([0-9]{2}-[0-9]{2}(?:-" WEEKDAYS_NC ")?|"
    EASTER ")$", year_day_relative },
  { "^UNDEF-century-([0-9]{2})$", undef_century_year },
  { "^UNDEF-century-([0-9])$", undef_century_decade },
  { "^UNDEF-(this|last|next)-" UNITS "$", this_unit },
  { "^UNDEF-(this|last|next)-year-([0-9]{2}(?:-[0-9]{2})?|Q[1-4]|H[12]|"
    "SP|SU|FA|WI)$", relative_year_part },
  { "^UNDEF-the-(quarter|half)$", reported_period },
  { "^UNDEF-REF-" UNITS "-(MINUS|PLUS)-([0-9]+)$", shift_unit },
  { "^UNDEF-day-" WEEKDAYS "$", weekday_by_tense },
  { "^UNDEF-(last|this|next)-" WEEKDAYS "$", weekday_relative },
  { "^UNDEF-(last|this|next)-" YEARLY_NAMES "$", yearly_relative },
  /* Unspecified digits: at least one X, in the shape of a date value. */
  { "^(?=[0-9X]*X|[0-9X]{4}-.*X)(?:[0-9X]{2,4}|[0-9X]{4}-(?:[0-9X]{2}"
    "(?:-[0-9X]{2})?|W[0-9X]{2}(?:-[1-7]|-WE)?|Q[1-4X]|H[12X]|SP|SU|FA|WI))$",
    unspecified },
  { "^ANCHOR(?:-" UNITS "-(?:MINUS|PLUS)-[0-9]+|-before|-after)?$", anchor },
};

/* A time of day after a day-valued form: T15:00, T15:30:10, TEV. */
#define TIME_PATTERN \
  "^(.+)(T(?:([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?|MO|AF|EV|NI|DT))$"
#define FREQ_PATTERN "^[0-9]+X$"

typedef struct {
  Regex shapes[G_N_ELEMENTS (shapes)];
  /* The literal text each shape's pattern begins with ("UNDEF-year-"): a
   * value without it cannot match, and a prefix test is far cheaper than
   * a regex match, which most forms would otherwise try dozens of. */
  char *prefixes[G_N_ELEMENTS (shapes)];
  gsize prefix_lengths[G_N_ELEMENTS (shapes)];
  /* Whether the shape's value must start with a digit (^([0-9]...): most
   * forms are words (UNDEF-...), which then skip all of those. */
  gboolean digit_first[G_N_ELEMENTS (shapes)];
  Regex time;
  Regex freq;
  Regex shift;
} Patterns;

/* The literal characters after the ^ of pattern, up to the first one
 * that means more than itself. */
static char *
literal_prefix (const char *pattern)
{
  const char *p = pattern + (pattern[0] == '^');
  gsize n = strcspn (p, "\\^$.|?*+()[]{}");

  /* A quantifier after the last literal makes that one optional. */
  if (n > 0 && strchr ("?*{", p[n]) != NULL)
    n--;
  return g_strndup (p, n);
}

/* Compiled on first use and kept for the life of the process. */
static const Patterns *
patterns (void)
{
  static Patterns compiled;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
        {
          regex_compile (&compiled.shapes[i], shapes[i].pattern);
          compiled.prefixes[i] = literal_prefix (shapes[i].pattern);
          compiled.prefix_lengths[i] = strlen (compiled.prefixes[i]);
          compiled.digit_first[i]
              = g_str_has_prefix (shapes[i].pattern, "^([0-9]")
                || g_str_has_prefix (shapes[i].pattern, "^[0-9]");
        }
      regex_compile (&compiled.time, TIME_PATTERN);
      regex_compile (&compiled.freq, FREQ_PATTERN);
      regex_compile (&compiled.shift, SHIFT_PATTERN);
      g_once_init_leave (&ready, 1);
    }
  return &compiled;
}

/* ---- attributes --------------------------------------------------------- */

typedef struct {
  const char *mod;
  const char *type;
  const char *quant;
  const char *freq;
  const char *tense;
  const char *span;
  const char *shift;
} Attributes;

static const char *
mod_phrase (const char *mod)
{
  for (gsize i = 0; i < G_N_ELEMENTS (mods); i++)
    if (strcmp (mods[i].mod, mod) == 0)
      return mods[i].phrase;
  return NULL;
}

/* Where the attribute key goes in a, and whether val is one of its values;
 * NULL for an unknown key. */
static const char **
attribute_slot (Attributes *a, const char *key, const char *val,
                gboolean *valid)
{
  if (strcmp (key, "mod") == 0)
    {
      *valid = mod_phrase (val) != NULL;
      return &a->mod;
    }
  if (strcmp (key, "type") == 0)
    {
      *valid = g_strv_contains (types, val);
      return &a->type;
    }
  if (strcmp (key, "quant") == 0)
    {
      *valid = g_strv_contains (quants, val);
      return &a->quant;
    }
  if (strcmp (key, "tense") == 0)
    {
      *valid = g_strv_contains (tenses, val);
      return &a->tense;
    }
  if (strcmp (key, "shift") == 0)
    {
      *valid = regex_match (&patterns ()->shift, val, strlen (val), NULL);
      return &a->shift;
    }
  if (strcmp (key, "span") == 0)
    {
      *valid = g_strv_contains (spans, val);
      return &a->span;
    }
  if (strcmp (key, "freq") == 0)
    {
      *valid = regex_match (&patterns ()->freq, val, strlen (val), NULL);
      return &a->freq;
    }
  return NULL;
}

/* Cuts the token *rest begins with off at the next space, in place, and
 * moves *rest past it; NULL when there are no more.  Every space ends a
 * token, as with g_strsplit: "a  b" has an empty token between a and b. */
static char *
next_token (char **rest)
{
  char *token = *rest;
  char *space;

  if (token == NULL)
    return NULL;
  space = strchr (token, ' ');
  if (space != NULL)
    *space++ = '\0';
  *rest = space;
  return token;
}

/* Reads the key=val tokens of rest (NULL: none) into a, which points into
 * them.  FALSE on an unknown key or value.  A key given twice keeps its
 * first value (the rule that found the expression speaks before the
 * context stage that adds to it).  link= (how a range's ends are joined,
 * "or" or "to") is for the caller: it is accepted and not used here. */
static gboolean
parse_attributes (char *rest, Attributes *a)
{
  for (char *key; (key = next_token (&rest)) != NULL;)
    {
      char *val = strchr (key, '=');
      gboolean valid = FALSE;
      const char **slot;

      if (val == NULL)
        return FALSE;
      *val++ = '\0';
      if (strcmp (key, "link") == 0 && val[0] != '\0')
        continue;
      slot = attribute_slot (a, key, val, &valid);
      if (slot == NULL || !valid)
        return FALSE;
      if (*slot == NULL)
        *slot = val;
    }
  return TRUE;
}

/* ---- mods and the range ------------------------------------------------- */

typedef enum { THIRD_START, THIRD_MID, THIRD_END } Third;

static gboolean
add_units (GDate *date, gboolean months, gint64 n)
{
  return months ? add_months (date, n) : add_days (date, n);
}

/* One third of p into [*first, *last].  A unit too short to split (a day, a
 * weekend) is whole in every third. */
static gboolean
third (const Period *p, Third which, GDate *first, GDate *last)
{
  const UnitInfo *info = &units[p->unit];
  /* where the middle and the last third begin */
  GDate middle = p->first, end = p->first;

  *first = p->first;
  *last = p->last;
  if (info->split1 == 0)
    return TRUE;
  if (!add_units (&middle, info->split_months, info->split1)
      || !add_units (&end, info->split_months, info->split2))
    return FALSE;
  switch (which)
    {
    case THIRD_START:
      *last = middle;
      return add_days (last, -1);
    case THIRD_MID:
      *first = middle;
      *last = end;
      return add_days (last, -1);
    case THIRD_END:
    default:
      *first = end;
      return TRUE;
    }
}

/* The range of p as mod narrows or opens it; a cleared GDate is an open
 * end. */
static gboolean
apply_mod (const Period *p, const char *mod, GDate *first, GDate *last)
{
  *first = p->first;
  *last = p->last;
  if (strcmp (mod, "START") == 0)
    return third (p, THIRD_START, first, last);
  if (strcmp (mod, "MID") == 0)
    return third (p, THIRD_MID, first, last);
  if (strcmp (mod, "END") == 0)
    return third (p, THIRD_END, first, last);
  if (strcmp (mod, "APPROX") == 0)
    {
      /* one unit either side */
      Period before = *p, after = *p;

      if (!period_shift (&before, -1) || !period_shift (&after, 1))
        return FALSE;
      *first = before.first;
      *last = after.last;
      return TRUE;
    }
  if (strcmp (mod, "BEFORE") == 0)
    {
      g_date_clear (first, 1);
      *last = p->first;
      return add_days (last, -1);
    }
  if (strcmp (mod, "ON_OR_BEFORE") == 0)
    {
      g_date_clear (first, 1);
      return TRUE;
    }
  if (strcmp (mod, "AFTER") == 0)
    {
      *first = p->last;
      g_date_clear (last, 1);
      return add_days (first, 1);
    }
  if (strcmp (mod, "ON_OR_AFTER") == 0)
    {
      g_date_clear (last, 1);
      return TRUE;
    }
  /* LESS_THAN, MORE_THAN, EQUAL_OR_...: said of durations, which have no
   * range; they only show in the note. */
  return TRUE;
}

/* ---- the whole form ----------------------------------------------------- */

/* note, then a time of day (T15:00, TEV) in words. */
static char *
with_time_words (const char *note, const char *time_of_day)
{
  for (gsize i = 0; i < G_N_ELEMENTS (times_of_day); i++)
    if (strcmp (time_of_day + 1, times_of_day[i].code) == 0)
      return g_strconcat (note, ", ", times_of_day[i].phrase, NULL);
  return g_strconcat (note, ", at ", time_of_day + 1, NULL);
}

/* Whether the clock time in a time-of-day match exists (T24:00 is the
 * midnight at the end of the day). */
static gboolean
valid_clock (const Match *match)
{
  gsize hours;

  match_group (match, 3, &hours);
  if (hours == 0)
    return TRUE; /* MO, AF, ... */
  int h = match_int (match, 3);
  int m = match_int (match, 4);
  int s = match_int (match, 5);
  return (h < 24 && m < 60 && s < 60) || (h == 24 && m == 0 && s == 0);
}

static const char *
certainty (const Work *w, const char *mod)
{
  if (!w->resolved)
    return "unresolved";
  if (strcmp (mod, "APPROX") == 0)
    return "approximate";
  if (w->fuzzy || w->unit == UNIT_SEASON || strcmp (mod, "START") == 0
      || strcmp (mod, "MID") == 0 || strcmp (mod, "END") == 0)
    return "fuzzy";
  return "exact";
}

/* The note of a resolved form: how, then the time of day and the mod.
 * Takes w->note, which most forms output as it is. */
static char *
resolved_note (Work *w, const char *mod, const char *time_of_day,
               const char *value)
{
  g_autofree char *note = g_steal_pointer (&w->note);
  const char *phrase = mod_phrase (mod);

  if (time_of_day != NULL)
    {
      g_autofree char *base = g_steal_pointer (&note);

      note = with_time_words (base, time_of_day);
    }
  if (phrase == NULL)
    return g_steal_pointer (&note);
  if (w->plain)
    return g_strconcat (phrase, value, NULL);
  return g_strconcat (phrase, value, "; ", note, NULL);
}

static char *
format_day (const GDate *date)
{
  char text[DL_DATE_TEXT_SIZE];

  return g_strdup (g_date_valid (date) ? dl_format_date_to (date, text) : "");
}

/* The range of w, with its mod; cleared dates are open ends.  FALSE if it
 * leaves the calendar. */
static gboolean
range_of (const Work *w, const char *mod, GDate *first, GDate *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  switch (w->range)
    {
    case RANGE_PERIOD:
      return apply_mod (&w->period, mod, first, last);
    case RANGE_PRESENT:
      *first = *last = w->context->reference;
      return TRUE;
    case RANGE_PAST:
      *last = w->context->reference;
      return TRUE;
    case RANGE_FUTURE:
      *first = w->context->reference;
      return TRUE;
    case RANGE_NONE:
    default:
      return TRUE;
    }
}

static void
set_output (DlResolution *out, Work *w, const Attributes *a,
            const char *time_of_day)
{
  const char *mod = a->mod != NULL ? a->mod : "";
  gboolean set = a->type != NULL && strcmp (a->type, "SET") == 0;
  GDate first, last;

  if (!w->resolved || !range_of (w, mod, &first, &last))
    {
      if (w->resolved)
        out_of_range (w);
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
    }

  if (a->type != NULL)
    out->type = g_strdup (a->type);
  else if (w->duration)
    out->type = g_strdup ("DURATION");
  else
    out->type = g_strdup (time_of_day != NULL ? "TIME" : "DATE");
  /* A resolved value is already the string out needs. */
  if (w->timex != NULL && time_of_day == NULL)
    out->value = g_steal_pointer (&w->timex);
  else
    out->value = g_strconcat (w->timex != NULL ? w->timex : w->value,
                              time_of_day, NULL);
  out->mod = g_strdup (mod);
  out->earliest = format_day (&first);
  out->latest = format_day (&last);
  out->granularity = g_strdup (set ? "" : units[w->unit].granularity);
  out->certainty = g_strdup (certainty (w, mod));
  out->note = w->resolved ? resolved_note (w, mod, time_of_day, out->value)
                          : g_steal_pointer (&w->note);
}

/* A SET recurs, so it has no one range: it is kept as written, but for a
 * period in the units TIMEX3 values use, as for a duration ("every
 * decade" is P10Y, as "a decade" is). */
static void
resolve_set (Work *w, const Attributes *a, gboolean is_duration)
{
  g_autoptr (GString) note = g_string_new ("recurring set");

  if (a->quant != NULL)
    g_string_append_printf (note, ", %s", a->quant);
  if (a->freq != NULL)
    g_string_append_printf (note, ", frequency %s", a->freq);
  g_string_append (note, ": no date range");
  w->unit = UNIT_NONE;
  w->resolved = TRUE;
  w->duration = is_duration;
  w->fuzzy = is_duration && strchr (w->value, 'X') != NULL;
  w->range = RANGE_NONE;
  if (is_duration)
    w->timex = timex_duration (w->value);
  w->note = g_string_free (g_steal_pointer (&note), FALSE);
}

/* shift=MINUS-N / PLUS-N: N days before / after the day resolved. */
static void
shift_days (Work *w, const char *shift)
{
  gboolean back = g_str_has_prefix (shift, "MINUS-");
  gint64 n = g_ascii_strtoll (strchr (shift, '-') + 1, NULL, 10);
  Period p;

  if (w->unit != UNIT_DAY)
    {
      fail (w, "shift= needs a day: %s", w->value);
      return;
    }
  if (!w->resolved || w->range != RANGE_PERIOD)
    return;
  p = w->period;
  if (!period_shift (&p, back ? -n : n))
    {
      out_of_range (w);
      return;
    }
  char day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (&w->period.first, day);
  g_autofree char *note = g_strdup_printf (
      "%" G_GINT64_FORMAT " day%s %s %s; %s", n, n == 1 ? "" : "s",
      back ? "before" : "after", day, w->note);
  w->plain = FALSE;
  found (w, &p, TRUE, "%s", note);
}

/* span=week: the ISO week holding the day resolved ("the week of March
 * 6").  Only a day has a week; a time of day keeps the day. */
static void
week_of_day (Work *w, gboolean has_time)
{
  Period week;
  char day[DL_DATE_TEXT_SIZE];

  if (w->unit != UNIT_DAY || has_time)
    {
      fail (w, "span=week needs a day: %s", w->value);
      return;
    }
  if (!w->resolved || w->range != RANGE_PERIOD)
    {
      w->unit = UNIT_WEEK;
      return;
    }
  dl_format_date_to (&w->period.first, day);
  if (!period_containing (&week, UNIT_WEEK, &w->period.first))
    {
      out_of_range (w);
      return;
    }
  g_autofree char *note = g_strdup_printf ("the week of %s; %s", day,
                                           w->note);
  w->plain = FALSE;
  found (w, &week, TRUE, "%s", note);
}

static gboolean
unknown_form (const char *form, DlResolution *out, GError **error)
{
  memset (out, 0, sizeof *out);
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "unknown form \"%s\"", form);
  return FALSE;
}

/* Most forms are far shorter: they are cut up in a stack buffer. */
#define FORM_BUFFER_SIZE 256

/* A copy of form to cut into tokens: in buffer (FORM_BUFFER_SIZE bytes)
 * when it fits, else in *heap. */
static char *
form_copy (const char *form, char *buffer, char **heap)
{
  gsize size = strlen (form) + 1;

  if (size > FORM_BUFFER_SIZE)
    return *heap = g_strdup (form);
  return memcpy (buffer, form, size);
}

/* Takes a time of day (T15:00, TEV) off the end of value, in place, into
 * time_of_day (GROUP_TEXT_SIZE bytes); FALSE if value has none.  *clock_ok
 * says whether its clock time exists.  Durations have their own T (PT2H). */
static gboolean
take_time_of_day (const Patterns *pat, char *value, char *time_of_day,
                  gboolean *clock_ok)
{
  gsize value_length;
  Match match;

  if (value[0] == 'P' || strchr (value, 'T') == NULL
      || !regex_match (&pat->time, value, strlen (value), &match))
    return FALSE;
  /* All read before value is cut where the time of day begins. */
  match_text (&match, 2, time_of_day);
  *clock_ok = valid_clock (&match);
  match_group (&match, 1, &value_length);
  value[value_length] = '\0';
  return TRUE;
}

/* The index of the shape of value, its groups in *match; -1 if none. */
static int
find_shape (const Patterns *pat, const char *value, Match *match)
{
  gsize length = strlen (value);

  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      if (strncmp (value, pat->prefixes[i], pat->prefix_lengths[i]) != 0
          || (pat->digit_first[i] && !g_ascii_isdigit (value[0])))
        continue;
      if (regex_match (&pat->shapes[i], value, length, match))
        return (int) i;
    }
  return -1;
}

gboolean
dl_resolve (const char *form, const DlResolveContext *context,
            DlResolution *out, GError **error)
{
  const Patterns *pat = patterns ();
  char buffer[FORM_BUFFER_SIZE];
  g_autofree char *heap = NULL;
  char time_buffer[GROUP_TEXT_SIZE];
  const char *time_of_day = NULL;
  gboolean clock_ok = TRUE;
  char *rest, *value;
  g_auto (Work) w = { 0 };
  Attributes a = { 0 };
  Match match;
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The value, then key=val attributes, cut apart in a copy of form. */
  rest = form_copy (form, buffer, &heap);
  value = next_token (&rest);
  if (value[0] == '\0' || !parse_attributes (rest, &a))
    return unknown_form (form, out, error);

  if (take_time_of_day (pat, value, time_buffer, &clock_ok))
    time_of_day = time_buffer;

  i = find_shape (pat, value, &match);
  if (i < 0)
    return unknown_form (form, out, error);

  w.context = context;
  if (a.tense != NULL)
    w.tense = strcmp (a.tense, "PAST") == 0 ? DL_TENSE_PAST : DL_TENSE_FUTURE;
  w.form = form;
  w.value = value;
  if (a.type != NULL && strcmp (a.type, "SET") == 0)
    resolve_set (&w, &a, shapes[i].handler == duration);
  else
    {
      shapes[i].handler (&w, &match);
      /* Only a day has a time of day. */
      if (time_of_day != NULL && w.unit != UNIT_DAY)
        return unknown_form (form, out, error);
      if (time_of_day != NULL && w.resolved && !clock_ok)
        fail (&w, "no such time: %s", time_of_day);
      if (a.shift != NULL)
        shift_days (&w, a.shift);
      if (a.span != NULL)
        week_of_day (&w, time_of_day != NULL);
    }
  set_output (out, &w, &a, time_of_day);
  return TRUE;
}

void
dl_resolution_clear (DlResolution *resolution)
{
  if (resolution == NULL)
    return;
  g_clear_pointer (&resolution->type, g_free);
  g_clear_pointer (&resolution->value, g_free);
  g_clear_pointer (&resolution->mod, g_free);
  g_clear_pointer (&resolution->earliest, g_free);
  g_clear_pointer (&resolution->latest, g_free);
  g_clear_pointer (&resolution->granularity, g_free);
  g_clear_pointer (&resolution->certainty, g_free);
  g_clear_pointer (&resolution->note, g_free);
}
