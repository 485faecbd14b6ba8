/* sentence.h: sentence boundaries in news and history text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start; /* first byte of the sentence */
  gsize end;   /* one past its last byte (trailing space excluded) */
} DlSpan;

typedef struct _DlSentenceSplitter DlSentenceSplitter;

/* abbreviations: lowercase words that take a period without ending a
 * sentence, without that period ("dr", "jan", "u.s", "p.m"). */
DlSentenceSplitter *dl_sentence_splitter_new (const char *const *abbreviations);
void dl_sentence_splitter_free (DlSentenceSplitter *splitter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSentenceSplitter, dl_sentence_splitter_free)

/* The sentences of text[0, len), in order, as an array of DlSpan.  Spaces
 * (including blanked markup) are not part of any sentence.  A blank line
 * (paragraph break) always ends a sentence, so headlines without a full stop
 * stand alone.  Handles abbreviations, decimals (3.5), initials (J. Smith),
 * closing quotes and brackets after the stop, and ellipses. */
GArray *dl_sentence_splitter_split (DlSentenceSplitter *splitter,
                                    const char *text, gsize len);

G_END_DECLS
