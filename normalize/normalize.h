/* normalize.h: the normalize stage: mention records in, range records out. */
#pragma once

#include "dl-record.h"
#include "resolve.h"

G_BEGIN_DECLS

typedef struct {
  const char *reference_date; /* for records whose dct is empty, or NULL */
  const char *grammar_dir;    /* word lists from here, or NULL (built in) */
} DlNormalizeOptions;

typedef struct _DlNormalizer DlNormalizer;

DlNormalizer *dl_normalizer_new (const DlNormalizeOptions *options,
                                 GError **error);
void dl_normalizer_free (DlNormalizer *normalizer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNormalizer, dl_normalizer_free)

/* Fills the ranges columns of record from its form, dct and context.  A
 * form that cannot be resolved still gives a record (certainty
 * "unresolved"); it is counted, see dl_normalizer_unresolved. */
gboolean dl_normalizer_process (DlNormalizer *normalizer, DlRecord *record,
                                GError **error);

/* How many records were left unresolved so far. */
guint dl_normalizer_unresolved (DlNormalizer *normalizer);

/* The tense the sentence context shows around the mention. */
DlTense dl_normalizer_tense (DlNormalizer *normalizer, const char *context,
                             const char *mention);

G_END_DECLS
