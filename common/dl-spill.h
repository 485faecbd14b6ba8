/* dl-spill.h: records as a compact binary form, for a stage that sorts
 * more rows than memory holds and spills sorted runs to temporary files
 * (dateline-timeline's external sort).  The form is private to one
 * process: it is read back by the program that wrote it, never kept. */
#pragma once

#include "dl-record.h"

#include <stdio.h>

G_BEGIN_DECLS

/* Appends record (every field set, the user's columns, its origin and
 * line) to out. */
void dl_spill_encode (GByteArray *out, const DlRecord *record);

/* The record that dl_spill_encode wrote to data[0..len), or NULL (and
 * error set) if the bytes are not one. */
DlRecord *dl_spill_decode (const guint8 *data, gsize len, GError **error);

/* A new temporary file in dir, open for writing and reading, whose name
 * is removed at once: nothing is left in dir when the program ends, by
 * exit, error or signal.  SIGINT, SIGTERM and SIGHUP wait while it has a
 * name. */
FILE *dl_spill_open (const char *dir, GError **error);

G_END_DECLS
