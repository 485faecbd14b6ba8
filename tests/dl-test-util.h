/* dl-test-util.h: what the data-driven tests share. */
#pragma once

#include <glib.h>

/* The grammar directory of the source tree (edits show without a rebuild). */
char *dl_test_grammar_dir (void);

/* Splits an example "text with [a span]" into the plain text and the
 * spans' byte offsets in it (pairs of gsize: start, end). */
char *dl_test_parse_spans (const char *marked, GArray *spans);
