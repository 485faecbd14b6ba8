/* tense.h: the tense a sentence shows around a mention, from its cue
 * words ("said", "will"). */
#pragma once

#include "resolve.h"

G_BEGIN_DECLS

typedef struct _DlTenseReader DlTenseReader;

/* Compiles the cues of grammar_dir (NULL: the built-in grammar). */
DlTenseReader *dl_tense_reader_new (const char *grammar_dir, GError **error);
void dl_tense_reader_free (DlTenseReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTenseReader, dl_tense_reader_free)

/* What the cues of a sentence say of a mention in it. */
typedef struct {
  DlTense tense;    /* the nearest cue's, or DL_TENSE_UNKNOWN */
  gboolean governs; /* that cue is the verb the mention hangs from */
  gboolean perfect; /* that cue is a past perfect ("had", "'d") */
} DlTenseReading;

/* Reads the sentence context around the mention.  The cues of the last
 * sentence asked about are kept: a sentence's mentions come one after
 * another. */
void dl_tense_reader_read (DlTenseReader *reader, const char *context,
                           const char *mention, DlTenseReading *reading);
/* Whether context has a verb whose past is its present ("The storm hit
 * the coast Tuesday"): with no cue, it may be about the past. */
gboolean dl_tense_reader_may_be_past (DlTenseReader *reader,
                                      const char *context);
/* The tense of dl_tense_reader_read; governs may be NULL. */
DlTense dl_tense_reader_tense (DlTenseReader *reader, const char *context,
                               const char *mention, gboolean *governs);

G_END_DECLS
