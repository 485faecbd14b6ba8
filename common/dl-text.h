/* dl-text.h: small text helpers the stages share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* As g_ascii_tolower, inline: GLib's is a call, and the hot loops that
 * make keys and words lowercase a byte at a time. */
static inline char
dl_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

/* text[0, len) as a lookup key: ASCII letters lowercased, each run of
 * whitespace one space, none at either end ("Feb.  24" -> "feb. 24").
 * len -1: up to the NUL. */
char *dl_text_key (const char *text, gssize len);

/* The same key written into buffer (size bytes, the NUL included); NULL if
 * it does not fit.  For lookups in hot loops, without an allocation. */
const char *dl_text_key_into (const char *text, gsize len, char *buffer,
                              gsize size);

/* The number written in the n digits at text, or -1 if one of them is not
 * a digit (the string's end included, so this never reads past it). */
int dl_text_digits (const char *text, int n);

/* As g_utf8_validate_len: whether text[0, len) is UTF-8 without NUL bytes,
 * *end (if not NULL) at the first bad character.  Runs of plain ASCII are
 * passed eight bytes at a time, so mostly-ASCII text checks several times
 * faster; GLib checks every other character. */
gboolean dl_utf8_validate (const char *text, gsize len, const char **end);

G_END_DECLS
