/* relative.c: the values told from the reference: "now", "today", "last
 * week", "three years ago", "on Tuesday", "next July", "last Christmas",
 * "the quarter", "July last year". */
#include "shapes.h"

#include <string.h>

#include "candidates.h"
#include "dl-cli.h"

/* PRESENT_REF, PAST_REF, FUTURE_REF */
gboolean
dl_shape_ref_value (Work *w, const Match *match)
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
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (dl_match_is (match, 1, refs[i].name))
      {
        w->resolved = TRUE;
        w->fuzzy = TRUE;
        w->range = refs[i].range;
        w->note = g_strdup_printf ("%s reference %s", refs[i].note, ref_day);
      }
  return w->resolved;
}

/* UNDEF-this-UNIT, UNDEF-last-UNIT, UNDEF-next-UNIT */
gboolean
dl_shape_this_unit (Work *w, const Match *match)
{
  static const char *const days[] = { "yesterday", "today", "tomorrow" };
  char which_buffer[GROUP_TEXT_SIZE];
  const char *which = dl_match_text (match, 1, which_buffer);
  Unit unit = dl_match_unit (match, 2);
  const GDate *ref;
  Period p;
  int shift = 0;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "last") == 0)
    shift = -1;
  else if (strcmp (which, "next") == 0)
    shift = 1;
  if (!dl_period_containing (&p, unit, ref) || !dl_period_shift (&p, shift))
    return dl_work_out_of_range (w);
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
          if (dl_period_shift (&candidates[n], k))
            n++;
        }
      DlTense tense = dl_work_tense (w);
      /* In the present, as a weekday, the coming one ("going camping this
       * weekend", told on Wednesday). */
      int i = dl_pick (candidates, n, ref,
                       dl_pick_by_tense (tense == DL_TENSE_PRESENT
                                             ? DL_TENSE_FUTURE : tense));
      /* Said on a weekend, it is that weekend whatever the tense. */
      if (i < 0 || dl_period_distance (&candidates[i], ref) > 5)
        return dl_work_found (w, &p, TRUE, "this weekend of reference %s",
                              ref_day);
      return dl_work_found (w, &candidates[i], TRUE,
                            "this weekend: the one nearest reference %s (%s)",
                            ref_day, dl_tense_words (dl_work_tense (w)));
    }
  if (unit == UNIT_DAY)
    return dl_work_found (w, &p, TRUE, "%s of reference %s", days[shift + 1],
                          ref_day);
  return dl_work_found (w, &p, TRUE, "%s %s of reference %s", which,
                        dl_units[unit].singular, ref_day);
}

/* UNDEF-REF-UNIT-MINUS-N, UNDEF-REF-UNIT-PLUS-N */
gboolean
dl_shape_shift_unit (Work *w, const Match *match)
{
  Unit unit = dl_match_unit (match, 1);
  gboolean back = dl_match_is (match, 2, "MINUS");
  const GDate *ref;
  gint64 n;
  Period p;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (!dl_match_number (match, 3, &n))
    return dl_work_out_of_range (w);
  if (!dl_period_containing (&p, unit, ref)
      || !dl_period_shift (&p, back ? -n : n))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (
      w, &p, TRUE, "%" G_GINT64_FORMAT " %s %s reference %s", n,
      n == 1 ? dl_units[unit].singular : dl_units[unit].plural,
      back ? "before" : "after", ref_day);
}

/* UNDEF-REF-hour-MINUS-N, UNDEF-REF-minute-PLUS-N ("three hours ago"):
 * the reference is a day, its time of day unknown, so the moment falls on
 * one of the two days that N hours back (or on) from some time of it can
 * reach, both in the range; the value is the day with the larger share of
 * the reference day's times ("3 hours ago" is mostly today). */
gboolean
dl_shape_shift_clock (Work *w, const Match *match)
{
  /* More minutes than in GDate's ten thousand years is out of range. */
  const gint64 max_minutes = (gint64) 10000 * 366 * 24 * 60;
  gboolean back = dl_match_is (match, 2, "MINUS");
  gboolean hours = dl_match_is (match, 1, "hour");
  const GDate *ref;
  gint64 n;
  Period p;
  GDate likely;

  w->unit = UNIT_DAY;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (!dl_match_number (match, 3, &n) || n > max_minutes
      || !dl_clock_days (ref, hours ? n * 60 : n, back, &p, &likely))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  dl_work_found (w, &p, FALSE,
                 "%" G_GINT64_FORMAT " %s%s %s reference %s, its time unknown",
                 n, hours ? "hour" : "minute", n == 1 ? "" : "s",
                 back ? "before" : "after", ref_day);
  w->timex = g_malloc (DL_DATE_TEXT_SIZE);
  dl_format_date_to (&likely, w->timex);
  return TRUE;
}

/* UNDEF-day-NAME: the weekday the tense points to.  In the present tense
 * it is the coming one, as in the future: news tells a day of this week
 * that is over in the past tense, and one in the present is scheduled
 * ("Polls close Tuesday", "The game is Sunday"). */
gboolean
dl_shape_weekday_by_tense (Work *w, const Match *match)
{
  static const char *const phrases[] = {
    [PICK_STARTED] = "on or before",
    [PICK_UNFINISHED] = "on or after",
    [PICK_NEAREST] = "nearest",
  };
  char name_buffer[GROUP_TEXT_SIZE];
  const char *name = dl_match_text (match, 1, name_buffer);
  DlTense tense = dl_work_tense (w);
  Pick how
      = dl_pick_by_tense (tense == DL_TENSE_PRESENT ? DL_TENSE_FUTURE : tense);
  Period candidates[3];
  const GDate *ref;

  w->unit = UNIT_DAY;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  int n = dl_weekday_candidates (dl_name_index (dl_weekday_names, name), ref,
                                 candidates);
  int i = dl_pick (candidates, n, ref, how);
  if (i < 0)
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &candidates[i], TRUE, "%s %s reference %s (%s)",
                        name, phrases[how], ref_day,
                        dl_tense_words (dl_work_tense (w)));
}

/* UNDEF-this-NAME for a weekday: that day of the reference's ISO week. */
static gboolean
weekday_this_week (Work *w, GDateWeekday weekday, const char *name,
                   const GDate *ref)
{
  GDate day = *ref;
  Period p;

  if (!dl_add_days (&day, (gint64) weekday - g_date_get_weekday (ref))
      || !dl_period_containing (&p, UNIT_DAY, &day))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &p, TRUE, "this %s in the week of reference %s",
                        name, ref_day);
}

/* UNDEF-last-NAME, UNDEF-this-NAME, UNDEF-next-NAME for a weekday: the
 * latest before the reference, the one in its week, the first after it. */
gboolean
dl_shape_weekday_relative (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], name_buffer[GROUP_TEXT_SIZE];
  const char *which = dl_match_text (match, 1, which_buffer);
  const char *name = dl_match_text (match, 2, name_buffer);
  GDateWeekday weekday = dl_name_index (dl_weekday_names, name);
  gboolean before = strcmp (which, "last") == 0;
  Period candidates[3];
  const GDate *ref;

  w->unit = UNIT_DAY;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "this") == 0)
    return weekday_this_week (w, weekday, name, ref);
  int n = dl_weekday_candidates (weekday, ref, candidates);
  int i = dl_pick (candidates, n, ref, before ? PICK_BEFORE : PICK_AFTER);
  if (i < 0)
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &candidates[i], TRUE, "%s %s %s reference %s",
                        which, name, before ? "before" : "after", ref_day);
}

/* UNDEF-last-NAME, UNDEF-this-NAME, UNDEF-next-NAME for a month or a
 * season: the latest one over before the reference; the one holding it, or
 * else the one of its year; the first one to begin after it. */
gboolean
dl_shape_yearly_relative (Work *w, const Match *match)
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
  const char *which = dl_match_text (match, 1, which_buffer);
  const char *name = dl_match_text (match, 2, name_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  gboolean is_month = g_strv_contains (dl_month_names + 1, name);
  Unit unit = is_month ? UNIT_MONTH : UNIT_SEASON;
  int month = is_month ? dl_name_index (dl_month_names, name)
                       : (int) dl_season_month (name);
  gsize c = 0;
  const GDate *ref;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  while (strcmp (choices[c].which, which) != 0)
    c++;
  int n = dl_yearly_candidates (unit, month, 1, ref, candidates);
  int i = dl_pick (candidates, n, ref, choices[c].how);
  if (i < 0)
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  if (unit == UNIT_SEASON && choices[c].how == PICK_CURRENT
      && !dl_period_contains (&candidates[i], ref))
    {
      /* A season not under way: "this winter" told in March is the one
       * just over in the past tense, the coming one in the future (a
       * winter straddles two years, so "the one of its year" says
       * little); within the tense's reach. */
      DlTense tense = dl_work_tense (w);
      int j = tense == DL_TENSE_PAST
                  ? dl_pick (candidates, n, ref, PICK_BEFORE)
              : tense == DL_TENSE_FUTURE
                  ? dl_pick (candidates, n, ref, PICK_AFTER)
                  : -1;

      if (j >= 0
          && dl_period_distance (&candidates[j], ref) <= TENSE_REACH_DAYS)
        return dl_work_found (
            w, &candidates[j], TRUE, "this %s: the one %s reference %s (%s)",
            name, j < i ? "before" : "after", ref_day, dl_tense_words (tense));
    }
  return dl_work_found (w, &candidates[i], TRUE, "%s %s %s reference %s",
                        which, name, choices[c].phrase, ref_day);
}

/* UNDEF-last-12-25 (last Christmas), UNDEF-next-11-22-thursday (next
 * Thanksgiving), UNDEF-this-easter: the latest one over before the
 * reference; the one of its year; the first one after it. */
gboolean
dl_shape_year_day_relative (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], text_buffer[GROUP_TEXT_SIZE];
  const char *which = dl_match_text (match, 1, which_buffer);
  const char *text = dl_match_text (match, 2, text_buffer);
  Period candidates[2 * YEAR_SPAN + 1];
  Pick how = PICK_CURRENT;
  const char *phrase = "of";
  const GDate *ref;
  YearDay spec;

  w->unit = UNIT_DAY;
  if (!dl_parse_year_day (text, &spec))
    return dl_work_fail (w, "no such day: %s", w->value);
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (strcmp (which, "last") == 0)
    how = PICK_BEFORE, phrase = "before";
  else if (strcmp (which, "next") == 0)
    how = PICK_AFTER, phrase = "after";
  int n = dl_year_day_candidates (&spec, ref, candidates);
  int i = dl_pick (candidates, n, ref, how);
  if (i < 0)
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &candidates[i], TRUE, "%s %s %s reference %s",
                        which, text, phrase, ref_day);
}

/* UNDEF-the-quarter, UNDEF-the-half: the period a report speaks of.
 * Results come after a period ends, so it is the latest one over; in the
 * future tense ("expects a loss for the quarter") the current one. */
gboolean
dl_shape_reported_period (Work *w, const Match *match)
{
  Unit unit = dl_match_unit (match, 1);
  gboolean current = dl_work_tense (w) == DL_TENSE_FUTURE;
  const GDate *ref;
  Period p;

  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  if (!dl_period_containing (&p, unit, ref)
      || !dl_period_shift (&p, current ? 0 : -1))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (
      w, &p, TRUE, "the %s reported on: %s reference %s (%s)",
      dl_units[unit].singular, current ? "the one of" : "the last before",
      ref_day, dl_tense_words (dl_work_tense (w)));
}

/* UNDEF-last-year-07, UNDEF-next-year-Q1, UNDEF-this-year-SU,
 * UNDEF-last-year-03-05: a part of the year before, of or after the
 * reference's ("July last year", "next year's first quarter"). */
gboolean
dl_shape_relative_year_part (Work *w, const Match *match)
{
  char which_buffer[GROUP_TEXT_SIZE], part_buffer[GROUP_TEXT_SIZE];
  const char *which = dl_match_text (match, 1, which_buffer);
  const char *part = dl_match_text (match, 2, part_buffer);
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
      month = (int) dl_season_month (part);
    }
  else
    {
      month = (int) g_ascii_strtoll (part, NULL, 10);
      unit = strlen (part) > 2 ? UNIT_DAY : UNIT_MONTH;
      if (unit == UNIT_DAY)
        day = (int) g_ascii_strtoll (part + 3, NULL, 10);
    }
  w->unit = unit;
  if ((ref = dl_work_reference (w)) == NULL)
    return FALSE;
  gint64 year = g_date_get_year (ref);
  if (strcmp (which, "last") == 0)
    year--;
  else if (strcmp (which, "next") == 0)
    year++;
  if (month < 1 || month > 12
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return dl_work_fail (w, "no such %s: %s", dl_units[unit].name, w->value);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return dl_work_out_of_range (w);
  if (!dl_make_date (&date, year, month, day))
    return dl_work_fail (w, "no such %s: %s", dl_units[unit].name, w->value);
  if (!dl_period_containing (&p, unit, &date))
    return dl_work_out_of_range (w);
  char ref_day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (ref, ref_day);
  return dl_work_found (w, &p, TRUE, "%s year of reference %s", which,
                        ref_day);
}

