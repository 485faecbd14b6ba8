/* fuzz.h: what the libFuzzer harnesses share (fuzz/README.md). */
#pragma once

#include "dl-record.h"

#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Once per process: GLib criticals and warnings abort (they are bugs the
 * fuzzer should report, e.g. a GDate moved out of range), unless
 * DL_FUZZ_NONFATAL is set. */
void dl_fuzz_init (void);

/* A stream that discards what is written, opened once. */
FILE *dl_fuzz_null (void);

/* Records of format from data: one per line, fields separated by TAB in
 * the format's column order (dl_format_columns), missing ones empty.  A
 * line that is not UTF-8 or holds a NUL is left out, as the CSV reader
 * would refuse it.  Rows this way reach a stage without CSV quoting in the
 * way of the mutations. */
GPtrArray *dl_fuzz_records (const uint8_t *data, size_t size,
                            DlFormat format);

/* Aborts (a finding) unless every field of record is UTF-8 without NUL. */
void dl_fuzz_check_utf8 (const DlRecord *record, const char *what);

/* Aborts unless record is a sound range row: UTF-8, earliest and latest
 * empty or real days (YYYY-MM-DD, years 1-9999), earliest <= latest. */
void dl_fuzz_check_range (const DlRecord *record);

/* Aborts with message: an invariant of the stage is broken. */
G_NORETURN void dl_fuzz_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
