/* now.c: which dates move a story on.  Every date resolved is told, and
 * "two days later" or "that fall" count from the last one; but the story's
 * now, what a narrative's "in May" is told from, moves only to a date the
 * story moves to: not to an end ("lasted until March 1872", "before 1940",
 * the second of "from 1871 to 1873"), nor to what is said of the writer's own
 * day.  An aside tells nothing: a date in parentheses (a life's span), a
 * future in the past ("an inquiry would report by the autumn"), a vague
 * offset ("weeks later"), a time of the day told ("by dawn"). */
#include "now.h"

#include <string.h>

#include "anchored.h"
#include "style.h"

/* Whether the mention stands inside parentheses in its sentence. */
static gboolean
in_parentheses (const DlRecord *record)
{
  const char *context = dl_record_get (record, DL_COL_CONTEXT);
  const char *mention = dl_record_get (record, DL_COL_MENTION);
  const char *at = *mention ? strstr (context, mention) : NULL;
  int depth = 0;

  if (at == NULL)
    return FALSE;
  for (const char *c = context; c < at; c++)
    if (*c == '(')
      depth++;
    else if (*c == ')' && depth > 0)
      depth--;
  return depth > 0;
}

/* "weeks later", "a few months after": some units from the last date
 * told, too vague a range to tell the next one from. */
static gboolean
is_vague_offset (const char *value)
{
  g_autofree char *unit = NULL;
  gint64 shift;
  int open;

  return dl_anchor_form_parse (value, &unit, &shift, &open)
         && (open == 2 || open == -2);
}

/* Whether the word before the mention in its sentence is word. */
static gboolean
after_word (const DlRecord *record, const char *word)
{
  const char *context = dl_record_get (record, DL_COL_CONTEXT);
  const char *mention = dl_record_get (record, DL_COL_MENTION);
  const char *at = *mention ? strstr (context, mention) : NULL;
  gsize n = strlen (word);

  if (at == NULL)
    return FALSE;
  while (at > context && at[-1] == ' ')
    at--;
  return (gsize) (at - context) >= n
         && g_ascii_strncasecmp (at - n, word, n) == 0
         && (at - n == context || !g_ascii_isalpha (at[-(gssize) n - 1]));
}

/* An end: "lasted until 1945", "before the war"; but "by the summer of
 * 1944 the front had moved west" is where the story is. */
static gboolean
is_end (const DlRecord *record, const DlResolution *res)
{
  return (g_strcmp0 (res->mod, "ON_OR_BEFORE") == 0
          || g_strcmp0 (res->mod, "BEFORE") == 0)
         && !after_word (record, "by");
}

DlTells
dl_story_tells (const Story *doc, const DlRecord *record, const Form *form,
                const DlResolution *res)
{
  if (is_vague_offset (form->value))
    return DL_TELLS_NOTHING;
  /* "that evening", "at noon", "shortly after midnight": the story stays
   * on its day. */
  if (g_str_has_prefix (form->value, "UNDEF-this-dayT")
      && g_strcmp0 (form->from, "told") == 0)
    return DL_TELLS_NOTHING;
  /* "Clara Hale (12 March 1821 - 4 November 1893) was": the story starts
   * at the first date after them, unless none was told before. */
  if (in_parentheses (record))
    return doc->have_now ? DL_TELLS_NOTHING : DL_TELLS_NOW;
  if (doc->narrative && doc->reading.tense == DL_TENSE_FUTURE)
    return DL_TELLS_NOTHING;
  if (is_end (record, res) || g_strcmp0 (form->link, "to") == 0
      || doc->writers_day)
    return DL_TELLS_DATE;
  return DL_TELLS_NOW;
}
