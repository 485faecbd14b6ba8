/* resolve.h: turns one context-free form (docs/forms.md) into a TIMEX3
 * type, value and mod and an inclusive range of days. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_TENSE_UNKNOWN,
  DL_TENSE_PAST,
  DL_TENSE_PRESENT,
  DL_TENSE_FUTURE,
  DL_TENSE_ONWARD /* a story moving on: the first one that has not ended
                   * by the period it is at (reference..until), within
                   * reach of it */
} DlTense;

typedef struct {
  GDate reference;        /* the DCT (news) or the last date told (narrative) */
  gboolean have_reference;
  DlTense tense;          /* tense of the sentence the mention is in */
  gboolean tense_governs; /* told by the verb the mention hangs from: the
                           * tense decides however far it points */
  GDate until;            /* DL_TENSE_ONWARD: the last day of the period
                           * the story is at (reference is its first) */
} DlResolveContext;

typedef struct {
  char *type;        /* DATE, TIME, DURATION, SET */
  char *value;       /* TIMEX3 value */
  char *mod;         /* TIMEX3 mod or "" */
  char *earliest;    /* YYYY-MM-DD or "" when open/unknown */
  char *latest;      /* YYYY-MM-DD or "" when open/unknown */
  char *granularity; /* day, week, month, quarter, half, season, year, decade, century, or "" */
  char *certainty;   /* exact, fuzzy, approximate, unresolved */
  char *note;        /* how it was resolved, in words */
} DlResolution;

void dl_resolution_clear (DlResolution *resolution);

/* Resolves form.  Returns FALSE and sets error only when form is not in the
 * form language at all; a well-formed form that cannot be resolved (no
 * reference date, 30 February, an absurd number) still returns TRUE with
 * certainty "unresolved" and a note saying why. */
gboolean dl_resolve (const char *form, const DlResolveContext *context,
                     DlResolution *out, GError **error);

G_END_DECLS
