/* style.c: news or narrative.  A document is a narrative when its story
 * begins in the past and most of its written years lie decades back; in a
 * narrative, what speaks of the writer's own day ("today", "last year")
 * opens a stretch told from the document date, which the next written
 * year closes: the story's "now" is kept across it. */
#include "style.h"

#include <string.h>

#include "adjust.h"

gboolean
dl_is_deictic (const char *value)
{
  return g_str_has_prefix (value, "UNDEF-this-")
         || g_str_has_prefix (value, "UNDEF-last-")
         || g_str_has_prefix (value, "UNDEF-next-")
         || g_str_has_prefix (value, "UNDEF-REF-")
         || g_str_has_prefix (value, "UNDEF-the-");
}

/* Whether form (a whole form) speaks of the writer's own day: a deictic
 * value not told from the story ("that summer": from=told, past-told), or
 * a weekday ("said Tuesday"). */
static gboolean
speaks_of_today (const char *form)
{
  return (dl_is_deictic (form) || g_str_has_prefix (form, "UNDEF-day-"))
         && strstr (form, " from=told") == NULL
         && strstr (form, " from=past-told") == NULL;
}

/* A year more than this many years before the document date is of the
 * story's time, not of the writer's. */
#define OLD_YEARS 20

gboolean
dl_style_is_old (const Story *doc, guint year)
{
  return !doc->have_dct || year + OLD_YEARS < g_date_get_year (&doc->dct);
}

/* The first written year of the story, if nothing in or before its
 * sentence speaks of the writer's day ("The firm, founded in 1950, said
 * Tuesday"); else 0. */
static guint
story_start (GPtrArray *batch)
{
  const char *sentence = NULL;
  guint year, first = 0;

  for (guint i = 0; i < batch->len; i++)
    {
      DlRecord *record = batch->pdata[i];
      const char *form = dl_record_get (record, DL_COL_FORM);

      if (sentence && strcmp (sentence,
                              dl_record_get (record, DL_COL_SENTENCE)) != 0)
        return first;
      if (speaks_of_today (form))
        return 0;
      if (sentence == NULL && dl_has_written_year (form, &year))
        {
          first = year;
          sentence = dl_record_get (record, DL_COL_SENTENCE);
        }
    }
  return first;
}

/* A history of recent years begins at least this many years back; news
 * that sets out its background starts closer. */
#define RECENT_YEARS 5

/* Style auto.  A text with no date tells its own time.  One whose story
 * begins in the past, with at least 4 written years, is a narrative when
 * most of them (but a section on recent research, a memorial) lie decades
 * back, or when it begins years back and hardly ever speaks of the
 * writer's day (a history of recent years: news speaks of its day in a
 * fifth of its mentions or more).  News that looks back (an obituary, an anniversary) opens on its
 * own day ("died Tuesday", "50 years ago today"). */
gboolean
dl_style_of_document (DlStyle style, GPtrArray *batch, const Story *doc)
{
  guint years = 0, old = 0, today = 0, year, first;

  if (style != DL_STYLE_AUTO)
    return style == DL_STYLE_NARRATIVE;
  if (!doc->have_dct)
    return TRUE;
  for (guint i = 0; i < batch->len; i++)
    {
      const char *form = dl_record_get (batch->pdata[i], DL_COL_FORM);

      today += speaks_of_today (form);
      if (dl_has_written_year (form, &year))
        {
          years++;
          old += dl_style_is_old (doc, year);
        }
    }
  first = story_start (batch);
  if (years < 4 || first == 0)
    return FALSE;
  return (dl_style_is_old (doc, first) && old * 5 >= years * 3)
         || (first + RECENT_YEARS <= g_date_get_year (&doc->dct)
             && today * 10 <= batch->len);
}

/* Whether form (a whole form) dates the first millennium or so: a BC or
 * AD year, a century or decade before 1000 (04, 065); *early says whether
 * it is a year before 1500. */
static gboolean
is_early (const char *form, gboolean *early_year)
{
  gsize digits = strspn (form, "0123456789");
  guint year;

  *early_year = FALSE;
  if (strstr (form, " if=") != NULL)
    return FALSE;
  if (g_str_has_prefix (form, "BC") || g_str_has_prefix (form, "AD"))
    return TRUE;
  if ((digits == 2 || (digits == 3 && form[0] == '0'))
      && (form[digits] == '\0' || form[digits] == ' '))
    return form[0] == '0';
  *early_year = dl_has_written_year (form, &year) && year < 1500;
  return FALSE;
}

gboolean
dl_style_historical (GPtrArray *batch)
{
  guint years = 0;

  for (guint i = 0; i < batch->len; i++)
    {
      gboolean early_year;

      if (is_early (dl_record_get (batch->pdata[i], DL_COL_FORM), &early_year))
        return TRUE;
      years += early_year;
    }
  return years >= 2;
}

void
dl_style_follow (Story *doc, const Form *form)
{
  guint year;

  if (!doc->narrative || !doc->have_dct)
    return;
  if (dl_has_written_year (form->value, &year))
    doc->writers_day = FALSE;
  else if (form->from == NULL && dl_is_deictic (form->value))
    doc->writers_day = TRUE;
}

gboolean
dl_style_narrative_here (const Story *doc)
{
  return doc->narrative && !doc->writers_day;
}
