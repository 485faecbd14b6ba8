/* candidates.h: choosing among the periods a form could mean: the ones
 * around the reference that hold a month-day, a weekday or a day that
 * moves from year to year, and the pick among them (by tense, or the last
 * one before the reference, the next after it, ...). */
#pragma once

#include "calendar.h"
#include "resolve.h"

G_BEGIN_DECLS

/* A UNDEF-year form looks this many years either side of the reference:
 * one is enough for every name but 29 February, which can be 8 years away
 * (1896 -> 1904). */
#define YEAR_SPAN 8

typedef enum {
  PICK_STARTED,    /* the latest that starts on or before the reference */
  PICK_UNFINISHED, /* the earliest that ends on or after it */
  PICK_NEAREST,    /* the nearest; ties go to the past */
  PICK_BEFORE,     /* the latest that ends before it */
  PICK_AFTER,      /* the earliest that starts after it */
  PICK_CURRENT     /* the one holding it, else the one of its year */
} Pick;

/* A day that recurs once a year: a calendar day, the first weekday on or
 * after one (Thanksgiving, the fourth Thursday of November, is the Thursday
 * on or after 22 November), or a day counted from Easter Sunday. */
typedef struct {
  guint month, day;      /* when not easter */
  GDateWeekday weekday;  /* G_DATE_BAD_WEEKDAY: the calendar day itself */
  gboolean easter;
  gint64 offset;         /* days from Easter Sunday */
} YearDay;

/* The index of the chosen one among candidates (in time order), or -1. */
int dl_pick (const Period *candidates, int n, const GDate *ref, Pick how);
Pick dl_pick_by_tense (DlTense tense);
/* The tense in words, for notes. */
const char *dl_tense_words (DlTense tense);

/* Each fills candidates (room for 2 * YEAR_SPAN + 1, in time order) and
 * returns how many: the periods of unit holding month-day in the years
 * around ref; the days of weekday in the weeks around it; the days of spec
 * in the years around it. */
int dl_yearly_candidates (Unit unit, guint month, guint day, const GDate *ref,
                          Period *candidates);
int dl_weekday_candidates (GDateWeekday weekday, const GDate *ref,
                           Period *candidates);
int dl_year_day_candidates (const YearDay *spec, const GDate *ref,
                            Period *candidates);
/* Reads a YearDay from its form (MM-DD-WEEKDAY, MM-DD, easter,
 * easter-MINUS-N, easter-PLUS-N); FALSE if it names no day. */
gboolean dl_parse_year_day (const char *text, YearDay *spec);

G_END_DECLS
