/* label.c: the words of a timeline row's "when": "late 2023",
 * "24 February 2022", "about six months". */
#include "label.h"

#include "dl-cli.h"
#include "dl-text.h"

#include <stdlib.h>
#include <string.h>

/* English month names: the labels must not change with the locale, which
 * g_date_strftime's %B would. */
static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

/* The words a mod puts before a value, and whether they name a part of
 * the period, which goes inside its "the" ("the early 1990s"), or a bound
 * or an approximation, which goes before it ("by the 1990s"). */
static const char *
mod_prefix (const char *mod, gboolean *part)
{
  static const struct {
    const char *mod, *words;
    gboolean part;
  } table[] = {
    { "START", "early ", TRUE },         { "MID", "mid ", TRUE },
    { "END", "late ", TRUE },            { "APPROX", "around ", FALSE },
    { "BEFORE", "before ", FALSE },      { "AFTER", "after ", FALSE },
    { "ON_OR_BEFORE", "by ", FALSE },    { "ON_OR_AFTER", "from ", FALSE },
  };

  *part = FALSE;
  for (gsize i = 0; mod && i < G_N_ELEMENTS (table); i++)
    if (strcmp (mod, table[i].mod) == 0)
      {
        *part = table[i].part;
        return table[i].words;
      }
  return "";
}

static char *
ordinal (int n)
{
  const char *suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                   ? "st"
                       : n % 10 == 2                   ? "nd"
                       : n % 10 == 3                   ? "rd"
                                                       : "th";
  return g_strdup_printf ("%d%s", n, suffix);
}

/* "24 February 2022" for an ISO day (a time of day may follow), or NULL. */
static char *
iso_day_words (const char *text)
{
  GDate day;

  if (!dl_parse_iso_date (text, &day))
    return NULL;
  return dl_timeline_day_words (&day);
}

/* The number in the one or two digits at text, or -1. */
static int
small_number (const char *text)
{
  int n = dl_text_digits (text, 2);

  return n >= 0 ? n : dl_text_digits (text, 1);
}

/* The value in words, without the mod, or NULL if it is not one this
 * names: read digit by digit (every row of the timeline is named through
 * here). */
static char *
value_words (const char *value)
{
  static const struct { const char *code, *name; } seasons[] = {
    { "SP", "spring" }, { "SU", "summer" }, { "FA", "autumn" },
    { "WI", "winter" },
  };
  int y = dl_text_digits (value, 4), m;
  char *day = iso_day_words (value);
  gsize n;

  if (day)
    return day;
  if (y >= 0 && value[4] == '-')
    {
      const char *rest = value + 5;

      m = dl_text_digits (rest, 2);
      if (m >= 1 && m <= 12 && rest[2] == '\0')
        return g_strdup_printf ("%s %d", months[m - 1], y);
      if ((rest[0] == 'Q' || rest[0] == 'H') && g_ascii_isdigit (rest[1])
          && rest[2] == '\0')
        return rest[0] == 'Q' ? g_strdup_printf ("Q%c %d", rest[1], y)
                              : g_strdup_printf ("%s half of %d",
                                                 rest[1] == '1' ? "first"
                                                                : "second",
                                                 y);
      if (rest[0] == 'W' && (m = small_number (rest + 1)) >= 0)
        return g_strdup_printf ("week %d of %d%s", m, y,
                                g_str_has_suffix (value, "-WE")
                                    ? " (weekend)" : "");
      for (gsize i = 0; i < G_N_ELEMENTS (seasons); i++)
        if (strcmp (rest, seasons[i].code) == 0)
          return g_strdup_printf ("%s %d", seasons[i].name, y);
    }
  n = strlen (value);
  if (n == 4 && strspn (value, "0123456789") == 4)
    return g_strdup (value);
  if (n == 3 && strspn (value, "0123456789") == 3)
    return g_strdup_printf ("the %s0s", value);
  if (n == 2 && strspn (value, "0123456789") == 2)
    {
      g_autofree char *nth = ordinal (atoi (value) + 1);
      return g_strdup_printf ("the %s century", nth);
    }
  if (strcmp (value, "PRESENT_REF") == 0)
    return g_strdup ("now");
  if (strcmp (value, "PAST_REF") == 0)
    return g_strdup ("the past");
  if (strcmp (value, "FUTURE_REF") == 0)
    return g_strdup ("the future");
  return NULL;
}

char *
dl_timeline_day_words (const GDate *day)
{
  return g_strdup_printf ("%d %s %d", g_date_get_day (day),
                          months[g_date_get_month (day) - 1],
                          g_date_get_year (day));
}

/* A date as a person writes it: "24 February 2022". */
static char *
day_words (const char *iso)
{
  char *words = iso_day_words (iso);

  return words ? words : g_strdup (iso);
}

/* The label of a record: from its value, or, when the value says only
 * roughly ("XXXX-XX-XX": three days before some day of 2022), from its
 * range. */
/* A TIMEX3 duration in words ("P2Y6M": "two years and six months"), with
 * the words of its mod ("about"), or NULL if value is not one. */
static char *
duration_words (const char *value, const char *mod)
{
  static const struct { const char *code, *one, *many; } units[] = {
    { "DE", "decade", "decades" }, { "CE", "century", "centuries" },
    { "Y", "year", "years" }, { "M", "month", "months" },
    { "W", "week", "weeks" }, { "D", "day", "days" },
    { "Q", "quarter", "quarters" },
  };
  static const struct { const char *code, *one, *many; } clock[] = {
    { "H", "hour", "hours" }, { "M", "minute", "minutes" },
    { "S", "second", "seconds" },
  };
  static const struct { const char *mod, *words; } mods[] = {
    { "APPROX", "about " }, { "LESS_THAN", "less than " },
    { "MORE_THAN", "more than " }, { "EQUAL_OR_LESS", "at most " },
    { "EQUAL_OR_MORE", "at least " },
  };
  static const char *const small[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
  };
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = value;
  gboolean time_part = FALSE;

  if (*p++ != 'P' || *p == '\0')
    return NULL;
  while (*p)
    {
      const char *number = p;
      gsize len, unit_len = 0;
      guint i, n_units = time_part ? G_N_ELEMENTS (clock) : G_N_ELEMENTS (units);

      if (*p == 'T' && !time_part)
        {
          time_part = TRUE;
          p++;
          continue;
        }
      len = *p == 'X' ? 1 : strspn (p, "0123456789.");
      if (len == 0)
        return NULL;
      p += len;
      for (i = 0; i < n_units; i++)
        {
          const char *code = time_part ? clock[i].code : units[i].code;

          unit_len = strlen (code);
          if (strncmp (p, code, unit_len) == 0)
            break;
        }
      if (i == n_units)
        return NULL;
      p += unit_len;
      {
        const char *one = time_part ? clock[i].one : units[i].one;
        const char *many = time_part ? clock[i].many : units[i].many;
        g_autofree char *digits = g_strndup (number, len);
        gboolean whole = strspn (digits, "0123456789") == len;
        guint64 n = whole ? g_ascii_strtoull (digits, NULL, 10) : 0;

        if (*number == 'X')
          g_ptr_array_add (parts, g_strdup (many));
        else if (whole && n < G_N_ELEMENTS (small))
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", small[n],
                                                   n == 1 ? one : many));
        else
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", digits,
                                                   whole && n == 1 ? one
                                                                   : many));
      }
    }
  if (parts->len == 0)
    return NULL;
  for (gsize i = 0; mod && i < G_N_ELEMENTS (mods); i++)
    if (strcmp (mod, mods[i].mod) == 0)
      g_string_append (out, mods[i].words);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == parts->len ? " and " : ", ");
      g_string_append (out, parts->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
dl_timeline_when (const DlRecord *record)
{
  const char *value = dl_record_get (record, DL_COL_VALUE);
  const char *earliest = dl_record_get (record, DL_COL_EARLIEST);
  const char *latest = dl_record_get (record, DL_COL_LATEST);
  const char *mod = dl_record_get (record, DL_COL_MOD);
  const char *anchor = dl_record_get (record, DL_COL_ANCHOR);
  char *words;

  /* A recurring set, or a mention that could not be resolved, has no date
   * to name: its own words say it best. */
  if (strcmp (dl_record_get (record, DL_COL_TYPE), "SET") == 0
      || strcmp (dl_record_get (record, DL_COL_CERTAINTY), "unresolved") == 0)
    return g_strdup (dl_record_get (record, DL_COL_MENTION));
  /* "before the 2022 Ukraine invasion", when the event was found. */
  if (*anchor && (strcmp (mod, "BEFORE") == 0 || strcmp (mod, "AFTER") == 0)
      && strstr (dl_record_get (record, DL_COL_NOTE), "; anchor \""))
    return g_strdup_printf ("%s the %s", mod[0] == 'B' ? "before" : "after",
                            anchor);
  /* Some days of a month: "3-5 May 2021". */
  if (*earliest && *latest && strlen (value) == 7
      && strncmp (earliest, value, 7) == 0 && strncmp (latest, value, 7) == 0
      && strcmp (dl_record_get (record, DL_COL_GRANULARITY), "day") == 0)
    {
      g_autofree char *last = day_words (latest);
      return g_strdup_printf ("%d-%s", dl_text_digits (earliest + 8, 2),
                              last);
    }
  /* Rough values, and durations told from an event ("three days before
   * the invasion"), are named by their range. */
  if (strcmp (earliest, latest) == 0 && *earliest
      && strcmp (dl_record_get (record, DL_COL_TYPE), "DURATION") == 0)
    return day_words (earliest);
  if ((strchr (value, 'X') || strcmp (dl_record_get (record, DL_COL_TYPE),
                                      "DURATION") == 0)
      && *earliest && *latest)
    {
      g_autofree char *a = day_words (earliest);
      g_autofree char *b = day_words (latest);
      return g_strdup_printf ("between %s and %s", a, b);
    }
  /* An amount of time: "about six months", not "around P6M". */
  if (strcmp (dl_record_get (record, DL_COL_TYPE), "DURATION") == 0
      && (words = duration_words (value, mod)) != NULL)
    return words;
  words = dl_timeline_label (value, mod);
  /* A value with no words of its own is named by its mention. */
  return words ? words : g_strdup (dl_record_get (record, DL_COL_MENTION));
}

char *
dl_timeline_label (const char *value, const char *mod)
{
  g_autofree char *words = value_words (value ? value : "");
  gboolean part;
  const char *prefix = mod_prefix (mod, &part);

  if (words == NULL)
    return NULL;
  if (part && g_str_has_prefix (words, "the "))
    return g_strconcat ("the ", prefix, words + 4, NULL);
  return g_strconcat (prefix, words, NULL);
}

