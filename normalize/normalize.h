/* normalize.h: the normalize stage: mention records in, range records out. */
#pragma once

#include "dl-record.h"
#include "resolve.h"

G_BEGIN_DECLS

typedef enum { DL_STYLE_AUTO, DL_STYLE_NEWS, DL_STYLE_NARRATIVE } DlStyle;

typedef struct {
  const char *reference_date; /* for records whose dct is empty, or NULL */
  const char *grammar_dir;    /* word lists from here, or NULL (built in) */
  const char *const *anchor_files; /* --anchors, NULL-terminated, or NULL */
  gboolean no_default_anchors;
  DlStyle style;
  gboolean southern;          /* seasons of the southern hemisphere */
  int fiscal_year_start;      /* month a fiscal year starts in (1 if 0) */
} DlNormalizeOptions;

typedef struct _DlNormalizer DlNormalizer;

DlNormalizer *dl_normalizer_new (const DlNormalizeOptions *options,
                                 GError **error);
void dl_normalizer_free (DlNormalizer *normalizer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNormalizer, dl_normalizer_free)

/* Takes a mentions record.  The records of one document are held until it
 * ends (a record of another document, or dl_normalizer_flush): a
 * document's dates are resolved together, as its style, links and anchors
 * need.  Each record then goes to sink with its ranges columns filled
 * (unresolvable ones say certainty "unresolved"); only a year the grammar
 * offers for a history (if=historical) is dropped outside one, counted. */
gboolean dl_normalizer_add (DlNormalizer *normalizer, DlRecord *record,
                            DlSinkFunc sink, gpointer data, GError **error);
gboolean dl_normalizer_flush (DlNormalizer *normalizer, DlSinkFunc sink,
                              gpointer data, GError **error);

/* How many records were left unresolved so far. */
guint dl_normalizer_unresolved (DlNormalizer *normalizer);
/* How many records were dropped so far: a bare number that the grammar
 * read as a year only if the document is a history (if=historical), in
 * one that is not. */
guint dl_normalizer_dropped (DlNormalizer *normalizer);

/* The tense the sentence context shows around the mention; governs (if
 * not NULL) tells whether its cue is the verb the mention hangs from. */
DlTense dl_normalizer_tense (DlNormalizer *normalizer, const char *context,
                             const char *mention, gboolean *governs);

G_END_DECLS

G_BEGIN_DECLS

/* The command-line options of the normalize stage, shared by
 * dateline-normalize and dateline. */
typedef struct {
  char **anchor_files;
  gboolean no_default_anchors;
  char *style;
  char *hemisphere;
  char *fiscal_year_start;
  GOptionEntry *entries;
} DlNormalizeArgs;

/* Option entries that fill args, for g_option_context_add_main_entries. */
const GOptionEntry *dl_normalize_args_entries (DlNormalizeArgs *args);
/* Checks the parsed values and copies them into options (whose anchor
 * files then point into args). */
gboolean dl_normalize_args_apply (DlNormalizeArgs *args,
                                  DlNormalizeOptions *options, GError **error);
void dl_normalize_args_clear (DlNormalizeArgs *args);

G_END_DECLS
