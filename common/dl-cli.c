/* dl-cli.c: shared main() conventions. */
#include "dl-cli.h"

#include "dl-record.h"
#include "dl-text.h"
#include "dl-version.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows go out in 1 MB writes (a pipe's whole buffer, see below) and come
 * in 64 KB at a time, not 4 KB: far fewer system calls and wake-ups of the
 * other stage.  A terminal stays line buffered. */
static void
buffer_stdio (void)
{
  static char out_buffer[1 << 20], in_buffer[1 << 16];

  if (!isatty (STDOUT_FILENO))
    setvbuf (stdout, out_buffer, _IOFBF, sizeof out_buffer);
  setvbuf (stdin, in_buffer, _IOFBF, sizeof in_buffer);
}

/* Each document's buffers (megabytes) are freed, then allocated again for
 * the next: keep that memory instead of handing it back to the system and
 * faulting it in afresh, page by page, every time (glibc otherwise trims
 * the heap and maps big blocks anew). */
static void
keep_freed_memory (void)
{
#ifdef M_TRIM_THRESHOLD
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
#endif
}

void
dl_cli_init (const char *program)
{
  g_set_prgname (program);
  /* Default SIGPIPE: a closed stdout (| head) ends the program quietly,
   * as it does for sort and cut. */
  signal (SIGPIPE, SIG_DFL);
#ifdef F_SETPIPE_SZ
  /* Into a pipe, a larger buffer lets this stage run a document ahead of
   * the next, which holds a document's rows until it ends: the two then
   * work at once instead of taking turns.  Where it is refused (not a
   * pipe, not Linux), nothing changes. */
  fcntl (STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
  buffer_stdio ();
  keep_freed_memory ();
}

/* Whether a write error on standard output has been told already: it is
 * told once, not again when stdout is closed. */
static gboolean stdout_error_told;

static gboolean
is_stdout_error (const GError *error)
{
  return error->domain == DL_ERROR && error->code == DL_ERROR_IO
         && g_str_has_prefix (error->message, "standard output");
}

void
dl_cli_warn (const GError *error)
{
  if (is_stdout_error (error))
    {
      if (stdout_error_told)
        return;
      stdout_error_told = TRUE;
    }
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
}

int
dl_cli_exit_code (const GError *error)
{
  if (error && error->domain == DL_ERROR && error->code == DL_ERROR_USAGE)
    return DL_EXIT_USAGE;
  if (error && error->domain == G_OPTION_ERROR)
    return DL_EXIT_USAGE;
  return DL_EXIT_DATA;
}

gboolean
dl_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  static gboolean version_wanted = FALSE;
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version_wanted,
      "Print the version and exit", NULL },
    { NULL },
  };
  gboolean *version = &version_wanted;
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s: %s\nTry '%s --help' for more information.\n",
                  g_get_prgname (), error->message, g_get_prgname ());
      return FALSE;
    }
  if (*version)
    {
      printf ("%s (dateline) %s\n", g_get_prgname (), DL_VERSION);
      exit (dl_cli_close_stdout () ? DL_EXIT_OK : DL_EXIT_DATA);
    }
  return TRUE;
}

gboolean
dl_cli_close_stdout (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (!stdout_error_told)
        g_printerr ("%s: standard output: %s\n", g_get_prgname (),
                    g_strerror (errno));
      stdout_error_told = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* YYYY-MM-DD or YYYYMMDD, then the end, a T or a space.  Read digit by
 * digit, not with sscanf: every row's dates pass through here, and
 * sscanf would also take signs and spaces. */
gboolean
dl_parse_iso_date (const char *text, GDate *date)
{
  int y, m, d, n;

  if (text == NULL || (y = dl_text_digits (text, 4)) < 0)
    return FALSE;
  if (text[4] == '-')
    {
      m = dl_text_digits (text + 5, 2);
      d = m < 0 || text[7] != '-' ? -1 : dl_text_digits (text + 8, 2);
      n = 10;
    }
  else
    {
      m = dl_text_digits (text + 4, 2);
      d = m < 0 ? -1 : dl_text_digits (text + 6, 2);
      n = 8;
    }
  if (d < 0 || (text[n] != '\0' && text[n] != 'T' && text[n] != ' '))
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Writes number in width digits, with leading zeros; returns the end. */
static char *
put_digits (char *p, guint number, int width)
{
  for (int i = width - 1; i >= 0; i--, number /= 10)
    p[i] = (char) ('0' + number % 10);
  return p + width;
}

/* Digit by digit, not through printf: every row's range and most notes
 * are written through here. */
const char *
dl_format_date_to (const GDate *date, char *buffer)
{
  guint year = g_date_get_year (date);
  char *p = put_digits (buffer, year, year > 9999 ? 5 : 4);

  *p++ = '-';
  p = put_digits (p, g_date_get_month (date), 2);
  *p++ = '-';
  p = put_digits (p, g_date_get_day (date), 2);
  *p = '\0';
  return buffer;
}

char *
dl_format_date (const GDate *date)
{
  char buffer[DL_DATE_TEXT_SIZE];

  return g_strdup (dl_format_date_to (date, buffer));
}
