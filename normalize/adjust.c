/* adjust.c: what normalize does to a resolved range around the resolver:
 * windows ("the past two months"), "in three days", parts of a period
 * ("the first week of March"), days of a month, southern seasons, fiscal
 * years.  Each takes a DlResolution and changes it in place. */
#include "adjust.h"

#include "calendar.h"
#include "candidates.h"
#include "dl-cli.h"

#include <stdio.h>
#include <string.h>

/* Whether form value is a calendar date with its year written out. */
gboolean
dl_has_written_year (const char *value, guint *year)
{
  /* value may be a whole form: "1852 mod=START" has its year written. */
  return strspn (value, "0123456789") == 4
         && (value[4] == '\0' || value[4] == '-' || value[4] == ' ')
         && (*year = (guint) g_ascii_strtoull (value, NULL, 10)) > 0;
}

/* n units (D, W, M, Q or Y) in words, for notes: "days", "day" for one. */
static const char *
unit_words (char unit, int n)
{
  static const char *const words[][2] = {
    { "days", "day" },         { "weeks", "week" }, { "months", "month" },
    { "quarters", "quarter" }, { "years", "year" },
  };
  const char *units = "DWMQY", *at = strchr (units, unit);
  gsize i = at && unit ? (gsize) (at - units) : 4;

  return words[i][n == 1];
}

/* Moves date by n units (D, W, M, Q or Y) back (sign < 0) or on; FALSE
 * (date unchanged) if it would leave years 1..9999. */
gboolean
dl_move_by (GDate *date, int n, char unit, int sign)
{
  gint64 days = unit == 'D' ? n : unit == 'W' ? 7 * (gint64) n : 0;
  gint64 months = unit == 'M'   ? n
                  : unit == 'Q' ? 3 * (gint64) n
                  : unit == 'Y' ? 12 * (gint64) n
                                : 0;
  return sign < 0 ? dl_shift_date (date, -days, -months)
                  : dl_shift_date (date, days, months);
}

/* A stretch of time next to the reference.  window=P3M on PAST_REF
 * ("recently") or FUTURE_REF: that long before or after it.  window=- or
 * window=+ on a duration ("the past two months", "the coming weeks"): the
 * duration itself, before or after it; an unsaid amount (PXW) is a few
 * (3) units. */
void
dl_apply_window (DlResolution *res, const char *window, const GDate *reference)
{
  int n = 0, sign;
  char unit = 0;
  const char *length = window;
  GDate edge = *reference;

  if (g_strcmp0 (res->value, "PAST_REF") == 0
      || g_strcmp0 (res->value, "FUTURE_REF") == 0)
    sign = res->value[0] == 'P' ? -1 : 1;
  else if ((strcmp (window, "-") == 0 || strcmp (window, "+") == 0)
           && g_strcmp0 (res->type, "DURATION") == 0)
    {
      sign = window[0] == '-' ? -1 : 1;
      length = res->value;
    }
  else
    return;
  if (sscanf (length, "P%d%c", &n, &unit) != 2)
    {
      if (sscanf (length, "PX%c", &unit) != 1)
        return;
      n = 3;
      dl_set_field (&res->certainty, g_strdup ("approximate"));
    }
  if (n <= 0 || n > 1000 || strchr ("DWMQY", unit) == NULL || unit == '\0')
    return;
  if (!dl_move_by (&edge, n, unit, sign))
    {
      dl_resolution_out_of_range (res, "%d %s %s the reference", n,
                                  unit_words (unit, n),
                                  sign < 0 ? "before" : "after");
      return;
    }
  if (sign < 0)
    dl_resolution_set_span (res, &edge, reference);
  else
    dl_resolution_set_span (res, reference, &edge);
  dl_set_field (&res->note,
                g_strdup_printf ("%s%s taken as %d %s %s the reference",
                                 length == window ? res->note : "a duration,",
                                 length == window ? ";" : "", n,
                                 unit_words (unit, n),
                                 sign < 0 ? "up to" : "from"));
}

/* at=+ on a duration of hours or minutes (PT3H, PT10M): "they land in
 * three hours" is on the reference day or the next, whose time is not
 * known (dl_clock_days). */
static void
apply_at_clock (DlResolution *res, int n, char unit, DlTense tense,
                const GDate *reference)
{
  Period days;
  GDate likely;

  if (!dl_clock_days (reference, unit == 'H' ? (gint64) n * 60 : n, FALSE,
                      &days, &likely))
    {
      dl_resolution_out_of_range (res, "%d %s after the reference", n,
                                  unit == 'H' ? "hours" : "minutes");
      return;
    }
  dl_resolution_set_span (res, &days.first, &days.last);
  dl_set_field (&res->granularity, g_strdup ("day"));
  dl_set_field (&res->certainty, g_strdup ("exact"));
  dl_set_field (&res->note,
                g_strdup_printf ("a duration, ending %d %s after the"
                                 " reference, its time unknown (%s)", n,
                                 unit == 'H' ? (n == 1 ? "hour" : "hours")
                                             : (n == 1 ? "minute" : "minutes"),
                                 dl_tense_words (tense)));
}

/* at=+ on a duration in a sentence about the future or in the present:
 * "they will meet in three days", "the show starts in ten minutes" are on
 * the day that long after the reference.  In the past tense "in three
 * days" is how long it took. */
void
dl_apply_at (DlResolution *res, DlTense tense, const GDate *reference)
{
  int n = 0;
  char unit = 0;
  GDate day = *reference;

  if ((tense != DL_TENSE_FUTURE && tense != DL_TENSE_PRESENT)
      || g_strcmp0 (res->type, "DURATION") != 0)
    return;
  /* In the present, hours and minutes are as often how long something
   * takes ("she runs a mile in four minutes"): only the future says. */
  if (sscanf (res->value, "PT%d%c", &n, &unit) == 2)
    {
      if (tense == DL_TENSE_FUTURE && n > 0 && n <= 1000 * 24
          && (unit == 'H' || unit == 'M'))
        apply_at_clock (res, n, unit, tense, reference);
      return;
    }
  if (sscanf (res->value, "P%d%c", &n, &unit) != 2 || n <= 0 || n > 1000
      || strchr ("DWMY", unit) == NULL)
    return;
  if (!dl_move_by (&day, n, unit, 1))
    {
      dl_resolution_out_of_range (res, "%d %s after the reference", n,
                                  unit_words (unit, n));
      return;
    }
  dl_resolution_set_span (res, &day, &day);
  dl_set_field (&res->granularity, g_strdup ("day"));
  dl_set_field (&res->certainty,
                g_strdup (unit == 'D' ? "exact" : "approximate"));
  dl_set_field (&res->note,
                g_strdup_printf ("a duration, ending %d %s after the"
                                 " reference (%s)", n, unit_words (unit, n),
                                 dl_tense_words (tense)));
}

/* part=first-week, last-weekend, ...: those days of the period ("the
 * first week of March 2022" is March 1-7; "the last weekend of 2021" its
 * last Saturday and Sunday). */
void
dl_apply_part (DlResolution *res, const char *part)
{
  static const char *const ordinals[] = { "first", "second", "third" };
  gboolean last = g_str_has_prefix (part, "last-")
                  || g_str_has_prefix (part, "final-");
  gboolean weekend = g_str_has_suffix (part, "-weekend");
  int nth = 0;
  GDate a, b, lo, hi;

  if (res->earliest == NULL || !dl_parse_iso_date (res->earliest, &a)
      || res->latest == NULL || !dl_parse_iso_date (res->latest, &b))
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (ordinals); i++)
    if (g_str_has_prefix (part, ordinals[i]))
      nth = i;
  /* Every move checked: a part that would leave the calendar lies
   * outside the period too. */
  if (weekend)
    {
      /* The nth Saturday from the start, or the Saturday before the last
       * Sunday. */
      lo = last ? b : a;
      if (!(last ? dl_add_days (&lo, -(gint64) (g_date_get_weekday (&b) % 7)
                                         - 1)
                 : dl_add_days (&lo, (G_DATE_SATURDAY
                                      - (gint64) g_date_get_weekday (&a) + 7)
                                         % 7 + 7 * nth)))
        return;
      hi = lo;
      if (!dl_add_days (&hi, 1))
        return;
    }
  else if (last)
    {
      hi = b;
      lo = b;
      if (!dl_add_days (&lo, -6))
        return;
    }
  else
    {
      lo = a;
      if (!dl_add_days (&lo, 7 * nth))
        return;
      hi = lo;
      if (!dl_add_days (&hi, 6))
        return;
    }
  if (g_date_compare (&lo, &a) < 0 || g_date_compare (&hi, &b) > 0)
    return;
  dl_resolution_set_span (res, &lo, &hi);
  dl_set_field (&res->granularity, g_strdup (weekend ? "week" : "day"));
  if (weekend)
    {
      /* A weekend is a TIMEX3 week's: 2021-W51-WE. */
      GDate thursday = lo;

      if (dl_add_days (&thursday, -2))
        dl_set_field (&res->value,
                      g_strdup_printf ("%04u-W%02u-WE",
                                       g_date_get_year (&thursday),
                                       g_date_get_iso8601_week_of_year (&lo)));
    }
  dl_set_field (&res->note, g_strdup_printf ("%s, its %s", res->note, part));
}

/* Seasons south of the equator are the northern ones six months away:
 * summer 2009 is 2009-12-01..2010-02-28, spring 2009 2009-09-01..11-30,
 * autumn 2009 2009-03-01..05-31, winter 2009 2009-06-01..08-31. */
void
dl_southern_seasons (DlResolution *res)
{
  static const struct { const char *code; int month, shift; } seasons[] = {
    { "SP", 3, 6 }, { "SU", 6, 6 }, { "FA", 9, -6 }, { "WI", 12, -6 },
  };
  DlSpanOfDays season = { 0 };
  guint year;
  gsize i;

  if (g_strcmp0 (res->granularity, "season") != 0 || res->value == NULL
      || strlen (res->value) != 7 || !dl_has_written_year (res->value, &year))
    return;
  for (i = 0; i < G_N_ELEMENTS (seasons); i++)
    if (strcmp (res->value + 5, seasons[i].code) == 0)
      break;
  if (i == G_N_ELEMENTS (seasons))
    return;
  if (!dl_make_date (&season.earliest, year, seasons[i].month, 1)
      || !dl_add_months (&season.earliest, seasons[i].shift))
    {
      dl_resolution_out_of_range (res, "%s in the southern hemisphere",
                                  res->value);
      return;
    }
  season.latest = season.earliest;
  if (!dl_add_months (&season.latest, 3) || !dl_add_days (&season.latest, -1))
    {
      dl_resolution_out_of_range (res, "%s in the southern hemisphere",
                                  res->value);
      return;
    }
  if (!dl_narrow_to_span (res, &season))
    {
      /* early/late/around: the northern thirds, moved along. */
      GDate a, b;
      if (!dl_parse_iso_date (res->earliest, &a)
          || !dl_parse_iso_date (res->latest, &b))
        return;
      if (!dl_add_months (&a, seasons[i].shift)
          || !dl_add_months (&b, seasons[i].shift))
        {
          dl_resolution_out_of_range (res, "%s in the southern hemisphere",
                                      res->value);
          return;
        }
      g_date_set_day (&b, g_date_get_days_in_month (g_date_get_month (&b),
                                                     g_date_get_year (&b)));
      dl_resolution_set_span (res, &a, &b);
    }
  dl_set_field (&res->note,
                g_strdup_printf ("%s, southern hemisphere", res->note));
}

/* A season said relative to the reference ("this summer", "last
 * winter") is chosen among the southern seasons by choosing among the
 * northern ones six months away: the southern summer is the northern
 * winter.  The form with its season names swapped, or NULL if it names
 * no season relatively. */
char *
dl_southern_names (const char *value, const char *form)
{
  static const char *const swap[][2] = {
    { "-summer", "-winter" }, { "-winter", "-summer" },
    { "-spring", "-fall" }, { "-fall", "-spring" }, { "-autumn", "-spring" },
  };

  if (!g_str_has_prefix (value, "UNDEF-"))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (swap); i++)
    if (g_str_has_suffix (value, swap[i][0]))
      {
        gsize stem = strlen (value) - strlen (swap[i][0]);
        return g_strdup_printf ("%.*s%s%s", (int) stem, value, swap[i][1],
                                form + strlen (value));
      }
  return NULL;
}

/* The northern season the resolver chose, named as the southern one it
 * is: 2024-WI (December 2024 to February 2025) is the southern 2024-SU. */
void
dl_northern_code_as_southern (DlResolution *res)
{
  static const char *const swap[][2] = {
    { "-WI", "-SU" }, { "-SU", "-WI" }, { "-SP", "-FA" }, { "-FA", "-SP" },
  };

  for (gsize i = 0; res->value && i < G_N_ELEMENTS (swap); i++)
    if (g_str_has_suffix (res->value, swap[i][0]))
      {
        res->value[strlen (res->value) - 2] = swap[i][1][1];
        res->value[strlen (res->value) - 1] = swap[i][1][2];
        dl_set_field (&res->note, g_strdup_printf ("%s, southern hemisphere",
                                              res->note));
        return;
      }
}

/* FY1998 with a fiscal year starting in October: 1997-10-01..1998-09-30
 * (a fiscal year is named by the year it ends in). */
void
dl_fiscal_year (DlResolution *res, const char *form_value, int start)
{
  guint year;
  DlSpanOfDays fiscal = { 0 };

  if (start == 1 || !g_str_has_prefix (form_value, "FY")
      || !dl_has_written_year (form_value + 2, &year) || year < 2
      || g_strcmp0 (res->certainty, "unresolved") == 0)
    return;
  /* year - 1 to year: within 1..9999, as year is from 2 to 9999. */
  if (!dl_make_date (&fiscal.earliest, year - 1, start, 1))
    return;
  fiscal.latest = fiscal.earliest;
  if (!dl_add_months (&fiscal.latest, 12)
      || !dl_add_days (&fiscal.latest, -1))
    return;
  fiscal.how = g_strdup_printf ("starts in month %d", start);
  /* The fiscal year's days replace the calendar year's, and an open
   * range ("after fiscal 2023") opens from them. */
  if (dl_narrow_to_span (res, &fiscal))
    dl_set_field (&res->note, g_strdup_printf ("%s; a fiscal year that %s",
                                          res->note, fiscal.how));
  dl_span_of_days_clear (&fiscal);
}

void
dl_apply_days (DlResolution *res, const char *days)
{
  guint first = 0, last = 0;
  GDate a, b;

  if (sscanf (days, "%2u-%2u", &first, &last) != 2 || first < 1
      || first > last || res->earliest == NULL
      || !dl_parse_iso_date (res->earliest, &a) || res->latest == NULL
      || !dl_parse_iso_date (res->latest, &b) || last > g_date_get_day (&b)
      || g_date_get_day (&a) != 1 || g_date_get_month (&a) != g_date_get_month (&b))
    return;
  g_date_set_day (&a, first);
  g_date_set_day (&b, last);
  dl_resolution_set_span (res, &a, &b);
  dl_set_field (&res->granularity, g_strdup ("day"));
  dl_set_field (&res->note, g_strdup_printf ("%s, days %u to %u", res->note,
                                             first, last));
}

void
dl_time_of_day_stays (DlResolution *res)
{
  GDate day;

  if (g_strcmp0 (res->type, "TIME") != 0 || res->value == NULL
      || !dl_parse_iso_date (res->value, &day) || res->mod == NULL
      || (strcmp (res->mod, "AFTER") != 0 && strcmp (res->mod, "BEFORE") != 0
          && strcmp (res->mod, "ON_OR_AFTER") != 0
          && strcmp (res->mod, "ON_OR_BEFORE") != 0))
    return;
  dl_resolution_set_span (res, &day, &day);
  dl_set_field (&res->note, g_strdup_printf ("%s, within that day",
                                             res->note));
}
