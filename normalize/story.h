/* story.h: what the mentions read so far in a document tell the later
 * ones, and the context each one resolves in. */
#pragma once

#include "dl-record.h"
#include "events.h"
#include "form.h"
#include "normalize.h"
#include "span.h"
#include "tense.h"

G_BEGIN_DECLS

/* What the mentions read so far in a document tell the later ones. */
typedef struct {
  GDate dct;
  gboolean have_dct;
  gboolean narrative;
  GDate told;            /* narrative: the last date told with its year */
  gboolean have_told;
  DlSpanOfDays last;     /* the last date told, before any mod */
  char *last_phrase;     /* its anchor phrase, if it had one */
  DlDatedEvents events;  /* the events dated in the text so far */
  const char *bad_dct;   /* the first record's dct when it is not a date */
} Story;

/* Begins the story of the document whose records are batch: its date (the
 * first record's dct, else reference, which may be NULL) and style.  A dct
 * that is not a date is read as if it were empty, and kept in bad_dct. */
void dl_story_begin (Story *doc, GPtrArray *batch, DlStyle style,
                     const GDate *reference);
void dl_story_clear (Story *doc);

/* The context record resolves in: its reference (the document date, or
 * the last date told) and the tense of its sentence. */
void dl_story_context (Story *doc, DlTenseReader *tense, DlRecord *record,
                       const Form *form, DlResolveContext *context);
/* What an ANCHOR form is told from: the event of its phrase, else the last
 * date told; *used_phrase is the phrase used, or NULL. */
gboolean dl_story_anchor_span (Story *doc, const DlEvents *events,
                               const char *phrase, gboolean looks_back,
                               DlSpanOfDays *span, const char **used_phrase);
/* window=: the stretch before or after the reference, or after the last
 * date told. */
void dl_story_window (Story *doc, const Form *form,
                      const DlResolveContext *context, DlResolution *res);
/* An open range of a sentence about the past ends by the document date. */
void dl_story_close_past (DlResolution *res, DlTense tense, const Story *doc);
/* What record (resolved as res) tells the records after it. */
void dl_story_remember (Story *doc, const DlEvents *events, DlRecord *record,
                        const Form *form, const DlResolveContext *context,
                        const DlResolution *res);

G_END_DECLS
