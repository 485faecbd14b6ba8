/* dl-cli.c: shared main() conventions. */
#include "dl-cli.h"

#include "dl-record.h"
#include "dl-version.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
}

void
dl_cli_warn (const GError *error)
{
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
      g_printerr ("%s: standard output: %s\n", g_get_prgname (),
                  g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_parse_iso_date (const char *text, GDate *date)
{
  guint y, m, d;
  int n = 0;

  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 || n != 10)
    {
      n = 0;
      if (sscanf (text, "%4u%2u%2u%n", &y, &m, &d, &n) != 3 || n != 8)
        return FALSE;
    }
  if (text[n] != '\0' && text[n] != 'T' && text[n] != ' ')
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
dl_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
