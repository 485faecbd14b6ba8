/* test-resolve.c: dl_resolve on every row of docs/forms.md, and on the
 * places where calendars bite: ISO weeks at New Year, leap days, month
 * ends, winters across the new year, tense, mods, absurd numbers. */
#include <string.h>

#include "dl-cli.h"
#include "dl-record.h"
#include "resolve.h"

#define R "1998-01-08" /* a Thursday; the reference of docs/forms.md */
#define NO_REF NULL

enum { UNK = DL_TENSE_UNKNOWN, PAST = DL_TENSE_PAST,
       PRES = DL_TENSE_PRESENT, FUT = DL_TENSE_FUTURE };

typedef struct {
  const char *name;      /* test path under /resolve/; NULL: the form */
  const char *form;
  const char *reference; /* YYYY-MM-DD, or NULL for none */
  int tense;
  const char *type;
  const char *value;
  const char *mod;
  const char *earliest;
  const char *latest;
  const char *granularity;
  const char *certainty;
  const char *note; /* a part of the note */
} Case;

static const Case cases[] = {
  /* absolute values */
  { NULL, "2022-02-24", R, UNK, "DATE", "2022-02-24", "", "2022-02-24",
    "2022-02-24", "day", "exact", "explicit date" },
  { NULL, "2022-02", R, UNK, "DATE", "2022-02", "", "2022-02-01",
    "2022-02-28", "month", "exact", "explicit month" },
  { NULL, "2024-02", R, UNK, "DATE", "2024-02", "", "2024-02-01",
    "2024-02-29", "month", "exact", "explicit month" },
  { NULL, "2022", R, UNK, "DATE", "2022", "", "2022-01-01", "2022-12-31",
    "year", "exact", "explicit year" },
  { NULL, "199", R, UNK, "DATE", "199", "", "1990-01-01", "1999-12-31",
    "decade", "exact", "decade" },
  { NULL, "18", R, UNK, "DATE", "18", "", "1800-01-01", "1899-12-31",
    "century", "exact", "century" },
  { NULL, "2022-W08", R, UNK, "DATE", "2022-W08", "", "2022-02-21",
    "2022-02-27", "week", "exact", "week" },
  { NULL, "2022-W08-WE", R, UNK, "DATE", "2022-W08-WE", "", "2022-02-26",
    "2022-02-27", "week", "exact", "weekend" },
  { NULL, "2020-W53", R, UNK, "DATE", "2020-W53", "", "2020-12-28",
    "2021-01-03", "week", "exact", "week" },
  { NULL, "2021-W53", R, UNK, "DATE", "2021-W53", "", "", "", "week",
    "unresolved", "no such week: 2021-W53" },
  { NULL, "2022-W00", R, UNK, "DATE", "2022-W00", "", "", "", "week",
    "unresolved", "no such week" },
  { NULL, "2022-Q1", R, UNK, "DATE", "2022-Q1", "", "2022-01-01",
    "2022-03-31", "quarter", "exact", "quarter" },
  { NULL, "2022-H2", R, UNK, "DATE", "2022-H2", "", "2022-07-01",
    "2022-12-31", "half", "exact", "half" },
  { NULL, "2022-SP", R, UNK, "DATE", "2022-SP", "", "2022-03-01",
    "2022-05-31", "season", "fuzzy", "season" },
  { NULL, "2022-SU", R, UNK, "DATE", "2022-SU", "", "2022-06-01",
    "2022-08-31", "season", "fuzzy", "season" },
  { NULL, "2022-FA", R, UNK, "DATE", "2022-FA", "", "2022-09-01",
    "2022-11-30", "season", "fuzzy", "season" },
  { NULL, "2022-WI", R, UNK, "DATE", "2022-WI", "", "2022-12-01",
    "2023-02-28", "season", "fuzzy", "season" },
  { NULL, "2023-WI", R, UNK, "DATE", "2023-WI", "", "2023-12-01",
    "2024-02-29", "season", "fuzzy", "season" },
  { NULL, "FY1998", R, UNK, "DATE", "1998", "", "1998-01-01",
    "1998-12-31", "year", "exact", "fiscal year" },
  { NULL, "BC0264", R, UNK, "DATE", "BC0264", "", "", "", "year", "exact",
    "before Christ" },
  { NULL, "BC07", R, UNK, "DATE", "BC07", "", "", "", "century", "exact",
    "century before Christ" },
  { NULL, "2022-02-24T15:30", R, UNK, "TIME", "2022-02-24T15:30", "",
    "2022-02-24", "2022-02-24", "day", "exact", "at 15:30" },
  { NULL, "2022-02-24T15:30:10", R, UNK, "TIME", "2022-02-24T15:30:10", "",
    "2022-02-24", "2022-02-24", "day", "exact", "at 15:30:10" },
  { NULL, "2022-02-24TEV", R, UNK, "TIME", "2022-02-24TEV", "",
    "2022-02-24", "2022-02-24", "day", "exact", "evening" },
  { NULL, "2022-02-24T25:00", R, UNK, "TIME", "2022-02-24T25:00", "", "", "",
    "day", "unresolved", "no such time" },
  { NULL, "P3D", R, UNK, "DURATION", "P3D", "", "", "", "", "exact",
    "duration" },
  { NULL, "PT2H", R, UNK, "DURATION", "PT2H", "", "", "", "", "exact",
    "duration" },
  /* TIMEX3 counts in whole units where it can, decades in years */
  { NULL, "P1.5Y", R, UNK, "DURATION", "P1Y6M", "", "", "", "", "exact",
    "duration" },
  { NULL, "PT1.5M", R, UNK, "DURATION", "PT1M30S", "", "", "", "", "exact",
    "duration" },
  { NULL, "P0.5D", R, UNK, "DURATION", "PT12H", "", "", "", "", "exact",
    "duration" },
  { NULL, "P1.5D", R, UNK, "DURATION", "P1DT12H", "", "", "", "", "exact",
    "duration" },
  { NULL, "P1.3Y", R, UNK, "DURATION", "P1.3Y", "", "", "", "", "exact",
    "duration" },
  { NULL, "P2DE", R, UNK, "DURATION", "P20Y", "", "", "", "", "exact",
    "duration" },
  { NULL, "P1CE", R, UNK, "DURATION", "P100Y", "", "", "", "", "exact",
    "duration" },
  { NULL, "PXDE", R, UNK, "DURATION", "PXY", "", "", "", "", "fuzzy",
    "duration" },
  { NULL, "P2DE mod=LESS_THAN", R, UNK, "DURATION", "P20Y", "LESS_THAN", "",
    "", "", "exact", "less than P20Y" },
  { NULL, "PXY", R, UNK, "DURATION", "PXY", "", "", "", "", "fuzzy",
    "duration" },
  { NULL, "PRESENT_REF", R, UNK, "DATE", "PRESENT_REF", "", R, R, "",
    "fuzzy", "present" },
  { NULL, "PAST_REF", R, UNK, "DATE", "PAST_REF", "", "", R, "", "fuzzy",
    "past" },
  { NULL, "FUTURE_REF", R, UNK, "DATE", "FUTURE_REF", "", R, "", "",
    "fuzzy", "future" },
  /* well-formed, but no such day */
  { NULL, "2022-02-30", R, UNK, "DATE", "2022-02-30", "", "", "", "day",
    "unresolved", "no such day: 2022-02-30" },
  { NULL, "2023-02-29", R, UNK, "DATE", "2023-02-29", "", "", "", "day",
    "unresolved", "no such day" },
  { NULL, "2024-02-29", R, UNK, "DATE", "2024-02-29", "", "2024-02-29",
    "2024-02-29", "day", "exact", "explicit date" },
  { NULL, "2022-13", R, UNK, "DATE", "2022-13", "", "", "", "month",
    "unresolved", "no such month" },
  /* sets */
  { NULL, "P1W type=SET", R, UNK, "SET", "P1W", "", "", "", "", "exact",
    "recurring" },
  { NULL, "P1M type=SET freq=2X", R, UNK, "SET", "P1M", "", "", "", "",
    "exact", "2X" },
  { NULL, "P1D type=SET quant=EACH", R, UNK, "SET", "P1D", "", "", "", "",
    "exact", "EACH" },
  /* a period in the units of TIMEX3 values, as for a duration */
  { NULL, "P1DE type=SET quant=EVERY", R, UNK, "SET", "P10Y", "", "", "", "",
    "exact", "EVERY" },
  { NULL, "PXDE type=SET", R, UNK, "SET", "PXY", "", "", "", "", "fuzzy",
    "recurring" },
  /* sets and dates with unspecified digits, kept as written */
  { NULL, "XXXX-WXX-4 type=SET quant=EACH", R, UNK, "SET", "XXXX-WXX-4", "",
    "", "", "", "exact", "EACH" },
  { NULL, "XXXX-WXX-2TNI type=SET", R, UNK, "SET", "XXXX-WXX-2TNI", "", "",
    "", "", "exact", "recurring" },
  { NULL, "XXXX-07 type=SET", R, UNK, "SET", "XXXX-07", "", "", "", "",
    "exact", "recurring" },
  { NULL, "XXXX-SU type=SET", R, UNK, "SET", "XXXX-SU", "", "", "", "",
    "exact", "recurring" },
  { NULL, "XXXX-XX-XXTMO type=SET", R, UNK, "SET", "XXXX-XX-XXTMO", "", "",
    "", "", "exact", "recurring" },
  { NULL, "199X", R, UNK, "DATE", "199X", "", "", "", "year", "fuzzy",
    "unspecified" },
  { NULL, "1998-WXX", R, UNK, "DATE", "1998-WXX", "", "", "", "week", "fuzzy",
    "unspecified" },
  { NULL, "XXXX-XX-XXTEV", R, UNK, "TIME", "XXXX-XX-XXTEV", "", "", "", "day",
    "fuzzy", "unspecified" },
  { NULL, "2022 type=TIME", R, UNK, "TIME", "2022", "", "2022-01-01",
    "2022-12-31", "year", "exact", "explicit year" },

  /* UNDEF-year: the tense picks the year */
  { "UNDEF-year-10-05/past", "UNDEF-year-10-05", R, PAST, "DATE",
    "1997-10-05", "", "1997-10-05", "1997-10-05", "day", "exact",
    "year from reference 1998-01-08 (past tense)" },
  { "UNDEF-year-06-05/future", "UNDEF-year-06-05", R, FUT, "DATE",
    "1998-06-05", "", "1998-06-05", "1998-06-05", "day", "exact",
    "year from reference 1998-01-08 (future tense)" },
  /* The tense reaches about eight months; beyond, the nearest wins. */
  { "UNDEF-year-03-05/past", "UNDEF-year-03-05", R, PAST, "DATE",
    "1998-03-05", "", "1998-03-05", "1998-03-05", "day", "exact",
    "the tense points too far" },
  { "UNDEF-year-03-05/future", "UNDEF-year-03-05", R, FUT, "DATE",
    "1998-03-05", "", "1998-03-05", "1998-03-05", "day", "exact",
    "(future tense)" },
  { "UNDEF-year-03-05/unknown", "UNDEF-year-03-05", R, UNK, "DATE",
    "1998-03-05", "", "1998-03-05", "1998-03-05", "day", "exact",
    "year from reference" },
  { "UNDEF-year-12-25/unknown", "UNDEF-year-12-25", R, UNK, "DATE",
    "1997-12-25", "", "1997-12-25", "1997-12-25", "day", "exact",
    "year from reference" },
  { "UNDEF-year-12-25/future", "UNDEF-year-12-25", R, FUT, "DATE",
    "1997-12-25", "", "1997-12-25", "1997-12-25", "day", "exact",
    "the tense points too far" },
  { "UNDEF-year-08-25/future", "UNDEF-year-08-25", R, FUT, "DATE",
    "1998-08-25", "", "1998-08-25", "1998-08-25", "day", "exact",
    "(future tense)" },
  /* The reference day itself starts on or before the reference. */
  { "UNDEF-year-01-08/past", "UNDEF-year-01-08", R, PAST, "DATE",
    "1998-01-08", "", "1998-01-08", "1998-01-08", "day", "exact",
    "year from reference" },
  { "UNDEF-year-03/past", "UNDEF-year-03", R, PAST, "DATE", "1998-03", "",
    "1998-03-01", "1998-03-31", "month", "exact", "too far" },
  { "UNDEF-year-06/past", "UNDEF-year-06", R, PAST, "DATE", "1997-06", "",
    "1997-06-01", "1997-06-30", "month", "exact", "(past tense)" },
  { "UNDEF-year-03/present", "UNDEF-year-03", R, PRES, "DATE", "1998-03", "",
    "1998-03-01", "1998-03-31", "month", "exact", "present tense" },
  { "UNDEF-year-Q3/unknown", "UNDEF-year-Q3", R, UNK, "DATE", "1997-Q3", "",
    "1997-07-01", "1997-09-30", "quarter", "exact", "year from reference" },
  { "UNDEF-year-Q3/future", "UNDEF-year-Q3", R, FUT, "DATE", "1998-Q3", "",
    "1998-07-01", "1998-09-30", "quarter", "exact", "year from reference" },
  /* Quarters are reported after they end: the latest begun, but in the
   * future tense the earliest not over for more than three months. */
  { "UNDEF-year-Q3/past/1989-11-02", "UNDEF-year-Q3", "1989-11-02", PAST,
    "DATE", "1989-Q3", "", "1989-07-01", "1989-09-30", "quarter", "exact",
    "the latest begun" },
  { "UNDEF-year-Q3/future/1989-11-02", "UNDEF-year-Q3", "1989-11-02", FUT,
    "DATE", "1989-Q3", "", "1989-07-01", "1989-09-30", "quarter", "exact",
    "future tense" },
  { "UNDEF-year-Q1/future/1989-11-02", "UNDEF-year-Q1", "1989-11-02", FUT,
    "DATE", "1990-Q1", "", "1990-01-01", "1990-03-31", "quarter", "exact",
    "future tense" },
  { "UNDEF-year-Q4/unknown/1989-11-02", "UNDEF-year-Q4", "1989-11-02", UNK,
    "DATE", "1989-Q4", "", "1989-10-01", "1989-12-31", "quarter", "exact",
    "the latest begun" },
  { "UNDEF-year-H1/past", "UNDEF-year-H1", R, PAST, "DATE", "1998-H1", "",
    "1998-01-01", "1998-06-30", "half", "exact", "year from reference" },
  { "UNDEF-year-SU/past", "UNDEF-year-SU", R, PAST, "DATE", "1997-SU", "",
    "1997-06-01", "1997-08-31", "season", "fuzzy", "year from reference" },
  { "UNDEF-year-SU/future", "UNDEF-year-SU", R, FUT, "DATE", "1998-SU", "",
    "1998-06-01", "1998-08-31", "season", "fuzzy", "year from reference" },
  /* In January, the winter that began in December is the one. */
  { "UNDEF-year-WI/past", "UNDEF-year-WI", R, PAST, "DATE", "1997-WI", "",
    "1997-12-01", "1998-02-28", "season", "fuzzy", "year from reference" },
  { "UNDEF-year-WI/future", "UNDEF-year-WI", R, FUT, "DATE", "1997-WI", "",
    "1997-12-01", "1998-02-28", "season", "fuzzy", "year from reference" },
  /* 29 February: only leap years hold one. */
  { "UNDEF-year-02-29/past", "UNDEF-year-02-29", "2022-06-15", PAST, "DATE",
    "2020-02-29", "", "2020-02-29", "2020-02-29", "day", "exact",
    "year from reference 2022-06-15 (past tense)" },
  { "UNDEF-year-02-29/future", "UNDEF-year-02-29", "2022-06-15", FUT,
    "DATE", "2024-02-29", "", "2024-02-29", "2024-02-29", "day", "exact",
    "year from reference" },
  { "UNDEF-year-02-29/leap-reference", "UNDEF-year-02-29", "2024-03-01",
    UNK, "DATE", "2024-02-29", "", "2024-02-29", "2024-02-29", "day",
    "exact", "year from reference" },
  { NULL, "UNDEF-year-02-30", R, PAST, "DATE", "UNDEF-year-02-30", "", "", "",
    "day", "unresolved", "no such day" },
  /* UNDEF-century */
  { NULL, "UNDEF-century-98", R, UNK, "DATE", "1998", "", "1998-01-01",
    "1998-12-31", "year", "exact", "reference 1998-01-08" },
  { "UNDEF-century-05/unknown", "UNDEF-century-05", R, UNK, "DATE", "2005",
    "", "2005-01-01", "2005-12-31", "year", "exact", "reference" },
  { "UNDEF-century-05/past", "UNDEF-century-05", R, PAST, "DATE", "1905", "",
    "1905-01-01", "1905-12-31", "year", "exact", "past tense" },
  /* 1950 and 2050 are as near to 2000: the past wins. */
  { "UNDEF-century-50/tie", "UNDEF-century-50", "2000-06-01", UNK, "DATE",
    "1950", "", "1950-01-01", "1950-12-31", "year", "exact", "reference" },
  { NULL, "UNDEF-century-6", R, UNK, "DATE", "196", "", "1960-01-01",
    "1969-12-31", "decade", "exact", "decade" },
  { NULL, "UNDEF-century-9", R, FUT, "DATE", "199", "", "1990-01-01",
    "1999-12-31", "decade", "exact", "decade" },
  { "UNDEF-century-3/2023", "UNDEF-century-3", "2023-06-15", UNK, "DATE",
    "193", "", "1930-01-01", "1939-12-31", "decade", "exact", "decade" },

  /* relative to the reference */
  { NULL, "UNDEF-this-day", R, UNK, "DATE", R, "", R, R, "day", "exact",
    "today of reference 1998-01-08" },
  { NULL, "UNDEF-last-day", R, UNK, "DATE", "1998-01-07", "", "1998-01-07",
    "1998-01-07", "day", "exact", "yesterday of reference 1998-01-08" },
  { NULL, "UNDEF-next-day", R, UNK, "DATE", "1998-01-09", "", "1998-01-09",
    "1998-01-09", "day", "exact", "tomorrow" },
  { NULL, "UNDEF-this-week", R, UNK, "DATE", "1998-W02", "", "1998-01-05",
    "1998-01-11", "week", "exact", "this week" },
  { NULL, "UNDEF-last-week", R, UNK, "DATE", "1998-W01", "", "1997-12-29",
    "1998-01-04", "week", "exact", "last week" },
  { NULL, "UNDEF-this-weekend", R, UNK, "DATE", "1998-W02-WE", "",
    "1998-01-10", "1998-01-11", "week", "exact", "this weekend" },
  { NULL, "UNDEF-last-month", R, UNK, "DATE", "1997-12", "", "1997-12-01",
    "1997-12-31", "month", "exact", "last month" },
  { NULL, "UNDEF-next-month", R, UNK, "DATE", "1998-02", "", "1998-02-01",
    "1998-02-28", "month", "exact", "next month" },
  { NULL, "UNDEF-this-quarter", R, UNK, "DATE", "1998-Q1", "", "1998-01-01",
    "1998-03-31", "quarter", "exact", "this quarter" },
  { NULL, "UNDEF-last-half", R, UNK, "DATE", "1997-H2", "", "1997-07-01",
    "1997-12-31", "half", "exact", "last half year" },
  { NULL, "UNDEF-this-year", R, UNK, "DATE", "1998", "", "1998-01-01",
    "1998-12-31", "year", "exact", "this year" },
  { NULL, "UNDEF-next-year", R, UNK, "DATE", "1999", "", "1999-01-01",
    "1999-12-31", "year", "exact", "next year" },
  { NULL, "UNDEF-last-decade", R, UNK, "DATE", "198", "", "1980-01-01",
    "1989-12-31", "decade", "exact", "last decade" },
  { NULL, "UNDEF-this-century", R, UNK, "DATE", "19", "", "1900-01-01",
    "1999-12-31", "century", "exact", "this century" },
  /* the period a report speaks of */
  { "UNDEF-the-quarter/past", "UNDEF-the-quarter", "1989-11-02", PAST,
    "DATE", "1989-Q3", "", "1989-07-01", "1989-09-30", "quarter", "exact",
    "reported on" },
  { "UNDEF-the-quarter/unknown", "UNDEF-the-quarter", "1989-11-02", UNK,
    "DATE", "1989-Q3", "", "1989-07-01", "1989-09-30", "quarter", "exact",
    "reported on" },
  { "UNDEF-the-quarter/future", "UNDEF-the-quarter", "1989-11-02", FUT,
    "DATE", "1989-Q4", "", "1989-10-01", "1989-12-31", "quarter", "exact",
    "reported on" },
  { NULL, "UNDEF-the-half", R, PAST, "DATE", "1997-H2", "", "1997-07-01",
    "1997-12-31", "half", "exact", "reported on" },
  /* a part of the year before, of or after the reference's */
  { NULL, "UNDEF-last-year-07", R, UNK, "DATE", "1997-07", "", "1997-07-01",
    "1997-07-31", "month", "exact", "last year of reference 1998-01-08" },
  { NULL, "UNDEF-next-year-Q1", R, UNK, "DATE", "1999-Q1", "", "1999-01-01",
    "1999-03-31", "quarter", "exact", "next year" },
  { NULL, "UNDEF-this-year-H2", R, PAST, "DATE", "1998-H2", "", "1998-07-01",
    "1998-12-31", "half", "exact", "this year" },
  { NULL, "UNDEF-last-year-WI", R, UNK, "DATE", "1997-WI", "", "1997-12-01",
    "1998-02-28", "season", "fuzzy", "last year" },
  { NULL, "UNDEF-last-year-03-05", R, UNK, "DATE", "1997-03-05", "",
    "1997-03-05", "1997-03-05", "day", "exact", "last year" },
  { NULL, "UNDEF-this-year-02-29", R, UNK, "DATE", "UNDEF-this-year-02-29", "",
    "", "", "day", "unresolved", "no such day" },
  { NULL, "UNDEF-next-year-13", R, UNK, "DATE", "UNDEF-next-year-13", "", "",
    "", "month", "unresolved", "no such month" },
  /* The weekend of a past-tense sentence said early in the week is the one
   * just over; later in the week it is the coming one. */
  { "UNDEF-this-weekend/past/monday", "UNDEF-this-weekend", "1990-08-13",
    PAST, "DATE", "1990-W32-WE", "", "1990-08-11", "1990-08-12", "week",
    "exact", "past tense" },
  { "UNDEF-this-weekend/future/monday", "UNDEF-this-weekend", "1990-08-13",
    FUT, "DATE", "1990-W33-WE", "", "1990-08-18", "1990-08-19", "week",
    "exact", "this weekend" },
  /* Told on a Thursday in the past tense: the weekend just over. */
  { "UNDEF-this-weekend/past/thursday", "UNDEF-this-weekend", R, PAST,
    "DATE", "1998-W01-WE", "", "1998-01-03", "1998-01-04", "week", "exact",
    "past tense" },
  { "UNDEF-this-weekend/past/saturday", "UNDEF-this-weekend", "1998-01-10",
    PAST, "DATE", "1998-W02-WE", "", "1998-01-10", "1998-01-11", "week",
    "exact", "this weekend" },
  { NULL, "UNDEF-REF-week-MINUS-2", R, UNK, "DATE", "1997-W52", "",
    "1997-12-22", "1997-12-28", "week", "exact",
    "2 weeks before reference 1998-01-08" },
  { NULL, "UNDEF-REF-day-PLUS-3", R, UNK, "DATE", "1998-01-11", "",
    "1998-01-11", "1998-01-11", "day", "exact",
    "3 days after reference 1998-01-08" },
  { NULL, "UNDEF-REF-month-MINUS-13", R, UNK, "DATE", "1996-12", "",
    "1996-12-01", "1996-12-31", "month", "exact", "13 months before" },
  { NULL, "UNDEF-REF-quarter-PLUS-4", R, UNK, "DATE", "1999-Q1", "",
    "1999-01-01", "1999-03-31", "quarter", "exact", "4 quarters after" },
  { NULL, "UNDEF-REF-decade-MINUS-3", R, UNK, "DATE", "196", "",
    "1960-01-01", "1969-12-31", "decade", "exact", "3 decades before" },
  { NULL, "UNDEF-REF-day-MINUS-0", R, UNK, "DATE", R, "", R, R, "day",
    "exact", "0 days before" },
  /* Hours and minutes from a reference without a time of day: both days
   * they may reach, the value the likelier one. */
  { NULL, "UNDEF-REF-hour-MINUS-3 type=TIME", R, UNK, "TIME", R, "",
    "1998-01-07", R, "day", "exact", "3 hours before reference 1998-01-08" },
  { NULL, "UNDEF-REF-hour-MINUS-13 type=TIME", R, UNK, "TIME", "1998-01-07",
    "", "1998-01-07", R, "day", "exact", "13 hours before" },
  { NULL, "UNDEF-REF-hour-MINUS-24 type=TIME", R, UNK, "TIME", "1998-01-07",
    "", "1998-01-07", "1998-01-07", "day", "exact", "24 hours before" },
  { NULL, "UNDEF-REF-minute-PLUS-1500 type=TIME", R, UNK, "TIME",
    "1998-01-09", "", "1998-01-09", "1998-01-10", "day", "exact",
    "1500 minutes after" },
  { NULL, "UNDEF-REF-minute-MINUS-0 type=TIME", R, UNK, "TIME", R, "", R, R,
    "day", "exact", "0 minutes before" },
  /* ISO weeks at New Year: the week is the year of its Thursday. */
  { "UNDEF-this-week/2021-01-01", "UNDEF-this-week", "2021-01-01", UNK,
    "DATE", "2020-W53", "", "2020-12-28", "2021-01-03", "week", "exact",
    "this week" },
  { "UNDEF-next-week/2021-01-01", "UNDEF-next-week", "2021-01-01", UNK,
    "DATE", "2021-W01", "", "2021-01-04", "2021-01-10", "week", "exact",
    "next week" },
  { "UNDEF-this-weekend/2021-01-03", "UNDEF-this-weekend", "2021-01-03", UNK,
    "DATE", "2020-W53-WE", "", "2021-01-02", "2021-01-03", "week", "exact",
    "this weekend" },
  { "UNDEF-this-week/2024-12-30", "UNDEF-this-week", "2024-12-30", UNK,
    "DATE", "2025-W01", "", "2024-12-30", "2025-01-05", "week", "exact",
    "this week" },
  { "UNDEF-REF-week-MINUS-1/2010-01-04", "UNDEF-REF-week-MINUS-1",
    "2010-01-04", UNK, "DATE", "2009-W53", "", "2009-12-28", "2010-01-03",
    "week", "exact", "1 week before" },
  /* Month ends: whole months move, so 31 March has a last month. */
  { "UNDEF-last-month/2023-03-31", "UNDEF-last-month", "2023-03-31", UNK,
    "DATE", "2023-02", "", "2023-02-01", "2023-02-28", "month", "exact",
    "last month" },
  { "UNDEF-REF-month-MINUS-1/2024-03-31", "UNDEF-REF-month-MINUS-1",
    "2024-03-31", UNK, "DATE", "2024-02", "", "2024-02-01", "2024-02-29",
    "month", "exact", "1 month before" },
  { "UNDEF-next-day/2024-02-28", "UNDEF-next-day", "2024-02-28", UNK, "DATE",
    "2024-02-29", "", "2024-02-29", "2024-02-29", "day", "exact",
    "tomorrow" },
  { "UNDEF-next-day/2023-12-31", "UNDEF-next-day", "2023-12-31", UNK, "DATE",
    "2024-01-01", "", "2024-01-01", "2024-01-01", "day", "exact",
    "tomorrow" },
  { "UNDEF-REF-year-MINUS-1/2024-02-29", "UNDEF-REF-year-MINUS-1",
    "2024-02-29", UNK, "DATE", "2023", "", "2023-01-01", "2023-12-31",
    "year", "exact", "1 year before" },

  /* weekdays */
  { "UNDEF-day-friday/past", "UNDEF-day-friday", R, PAST, "DATE",
    "1998-01-02", "", "1998-01-02", "1998-01-02", "day", "exact",
    "past tense" },
  { "UNDEF-day-friday/future", "UNDEF-day-friday", R, FUT, "DATE",
    "1998-01-09", "", "1998-01-09", "1998-01-09", "day", "exact",
    "future tense" },
  { "UNDEF-day-friday/unknown", "UNDEF-day-friday", R, UNK, "DATE",
    "1998-01-09", "", "1998-01-09", "1998-01-09", "day", "exact",
    "nearest" },
  /* News in the present speaks of what is to come ("Polls close
   * Monday"): the coming one, though the last is nearer. */
  { "UNDEF-day-friday/present", "UNDEF-day-friday", R, PRES, "DATE",
    "1998-01-09", "", "1998-01-09", "1998-01-09", "day", "exact",
    "on or after" },
  { "UNDEF-day-tuesday/present", "UNDEF-day-tuesday", R, PRES, "DATE",
    "1998-01-13", "", "1998-01-13", "1998-01-13", "day", "exact",
    "on or after" },
  { "UNDEF-day-tuesday/unknown", "UNDEF-day-tuesday", R, UNK, "DATE",
    "1998-01-06", "", "1998-01-06", "1998-01-06", "day", "exact",
    "nearest" },
  { "UNDEF-day-monday/unknown", "UNDEF-day-monday", R, UNK, "DATE",
    "1998-01-05", "", "1998-01-05", "1998-01-05", "day", "exact",
    "nearest" },
  /* The reference is a Thursday: it is its own nearest Thursday. */
  { "UNDEF-day-thursday/past", "UNDEF-day-thursday", R, PAST, "DATE", R, "",
    R, R, "day", "exact", "past tense" },
  { "UNDEF-day-thursday/future", "UNDEF-day-thursday", R, FUT, "DATE", R,
    "", R, R, "day", "exact", "future tense" },
  { NULL, "UNDEF-last-friday", R, UNK, "DATE", "1998-01-02", "",
    "1998-01-02", "1998-01-02", "day", "exact", "before reference" },
  { NULL, "UNDEF-last-thursday", R, UNK, "DATE", "1998-01-01", "",
    "1998-01-01", "1998-01-01", "day", "exact", "before reference" },
  { NULL, "UNDEF-next-tuesday", R, UNK, "DATE", "1998-01-13", "",
    "1998-01-13", "1998-01-13", "day", "exact", "after reference" },
  { NULL, "UNDEF-this-friday", R, UNK, "DATE", "1998-01-09", "",
    "1998-01-09", "1998-01-09", "day", "exact", "week of reference" },
  { NULL, "UNDEF-this-monday", R, UNK, "DATE", "1998-01-05", "",
    "1998-01-05", "1998-01-05", "day", "exact", "week of reference" },
  /* days that move from year to year: Thanksgiving, Election Day, Easter */
  { "UNDEF-year-11-22-thursday/past", "UNDEF-year-11-22-thursday", R, PAST,
    "DATE", "1997-11-27", "", "1997-11-27", "1997-11-27", "day", "exact",
    "(past tense)" },
  { "UNDEF-year-11-22-thursday/future", "UNDEF-year-11-22-thursday",
    "2000-01-06", FUT, "DATE", "1999-11-25", "", "1999-11-25", "1999-11-25",
    "day", "exact", "the tense points too far" },
  { "UNDEF-year-11-02-tuesday/future", "UNDEF-year-11-02-tuesday",
    "1998-10-26", FUT, "DATE", "1998-11-03", "", "1998-11-03", "1998-11-03",
    "day", "exact", "(future tense)" },
  /* 1 September 1997 was itself a Monday: Labor Day */
  { "UNDEF-year-09-01-monday/on-the-day", "UNDEF-year-09-01-monday",
    "1997-10-01", PAST, "DATE", "1997-09-01", "", "1997-09-01", "1997-09-01",
    "day", "exact", "(past tense)" },
  { NULL, "UNDEF-year-easter", "2000-04-17", UNK, "DATE", "2000-04-23", "",
    "2000-04-23", "2000-04-23", "day", "exact", "year from reference" },
  { "UNDEF-year-easter/2024", "UNDEF-year-easter", "2024-01-10", UNK, "DATE",
    "2024-03-31", "", "2024-03-31", "2024-03-31", "day", "exact",
    "year from reference" },
  { "UNDEF-year-easter/1818", "UNDEF-year-easter", "1818-06-01", UNK, "DATE",
    "1818-03-22", "", "1818-03-22", "1818-03-22", "day", "exact",
    "year from reference" },
  { NULL, "UNDEF-year-easter-MINUS-2", R, FUT, "DATE", "1998-04-10", "",
    "1998-04-10", "1998-04-10", "day", "exact", "(future tense)" },
  { NULL, "UNDEF-year-easter-PLUS-1", R, FUT, "DATE", "1998-04-13", "",
    "1998-04-13", "1998-04-13", "day", "exact", "(future tense)" },
  { NULL, "UNDEF-last-11-22-thursday", "2000-02-10", UNK, "DATE",
    "1999-11-25", "", "1999-11-25", "1999-11-25", "day", "exact",
    "last 11-22-thursday before reference" },
  { NULL, "UNDEF-next-12-25", R, PAST, "DATE", "1998-12-25", "",
    "1998-12-25", "1998-12-25", "day", "exact", "after reference" },
  { NULL, "UNDEF-this-easter", R, UNK, "DATE", "1998-04-12", "",
    "1998-04-12", "1998-04-12", "day", "exact", "of reference" },
  { "UNDEF-year-02-30-monday/no-such-day", "UNDEF-year-02-30-monday", R,
    UNK, "DATE", "UNDEF-year-02-30-monday", "", "", "", "day", "unresolved",
    "no such day" },
  /* months and seasons by name */
  { NULL, "UNDEF-last-march", R, UNK, "DATE", "1997-03", "", "1997-03-01",
    "1997-03-31", "month", "exact", "before reference" },
  { NULL, "UNDEF-next-march", R, UNK, "DATE", "1998-03", "", "1998-03-01",
    "1998-03-31", "month", "exact", "after reference" },
  { NULL, "UNDEF-this-january", R, UNK, "DATE", "1998-01", "", "1998-01-01",
    "1998-01-31", "month", "exact", "reference" },
  { NULL, "UNDEF-last-summer", R, UNK, "DATE", "1997-SU", "", "1997-06-01",
    "1997-08-31", "season", "fuzzy", "before reference" },
  { NULL, "UNDEF-this-winter", R, UNK, "DATE", "1997-WI", "", "1997-12-01",
    "1998-02-28", "season", "fuzzy", "reference" },
  { NULL, "UNDEF-next-winter", R, UNK, "DATE", "1998-WI", "", "1998-12-01",
    "1999-02-28", "season", "fuzzy", "after reference" },
  { NULL, "UNDEF-this-spring", R, UNK, "DATE", "1998-SP", "", "1998-03-01",
    "1998-05-31", "season", "fuzzy", "reference" },
  /* a time of day after a day-valued form */
  { NULL, "UNDEF-this-dayT15:00", R, UNK, "TIME", "1998-01-08T15:00", "", R,
    R, "day", "exact", "at 15:00" },
  { NULL, "UNDEF-last-dayTNI", R, UNK, "TIME", "1998-01-07TNI", "",
    "1998-01-07", "1998-01-07", "day", "exact", "night" },
  { NULL, "UNDEF-day-tuesdayTEV", R, UNK, "TIME", "1998-01-06TEV", "",
    "1998-01-06", "1998-01-06", "day", "exact", "evening" },
  { NULL, "UNDEF-year-10-05TMO", R, PAST, "TIME", "1997-10-05TMO", "",
    "1997-10-05", "1997-10-05", "day", "exact", "morning" },

  /* anchors: not resolved here (yet) */
  { NULL, "ANCHOR", R, UNK, "DATE", "ANCHOR", "", "", "", "", "unresolved",
    "anchor not resolved: ANCHOR" },
  { NULL, "ANCHOR-day-MINUS-3", R, UNK, "DATE", "ANCHOR-day-MINUS-3", "", "",
    "", "day", "unresolved", "anchor not resolved: ANCHOR-day-MINUS-3" },
  { NULL, "ANCHOR-week-PLUS-2", R, UNK, "DATE", "ANCHOR-week-PLUS-2", "", "",
    "", "week", "unresolved", "anchor not resolved" },
  { NULL, "ANCHOR-before", R, UNK, "DATE", "ANCHOR-before", "", "", "", "",
    "unresolved", "anchor not resolved" },
  { NULL, "ANCHOR-after", R, UNK, "DATE", "ANCHOR-after", "", "", "", "",
    "unresolved", "anchor not resolved" },

  /* mods */
  { NULL, "2023 mod=START", R, UNK, "DATE", "2023", "START", "2023-01-01",
    "2023-04-30", "year", "fuzzy", "early part (first third) of 2023" },
  { NULL, "2023 mod=MID", R, UNK, "DATE", "2023", "MID", "2023-05-01",
    "2023-08-31", "year", "fuzzy", "middle" },
  { NULL, "2023 mod=END", R, UNK, "DATE", "2023", "END", "2023-09-01",
    "2023-12-31", "year", "fuzzy", "late" },
  { NULL, "2023-02 mod=START", R, UNK, "DATE", "2023-02", "START",
    "2023-02-01", "2023-02-10", "month", "fuzzy", "early" },
  { NULL, "2023-02 mod=MID", R, UNK, "DATE", "2023-02", "MID", "2023-02-11",
    "2023-02-20", "month", "fuzzy", "middle" },
  { NULL, "2023-02 mod=END", R, UNK, "DATE", "2023-02", "END", "2023-02-21",
    "2023-02-28", "month", "fuzzy", "late" },
  { NULL, "199 mod=START", R, UNK, "DATE", "199", "START", "1990-01-01",
    "1993-12-31", "decade", "fuzzy", "early" },
  { NULL, "199 mod=MID", R, UNK, "DATE", "199", "MID", "1994-01-01",
    "1996-12-31", "decade", "fuzzy", "middle" },
  { NULL, "199 mod=END", R, UNK, "DATE", "199", "END", "1997-01-01",
    "1999-12-31", "decade", "fuzzy", "late" },
  { NULL, "18 mod=START", R, UNK, "DATE", "18", "START", "1800-01-01",
    "1832-12-31", "century", "fuzzy", "early" },
  { NULL, "2023-W10 mod=MID", R, UNK, "DATE", "2023-W10", "MID",
    "2023-03-08", "2023-03-10", "week", "fuzzy", "middle" },
  { NULL, "2023-Q2 mod=END", R, UNK, "DATE", "2023-Q2", "END", "2023-06-01",
    "2023-06-30", "quarter", "fuzzy", "late" },
  /* a key given twice keeps its first value; link= is not resolve's */
  { NULL, "2023 mod=START mod=END", R, UNK, "DATE", "2023", "START",
    "2023-01-01", "2023-04-30", "year", "fuzzy", "early part" },
  { NULL, "UNDEF-year-12 link=to", R, PAST, "DATE", "1997-12", "",
    "1997-12-01", "1997-12-31", "month", "exact", "year from reference" },
  { NULL, "1997 link=or", R, UNK, "DATE", "1997", "", "1997-01-01",
    "1997-12-31", "year", "exact", "explicit year" },
  { NULL, "2023 mod=APPROX", R, UNK, "DATE", "2023", "APPROX", "2022-01-01",
    "2024-12-31", "year", "approximate", "about 2023" },
  { NULL, "2023-02 mod=APPROX", R, UNK, "DATE", "2023-02", "APPROX",
    "2023-01-01", "2023-03-31", "month", "approximate", "about" },
  { NULL, "1998-01-08 mod=APPROX", R, UNK, "DATE", R, "APPROX", "1998-01-07",
    "1998-01-09", "day", "approximate", "about" },
  { NULL, "2022-SU mod=APPROX", R, UNK, "DATE", "2022-SU", "APPROX",
    "2022-03-01", "2022-11-30", "season", "approximate", "about" },
  { NULL, "2023 mod=BEFORE", R, UNK, "DATE", "2023", "BEFORE", "",
    "2022-12-31", "year", "exact", "before 2023" },
  { NULL, "2023 mod=AFTER", R, UNK, "DATE", "2023", "AFTER", "2024-01-01", "",
    "year", "exact", "after 2023" },
  { NULL, "2023 mod=ON_OR_BEFORE", R, UNK, "DATE", "2023", "ON_OR_BEFORE", "",
    "2023-12-31", "year", "exact", "on or before" },
  { NULL, "2023 mod=ON_OR_AFTER", R, UNK, "DATE", "2023", "ON_OR_AFTER",
    "2023-01-01", "", "year", "exact", "on or after" },
  { NULL, "P3D mod=LESS_THAN", R, UNK, "DURATION", "P3D", "LESS_THAN", "", "",
    "", "exact", "less than P3D" },
  { NULL, "P2Y mod=EQUAL_OR_MORE", R, UNK, "DURATION", "P2Y",
    "EQUAL_OR_MORE", "", "", "", "exact", "at least P2Y" },
  { NULL, "UNDEF-last-year mod=START", R, UNK, "DATE", "1997", "START",
    "1997-01-01", "1997-04-30", "year", "fuzzy", "last year of reference" },

  /* absurd numbers and the ends of the calendar */
  { NULL, "UNDEF-REF-day-MINUS-99999999", R, UNK, "DATE",
    "UNDEF-REF-day-MINUS-99999999", "", "", "", "day", "unresolved",
    "out of range" },
  { NULL, "UNDEF-REF-year-PLUS-99999999999999999999999", R, UNK, "DATE",
    "UNDEF-REF-year-PLUS-99999999999999999999999", "", "", "", "year",
    "unresolved", "out of range" },
  /* 2^32 + 1 weeks: would wrap around in 32 bits */
  { NULL, "UNDEF-REF-week-MINUS-4294967297", R, UNK, "DATE",
    "UNDEF-REF-week-MINUS-4294967297", "", "", "", "week", "unresolved",
    "out of range" },
  { NULL, "UNDEF-REF-hour-MINUS-99999999999999999999999", R, UNK, "DATE",
    "UNDEF-REF-hour-MINUS-99999999999999999999999", "", "", "", "day",
    "unresolved", "out of range" },
  { "UNDEF-REF-minute-PLUS-1/9999-12-31", "UNDEF-REF-minute-PLUS-1",
    "9999-12-31", UNK, "DATE", "UNDEF-REF-minute-PLUS-1", "", "", "", "day",
    "unresolved", "out of range" },
  { NULL, "UNDEF-REF-century-MINUS-20", R, UNK, "DATE",
    "UNDEF-REF-century-MINUS-20", "", "", "", "century", "unresolved",
    "out of range" },
  { NULL, "UNDEF-REF-year-PLUS-8001", R, UNK, "DATE", "9999", "",
    "9999-01-01", "9999-12-31", "year", "exact", "8001 years after" },
  { NULL, "UNDEF-REF-year-PLUS-8002", R, UNK, "DATE",
    "UNDEF-REF-year-PLUS-8002", "", "", "", "year", "unresolved",
    "out of range" },
  { "UNDEF-next-day/9999-12-31", "UNDEF-next-day", "9999-12-31", UNK, "DATE",
    "UNDEF-next-day", "", "", "", "day", "unresolved", "out of range" },
  { "UNDEF-last-day/0001-01-01", "UNDEF-last-day", "0001-01-01", UNK, "DATE",
    "UNDEF-last-day", "", "", "", "day", "unresolved", "out of range" },
  { NULL, "9999 mod=APPROX", R, UNK, "DATE", "9999", "APPROX", "", "", "year",
    "unresolved", "out of range" },
  { NULL, "0000", R, UNK, "DATE", "0000", "", "", "", "year", "unresolved",
    "out of range" },

  /* span=week: the week holding the day said; shift=: days from it */
  { NULL, "UNDEF-year-03-06 span=week", "2000-02-24", UNK, "DATE",
    "2000-W10", "", "2000-03-06", "2000-03-12", "week", "exact",
    "the week of 2000-03-06" },
  { NULL, "2000-01-01 span=week", R, UNK, "DATE", "1999-W52", "",
    "1999-12-27", "2000-01-02", "week", "exact", "the week of 2000-01-01" },
  { NULL, "UNDEF-last-tuesday shift=MINUS-1", "2000-02-24", UNK, "DATE",
    "2000-02-21", "", "2000-02-21", "2000-02-21", "day", "exact",
    "1 day before 2000-02-22" },
  { NULL, "UNDEF-year-12-25 shift=PLUS-1", R, PAST, "DATE", "1997-12-26", "",
    "1997-12-26", "1997-12-26", "day", "exact", "1 day after 1997-12-25" },
  { NULL, "2000-02-29 shift=PLUS-1", R, UNK, "DATE", "2000-03-01", "",
    "2000-03-01", "2000-03-01", "day", "exact", "1 day after 2000-02-29" },
  { NULL, "UNDEF-year-03 span=week", R, UNK, "DATE", "UNDEF-year-03", "", "",
    "", "month", "unresolved", "span=week needs a day" },
  { NULL, "UNDEF-last-month shift=MINUS-1", R, UNK, "DATE",
    "UNDEF-last-month", "", "", "", "month", "unresolved",
    "shift= needs a day" },
  { "UNDEF-year-03-06_span=week/no-reference", "UNDEF-year-03-06 span=week",
    NO_REF, UNK, "DATE", "UNDEF-year-03-06", "", "", "", "week",
    "unresolved", "no reference date" },

  /* no reference date */
  { "UNDEF-last-month/no-reference", "UNDEF-last-month", NO_REF, UNK, "DATE",
    "UNDEF-last-month", "", "", "", "month", "unresolved",
    "no reference date" },
  { "UNDEF-this-dayT15:00/no-reference", "UNDEF-this-dayT15:00", NO_REF, UNK,
    "TIME", "UNDEF-this-dayT15:00", "", "", "", "day", "unresolved",
    "no reference date" },
  { "UNDEF-year-03/no-reference", "UNDEF-year-03", NO_REF, PAST, "DATE",
    "UNDEF-year-03", "", "", "", "month", "unresolved", "no reference date" },
  { "UNDEF-day-friday_mod=APPROX/no-reference", "UNDEF-day-friday mod=APPROX",
    NO_REF, UNK, "DATE", "UNDEF-day-friday", "APPROX", "", "", "day",
    "unresolved", "no reference date" },
  { "PRESENT_REF/no-reference", "PRESENT_REF", NO_REF, UNK, "DATE",
    "PRESENT_REF", "", "", "", "", "unresolved", "no reference date" },
  { "2022-02-24/no-reference", "2022-02-24", NO_REF, UNK, "DATE",
    "2022-02-24", "", "2022-02-24", "2022-02-24", "day", "exact",
    "explicit date" },
};

/* Not in the form language at all. */
static const struct {
  const char *name;
  const char *form;
} unknown_forms[] = {
  { "empty", "" },
  { "word", "foo" },
  { "UNDEF", "UNDEF" },
  { "one-digit-month", "2022-2-24" },
  { "fifth-quarter", "2022-Q5" },
  { "fortnight", "UNDEF-last-fortnight" },
  { "lowercase", "undef-this-day" },
  { "fraction", "UNDEF-REF-day-MINUS-3.5" },
  { "no-number", "UNDEF-REF-day-MINUS-" },
  { "time-on-month", "UNDEF-this-monthTNI" },
  { "time-on-anchor", "ANCHORTEV" },
  { "hour-only", "2022-02-24T15" },
  { "bare-P", "P" },
  { "bare-PT", "PT" },
  { "unknown-mod", "2023 mod=FOO" },
  { "unknown-key", "2023 colour=red" },
  { "no-value", "2023 mod" },
  { "bad-freq", "P1M type=SET freq=twice" },
  { "double-space", "2023  mod=START" },
  { "leading-space", " 2023" },
  { "trailing-space", "2022-02-24 " },
  { "newline", "2022\n" },
  { "holiday-name", "UNDEF-year-thanksgiving" },
  { "weekday-not-after-day", "UNDEF-year-11-thursday" },
  { "easter-bare-offset", "UNDEF-year-easter-2" },
  { "span-month", "UNDEF-year-03-06 span=month" },
  { "shift-no-sign", "UNDEF-day-friday shift=1" },
  { "shift-zero", "UNDEF-day-friday shift=PLUS-0" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  DlResolveContext context = { .tense = (DlTense) c->tense };
  g_autoptr (GError) error = NULL;
  DlResolution r = { 0 };

  g_date_clear (&context.reference, 1);
  if (c->reference != NULL)
    g_assert_true (dl_parse_iso_date (c->reference, &context.reference));
  context.have_reference = c->reference != NULL;

  g_assert_true (dl_resolve (c->form, &context, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (r.type, ==, c->type);
  g_assert_cmpstr (r.value, ==, c->value);
  g_assert_cmpstr (r.mod, ==, c->mod);
  g_assert_cmpstr (r.earliest, ==, c->earliest);
  g_assert_cmpstr (r.latest, ==, c->latest);
  g_assert_cmpstr (r.granularity, ==, c->granularity);
  g_assert_cmpstr (r.certainty, ==, c->certainty);
  g_assert_nonnull (r.note);
  if (strstr (r.note, c->note) == NULL)
    g_error ("note \"%s\" lacks \"%s\"", r.note, c->note);
  dl_resolution_clear (&r);
}

static void
test_unknown_form (gconstpointer data)
{
  const char *form = data;
  DlResolveContext context = { .have_reference = TRUE };
  g_autoptr (GError) error = NULL;
  g_autofree char *message = g_strdup_printf ("unknown form \"%s\"", form);
  DlResolution r = { 0 };

  g_date_clear (&context.reference, 1);
  g_date_set_dmy (&context.reference, 8, G_DATE_JANUARY, 1998);
  g_assert_false (dl_resolve (form, &context, &r, &error));
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (r.type);
  g_assert_null (r.value);
  g_assert_null (r.mod);
  g_assert_null (r.earliest);
  g_assert_null (r.latest);
  g_assert_null (r.granularity);
  g_assert_null (r.certainty);
  g_assert_null (r.note);
}

/* dl_resolution_clear: safe on a zeroed struct, twice; NULLs every field. */
static void
test_clear (void)
{
  DlResolveContext context = { .have_reference = FALSE };
  DlResolution r = { 0 };

  dl_resolution_clear (&r);
  dl_resolution_clear (&r);
  g_date_clear (&context.reference, 1);
  g_assert_true (dl_resolve ("2023 mod=START", &context, &r, NULL));
  dl_resolution_clear (&r);
  g_assert_null (r.type);
  g_assert_null (r.value);
  g_assert_null (r.mod);
  g_assert_null (r.earliest);
  g_assert_null (r.latest);
  g_assert_null (r.granularity);
  g_assert_null (r.certainty);
  g_assert_null (r.note);
  dl_resolution_clear (&r);
}

/* A NULL context is one without a reference date. */
static void
test_null_context (void)
{
  DlResolution r = { 0 };

  g_assert_true (dl_resolve ("2022-02-24", NULL, &r, NULL));
  g_assert_cmpstr (r.certainty, ==, "exact");
  dl_resolution_clear (&r);
  g_assert_true (dl_resolve ("UNDEF-this-day", NULL, &r, NULL));
  g_assert_cmpstr (r.certainty, ==, "unresolved");
  g_assert_cmpstr (r.note, ==, "no reference date");
  dl_resolution_clear (&r);
}

/* The tense reaches 243 days, but a tense told by the verb the mention
 * hangs from decides however far: "will sail in March", said in June. */
static void
test_tense_governs (void)
{
  DlResolveContext context = { .have_reference = TRUE,
                               .tense = DL_TENSE_FUTURE };
  DlResolution r = { 0 };

  g_date_clear (&context.reference, 1);
  g_date_set_dmy (&context.reference, 7, G_DATE_JUNE, 2025);
  g_assert_true (dl_resolve ("UNDEF-year-03", &context, &r, NULL));
  g_assert_cmpstr (r.value, ==, "2025-03");
  dl_resolution_clear (&r);
  context.tense_governs = TRUE;
  g_assert_true (dl_resolve ("UNDEF-year-03", &context, &r, NULL));
  g_assert_cmpstr (r.value, ==, "2026-03");
  dl_resolution_clear (&r);
  context.tense = DL_TENSE_PAST;
  g_date_set_dmy (&context.reference, 20, G_DATE_NOVEMBER, 2024);
  g_assert_true (dl_resolve ("UNDEF-year-01", &context, &r, NULL));
  g_assert_cmpstr (r.value, ==, "2024-01");
  dl_resolution_clear (&r);
}

/* Every weekday name, from every weekday, in every tense: the answer has
 * that weekday and lies where the tense says. */
static void
test_weekday_sweep (void)
{
  static const char *const names[] = { "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday" };

  for (int start = 0; start < 7; start++)
    for (int n = 0; n < 7; n++)
      for (int t = DL_TENSE_UNKNOWN; t <= DL_TENSE_FUTURE; t++)
        {
          DlResolveContext context = { .have_reference = TRUE,
                                       .tense = (DlTense) t };
          g_autofree char *form = g_strconcat ("UNDEF-day-", names[n], NULL);
          DlResolution r = { 0 };
          GDate day;
          int gap;

          g_date_clear (&context.reference, 1);
          /* 2024-02-26 is a Monday; the sweep crosses 29 February. */
          g_date_set_dmy (&context.reference, 26, G_DATE_FEBRUARY, 2024);
          g_date_add_days (&context.reference, start);
          g_assert_true (dl_resolve (form, &context, &r, NULL));
          g_assert_true (dl_parse_iso_date (r.value, &day));
          g_assert_cmpint (g_date_get_weekday (&day), ==, n + 1);
          gap = g_date_days_between (&context.reference, &day);
          if (t == DL_TENSE_PAST)
            g_assert_true (gap >= -6 && gap <= 0);
          else if (t == DL_TENSE_FUTURE || t == DL_TENSE_PRESENT)
            g_assert_true (gap >= 0 && gap <= 6);
          else
            g_assert_cmpint (ABS (gap), <=, 3);
          dl_resolution_clear (&r);
        }
}

/* "this/next/last week" agree with GDate's ISO week on every day of a few
 * years, and their ranges run Monday to Sunday. */
static void
test_week_sweep (void)
{
  DlResolveContext context = { .have_reference = TRUE };

  g_date_clear (&context.reference, 1);
  g_date_set_dmy (&context.reference, 20, G_DATE_DECEMBER, 2019);
  for (int i = 0; i < 3 * 366; i++, g_date_add_days (&context.reference, 1))
    {
      DlResolution r = { 0 };
      GDate first, last, thursday;
      g_autofree char *expected = NULL;

      g_assert_true (dl_resolve ("UNDEF-this-week", &context, &r, NULL));
      g_assert_true (dl_parse_iso_date (r.earliest, &first));
      g_assert_true (dl_parse_iso_date (r.latest, &last));
      g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
      g_assert_cmpint (g_date_days_between (&first, &last), ==, 6);
      g_assert_cmpint (g_date_compare (&first, &context.reference), <=, 0);
      g_assert_cmpint (g_date_compare (&context.reference, &last), <=, 0);
      /* the Thursday of the week names its year */
      thursday = first;
      g_date_add_days (&thursday, 3);
      expected = g_strdup_printf (
          "%04u-W%02u", g_date_get_year (&thursday),
          g_date_get_iso8601_week_of_year (&context.reference));
      g_assert_cmpstr (r.value, ==, expected);
      dl_resolution_clear (&r);
    }
}

static char *
test_path (const char *name)
{
  g_autofree char *path = g_strconcat ("/resolve/", name, NULL);

  /* Spaces and '=' would make awkward test paths for -p. */
  return g_strdelimit (g_steal_pointer (&path), " =\n", '_');
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path
          = test_path (c->name != NULL ? c->name : c->form);

      g_test_add_data_func (path, c, test_case);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (unknown_forms); i++)
    {
      g_autofree char *name
          = g_strconcat ("unknown/", unknown_forms[i].name, NULL);
      g_autofree char *path = test_path (name);

      g_test_add_data_func (path, unknown_forms[i].form, test_unknown_form);
    }
  g_test_add_func ("/resolve/clear", test_clear);
  g_test_add_func ("/resolve/null-context", test_null_context);
  g_test_add_func ("/resolve/weekday-sweep", test_weekday_sweep);
  g_test_add_func ("/resolve/tense-governs", test_tense_governs);
  g_test_add_func ("/resolve/week-sweep", test_week_sweep);

  return g_test_run ();
}
