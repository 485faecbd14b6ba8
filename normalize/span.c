/* span.c: ranges of days and putting them into a resolution. */
#include "span.h"

#include <stdarg.h>
#include <string.h>

#include "calendar.h"

#include "dl-cli.h"

void
dl_span_of_days_clear (DlSpanOfDays *span)
{
  g_clear_pointer (&span->granularity, g_free);
  g_clear_pointer (&span->how, g_free);
  span->valid = FALSE;
}

void
dl_resolution_set_span (DlResolution *out, const GDate *earliest,
                        const GDate *latest)
{
  g_free (out->earliest);
  g_free (out->latest);
  out->earliest = earliest && g_date_valid (earliest)
                      ? dl_format_date (earliest) : g_strdup ("");
  out->latest = latest && g_date_valid (latest) ? dl_format_date (latest)
                                                : g_strdup ("");
}

/* Gives res the days of span in place of its own, keeping an open range
 * open from them ("before fiscal 2023", "before the 2022 invasion").  FALSE
 * when res has a mod that cuts part of a range (early, late, around),
 * which then stays as it was.  An open range that would open beyond years
 * 1..9999 leaves res unresolved (TRUE: done with). */
gboolean
dl_narrow_to_span (DlResolution *res, const DlSpanOfDays *span)
{
  GDate a = span->earliest, b = span->latest;
  const char *mod = res->mod ? res->mod : "";

  if (strcmp (mod, "BEFORE") == 0)
    {
      if (dl_add_days (&a, -1))
        dl_resolution_set_span (res, NULL, &a);
      else
        dl_resolution_out_of_range (res, "before the year 1");
    }
  else if (strcmp (mod, "ON_OR_BEFORE") == 0)
    dl_resolution_set_span (res, NULL, &b);
  else if (strcmp (mod, "AFTER") == 0)
    {
      if (dl_add_days (&b, 1))
        dl_resolution_set_span (res, &b, NULL);
      else
        dl_resolution_out_of_range (res, "after the year 9999");
    }
  else if (strcmp (mod, "ON_OR_AFTER") == 0)
    dl_resolution_set_span (res, &a, NULL);
  else if (*mod == '\0')
    dl_resolution_set_span (res, &a, &b);
  else
    return FALSE;
  return TRUE;
}

void
dl_resolution_out_of_range (DlResolution *res, const char *format, ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  dl_set_field (&res->certainty, g_strdup ("unresolved"));
  dl_set_field (&res->note, g_strconcat ("out of range: ", why, NULL));
  dl_resolution_set_span (res, NULL, NULL);
}

void
dl_resolution_to_record (DlResolution *res, DlRecord *record)
{
  dl_record_take (record, DL_COL_TYPE, g_steal_pointer (&res->type));
  dl_record_take (record, DL_COL_VALUE, g_steal_pointer (&res->value));
  dl_record_take (record, DL_COL_MOD, g_steal_pointer (&res->mod));
  dl_record_take (record, DL_COL_EARLIEST, g_steal_pointer (&res->earliest));
  dl_record_take (record, DL_COL_LATEST, g_steal_pointer (&res->latest));
  dl_record_take (record, DL_COL_GRANULARITY,
                  g_steal_pointer (&res->granularity));
  dl_record_take (record, DL_COL_CERTAINTY, g_steal_pointer (&res->certainty));
  dl_record_take (record, DL_COL_NOTE, g_steal_pointer (&res->note));
}
