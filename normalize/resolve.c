/* resolve.c: resolves one context-free form (docs/forms.md) against the
 * reference date and the tense of its sentence: cuts the form into its
 * value, time of day and attributes, finds the shape of the value and
 * hands it to that shape's handler (shapes.h), then applies the mod and
 * writes the TIMEX3 type, value, range, certainty and note.  A form that
 * would leave years 1..9999 is "out of range" (calendar.h). */
#include "resolve.h"

#include <string.h>

#include "attributes.h"
#include "dl-cli.h"
#include "dl-record.h"
#include "shapes.h"

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
  DlShapeHandler handler;
} shapes[] = {
  { "^([0-9]{4})-([0-9]{2})-([0-9]{2})$", dl_shape_absolute_day },
  { "^([0-9]{4})-([0-9]{2})$", dl_shape_absolute_month },
  { "^([0-9]{4})$", dl_shape_absolute_year },
  { "^([0-9]{3})$", dl_shape_absolute_decade },
  { "^([0-9]{2})$", dl_shape_absolute_century },
  { "^([0-9]{4})-W([0-9]{2})(-WE)?$", dl_shape_absolute_week },
  { "^([0-9]{4})-Q([1-4])$", dl_shape_absolute_quarter },
  { "^([0-9]{4})-H([12])$", dl_shape_absolute_half },
  { "^([0-9]{4})-(SP|SU|FA|WI)$", dl_shape_absolute_season },
  { "^FY([0-9]{4})$", dl_shape_fiscal_year },
  { "^BC([0-9]{4}|[0-9]{2})$", dl_shape_bc_year },
  { "^(PRESENT|PAST|FUTURE)_REF$", dl_shape_ref_value },
  /* TIMEX3 durations: amounts of date units (DE decades, CE centuries,
   * Q quarters), then of time units after a T; at least one amount. */
  { "^P(?=[0-9X]|T[0-9X])(?:" AMOUNT "(?:Y|M|W|D|DE|CE|Q))*"
    "(?:T(?:" AMOUNT "[HMS])+)?$", dl_shape_duration },
  { "^UNDEF-year-([0-9]{2})-([0-9]{2})$", dl_shape_undef_year_day },
  { "^UNDEF-year-([0-9]{2})$", dl_shape_undef_year_month },
  { "^UNDEF-year-Q([1-4])$", dl_shape_undef_year_quarter },
  { "^UNDEF-year-H([12])$", dl_shape_undef_year_half },
  { "^UNDEF-year-(SP|SU|FA|WI)$", dl_shape_undef_year_season },
  { "^UNDEF-year-([0-9]{2}-[0-9]{2}-" WEEKDAYS_NC "|" EASTER ")$",
    dl_shape_undef_year_moving_day },
  { "^UNDEF-(last|this|next)-([0-9]{2}-[0-9]{2}(?:-" WEEKDAYS_NC ")?|"
    EASTER ")$", dl_shape_year_day_relative },
  { "^UNDEF-century-([0-9]{2})$", dl_shape_undef_century_year },
  { "^UNDEF-century-([0-9])$", dl_shape_undef_century_decade },
  { "^UNDEF-(this|last|next)-" UNITS "$", dl_shape_this_unit },
  { "^UNDEF-(this|last|next)-year-([0-9]{2}(?:-[0-9]{2})?|Q[1-4]|H[12]|"
    "SP|SU|FA|WI)$", dl_shape_relative_year_part },
  { "^UNDEF-the-(quarter|half)$", dl_shape_reported_period },
  { "^UNDEF-REF-" UNITS "-(MINUS|PLUS)-([0-9]+)$", dl_shape_shift_unit },
  { "^UNDEF-REF-(hour|minute)-(MINUS|PLUS)-([0-9]+)$", dl_shape_shift_clock },
  { "^UNDEF-day-" WEEKDAYS "$", dl_shape_weekday_by_tense },
  { "^UNDEF-(last|this|next)-" WEEKDAYS "$", dl_shape_weekday_relative },
  { "^UNDEF-(last|this|next)-" YEARLY_NAMES "$", dl_shape_yearly_relative },
  /* Unspecified digits: at least one X, in the shape of a date value. */
  { "^(?=[0-9X]*X|[0-9X]{4}-.*X)(?:[0-9X]{2,4}|[0-9X]{4}-(?:[0-9X]{2}"
    "(?:-[0-9X]{2})?|W[0-9X]{2}(?:-[1-7]|-WE)?|Q[1-4X]|H[12X]|SP|SU|FA|WI))$",
    dl_shape_unspecified },
  { "^ANCHOR(?:-" UNITS "-(?:MINUS|PLUS)-[0-9]+|-before|-after)?$",
    dl_shape_anchor },
};

/* A time of day after a day-valued form: T15:00, T15:30:10, TEV; a clock
 * time may be UTC's (T14:00Z: "at 1400 GMT"). */
#define TIME_PATTERN \
  "^(.+)(T(?:([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?Z?|MO|AF|EV|NI|DT))$"

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
          dl_regex_compile (&compiled.shapes[i], shapes[i].pattern);
          compiled.prefixes[i] = literal_prefix (shapes[i].pattern);
          compiled.prefix_lengths[i] = strlen (compiled.prefixes[i]);
          compiled.digit_first[i]
              = g_str_has_prefix (shapes[i].pattern, "^([0-9]")
                || g_str_has_prefix (shapes[i].pattern, "^[0-9]");
        }
      dl_regex_compile (&compiled.time, TIME_PATTERN);
      g_once_init_leave (&ready, 1);
    }
  return &compiled;
}

/* ---- mods and the range ------------------------------------------------- */

typedef enum { THIRD_START, THIRD_MID, THIRD_END } Third;

static gboolean
add_units (GDate *date, gboolean months, gint64 n)
{
  return months ? dl_add_months (date, n) : dl_add_days (date, n);
}

/* One third of p into [*first, *last].  A unit too short to split (a day, a
 * weekend) is whole in every third. */
static gboolean
third (const Period *p, Third which, GDate *first, GDate *last)
{
  const UnitInfo *info = &dl_units[p->unit];
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
      return dl_add_days (last, -1);
    case THIRD_MID:
      *first = middle;
      *last = end;
      return dl_add_days (last, -1);
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

      if (!dl_period_shift (&before, -1) || !dl_period_shift (&after, 1))
        return FALSE;
      *first = before.first;
      *last = after.last;
      return TRUE;
    }
  if (strcmp (mod, "BEFORE") == 0)
    {
      g_date_clear (first, 1);
      *last = p->first;
      return dl_add_days (last, -1);
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
      return dl_add_days (first, 1);
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
  if (g_str_has_suffix (time_of_day, "Z"))
    return g_strdup_printf ("%s, at %.*s UTC", note,
                            (int) strlen (time_of_day) - 2, time_of_day + 1);
  return g_strconcat (note, ", at ", time_of_day + 1, NULL);
}

/* Whether the clock time in a time-of-day match exists (T24:00 is the
 * midnight at the end of the day). */
static gboolean
valid_clock (const Match *match)
{
  gsize hours;

  dl_match_group (match, 3, &hours);
  if (hours == 0)
    return TRUE; /* MO, AF, ... */
  int h = dl_match_int (match, 3);
  int m = dl_match_int (match, 4);
  int s = dl_match_int (match, 5);
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
  const char *phrase = dl_mod_phrase (mod);

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
        dl_work_out_of_range (w);
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
  out->granularity = g_strdup (set ? "" : dl_units[w->unit].granularity);
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
    w->timex = dl_timex_duration (w->value);
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
      dl_work_fail (w, "shift= needs a day: %s", w->value);
      return;
    }
  if (!w->resolved || w->range != RANGE_PERIOD)
    return;
  p = w->period;
  if (!dl_period_shift (&p, back ? -n : n))
    {
      dl_work_out_of_range (w);
      return;
    }
  char day[DL_DATE_TEXT_SIZE];
  dl_format_date_to (&w->period.first, day);
  g_autofree char *note = g_strdup_printf (
      "%" G_GINT64_FORMAT " day%s %s %s; %s", n, n == 1 ? "" : "s",
      back ? "before" : "after", day, w->note);
  w->plain = FALSE;
  dl_work_found (w, &p, TRUE, "%s", note);
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
      dl_work_fail (w, "span=week needs a day: %s", w->value);
      return;
    }
  if (!w->resolved || w->range != RANGE_PERIOD)
    {
      w->unit = UNIT_WEEK;
      return;
    }
  dl_format_date_to (&w->period.first, day);
  if (!dl_period_containing (&week, UNIT_WEEK, &w->period.first))
    {
      dl_work_out_of_range (w);
      return;
    }
  g_autofree char *note = g_strdup_printf ("the week of %s; %s", day,
                                           w->note);
  w->plain = FALSE;
  dl_work_found (w, &week, TRUE, "%s", note);
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
      || !dl_regex_match (&pat->time, value, strlen (value), &match))
    return FALSE;
  /* All read before value is cut where the time of day begins. */
  dl_match_text (&match, 2, time_of_day);
  *clock_ok = valid_clock (&match);
  dl_match_group (&match, 1, &value_length);
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
      if (dl_regex_match (&pat->shapes[i], value, length, match))
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
  value = dl_next_token (&rest);
  if (value[0] == '\0' || !dl_parse_attributes (rest, &a))
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
    resolve_set (&w, &a, shapes[i].handler == dl_shape_duration);
  else
    {
      shapes[i].handler (&w, &match);
      /* Only a day has a time of day. */
      if (time_of_day != NULL && w.unit != UNIT_DAY)
        return unknown_form (form, out, error);
      if (time_of_day != NULL && w.resolved && !clock_ok)
        dl_work_fail (&w, "no such time: %s", time_of_day);
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
