/* links.c: two mentions joined by link= ("late 2023 or early 2024", "from
 * 2001 to 2009") both take the hull of their ranges. */
#include "links.h"

#include <string.h>

#include "dl-cli.h"
#include "form.h"
#include "span.h"

/* Resolves record's form again, told from day in the direction of tense
 * ("year from" the other end of a span, named by other). */
static void
resolve_near (DlRecord *record, const GDate *day, DlTense tense,
              const char *other)
{
  DlResolveContext context = { *day, TRUE, tense, FALSE };
  DlResolution res = { 0 };
  Form form;

  dl_form_split (dl_record_get (record, DL_COL_FORM), &form);
  if (dl_resolve (form.for_resolve, &context, &res, NULL))
    {
      dl_set_field (&res.note, g_strdup_printf ("%s (told from \"%s\")",
                                                res.note, other));
      dl_resolution_to_record (&res, record);
    }
  dl_resolution_clear (&res);
  dl_form_clear (&form);
}

/* "late 2023 or early 2024", "from 2001 to 2009": both mentions take the
 * hull of the two ranges.  An underspecified first end ("between May and
 * July 2020") is first resolved near the second. */
void
dl_link_join (DlRecord *first, DlRecord *second, const char *kind)
{
  if (strcmp (dl_record_get (first, DL_COL_CERTAINTY), "unresolved") == 0
      || strcmp (dl_record_get (second, DL_COL_CERTAINTY), "unresolved") == 0)
    return; /* a hull needs both ends */
  GDate a1, b1, a2, b2, lo, hi;
  gboolean have_a = FALSE, have_b = FALSE;
  const char *text1 = dl_record_get (first, DL_COL_MENTION);
  const char *text2 = dl_record_get (second, DL_COL_MENTION);
  g_autofree char *note = NULL;
  g_autofree char *certainty = NULL;

  /* "from August to March 2021": the first end comes before the second;
   * "May or June 2020": nearest it. */
  if (g_str_has_prefix (dl_record_get (first, DL_COL_FORM), "UNDEF-year-")
      && dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2))
    resolve_near (first, &a2, strcmp (kind, "to") == 0 ? DL_TENSE_PAST
                                                       : DL_TENSE_UNKNOWN,
                  text2);
  /* "from Monday to Wednesday": a second end that fell before the first
   * is the one after it. */
  if (strcmp (kind, "to") == 0
      && g_str_has_prefix (dl_record_get (second, DL_COL_FORM), "UNDEF-")
      && dl_parse_iso_date (dl_record_get (first, DL_COL_EARLIEST), &a1)
      && dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2)
      && g_date_compare (&a2, &a1) < 0)
    resolve_near (second, &a1, DL_TENSE_FUTURE, text1);
  if (dl_parse_iso_date (dl_record_get (first, DL_COL_EARLIEST), &a1))
    lo = a1, have_a = TRUE;
  if (dl_parse_iso_date (dl_record_get (second, DL_COL_EARLIEST), &a2)
      && (!have_a || g_date_compare (&a2, &lo) < 0))
    lo = a2, have_a = TRUE;
  if (dl_parse_iso_date (dl_record_get (first, DL_COL_LATEST), &b1))
    hi = b1, have_b = TRUE;
  if (dl_parse_iso_date (dl_record_get (second, DL_COL_LATEST), &b2)
      && (!have_b || g_date_compare (&b2, &hi) > 0))
    hi = b2, have_b = TRUE;
  /* An end with no range of its own (264 BC) leaves the hull open on its
   * side. */
  if (*dl_record_get (first, DL_COL_EARLIEST) == '\0'
      && *dl_record_get (first, DL_COL_LATEST) == '\0')
    have_a = FALSE;
  if (*dl_record_get (second, DL_COL_EARLIEST) == '\0'
      && *dl_record_get (second, DL_COL_LATEST) == '\0')
    have_b = FALSE;
  if (!have_a && !have_b)
    return;
  note = g_strdup_printf ("\"%s\" %s \"%s\": from the start of one to the"
                          " end of the other",
                          text1, kind, text2);
  /* "or": which one is not known, so at best fuzzy; "to": as sure as the
   * less sure end. */
  if (strcmp (kind, "or") == 0)
    certainty = g_strdup ("fuzzy");
  else if (strcmp (dl_record_get (second, DL_COL_CERTAINTY), "exact") == 0)
    certainty = g_strdup (dl_record_get (first, DL_COL_CERTAINTY));
  else
    certainty = g_strdup (dl_record_get (second, DL_COL_CERTAINTY));
  for (int i = 0; i < 2; i++)
    {
      DlRecord *r = i ? second : first;
      g_autofree char *old = g_strdup (dl_record_get (r, DL_COL_NOTE));

      dl_record_take (r, DL_COL_EARLIEST,
                      have_a ? dl_format_date (&lo) : g_strdup (""));
      dl_record_take (r, DL_COL_LATEST,
                      have_b ? dl_format_date (&hi) : g_strdup (""));
      dl_record_set (r, DL_COL_CERTAINTY, certainty);
      dl_record_take (r, DL_COL_NOTE, g_strdup_printf ("%s; %s", old, note));
    }
}
