/* absolute.c: the values that need no reference: dates with their year
 * (days, months, weeks, quarters, seasons, decades, centuries, fiscal and
 * BC years), durations, values with unspecified digits, and ANCHOR forms,
 * which are left to anchored.c. */
#include "shapes.h"

#include <string.h>

#include "dl-cli.h"

/* The period of unit holding year-month-day, an absolute value. */
static gboolean
absolute (Work *w, Unit unit, int year, int month, int day, const char *note)
{
  GDate date;
  Period p;

  w->unit = unit;
  if (year < MIN_YEAR)
    return dl_work_out_of_range (w);
  if (!dl_make_date (&date, year, month, day))
    return dl_work_fail (w, "no such %s: %s", dl_units[unit].name, w->value);
  if (!dl_period_containing (&p, unit, &date))
    return dl_work_out_of_range (w);
  w->plain = TRUE;
  return dl_work_found (w, &p, FALSE, "%s", note);
}

gboolean
dl_shape_absolute_day (Work *w, const Match *match)
{
  return absolute (w, UNIT_DAY, dl_match_int (match, 1),
                   dl_match_int (match, 2), dl_match_int (match, 3),
                   "explicit date");
}

gboolean
dl_shape_absolute_month (Work *w, const Match *match)
{
  return absolute (w, UNIT_MONTH, dl_match_int (match, 1),
                   dl_match_int (match, 2), 1, "explicit month");
}

gboolean
dl_shape_absolute_year (Work *w, const Match *match)
{
  return absolute (w, UNIT_YEAR, dl_match_int (match, 1), 1, 1,
                   "explicit year");
}

gboolean
dl_shape_absolute_decade (Work *w, const Match *match)
{
  return absolute (w, UNIT_DECADE, dl_match_int (match, 1) * 10, 1, 1,
                   "explicit decade");
}

/* 18 is the 19th century, 1800-1899 (TIMEX3). */
gboolean
dl_shape_absolute_century (Work *w, const Match *match)
{
  return absolute (w, UNIT_CENTURY, dl_match_int (match, 1) * 100, 1, 1,
                   "explicit century");
}

gboolean
dl_shape_absolute_quarter (Work *w, const Match *match)
{
  return absolute (w, UNIT_QUARTER, dl_match_int (match, 1),
                   dl_match_int (match, 2) * 3 - 2, 1, "explicit quarter");
}

gboolean
dl_shape_absolute_half (Work *w, const Match *match)
{
  return absolute (w, UNIT_HALF, dl_match_int (match, 1),
                   dl_match_int (match, 2) * 6 - 5, 1, "explicit half year");
}

gboolean
dl_shape_absolute_season (Work *w, const Match *match)
{
  char code[GROUP_TEXT_SIZE];

  return absolute (w, UNIT_SEASON, dl_match_int (match, 1),
                   dl_season_month (dl_match_text (match, 2, code)), 1,
                   "explicit season");
}

/* YYYY-Www and YYYY-Www-WE.  Week 1 is the one holding 4 January; week 0,
 * or a week 53 the year does not have, falls in another ISO year. */
gboolean
dl_shape_absolute_week (Work *w, const Match *match)
{
  int year = dl_match_int (match, 1);
  int week = dl_match_int (match, 2);
  Unit unit = dl_match_is (match, 3, "-WE") ? UNIT_WEEKEND : UNIT_WEEK;
  guint iso_year, iso_week_number;
  GDate day;
  Period p;

  w->unit = unit;
  if (!dl_make_date (&day, year, 1, 4))
    return dl_work_out_of_range (w);
  if (week < 1 || !dl_add_days (&day, 7 * ((gint64) week - 1))
      || !dl_iso_week (&day, &iso_year, &iso_week_number)
      || iso_year != (guint) year)
    return dl_work_fail (w, "no such week: %s", w->value);
  if (!dl_period_containing (&p, unit, &day))
    return dl_work_out_of_range (w);
  w->plain = TRUE;
  return dl_work_found (w, &p, FALSE, "explicit %s", dl_units[unit].name);
}

gboolean
dl_shape_fiscal_year (Work *w, const Match *match)
{
  gboolean ok = absolute (w, UNIT_YEAR, dl_match_int (match, 1), 1, 1,
                          "fiscal year taken as the calendar year");

  /* TIMEX3 has no fiscal years: "fiscal 1989" is the year 1989. */
  w->plain = FALSE;
  if (ok)
    w->timex = dl_period_value (&w->period);
  return ok;
}

gboolean
dl_shape_bc_year (Work *w, const Match *match)
{
  /* BC0049 is a year, BC07 a century (the 8th before Christ). */
  gboolean century = strlen (w->value) == strlen ("BC07");

  (void) match;
  w->unit = century ? UNIT_CENTURY : UNIT_YEAR;
  w->resolved = TRUE;
  w->range = RANGE_NONE;
  w->note = g_strdup (century ? "century before Christ: no calendar range"
                              : "year before Christ: no calendar range");
  return TRUE;
}

/* A duration of one amount in the units TIMEX3 values use: decades and
 * centuries in years (P2DE is P20Y, PXDE some years: PXY), and a fraction
 * in whole smaller units when it comes out whole (P2.5Y is P2Y6M, PT1.5M
 * PT1M30S, P0.5D PT12H).  NULL when value needs no change. */
char *
dl_timex_duration (const char *value)
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

gboolean
dl_shape_duration (Work *w, const Match *match)
{
  (void) match;
  w->unit = UNIT_NONE;
  w->resolved = TRUE;
  w->duration = TRUE;
  w->plain = TRUE;
  w->fuzzy = strchr (w->value, 'X') != NULL; /* PXY: some years */
  w->range = RANGE_NONE;
  w->timex = dl_timex_duration (w->value);
  w->note = g_strdup ("duration: no date range");
  return TRUE;
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
 * on first use and kept (DOLLAR_ENDONLY, which dl_regex_compile adds, changes
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
        dl_regex_compile (&compiled[i], unspecified_units[i].pattern);
      g_once_init_leave (&ready, 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (unspecified_units); i++)
    if (dl_regex_match (&compiled[i], value, length, NULL))
      return unspecified_units[i].unit;
  return length == 4 ? UNIT_YEAR : length == 3 ? UNIT_DECADE : UNIT_CENTURY;
}

/* A TIMEX3 value with unspecified digits (XXXX-WXX-4, XXXX-07, 199X,
 * 1998-WXX): a set's recurrence ("each Thursday", "each July") or a date
 * only partly known.  It is kept as written and has no range; its
 * granularity is that of its last part. */
gboolean
dl_shape_unspecified (Work *w, const Match *match)
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
gboolean
dl_shape_anchor (Work *w, const Match *match)
{
  gsize unit_length;

  dl_match_group (match, 1, &unit_length);
  w->unit = unit_length > 0 ? dl_match_unit (match, 1) : UNIT_NONE;
  return dl_work_fail (w, "anchor not resolved: %s", w->form);
}

