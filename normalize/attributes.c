/* attributes.c: the key=val attributes after a form's value (mod=, type=,
 * quant=, freq=, tense=, span=, shift=; docs/forms.md), and what a mod
 * reads as in a note. */
#include "attributes.h"

#include <string.h>

#include "match.h"

/* How each mod reads in a note, before the value it modifies. */
static const struct {
  const char *mod;
  const char *phrase;
} mods[] = {
  { "START", "early part (first third) of " },
  { "MID", "middle part (middle third) of " },
  { "END", "late part (last third) of " },
  { "APPROX", "about " },
  { "BEFORE", "before " },
  { "AFTER", "after " },
  { "ON_OR_BEFORE", "on or before " },
  { "ON_OR_AFTER", "on or after " },
  { "LESS_THAN", "less than " },
  { "MORE_THAN", "more than " },
  { "EQUAL_OR_LESS", "at most " },
  { "EQUAL_OR_MORE", "at least " },
};

static const char *const types[] = { "DATE", "TIME", "DURATION", "SET", NULL };
static const char *const quants[] = { "EACH", "EVERY", NULL };
/* tense=: what the expression itself says of its time, before the tense of
 * its sentence ("Thursday's close" is over, whatever the sentence says). */
static const char *const tenses[] = { "PAST", "FUTURE", NULL };

/* span=: the period around the day said that is meant ("the week of
 * March 6" is the week holding March 6). */
static const char *const spans[] = { "week", NULL };

/* shift=: whole days from the day said ("the day before last Tuesday" is
 * UNDEF-last-tuesday shift=MINUS-1). */
#define SHIFT_PATTERN "^(MINUS|PLUS)-([1-9][0-9]?)$"

#define FREQ_PATTERN "^[0-9]+X$"

typedef struct {
  Regex freq;
  Regex shift;
} Patterns;

/* Compiled on first use and kept for the life of the process. */
static const Patterns *
patterns (void)
{
  static Patterns compiled;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      dl_regex_compile (&compiled.freq, FREQ_PATTERN);
      dl_regex_compile (&compiled.shift, SHIFT_PATTERN);
      g_once_init_leave (&ready, 1);
    }
  return &compiled;
}

const char *
dl_mod_phrase (const char *mod)
{
  for (gsize i = 0; i < G_N_ELEMENTS (mods); i++)
    if (strcmp (mods[i].mod, mod) == 0)
      return mods[i].phrase;
  return NULL;
}

/* Where the attribute key goes in a, and whether val is one of its values;
 * NULL for an unknown key. */
static const char **
attribute_slot (Attributes *a, const char *key, const char *val,
                gboolean *valid)
{
  if (strcmp (key, "mod") == 0)
    {
      *valid = dl_mod_phrase (val) != NULL;
      return &a->mod;
    }
  if (strcmp (key, "type") == 0)
    {
      *valid = g_strv_contains (types, val);
      return &a->type;
    }
  if (strcmp (key, "quant") == 0)
    {
      *valid = g_strv_contains (quants, val);
      return &a->quant;
    }
  if (strcmp (key, "tense") == 0)
    {
      *valid = g_strv_contains (tenses, val);
      return &a->tense;
    }
  if (strcmp (key, "shift") == 0)
    {
      *valid = dl_regex_match (&patterns ()->shift, val, strlen (val), NULL);
      return &a->shift;
    }
  if (strcmp (key, "span") == 0)
    {
      *valid = g_strv_contains (spans, val);
      return &a->span;
    }
  if (strcmp (key, "freq") == 0)
    {
      *valid = dl_regex_match (&patterns ()->freq, val, strlen (val), NULL);
      return &a->freq;
    }
  return NULL;
}

/* Cuts the token *rest begins with off at the next space, in place, and
 * moves *rest past it; NULL when there are no more.  Every space ends a
 * token, as with g_strsplit: "a  b" has an empty token between a and b. */
char *
dl_next_token (char **rest)
{
  char *token = *rest;
  char *space;

  if (token == NULL)
    return NULL;
  space = strchr (token, ' ');
  if (space != NULL)
    *space++ = '\0';
  *rest = space;
  return token;
}

/* Reads the key=val tokens of rest (NULL: none) into a, which points into
 * them.  FALSE on an unknown key or value.  A key given twice keeps its
 * first value (the rule that found the expression speaks before the
 * context stage that adds to it).  link= (how a range's ends are joined,
 * "or" or "to") is for the caller: it is accepted and not used here. */
gboolean
dl_parse_attributes (char *rest, Attributes *a)
{
  for (char *key; (key = dl_next_token (&rest)) != NULL;)
    {
      char *val = strchr (key, '=');
      gboolean valid = FALSE;
      const char **slot;

      if (val == NULL)
        return FALSE;
      *val++ = '\0';
      if (strcmp (key, "link") == 0 && val[0] != '\0')
        continue;
      slot = attribute_slot (a, key, val, &valid);
      if (slot == NULL || !valid)
        return FALSE;
      if (*slot == NULL)
        *slot = val;
    }
  return TRUE;
}

