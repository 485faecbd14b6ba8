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

/* The tense the sentence context shows around the mention (the nearest
 * cue's, or DL_TENSE_UNKNOWN); governs (if not NULL) tells whether that
 * cue is the verb the mention hangs from.  The cues of the last sentence
 * asked about are kept: a sentence's mentions come one after another. */
DlTense dl_tense_reader_tense (DlTenseReader *reader, const char *context,
                               const char *mention, gboolean *governs);

G_END_DECLS
