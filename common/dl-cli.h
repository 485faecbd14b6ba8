/* dl-cli.h: what every dateline program's main() shares: option parsing
 * conventions, error reporting, exit codes and date arguments. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum { DL_EXIT_OK = 0, DL_EXIT_DATA = 1, DL_EXIT_USAGE = 2 };

/* Sets the program name used in messages. */
void dl_cli_init (const char *program);

/* Prints "program: message" on stderr. */
void dl_cli_warn (const GError *error);

/* The exit code for an error: 2 for usage errors, else 1. */
int dl_cli_exit_code (const GError *error);

/* Adds --version, parses options; on failure prints the message and a
 * hint and returns FALSE.  --version prints and exits 0. */
gboolean dl_cli_parse (GOptionContext *context, int *argc, char ***argv);

/* Flushes and checks standard output; FALSE (and a message) on error. */
gboolean dl_cli_close_stdout (void);

/* Parses YYYY-MM-DD (or YYYYMMDD, or a longer ISO timestamp, whose date part
 * is taken) into date.  FALSE if it is not a valid calendar date. */
gboolean dl_parse_iso_date (const char *text, GDate *date);

/* Formats date as YYYY-MM-DD (years 0-9999), newly allocated. */
char *dl_format_date (const GDate *date);
/* Room for a date as dl_format_date_to writes it: GDate's years go up to
 * 65535. */
#define DL_DATE_TEXT_SIZE sizeof "65535-12-31"
/* date as YYYY-MM-DD into buffer (DL_DATE_TEXT_SIZE bytes); returns it. */
const char *dl_format_date_to (const GDate *date, char *buffer);

G_END_DECLS
