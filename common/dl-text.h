/* dl-text.h: small text helpers the stages share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text[0, len) as a lookup key: ASCII letters lowercased, each run of
 * whitespace one space, none at either end ("Feb.  24" -> "feb. 24").
 * len -1: up to the NUL. */
char *dl_text_key (const char *text, gssize len);

G_END_DECLS
