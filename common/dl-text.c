/* dl-text.c: small text helpers the stages share. */
#include "dl-text.h"

#include <string.h>

char *
dl_text_key (const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  GString *key = g_string_sized_new (n);
  gboolean space = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isspace (text[i]))
        space = key->len > 0;
      else
        {
          if (space)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_c (key, dl_ascii_lower (text[i]));
        }
    }
  return g_string_free (key, FALSE);
}

const char *
dl_text_key_into (const char *text, gsize len, char *buffer, gsize size)
{
  gsize n = 0;
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          space = n > 0;
          continue;
        }
      if (n + space + 1 >= size)
        return NULL;
      if (space)
        buffer[n++] = ' ';
      space = FALSE;
      buffer[n++] = dl_ascii_lower (text[i]);
    }
  if (size == 0)
    return NULL;
  buffer[n] = '\0';
  return buffer;
}

/* Whether the eight bytes at p are all ASCII and none is NUL. */
static gboolean
plain_ascii_word (const char *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return (v & 0x8080808080808080ULL) == 0
         && ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) == 0;
}

gboolean
dl_utf8_validate (const char *text, gsize len, const char **end)
{
  gsize i = 0;

  while (i < len)
    {
      guchar c = text[i];
      gsize n;

      if (i + 8 <= len && plain_ascii_word (text + i))
        {
          i += 8;
          continue;
        }
      if (c != 0 && c < 0x80)
        {
          i++;
          continue;
        }
      /* One character, checked by GLib: UTF-8 is valid character by
       * character. */
      n = g_utf8_skip[c];
      if (c == 0 || n > len - i || !g_utf8_validate_len (text + i, n, NULL))
        {
          if (end)
            *end = text + i;
          return FALSE;
        }
      i += n;
    }
  if (end)
    *end = text + len;
  return TRUE;
}

int
dl_text_digits (const char *text, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}
