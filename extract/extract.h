/* extract.h: the extract stage: documents in, mention records out. */
#pragma once

#include "document.h"
#include "dl-record.h"
#include "grammar.h"

G_BEGIN_DECLS

typedef struct {
  const char *reference_date; /* DCT for documents that carry none, or NULL */
  const char *grammar_dir;    /* load the grammar from here, or NULL */
  gboolean day_first;         /* 24/02/2022 (else 02/24/2022) */
} DlExtractOptions;

typedef struct _DlExtractor DlExtractor;

DlExtractor *dl_extractor_new (const DlExtractOptions *options,
                               GError **error);
void dl_extractor_free (DlExtractor *extractor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlExtractor, dl_extractor_free)

DlGrammar *dl_extractor_grammar (DlExtractor *extractor);

/* Reads path ("-": standard input) and hands one mentions record per
 * temporal expression to sink, in text order. */
gboolean dl_extractor_run (DlExtractor *extractor, const char *path,
                           DlSinkFunc sink, gpointer data, GError **error);

/* The same for a document already in memory. */
gboolean dl_extractor_run_document (DlExtractor *extractor,
                                    DlDocument *document, DlSinkFunc sink,
                                    gpointer data, GError **error);

G_END_DECLS
