/* jsonl.h: an archive in JSON Lines, one document a line: {"id": ...,
 * "date": ..., "text": ...}, read a line at a time. */
#pragma once

#include "document.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;   /* the member naming the document: "id" */
  const char *date; /* its date, an ISO date or date-time: "date" */
  const char *text; /* its text: "text" */
} DlJsonlFields;

typedef struct _DlJsonlReader DlJsonlReader;

/* path "-" reads standard input.  A line longer than max_size bytes (0: no
 * limit) is an error, and is not held. */
DlJsonlReader *dl_jsonl_open (const char *path, const DlJsonlFields *fields,
                              gsize max_size, GError **error);
void dl_jsonl_close (DlJsonlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlJsonlReader, dl_jsonl_close)

/* The document of the next line, or NULL: at the end (*done set, error
 * unset), or for a bad line (error "FILE:LINE: message"; the next call goes
 * on with the line after it), or on a read error (*done set too).  The
 * document's name is its id (else "FILE:LINE"), its dct the day of its date
 * (NULL if it has none), its offsets count bytes of the decoded text, and
 * every offset is on the line of the file (document->line). */
DlDocument *dl_jsonl_next (DlJsonlReader *reader, gboolean *done,
                           GError **error);

G_END_DECLS
