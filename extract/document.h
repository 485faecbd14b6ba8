/* document.h: one input document, read whole, with the text to scan. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;        /* as given; "-" for standard input */
  char *data;        /* the bytes as read, NUL-terminated (len excludes it) */
  gsize len;
  /* Same length as data: the text to scan.  For TimeML everything outside
   * <TEXT> and every tag inside it is blanked with spaces, so that offsets
   * into scan are offsets into data.  Plain text without a BOM is scanned
   * as it is: then scan is data. */
  char *scan;
  gboolean timeml;
  char *dct;         /* YYYY-MM-DD from <DCT><TIMEX3 value=...>, or NULL */
  GArray *line_starts; /* gsize offsets where each line starts */
  /* What was read only in part, as "NAME:LINE: message" (owned strings):
   * a TimeML tag left unclosed, a DCT that is no date. */
  GPtrArray *warnings;
} DlDocument;

typedef enum {
  DL_DOCUMENT_AUTO,   /* TimeML by name or content, else text */
  DL_DOCUMENT_TEXT,
  DL_DOCUMENT_TIMEML,
} DlDocumentFormat;

/* The default of --max-document-size. */
#define DL_MAX_DOCUMENT_SIZE ((gsize) 64 << 20)

/* Reads path ("-": standard input), holding at most max_size bytes of it
 * (0: no limit); a larger document is an error that names it.  The name
 * is path as UTF-8 (g_filename_display_name).  TimeML is recognised by a
 * .tml name (or .TE3input) or by content starting with <?xml or <TimeML.
 * Fails with "NAME:LINE: message" on invalid UTF-8 or a NUL byte. */
DlDocument *dl_document_read (const char *path, DlDocumentFormat format,
                              gsize max_size, GError **error);
/* The same from memory (takes a copy). */
DlDocument *dl_document_new (const char *name, const char *data, gsize len,
                             gboolean timeml, GError **error);
void dl_document_free (DlDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDocument, dl_document_free)

/* 1-based line number of offset in the document's text. */
guint64 dl_document_line_at (const DlDocument *document, gsize offset);

/* data[start, end) as a reader sees it: tags removed, XML entities decoded
 * (TimeML only), runs of whitespace collapsed to one space, trimmed. */
char *dl_document_clean (const DlDocument *document, gsize start, gsize end);

G_END_DECLS
