/* anchored.c: ANCHOR forms (docs/forms.md), dates told from an event or
 * from the last date told ("three days before the invasion", "a year
 * later"): the arithmetic on the anchor's range. */
#include "anchored.h"

#include "calendar.h"
#include "dl-cli.h"

#include <stdio.h>
#include <string.h>

/* A shift of "some" units ("days later") is 1 to this many. */
#define SOME_UNITS 9

gboolean
dl_anchor_form_parse (const char *value, char **unit, gint64 *shift,
                      int *open)
{
  char name[16], sign[8], count[24];
  int used = 0;
  gint64 n;

  *unit = NULL;
  *shift = 0;
  *open = 0;
  if (!g_str_has_prefix (value, "ANCHOR"))
    return FALSE;
  if (strcmp (value, "ANCHOR") == 0)
    return TRUE;
  if (strcmp (value, "ANCHOR-before") == 0 || strcmp (value, "ANCHOR-after") == 0)
    {
      *open = value[7] == 'b' ? -1 : 1;
      return TRUE;
    }
  if (sscanf (value, "ANCHOR-%15[a-z]-%7[A-Z]-%23[0-9X]%n", name, sign, count,
              &used) != 3
      || value[used] != '\0'
      || (strcmp (sign, "MINUS") != 0 && strcmp (sign, "PLUS") != 0))
    return FALSE;
  if (strcmp (count, "X") == 0)
    n = -1; /* some: see SOME_UNITS */
  else if (strlen (count) > 12 || strchr (count, 'X'))
    return FALSE;
  else
    n = g_ascii_strtoll (count, NULL, 10);
  *unit = g_strdup (name);
  *shift = n < 0 ? 0 : strcmp (sign, "MINUS") == 0 ? -n : n;
  if (n < 0)
    *open = strcmp (sign, "MINUS") == 0 ? -2 : 2;
  return TRUE;
}

/* Days, or months, that unit n times is; FALSE for an unknown unit. */
static gboolean
unit_shift (const char *unit, gint64 n, gint64 *days, gint64 *months)
{
  static const struct { const char *unit; int days, months; } table[] = {
    { "day", 1, 0 },      { "week", 7, 0 },      { "weekend", 7, 0 },
    { "month", 0, 1 },    { "quarter", 0, 3 },   { "half", 0, 6 },
    { "year", 0, 12 },    { "decade", 0, 120 },  { "century", 0, 1200 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (strcmp (unit, table[i].unit) == 0)
      {
        *days = n * table[i].days;
        *months = n * table[i].months;
        return TRUE;
      }
  return FALSE;
}

/* The TIMEX3 value of the period of granularity that starts on a. */
static char *
period_value (const GDate *a, const char *granularity)
{
  guint y = g_date_get_year (a), m = g_date_get_month (a);
  static const char *const seasons[] = { "WI", "WI", "SP", "SP", "SP", "SU",
                                         "SU", "SU", "FA", "FA", "FA", "WI" };

  if (strcmp (granularity, "day") == 0)
    return dl_format_date (a);
  if (strcmp (granularity, "month") == 0)
    return g_strdup_printf ("%04u-%02u", y, m);
  if (strcmp (granularity, "quarter") == 0)
    return g_strdup_printf ("%04u-Q%u", y, (m - 1) / 3 + 1);
  if (strcmp (granularity, "half") == 0)
    return g_strdup_printf ("%04u-H%u", y, (m - 1) / 6 + 1);
  if (strcmp (granularity, "season") == 0)
    return g_strdup_printf ("%04u-%s", y, seasons[m - 1]);
  if (strcmp (granularity, "year") == 0)
    return g_strdup_printf ("%04u", y);
  if (strcmp (granularity, "decade") == 0)
    return g_strdup_printf ("%03u", y / 10);
  if (strcmp (granularity, "century") == 0)
    return g_strdup_printf ("%02u", y / 100);
  if (strcmp (granularity, "week") == 0)
    {
      /* The ISO year is the year of the week's Thursday. */
      GDate thursday = *a;

      if (!dl_add_days (&thursday, 3))
        return NULL;
      return g_strdup_printf ("%04u-W%02u", g_date_get_year (&thursday),
                              g_date_get_iso8601_week_of_year (a));
    }
  return NULL;
}

/* Whether a shift of days and months moves a period of granularity onto
 * another whole period: a quarter a year back is a quarter, a year three
 * days back is not. */
static gboolean
keeps_periods (const char *granularity, gint64 days, gint64 months)
{
  static const struct { const char *name; int months; } month_based[] = {
    { "month", 1 }, { "quarter", 3 }, { "half", 6 }, { "season", 3 },
    { "year", 12 }, { "decade", 120 }, { "century", 1200 },
  };

  if (granularity == NULL)
    return FALSE;
  if (strcmp (granularity, "day") == 0)
    return TRUE;
  if (strcmp (granularity, "week") == 0)
    return months == 0 && days % 7 == 0;
  for (gsize i = 0; i < G_N_ELEMENTS (month_based); i++)
    if (strcmp (granularity, month_based[i].name) == 0)
      return days == 0 && months % month_based[i].months == 0;
  return FALSE;
}

static void
replace_value (DlResolution *out, char *value)
{
  dl_set_field (&out->value, value);
}

static void
set_unresolved (DlResolution *out, const char *value, const char *note)
{
  g_free (out->value);
  out->value = g_strdup (value);
  g_free (out->certainty);
  out->certainty = g_strdup ("unresolved");
  g_free (out->note);
  out->note = g_strdup (note);
  dl_resolution_set_span (out, NULL, NULL);
}

/* Sets a and b to the first and last day of the unit holding a (of a
 * weekend: its whole week); FALSE for a season or beyond years 1..9999. */
static gboolean
unit_period (GDate *a, GDate *b, const char *unit)
{
  Unit u = UNIT_NONE;
  Period p;

  for (Unit i = UNIT_DAY; i < N_UNITS; i++)
    if (strcmp (dl_units[i].name, unit) == 0)
      u = i;
  if (u == UNIT_WEEKEND)
    u = UNIT_WEEK;
  if (u == UNIT_NONE || u == UNIT_SEASON || !dl_period_containing (&p, u, a))
    return FALSE;
  *a = p.first;
  *b = p.last;
  return TRUE;
}

/* early/mid/late and around, on an anchored range: thirds of its days, or
 * one unit more on each side; FALSE if that leaves years 1..9999. */
static gboolean
apply_mod (DlResolution *out, GDate *a, GDate *b, const char *mod,
           const char *unit)
{
  guint days = g_date_get_julian (b) - g_date_get_julian (a) + 1;

  if (mod == NULL || *mod == '\0')
    return TRUE;
  dl_set_field (&out->mod, g_strdup (mod));
  if (strcmp (mod, "APPROX") == 0 && unit)
    {
      gint64 d = 0, m = 0;
      GDate wider_a = *a, wider_b = *b;

      unit_shift (unit, 1, &d, &m);
      if (!dl_shift_date (&wider_a, -d, -m) || !dl_shift_date (&wider_b, d, m))
        return FALSE;
      *a = wider_a;
      *b = wider_b;
      dl_set_field (&out->certainty, g_strdup ("approximate"));
    }
  else if (days >= 3 && (strcmp (mod, "START") == 0 || strcmp (mod, "MID") == 0
                         || strcmp (mod, "END") == 0))
    {
      guint third = days / 3;
      GDate first = *a;

      if (mod[0] == 'S')
        g_date_set_julian (b, g_date_get_julian (&first) + third - 1);
      else if (mod[0] == 'M')
        {
          g_date_set_julian (a, g_date_get_julian (&first) + third);
          g_date_set_julian (b, g_date_get_julian (&first) + 2 * third - 1);
        }
      else
        g_date_set_julian (a, g_date_get_julian (&first) + 2 * third);
      dl_set_field (&out->certainty, g_strdup ("fuzzy"));
    }
  return TRUE;
}

void
dl_anchor_form_resolve (const char *value, const DlSpanOfDays *span,
                        const char *anchor_phrase, gboolean whole_unit,
                        const char *mod, DlResolution *out)
{
  g_autofree char *unit = NULL;
  g_autofree char *what = NULL;
  gint64 shift, days = 0, months = 0;
  int open;
  GDate a, b;
  const char *granularity = "day";

  g_free (out->type);
  out->type = g_strdup ("DATE");
  what = anchor_phrase && *anchor_phrase
             ? g_strdup_printf ("anchor \"%s\"", anchor_phrase)
         : span && span->document_date ? g_strdup ("the document date")
                                       : g_strdup ("the last date told");
  if (!dl_anchor_form_parse (value, &unit, &shift, &open)
      || (unit && !unit_shift (unit, shift, &days, &months)))
    {
      set_unresolved (out, value, "not an anchor form");
      return;
    }
  if (span == NULL || !span->valid)
    {
      g_autofree char *note = g_strdup_printf ("%s not found", what);
      set_unresolved (out, value, note);
      return;
    }
  a = span->earliest;
  b = span->latest;
  if (open == 2 || open == -2)
    {
      /* "days later": one to a few units after the anchor, roughly. */
      gint64 d1 = 0, m1 = 0, d9 = 0, m9 = 0;
      int sign = open > 0 ? 1 : -1;

      unit_shift (unit, sign, &d1, &m1);
      unit_shift (unit, sign * SOME_UNITS, &d9, &m9);
      if (sign > 0
              ? !dl_shift_date (&a, d1, m1) || !dl_shift_date (&b, d9, m9)
              : !dl_shift_date (&a, d9, m9) || !dl_shift_date (&b, d1, m1))
        {
          set_unresolved (out, value, "out of range");
          return;
        }
      replace_value (out, g_strdup ("XXXX-XX-XX"));
      dl_resolution_set_span (out, &a, &b);
      dl_set_field (&out->granularity, g_strdup (unit));
      dl_set_field (&out->certainty, g_strdup ("approximate"));
      dl_set_field (&out->note, g_strdup_printf ("%s %s, then some %ss %s", what,
                                            span->how, unit,
                                            sign > 0 ? "after" : "before"));
      return;
    }
  if (whole_unit && unit)
    {
      /* "the following year": the whole year after the anchor's. */
      if (!dl_shift_date (&a, days, months) || !unit_period (&a, &b, unit))
        {
          set_unresolved (out, value, "out of range");
          return;
        }
      replace_value (out, period_value (&a, unit));
      dl_set_field (&out->granularity, g_strdup (unit));
      dl_set_field (&out->certainty, g_strdup (span->approximate ? "approximate"
                                                            : "exact"));
      dl_set_field (&out->note, g_strdup_printf ("the %s of %s %s%s", unit, what,
                                            span->how,
                                            shift < 0   ? ", the one before"
                                            : shift > 0 ? ", the one after"
                                                        : ""));
      if (out->value == NULL)
        replace_value (out, dl_format_date (&a));
      if (!apply_mod (out, &a, &b, mod, unit))
        {
          set_unresolved (out, value, "out of range");
          return;
        }
      dl_resolution_set_span (out, &a, &b);
      return;
    }
  if (!dl_shift_date (&a, days, months) || !dl_shift_date (&b, days, months))
    {
      set_unresolved (out, value, "out of range");
      return;
    }
  {
    GString *note = g_string_new (NULL);

    g_string_printf (note, "%s %s", what, span->how);
    if (shift != 0)
      g_string_append_printf (note, " %s %" G_GINT64_FORMAT " %s%s",
                              shift < 0 ? "minus" : "plus",
                              shift < 0 ? -shift : shift, unit,
                              shift == 1 || shift == -1 ? "" : "s");
    g_free (out->note);
    out->note = g_string_free (note, FALSE);
  }
  /* A whole period moved by whole periods stays one ("a year earlier"
   * than the third quarter of 1989 is 1988-Q3); otherwise only the range
   * is known, roughly. */
  g_free (out->value);
  out->value = keeps_periods (span->granularity, days, months)
                   ? period_value (&a, span->granularity) : NULL;
  if (out->value == NULL)
    out->value = g_strdup (g_date_compare (&a, &b) == 0 ? "" : "XXXX-XX-XX");
  if (*out->value == '\0')
    replace_value (out, dl_format_date (&a));
  else
    granularity = span->granularity ? span->granularity : "day";
  g_free (out->granularity);
  out->granularity = g_strdup (granularity);
  g_free (out->certainty);
  out->certainty = g_strdup (span->approximate
                                     || strcmp (out->value, "XXXX-XX-XX") == 0
                                 ? "approximate" : "exact");
  if ((open < 0 && !dl_add_days (&a, -1))
      || (open > 0 && !dl_add_days (&b, 1))
      || (open == 0 && !apply_mod (out, &a, &b, mod, unit)))
    {
      set_unresolved (out, value, "out of range");
      return;
    }
  if (open < 0)
    {
      dl_resolution_set_span (out, NULL, &a);
      g_free (out->mod);
      out->mod = g_strdup ("BEFORE");
    }
  else if (open > 0)
    {
      dl_resolution_set_span (out, &b, NULL);
      g_free (out->mod);
      out->mod = g_strdup ("AFTER");
    }
  else
    dl_resolution_set_span (out, &a, &b);
}

/* "three days before the war": TimeML's TIMEX3 is the duration, P3D; the
 * range stays the anchored one. */
void
dl_as_duration (const char *value, DlResolution *res)
{
  static const struct { const char *unit; const char *letter; int times; }
  units[] = {
    { "day", "D", 1 }, { "week", "W", 1 }, { "month", "M", 1 },
    { "quarter", "M", 3 }, { "year", "Y", 1 }, { "decade", "Y", 10 },
    { "century", "Y", 100 }, { "weekend", "WE", 1 },
  };
  g_autofree char *unit = NULL;
  gint64 shift;
  int open;

  if (!dl_anchor_form_parse (value, &unit, &shift, &open) || unit == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i].unit) == 0)
      {
        dl_set_field (&res->type, g_strdup ("DURATION"));
        dl_set_field (&res->value,
                 open ? g_strdup_printf ("PX%s", units[i].letter)
                      : g_strdup_printf ("P%" G_GINT64_FORMAT "%s",
                                         ABS (shift) * units[i].times,
                                         units[i].letter));
        return;
      }
}
