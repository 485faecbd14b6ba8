/* match.c: PCRE2 matching of form values, and reading a match's groups. */
#include "match.h"

#include <string.h>

/* Compiles pattern for the life of the process.  The patterns are part of
 * the program, so a bad one is a bug: it aborts.
 *
 * DOLLAR_ENDONLY: "2022\n" is not the form 2022.  No UTF mode (GRegex had
 * it): every pattern is ASCII, so a non-ASCII byte can match none of them
 * in either mode, and pcre2_jit_match does not check UTF-8, which UTF mode
 * would need on arbitrary input. */
void
dl_regex_compile (Regex *regex, const char *pattern)
{
  PCRE2_SIZE offset;
  uint32_t groups = 0;
  int code;

  regex->code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                               PCRE2_DOLLAR_ENDONLY, &code, &offset, NULL);
  if (regex->code == NULL)
    {
      PCRE2_UCHAR message[256];

      pcre2_get_error_message (code, message, sizeof message);
      g_error ("resolve: bad pattern %s: %s", pattern, (char *) message);
    }
  pcre2_pattern_info (regex->code, PCRE2_INFO_CAPTURECOUNT, &groups);
  if (groups >= MAX_GROUPS)
    g_error ("resolve: pattern %s has more than %d groups", pattern,
             MAX_GROUPS - 1);
  regex->jit = pcre2_jit_compile (regex->code, PCRE2_JIT_COMPLETE) == 0;
}

/* The match data PCRE2 writes each match into: one per thread, kept and
 * reused, so that matching allocates nothing and dl_resolve can still run
 * in several threads at once. */
static pcre2_match_data *
thread_match_data (void)
{
  static GPrivate key
      = G_PRIVATE_INIT ((GDestroyNotify) pcre2_match_data_free);
  pcre2_match_data *data = g_private_get (&key);

  if (data == NULL)
    {
      data = pcre2_match_data_create (MAX_GROUPS, NULL);
      g_private_set (&key, data);
    }
  return data;
}

/* Whether regex matches subject (length bytes); if it does and match is
 * not NULL, the groups go into *match. */
gboolean
dl_regex_match (const Regex *regex, const char *subject, gsize length,
                Match *match)
{
  pcre2_match_data *data = thread_match_data ();
  int pairs;

  if (regex->jit)
    pairs = pcre2_jit_match (regex->code, (PCRE2_SPTR) subject, length, 0, 0,
                             data, NULL);
  else
    pairs = pcre2_match (regex->code, (PCRE2_SPTR) subject, length, 0, 0,
                         data, NULL);
  if (pairs < 0) /* no match, or a matching error, as GRegex had it */
    return FALSE;
  /* 0 would be an ovector too small, which dl_regex_compile rules out. */
  g_assert (pairs > 0 && pairs <= MAX_GROUPS);
  if (match != NULL)
    {
      match->subject = subject;
      match->n_pairs = (guint) pairs;
      memcpy (match->ovector, pcre2_get_ovector_pointer (data),
              2 * (gsize) pairs * sizeof (PCRE2_SIZE));
    }
  return TRUE;
}

/* Where group n starts, and its length; "" for a group that took no part,
 * as g_match_info_fetch had it. */
const char *
dl_match_group (const Match *match, guint n, gsize *length)
{
  if (n >= match->n_pairs || match->ovector[2 * n] == PCRE2_UNSET)
    {
      *length = 0;
      return "";
    }
  *length = match->ovector[2 * n + 1] - match->ovector[2 * n];
  return match->subject + match->ovector[2 * n];
}

gboolean
dl_match_is (const Match *match, guint n, const char *text)
{
  gsize length;
  const char *start = dl_match_group (match, n, &length);

  return length == strlen (text) && memcmp (start, text, length) == 0;
}

/* Group n as a string in buffer (GROUP_TEXT_SIZE bytes). */
const char *
dl_match_text (const Match *match, guint n, char *buffer)
{
  gsize length;
  const char *start = dl_match_group (match, n, &length);

  g_assert (length < GROUP_TEXT_SIZE);
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  return buffer;
}

/* A group of at most 4 digits, as a number (0 when empty), read in place. */
int
dl_match_int (const Match *match, guint n)
{
  gsize length;
  const char *digits = dl_match_group (match, n, &length);
  int number = 0;

  g_assert (length <= 4);
  for (gsize i = 0; i < length && g_ascii_isdigit (digits[i]); i++)
    number = number * 10 + (digits[i] - '0');
  return number;
}

/* Group n, all digits, as a number; FALSE if it has more than 9 digits
 * (leading zeros aside), which is bounded before it is read so that no
 * number of digits can overflow. */
gboolean
dl_match_number (const Match *match, guint n, gint64 *number)
{
  gsize length;
  const char *digits = dl_match_group (match, n, &length);

  while (length > 0 && digits[0] == '0')
    digits++, length--;
  if (length > 9)
    return FALSE;
  *number = 0;
  for (gsize i = 0; i < length; i++)
    *number = *number * 10 + (digits[i] - '0');
  return TRUE;
}

Unit
dl_match_unit (const Match *match, guint n)
{
  for (Unit u = UNIT_DAY; u < N_UNITS; u++)
    if (dl_match_is (match, n, dl_units[u].name))
      return u;
  g_return_val_if_reached (UNIT_DAY);
}

