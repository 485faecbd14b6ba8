/* extract.h: the extract stage: documents in, mention records out. */
#pragma once

#include "document.h"
#include "dl-record.h"
#include "grammar.h"

G_BEGIN_DECLS

typedef enum {
  DL_INPUT_AUTO,   /* JSON Lines for a .jsonl name; else TimeML or text */
  DL_INPUT_TEXT,
  DL_INPUT_TIMEML,
  DL_INPUT_JSONL,
} DlInputFormat;

typedef struct {
  const char *reference_date; /* DCT for documents that carry none, or NULL */
  const char *grammar_dir;    /* load the grammar from here, or NULL */
  gboolean day_first;         /* 24/02/2022 (else 02/24/2022) */
  gsize max_document_size;    /* 0: DL_MAX_DOCUMENT_SIZE */
  DlInputFormat input_format;
  const char *id_field;       /* JSON Lines members; NULL: id, date, text */
  const char *date_field;
  const char *text_field;
  const char *dates_file;     /* --dates: doc,dct CSV, or NULL */
} DlExtractOptions;

typedef struct _DlExtractor DlExtractor;

DlExtractor *dl_extractor_new (const DlExtractOptions *options,
                               GError **error);
void dl_extractor_free (DlExtractor *extractor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlExtractor, dl_extractor_free)


/* Reads path ("-": standard input) as text or TimeML and hands one
 * mentions record per temporal expression to sink, in text order. */
gboolean dl_extractor_run (DlExtractor *extractor, const char *path,
                           DlSinkFunc sink, gpointer data, GError **error);

/* The same for a document already in memory. */
gboolean dl_extractor_run_document (DlExtractor *extractor,
                                    DlDocument *document, DlSinkFunc sink,
                                    gpointer data, GError **error);

G_END_DECLS

G_BEGIN_DECLS

/* The command-line options of the extract stage, shared by
 * dateline-extract and dateline. */
typedef struct {
  char *reference_date;
  char *date_order;
  char *grammar_dir;
  char *max_document_size;
  char *input_format;
  char *id_field;
  char *date_field;
  char *text_field;
  char *dates_file;
  GOptionEntry *entries;
} DlExtractArgs;

/* Option entries that fill args, for g_option_context_add_main_entries. */
const GOptionEntry *dl_extract_args_entries (DlExtractArgs *args);
/* Checks the parsed values and points options at them (args must live as
 * long as options are used). */
gboolean dl_extract_args_apply (DlExtractArgs *args,
                                DlExtractOptions *options, GError **error);
void dl_extract_args_clear (DlExtractArgs *args);

/* Runs files (standard input when empty) through extractor into sink, for
 * main(): each document of a file in turn (a JSON Lines archive holds one a
 * line), with its date from the document, else --dates, else
 * --reference-date.  A document that fails is reported on stderr and
 * skipped (dl-progress.h counts each).  FALSE if any failed. */
gboolean dl_extractor_run_files (DlExtractor *extractor,
                                 const char *const *files, DlSinkFunc sink,
                                 gpointer data);

G_END_DECLS
