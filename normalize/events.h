/* events.h: the event an anchor phrase names, from the anchors tables,
 * from the dates a document told next to an event's word, or from a year
 * in the phrase. */
#pragma once

#include "anchors.h"
#include "dl-record.h"
#include "normalize.h"
#include "span.h"

G_BEGIN_DECLS

/* What names events, loaded once. */
typedef struct {
  DlAnchors *anchors;  /* --anchors: searched first, so they win */
  DlAnchors *builtin;  /* grammar/en/anchors.csv */
  GHashTable *words;   /* word -> event key (grammar/en/events.txt) */
  /* Bit n of lengths[c - 'a']: some word of n bytes begins with c.  Every
   * word of every sentence is asked about, and few are listed: most are
   * told apart without hashing. */
  guint32 lengths[26];
} DlEvents;

/* Loads the anchors files and the built-in list options ask for, and the
 * event words of the grammar. */
gboolean dl_events_load (DlEvents *events, const DlNormalizeOptions *options,
                         GError **error);
void dl_events_clear (DlEvents *events);

/* The events a document has dated so far. */
typedef struct {
  GHashTable *dated; /* event key -> DlSpanOfDays * */
  char *context;     /* the sentence they were last read from */
} DlDatedEvents;

void dl_dated_events_init (DlDatedEvents *dated);
void dl_dated_events_clear (DlDatedEvents *dated);

/* The event phrase names, into span (cleared first); FALSE if none. */
gboolean dl_events_find (const DlEvents *events, const DlDatedEvents *dated,
                         const char *phrase, DlSpanOfDays *span);
/* A date told (span) dates the events whose words are in the sentence of
 * record, for the mentions after it. */
void dl_events_remember (const DlEvents *events, DlDatedEvents *dated,
                         DlRecord *record, const DlSpanOfDays *span);
/* A date inside an event phrase takes the event's days (if its mod lets
 * it), and says so in its note. */
void dl_narrow_to_event (DlResolution *res, const DlSpanOfDays *event,
                         const char *phrase);

G_END_DECLS
