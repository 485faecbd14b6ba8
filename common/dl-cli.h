/* dl-cli.h: what every dateline program's main() shares: option parsing
 * conventions, error reporting, exit codes and date arguments. */
#pragma once

#include "dl-record.h"

#include <glib.h>

G_BEGIN_DECLS

enum { DL_EXIT_OK = 0, DL_EXIT_DATA = 1, DL_EXIT_USAGE = 2 };

/* Sets the program name used in messages, the locale (LC_ALL from the
 * environment, but LC_NUMERIC, LC_TIME and LC_COLLATE stay C) and a check
 * of standard output at exit: a write error there, --help's included,
 * gives a message and exit status 1. */
void dl_cli_init (const char *program);

/* Prints "program: message" on stderr. */
void dl_cli_warn (const GError *error);

/* The exit code for an error: 2 for usage errors, else 1. */
int dl_cli_exit_code (const GError *error);

/* Adds --version, parses options; on failure prints the message and a
 * hint and returns FALSE.  --version prints and exits 0.  Afterwards argv
 * holds the program name and the operands only: "--" ends the options and
 * is never an operand (a second "--" is one). */
gboolean dl_cli_parse (GOptionContext *context, int *argc, char ***argv);

/* The output options every program that writes records has: -o FILE,
 * --format and --raw. */
typedef struct {
  char *path;
  char *format;
  gboolean raw;
  GOptionEntry *entries;
  char *format_help;
  char *format_names;
} DlOutputArgs;

/* Option entries that fill args, for g_option_context_add_main_entries;
 * --format lists the formats that can hold format's records. */
const GOptionEntry *dl_output_args_entries (DlOutputArgs *args,
                                            DlFormat format);
/* The writer args ask for (dl_writer_open). */
DlWriter *dl_output_args_open (const DlOutputArgs *args, DlFormat format,
                               GError **error);
void dl_output_args_clear (DlOutputArgs *args);

/* Flushes and checks standard output; FALSE (and a message) on error. */
gboolean dl_cli_close_stdout (void);

/* Parses YYYY-MM-DD (or YYYYMMDD, or a longer ISO timestamp or TIMEX3
 * value, "1998-10-25T14:00", "2023-06-15TMO", whose date part is taken)
 * into date.  FALSE if it is not a valid calendar date. */
gboolean dl_parse_iso_date (const char *text, GDate *date);

/* A date given as the value of option (--reference-date): YYYY-MM-DD or
 * YYYYMMDD, alone or with an ISO 8601 time of day after a T or a space
 * (hh:mm[:ss[.f]] or hhmm[ss], then Z or an offset such as +05:30), whose
 * date is taken as written.  Anything else ("2023-01-01 garbage") is a
 * usage error naming option. */
gboolean dl_cli_check_date (const char *option, const char *value,
                            GError **error);

/* Formats date as YYYY-MM-DD (years 0-9999), newly allocated. */
char *dl_format_date (const GDate *date);
/* Room for a date as dl_format_date_to writes it: GDate's years go up to
 * 65535. */
#define DL_DATE_TEXT_SIZE sizeof "65535-12-31"
/* date as YYYY-MM-DD into buffer (DL_DATE_TEXT_SIZE bytes); returns it. */
const char *dl_format_date_to (const GDate *date, char *buffer);

G_END_DECLS

G_BEGIN_DECLS
/* A size given as the value of option (--buffer-size), as sort -S reads
 * it: a number, then b (bytes), K, M, G or T (powers of 1024); a bare
 * number is K.  At least min bytes; anything else is a usage error naming
 * option. */
gboolean dl_cli_parse_size (const char *option, const char *text,
                            guint64 min, guint64 *bytes, GError **error);
G_END_DECLS
