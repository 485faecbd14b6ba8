/* yearless.c: the values without a year ("in May", "on March 5", "in the
 * third quarter", "Thanksgiving") or a century ("'98", "the sixties"), in
 * the year the tense of their sentence points to, near the reference. */
#include "shapes.h"

#include "candidates.h"
#include "dl-cli.h"

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
  DlTense tense = dl_work_tense (w);
  const char *how = dl_tense_words (tense);
  const GDate *ref;
  int i;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (unit == UNIT_QUARTER || unit == UNIT_HALF)
    {
      if (tense == DL_TENSE_FUTURE)
        {
          GDate since = *ref;

          if (!dl_add_months (&since, -REPORTING_LAG_MONTHS))
            return dl_work_out_of_range (w);
          i = dl_pick (candidates, n, &since, PICK_UNFINISHED);
        }
      else
        {
          i = dl_pick (candidates, n, ref, PICK_STARTED);
          how = "the latest begun";
        }
    }
  else
    {
      i = dl_pick (candidates, n, ref, dl_pick_by_tense (tense));
      /* A tense told by the verb the mention hangs from ("will sail in
       * March") is no stray cue: it decides however far. */
      if (w->context != NULL && w->context->tense_governs)
        tense_decides = TRUE;
      if (i >= 0 && !tense_decides
          && dl_period_distance (&candidates[i], ref) > TENSE_REACH_DAYS)
        {
          i = dl_pick (candidates, n, ref, PICK_NEAREST);
          how = "the nearest: the tense points too far";
        }
    }
  if (i < 0)
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &candidates[i], TRUE, "year from reference %s (%s)",
                        ref_day, how);
}

static gboolean
in_year_by_tense (Work *w, Unit unit, int month, int day)
{
  Period candidates[2 * YEAR_SPAN + 1];
  const GDate *ref;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  int n = dl_yearly_candidates (unit, month, day, ref, candidates);
  /* (29 February only comes every four years: the tense decides.) */
  return by_tense_among (w, unit, candidates, n, month == 2 && day == 29);
}

gboolean
dl_shape_undef_year_day (Work *w, const Match *match)
{
  int month = dl_match_int (match, 1);
  int day = dl_match_int (match, 2);

  w->unit = UNIT_DAY;
  /* 2000 is a leap year: 29 February exists somewhere, 30 February never. */
  if (month < 1 || month > 12
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return dl_work_fail (w, "no such day: %s", w->value);
  return in_year_by_tense (w, UNIT_DAY, month, day);
}

gboolean
dl_shape_undef_year_month (Work *w, const Match *match)
{
  int month = dl_match_int (match, 1);

  w->unit = UNIT_MONTH;
  if (month < 1 || month > 12)
    return dl_work_fail (w, "no such month: %s", w->value);
  return in_year_by_tense (w, UNIT_MONTH, month, 1);
}

gboolean
dl_shape_undef_year_quarter (Work *w, const Match *match)
{
  return in_year_by_tense (w, UNIT_QUARTER, dl_match_int (match, 1) * 3 - 2,
                           1);
}

gboolean
dl_shape_undef_year_half (Work *w, const Match *match)
{
  return in_year_by_tense (w, UNIT_HALF, dl_match_int (match, 1) * 6 - 5, 1);
}

gboolean
dl_shape_undef_year_season (Work *w, const Match *match)
{
  char code[GROUP_TEXT_SIZE];

  return in_year_by_tense (
      w, UNIT_SEASON, dl_season_month (dl_match_text (match, 1, code)), 1);
}

/* UNDEF-year-11-22-thursday (Thanksgiving), UNDEF-year-easter: a day that
 * moves from year to year, in the year the tense points to. */
gboolean
dl_shape_undef_year_moving_day (Work *w, const Match *match)
{
  char text_buffer[GROUP_TEXT_SIZE];
  const char *text = dl_match_text (match, 1, text_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  const GDate *ref;
  YearDay spec;

  w->unit = UNIT_DAY;
  if (!dl_parse_year_day (text, &spec))
    return dl_work_fail (w, "no such day: %s", w->value);
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  int n = dl_year_day_candidates (&spec, ref, candidates);
  return by_tense_among (w, UNIT_DAY, candidates, n, FALSE);
}

/* '98: the year ending 98 nearest the reference, but not after it in the
 * past tense. */
gboolean
dl_shape_undef_century_year (Work *w, const Match *match)
{
  int ending = dl_match_int (match, 1);
  const GDate *ref;
  gint64 best = -1;
  GDate date;
  Period p;

  w->unit = UNIT_YEAR;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  gint64 ref_year = g_date_get_year (ref);
  for (gint64 century = ref_year / 100 - 1; century <= ref_year / 100 + 1;
       century++)
    {
      gint64 year = century * 100 + ending;

      if (year < MIN_YEAR || year > MAX_YEAR
          || (dl_work_tense (w) == DL_TENSE_PAST && year > ref_year))
        continue;
      /* In ascending order, so a tie keeps the earlier year. */
      if (best < 0 || ABS (year - ref_year) < ABS (best - ref_year))
        best = year;
    }
  if (best < 0 || !dl_make_date (&date, best, 1, 1)
      || !dl_period_containing (&p, UNIT_YEAR, &date))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &p, TRUE, "century from reference %s (%s)", ref_day,
                        dl_tense_words (dl_work_tense (w)));
}

/* The sixties: the latest such decade begun by the reference (said in 1998,
 * the nineties are 199, the sixties 196). */
gboolean
dl_shape_undef_century_decade (Work *w, const Match *match)
{
  int digit = dl_match_int (match, 1);
  const GDate *ref;
  GDate date;
  Period p;

  w->unit = UNIT_DECADE;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  gint64 ref_year = g_date_get_year (ref);
  gint64 year = ref_year / 100 * 100 + digit * 10;
  if (year > ref_year)
    year -= 100;
  if (!dl_make_date (&date, year, 1, 1)
      || !dl_period_containing (&p, UNIT_DECADE, &date))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (
      w, &p, TRUE, "decade from reference %s (the latest begun)", ref_day);
}

