/* work.h: one form being resolved: what the handlers of its shapes fill
 * in, and how each of them ends (found a period, failed, out of range). */
#pragma once

#include "calendar.h"
#include "resolve.h"

G_BEGIN_DECLS

typedef enum {
  RANGE_NONE,    /* durations, sets, BC years: no days */
  RANGE_PERIOD,  /* the days of period (then narrowed by the mod) */
  RANGE_PRESENT, /* the reference day */
  RANGE_PAST,    /* up to the reference */
  RANGE_FUTURE   /* from the reference on */
} RangeKind;

typedef struct {
  const DlResolveContext *context;
  DlTense tense;     /* from tense=, else DL_TENSE_UNKNOWN */
  const char *form;  /* the whole form */
  const char *value; /* its value, without a time of day */
  Unit unit;         /* its granularity, known even when unresolved */
  gboolean resolved; /* if not, note says why */
  gboolean duration; /* a TIMEX3 DURATION value */
  gboolean plain; /* note only says "explicit ...": a mod's note replaces it */
  gboolean fuzzy; /* the value is vague by nature */
  RangeKind range;
  Period period;     /* when range is RANGE_PERIOD */
  char *timex;       /* the resolved value; NULL: the value as written */
  char *note;
} Work;

void dl_work_clear (Work *w);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, dl_work_clear)

/* Marks w unresolved, for the reason in format; returns FALSE. */
gboolean dl_work_fail (Work *w, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean dl_work_out_of_range (Work *w);
/* Resolves w to p (relative: its value is written from p); returns TRUE. */
gboolean dl_work_found (Work *w, const Period *p, gboolean relative,
                        const char *format, ...) G_GNUC_PRINTF (4, 5);
/* The reference date, or NULL (and w unresolved) if there is none. */
const GDate *dl_work_reference (Work *w);
/* The tense of the form (tense=), else of its sentence. */
DlTense dl_work_tense (const Work *w);

G_END_DECLS
