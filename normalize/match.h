/* match.h: matching a form's value against the patterns of its shapes
 * (PCRE2, JIT-compiled) and reading the groups of a match. */
#pragma once

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

#include "calendar.h"

G_BEGIN_DECLS

/* More than any pattern here has groups (a time of day has 5). */
#define MAX_GROUPS 8

/* Room for any group read as text: every such group is bounded by its
 * pattern, the longest being a day (11-22-wednesday, easter-MINUS-123). */
#define GROUP_TEXT_SIZE 32

/* A successful match: its subject and where each group lies in it, copied
 * out of PCRE2's match data so that the match data can serve the next
 * match while this one is still read (a time of day, then a shape). */
typedef struct {
  const char *subject;
  guint n_pairs; /* the last group that took part, plus one */
  PCRE2_SIZE ovector[2 * MAX_GROUPS];
} Match;

typedef struct {
  pcre2_code *code;
  gboolean jit; /* compiled to machine code: match with pcre2_jit_match */
} Regex;

/* Compiles pattern for the life of the process; a bad one aborts. */
void dl_regex_compile (Regex *regex, const char *pattern);
/* Whether regex matches subject (length bytes); if it does and match is
 * not NULL, the groups go into *match. */
gboolean dl_regex_match (const Regex *regex, const char *subject, gsize length,
                         Match *match);

/* Where group n starts, and its length; "" for a group that took no part. */
const char *dl_match_group (const Match *match, guint n, gsize *length);
gboolean dl_match_is (const Match *match, guint n, const char *text);
/* Group n as a string in buffer (GROUP_TEXT_SIZE bytes). */
const char *dl_match_text (const Match *match, guint n, char *buffer);
/* A group of at most 4 digits, as a number (0 when empty). */
int dl_match_int (const Match *match, guint n);
/* Group n, all digits, as a number; FALSE past 9 digits. */
gboolean dl_match_number (const Match *match, guint n, gint64 *number);
/* Group n, a unit's name. */
Unit dl_match_unit (const Match *match, guint n);

G_END_DECLS
