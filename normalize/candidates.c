/* candidates.c: the periods a yearless or relative form could mean, and
 * the pick among them. */
#include "candidates.h"

#include <string.h>


/* The index of the chosen one among candidates (in time order), or -1. */
int
dl_pick (const Period *candidates, int n, const GDate *ref, Pick how)
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
          if (best < 0 || dl_period_distance (c, ref)
                            < dl_period_distance (&candidates[best], ref))
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
          if (dl_period_contains (c, ref))
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
int
dl_yearly_candidates (Unit unit, guint month, guint day, const GDate *ref,
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

      if (dl_make_date (&date, year, month, day)
          && dl_period_containing (&candidates[n], unit, &date))
        n++;
    }
  return n;
}

/* The days of weekday in the weeks around ref. */
int
dl_weekday_candidates (GDateWeekday weekday, const GDate *ref,
                       Period *candidates)
{
  /* back: how far the latest such day on or before ref lies back */
  gint64 back = ((gint64) g_date_get_weekday (ref) - weekday + 7) % 7;
  int n = 0;

  for (gint64 week = -1; week <= 1; week++)
    {
      GDate day = *ref;

      if (dl_add_days (&day, 7 * week - back)
          && dl_period_containing (&candidates[n], UNIT_DAY, &day))
        n++;
    }
  return n;
}

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

  return dl_make_date (date, year, month, day);
}

/* The day of spec in year; FALSE if there is none GDate can hold. */
static gboolean
year_day (const YearDay *spec, gint64 year, GDate *date)
{
  if (spec->easter)
    return easter_sunday (year, date) && dl_add_days (date, spec->offset);
  if (!dl_make_date (date, year, spec->month, spec->day))
    return FALSE;
  if (spec->weekday == G_DATE_BAD_WEEKDAY)
    return TRUE;
  return dl_add_days (
      date, ((gint64)spec->weekday - g_date_get_weekday (date) + 7) % 7);
}

/* The days of spec in the years around ref. */
int
dl_year_day_candidates (const YearDay *spec, const GDate *ref,
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
          && dl_period_containing (&candidates[n], UNIT_DAY, &date))
        n++;
    }
  return n;
}

Pick
dl_pick_by_tense (DlTense tense)
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

const char *
dl_tense_words (DlTense tense)
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

/* Reads a YearDay from its form: MM-DD-WEEKDAY (the weekday on or after
 * that day), MM-DD, easter, easter-MINUS-N, easter-PLUS-N.  FALSE if it
 * names no day. */
gboolean
dl_parse_year_day (const char *text, YearDay *spec)
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
    spec->weekday = dl_name_index (dl_weekday_names, text + 6);
  return TRUE;
}
