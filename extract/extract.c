/* extract.c: finds the temporal expressions of a document and writes one
 * mentions record for each. */
#include "extract.h"

#include "dl-cli.h"
#include "dl-data.h"
#include "dl-progress.h"
#include "clause.h"
#include "context.h"
#include "jsonl.h"
#include "sentence.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

struct _DlExtractor {
  char *reference_date;
  gsize max_document_size;
  DlInputFormat input_format;
  DlJsonlFields fields;
  char *fields_owned[3];
  GHashTable *dates; /* --dates: doc as given -> YYYY-MM-DD */
  DlGrammar *grammar;
  DlContextRules *context;
  DlClauseRules *clauses;
  DlSentenceSplitter *splitter;
};

void
dl_extractor_free (DlExtractor *extractor)
{
  if (extractor == NULL)
    return;
  g_free (extractor->reference_date);
  for (guint k = 0; k < G_N_ELEMENTS (extractor->fields_owned); k++)
    g_free (extractor->fields_owned[k]);
  g_clear_pointer (&extractor->dates, g_hash_table_unref);
  g_clear_pointer (&extractor->grammar, dl_grammar_free);
  g_clear_pointer (&extractor->context, dl_context_rules_free);
  g_clear_pointer (&extractor->clauses, dl_clause_rules_free);
  g_clear_pointer (&extractor->splitter, dl_sentence_splitter_free);
  g_free (extractor);
}

/* The --dates file: doc -> day, read through the record library. */
static GHashTable *
read_dates (const char *path, GError **error)
{
  static const DlColumn required[] = { DL_COL_DOC, DL_COL_DCT };
  g_autoptr (GHashTable) dates = g_hash_table_new_full (g_str_hash,
                                                        g_str_equal, g_free,
                                                        g_free);
  g_autoptr (DlReader) reader = dl_reader_open (path, error);
  GError *local = NULL;
  DlRecord *next;

  if (reader == NULL
      || !dl_reader_read_header (reader, DL_FORMAT_DATES, DL_FORMAT_DATES,
                                 required, G_N_ELEMENTS (required), error))
    return NULL;
  while ((next = dl_reader_next (reader, &local)) != NULL)
    {
      g_autoptr (DlRecord) record = next;
      const char *doc = dl_record_get (record, DL_COL_DOC);
      const char *dct = dl_record_get (record, DL_COL_DCT);
      GDate date;

      if (!dl_parse_iso_date (dct, &date))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": dct \"%s\" is not a date"
                       " (YYYY-MM-DD)", record->origin, record->line, dct);
          return NULL;
        }
      if (g_hash_table_contains (dates, doc))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                       "%s:%" G_GUINT64_FORMAT ": doc \"%s\" is listed twice",
                       record->origin, record->line, doc);
          return NULL;
        }
      g_hash_table_insert (dates, g_strdup (doc), dl_format_date (&date));
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&dates);
}

DlExtractor *
dl_extractor_new (const DlExtractOptions *options, GError **error)
{
  g_autoptr (DlExtractor) extractor = g_new0 (DlExtractor, 1);
  DlGrammarOptions grammar_options = { options->grammar_dir, NULL,
                                       options->day_first };
  g_auto (GStrv) abbreviations = NULL;
  GDate date;

  if (options->reference_date)
    {
      if (!dl_parse_iso_date (options->reference_date, &date))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       "--reference-date: \"%s\" is not a date (YYYY-MM-DD)",
                       options->reference_date);
          return NULL;
        }
      extractor->reference_date = dl_format_date (&date);
    }
  extractor->input_format = options->input_format;
  extractor->fields.id = extractor->fields_owned[0] =
      g_strdup (options->id_field ? options->id_field : "id");
  extractor->fields.date = extractor->fields_owned[1] =
      g_strdup (options->date_field ? options->date_field : "date");
  extractor->fields.text = extractor->fields_owned[2] =
      g_strdup (options->text_field ? options->text_field : "text");
  if (options->dates_file
      && !(extractor->dates = read_dates (options->dates_file, error)))
    return NULL;
  extractor->max_document_size = options->max_document_size > 0
                                     ? options->max_document_size
                                     : DL_MAX_DOCUMENT_SIZE;
  extractor->grammar = dl_grammar_load (&grammar_options, error);
  if (extractor->grammar == NULL)
    return NULL;
  extractor->context = dl_context_rules_load (options->grammar_dir, error);
  if (extractor->context == NULL)
    return NULL;
  extractor->clauses = dl_clause_rules_load (options->grammar_dir, error);
  if (extractor->clauses == NULL)
    return NULL;
  abbreviations = dl_data_read_list (options->grammar_dir, NULL,
                                     "abbreviations.txt", error);
  if (abbreviations == NULL)
    return NULL;
  extractor->splitter = dl_sentence_splitter_new (
      (const char *const *) abbreviations);
  return g_steal_pointer (&extractor);
}


/* Index (0-based) of the sentence holding offset, searching on from *hint:
 * matches come in text order, so the walk is linear over a document. */
static guint
sentence_of (GArray *sentences, gsize offset, guint *hint)
{
  while (*hint + 1 < sentences->len
         && g_array_index (sentences, DlSpan, *hint).end <= offset)
    (*hint)++;
  return *hint;
}

/* The sentence last cleaned whole, kept for the next mention in it. */
typedef struct {
  guint index;
  gboolean fits; /* the sentence is its own context */
  char *text;    /* the sentence cleaned, once needed */
  DlClauses *clauses; /* its clauses (kept for the next sentence's) */
  gboolean have_clauses; /* ... found in this sentence */
} Context;

/* The cut that marks an excerpt. */
#define ELLIPSIS "\xE2\x80\xA6"

/* document's text in span, cleaned, with an ellipsis for each side where
 * window was cut from sentence and span reaches the cut. */
static char *
excerpt (DlDocument *document, DlSpan span, DlSpan window, DlSpan sentence)
{
  g_autofree char *text = dl_document_clean (document, span.start, span.end);
  gboolean cut_start = span.start <= window.start
                       && window.start > sentence.start;
  gboolean cut_end = span.end >= window.end && window.end < sentence.end;

  if (!cut_start && !cut_end)
    return g_steal_pointer (&text);
  return g_strconcat (cut_start ? ELLIPSIS " " : "", text,
                      cut_end ? " " ELLIPSIS : "", NULL);
}

/* Sets the sentence, context and event of the record of matches[i]. */
static void
set_context (DlExtractor *extractor, DlDocument *document, DlRecord *record,
             const GArray *matches, guint i, GArray *sentences, guint *hint,
             Context *context)
{
  const DlMatch *match = &g_array_index (matches, DlMatch, i);
  guint index = sentence_of (sentences, match->start, hint);
  DlSpan sentence = g_array_index (sentences, DlSpan, index);
  DlSpan mention = { match->start, match->end };
  DlSpan window, clause;

  dl_record_set_number (record, DL_COL_SENTENCE, index + 1);
  /* A mention that runs past the line its sentence ended at is all shown
   * (rare: such a sentence is not cached). */
  if (match->end > sentence.end)
    {
      sentence.end = match->end;
      context->index = G_MAXUINT;
    }
  else if (context->index != index)
    {
      g_clear_pointer (&context->text, g_free);
      context->have_clauses = FALSE;
      context->index = index;
      context->fits = dl_context_fits (document->scan, sentence,
                                       DL_CONTEXT_BYTES);
    }
  window = context->index == index && context->fits
               ? sentence
               : dl_context_window (document->scan, sentence, mention,
                                    DL_CONTEXT_BYTES);
  if (context->index == index && context->fits)
    {
      if (context->text == NULL)
        context->text = dl_document_clean (document, sentence.start,
                                           sentence.end);
      dl_record_set (record, DL_COL_CONTEXT, context->text);
    }
  else
    dl_record_take (record, DL_COL_CONTEXT,
                    excerpt (document, window, window, sentence));
  if (context->index == index && context->fits)
    {
      if (context->clauses == NULL)
        context->clauses = dl_clauses_new (extractor->clauses, document->scan,
                                           window, matches, i);
      else if (!context->have_clauses)
        dl_clauses_refill (context->clauses, document->scan, window, matches,
                           i);
      context->have_clauses = TRUE;
      clause = dl_clauses_find (context->clauses, match);
    }
  else
    clause = dl_clause_find (extractor->clauses, document->scan, window,
                             matches, i);
  dl_record_take (record, DL_COL_EVENT,
                  excerpt (document, clause, window, sentence));
}

static DlRecord *
mention_record (DlExtractor *extractor, DlDocument *document,
                const GArray *matches, guint i, GArray *sentences, guint *hint,
                Context *context)
{
  const DlMatch *match = &g_array_index (matches, DlMatch, i);
  DlRecord *record = dl_record_new ();
  const char *dct = document->dct ? document->dct : extractor->reference_date;

  dl_record_set (record, DL_COL_DOC, document->name);
  dl_record_set (record, DL_COL_DCT, dct);
  dl_record_set_number (record, DL_COL_START, match->start);
  dl_record_set_number (record, DL_COL_END, match->end);
  dl_record_set_number (record, DL_COL_LINE,
                        dl_document_line_at (document, match->start));
  dl_record_take (record, DL_COL_MENTION,
                  dl_document_clean (document, match->start, match->end));
  dl_record_set (record, DL_COL_FORM, match->form);
  dl_record_set (record, DL_COL_ANCHOR, match->anchor);
  if (sentences->len > 0)
    set_context (extractor, document, record, matches, i, sentences, hint,
                 context);
  return record;
}

gboolean
dl_extractor_run_document (DlExtractor *extractor, DlDocument *document,
                           DlSinkFunc sink, gpointer data, GError **error)
{
  g_autoptr (GArray) matches = NULL;
  g_autoptr (GArray) sentences = NULL;
  Context context = { G_MAXUINT, FALSE, NULL, NULL, FALSE };
  guint hint = 0;
  gboolean ok = TRUE;

  dl_progress_document (document->len);
  matches = dl_grammar_match (extractor->grammar, document->scan,
                              document->len, error);
  if (matches == NULL)
    return FALSE;
  if (matches->len == 0)
    return TRUE;
  dl_context_rules_apply (extractor->context, document->scan, matches);
  sentences = dl_sentence_splitter_split (extractor->splitter, document->scan,
                                          document->len);
  for (guint i = 0; ok && i < matches->len; i++)
    {
      DlRecord *record = mention_record (extractor, document, matches, i,
                                         sentences, &hint, &context);
      ok = sink (record, data, error);
    }
  g_free (context.text);
  dl_clauses_free (context.clauses);
  return ok;
}

static DlDocumentFormat
document_format (DlInputFormat format)
{
  return format == DL_INPUT_TEXT     ? DL_DOCUMENT_TEXT
         : format == DL_INPUT_TIMEML ? DL_DOCUMENT_TIMEML
                                     : DL_DOCUMENT_AUTO;
}

gboolean
dl_extractor_run (DlExtractor *extractor, const char *path, DlSinkFunc sink,
                  gpointer data, GError **error)
{
  g_autoptr (DlDocument) document = dl_document_read (
      path, document_format (extractor->input_format),
      extractor->max_document_size, error);

  if (document == NULL)
    return FALSE;
  return dl_extractor_run_document (extractor, document, sink, data, error);
}

/* ---- command line ---- */

const GOptionEntry *
dl_extract_args_entries (DlExtractArgs *args)
{
  const GOptionEntry entries[] = {
    { "reference-date", 'r', 0, G_OPTION_ARG_STRING, &args->reference_date,
      "Document date of plain text (TimeML carries its own)", "YYYY-MM-DD" },
    { "date-order", 'd', 0, G_OPTION_ARG_STRING, &args->date_order,
      "Read 01/02/2022 as month/day (mdy, default) or day/month (dmy)",
      "mdy|dmy" },
    { "grammar", 'g', 0, G_OPTION_ARG_FILENAME, &args->grammar_dir,
      "Load the grammar from DIR/en instead of the built-in copy", "DIR" },
    { "max-document-size", 0, 0, G_OPTION_ARG_STRING,
      &args->max_document_size,
      "Fail on a document larger than SIZE bytes (K, M, G: KiB, MiB, GiB;"
      " default 64M)", "SIZE" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &args->input_format,
      "Read input as text, timeml or jsonl (default: jsonl for a .jsonl"
      " name, else by name and content)", "FORMAT" },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &args->id_field,
      "JSON Lines: the member naming a document (default id)", "NAME" },
    { "date-field", 0, 0, G_OPTION_ARG_STRING, &args->date_field,
      "JSON Lines: the member holding its date (default date)", "NAME" },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &args->text_field,
      "JSON Lines: the member holding its text (default text)", "NAME" },
    { "dates", 0, 0, G_OPTION_ARG_FILENAME, &args->dates_file,
      "The date of each document, from a CSV file with columns doc,dct",
      "FILE" },
    { NULL },
  };

  g_free (args->entries);
  args->entries = g_memdup2 (entries, sizeof entries);
  return args->entries;
}

/* SIZE as --max-document-size takes it: digits, then K, M or G (powers
 * of 1024, with an optional "B" or "iB"). */
static gboolean
parse_size (const char *text, gsize *size, GError **error)
{
  char *end = NULL;
  guint64 n, shift = 0;

  errno = 0;
  n = g_ascii_isdigit (text[0]) ? g_ascii_strtoull (text, &end, 10) : 0;
  if (end != NULL && *end != '\0')
    {
      const char *units = "KMG";
      const char *unit = strchr (units, g_ascii_toupper (*end));

      if (unit != NULL && *end != '\0')
        {
          shift = 10 * (unit - units + 1);
          end++;
          if (g_ascii_strcasecmp (end, "B") == 0
              || g_ascii_strcasecmp (end, "iB") == 0)
            end += strlen (end);
        }
    }
  if (end == NULL || *end != '\0' || errno != 0 || n == 0
      || n > (G_MAXSIZE >> shift))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--max-document-size: \"%s\" is not a size (such as"
                   " 64M)", text);
      return FALSE;
    }
  *size = (gsize) (n << shift);
  return TRUE;
}

static gboolean
parse_input_format (const char *name, DlInputFormat *format, GError **error)
{
  static const char *const names[] = { "auto", "text", "timeml", "jsonl" };

  *format = DL_INPUT_AUTO;
  if (name == NULL)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *format = (DlInputFormat) i;
        return TRUE;
      }
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               "--input-format is text, timeml or jsonl, not \"%s\"", name);
  return FALSE;
}

gboolean
dl_extract_args_apply (DlExtractArgs *args, DlExtractOptions *options,
                       GError **error)
{
  if (args->max_document_size
      && !parse_size (args->max_document_size, &options->max_document_size,
                      error))
    return FALSE;
  if (args->date_order && strcmp (args->date_order, "mdy") != 0
      && strcmp (args->date_order, "dmy") != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--date-order is mdy or dmy, not \"%s\"", args->date_order);
      return FALSE;
    }
  if (args->reference_date
      && !dl_cli_check_date ("--reference-date", args->reference_date, error))
    return FALSE;
  if (args->grammar_dir
      && !dl_data_check_directory (args->grammar_dir, NULL, error))
    return FALSE;
  if (!parse_input_format (args->input_format, &options->input_format,
                           error))
    return FALSE;
  options->reference_date = args->reference_date;
  options->grammar_dir = args->grammar_dir;
  options->id_field = args->id_field;
  options->date_field = args->date_field;
  options->text_field = args->text_field;
  options->dates_file = args->dates_file;
  options->day_first = g_strcmp0 (args->date_order, "dmy") == 0;
  return TRUE;
}

void
dl_extract_args_clear (DlExtractArgs *args)
{
  g_clear_pointer (&args->reference_date, g_free);
  g_clear_pointer (&args->date_order, g_free);
  g_clear_pointer (&args->grammar_dir, g_free);
  g_clear_pointer (&args->max_document_size, g_free);
  g_clear_pointer (&args->input_format, g_free);
  g_clear_pointer (&args->id_field, g_free);
  g_clear_pointer (&args->date_field, g_free);
  g_clear_pointer (&args->text_field, g_free);
  g_clear_pointer (&args->dates_file, g_free);
  g_clear_pointer (&args->entries, g_free);
}

/* What a document could be read only in part for, on stderr. */
static void
show_warnings (DlExtractor *extractor, DlDocument *document)
{
  for (guint k = 0; k < document->warnings->len; k++)
    {
      const char *message = document->warnings->pdata[k];

      g_printerr ("%s: %s%s\n", g_get_prgname (), message,
                  !g_str_has_suffix (message, "is not a date") ? ""
                  : extractor->reference_date ? "; using --reference-date"
                                              : "; the document has no date");
    }
}

/* Runs one document, read or failed, and tells what went wrong. */
static gboolean
run_one (DlExtractor *extractor, DlDocument *document, const char *key,
         GError *error, DlSinkFunc sink, gpointer data)
{
  g_autoptr (GError) local = error;
  const char *listed;

  if (document != NULL)
    {
      show_warnings (extractor, document);
      listed = extractor->dates && document->dct == NULL
                   ? g_hash_table_lookup (extractor->dates, key)
                   : NULL;
      if (listed != NULL)
        document->dct = g_strdup (listed);
      if (dl_extractor_run_document (extractor, document, sink, data, &local))
        return TRUE;
    }
  /* A bad document is reported and skipped; the others still run. */
  dl_cli_warn (local);
  return FALSE;
}

static gboolean
is_jsonl (DlExtractor *extractor, const char *path)
{
  return extractor->input_format == DL_INPUT_JSONL
         || (extractor->input_format == DL_INPUT_AUTO
             && g_str_has_suffix (path, ".jsonl"));
}

/* Every line of a JSON Lines archive, a document each. */
static gboolean
run_jsonl (DlExtractor *extractor, const char *path, DlSinkFunc sink,
           gpointer data)
{
  GError *error = NULL;
  g_autoptr (DlJsonlReader) reader = dl_jsonl_open (
      path, &extractor->fields, extractor->max_document_size, &error);
  gboolean ok = TRUE, done = FALSE;

  if (reader == NULL)
    return run_one (extractor, NULL, NULL, error, sink, data);
  while (!done)
    {
      g_autoptr (DlDocument) document = dl_jsonl_next (reader, &done, &error);

      if (document != NULL || error != NULL)
        ok &= run_one (extractor, document, document ? document->name : NULL,
                       g_steal_pointer (&error), sink, data);
    }
  return ok;
}

gboolean
dl_extractor_run_files (DlExtractor *extractor, const char *const *files,
                        DlSinkFunc sink, gpointer data)
{
  static const char *const stdin_only[] = { "-", NULL };
  gboolean ok = TRUE;

  if (files == NULL || files[0] == NULL)
    files = stdin_only;
  for (guint i = 0; files[i]; i++)
    {
      GError *error = NULL;

      if (is_jsonl (extractor, files[i]))
        ok &= run_jsonl (extractor, files[i], sink, data);
      else
        {
          g_autoptr (DlDocument) document = dl_document_read (
              files[i], document_format (extractor->input_format),
              extractor->max_document_size, &error);

          ok &= run_one (extractor, document, files[i], error, sink, data);
        }
    }
  return ok;
}
