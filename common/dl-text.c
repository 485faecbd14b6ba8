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
          g_string_append_c (key, g_ascii_tolower (text[i]));
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
      buffer[n++] = g_ascii_tolower (text[i]);
    }
  if (size == 0)
    return NULL;
  buffer[n] = '\0';
  return buffer;
}
