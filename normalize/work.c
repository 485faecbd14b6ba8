/* work.c: how the handlers of a form's shapes end their work on it. */
#include "work.h"

#include <stdarg.h>

void
dl_work_clear (Work *w)
{
  g_clear_pointer (&w->timex, g_free);
  g_clear_pointer (&w->note, g_free);
}

/* Marks w unresolved, for the reason in format. */
gboolean
dl_work_fail (Work *w, const char *format, ...)
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

gboolean
dl_work_out_of_range (Work *w)
{
  return dl_work_fail (w, "out of range: %s", w->value);
}

/* Resolves w to p.  A relative form's value is written from p; an absolute
 * one keeps the value as written (FY1998 stays FY1998). */
gboolean
dl_work_found (Work *w, const Period *p, gboolean relative, const char *format,
               ...)
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
    w->timex = dl_period_value (p);
  return TRUE;
}

/* The reference date, or NULL (and w unresolved) if there is none. */
const GDate *
dl_work_reference (Work *w)
{
  const DlResolveContext *c = w->context;

  if (c != NULL && c->have_reference && g_date_valid (&c->reference)
      && g_date_get_year (&c->reference) <= MAX_YEAR)
    return &c->reference;
  dl_work_fail (w, "no reference date");
  return NULL;
}

DlTense
dl_work_tense (const Work *w)
{
  if (w->tense != DL_TENSE_UNKNOWN)
    return w->tense;
  return w->context != NULL ? w->context->tense : DL_TENSE_UNKNOWN;
}

