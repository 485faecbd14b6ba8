/* dl-cli.c: shared main() conventions. */
#include "dl-cli.h"

#include "dl-record.h"
#include "dl-progress.h"
#include "dl-text.h"
#include "dl-version.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
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

/* Standard output is checked once more when the program exits, however it
 * exits: GLib prints --help and --version and calls exit () itself, and a
 * full disk must not then pass for success (as coreutils' close_stdout). */
static void
close_stdout_at_exit (void)
{
  if (!dl_cli_close_stdout ())
    _exit (DL_EXIT_DATA);
}

void
dl_cli_init (const char *program)
{
  g_set_prgname (program);
  /* The user's locale for messages and their character set (GLib's
   * quotes, translated GLib messages), but never for what the programs
   * write: numbers, dates and sorting stay those of C. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  setlocale (LC_TIME, "C");
  setlocale (LC_COLLATE, "C");
  /* Debug messages (G_MESSAGES_DEBUG) are diagnostics: never into the
   * records on stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  atexit (close_stdout_at_exit);
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
  return error->domain == DL_ERROR && error->code == DL_ERROR_WRITE;
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

/* The operands left after the options, with the program name before them:
 * the argv that dl_cli_parse hands back. */
static char **
operands_argv (const char *program, char **operands)
{
  guint n = operands ? g_strv_length (operands) : 0;
  char **argv = g_new (char *, n + 2);

  argv[0] = g_strdup (program);
  for (guint i = 0; i < n; i++)
    argv[i + 1] = operands[i];
  argv[n + 1] = NULL;
  g_free (operands); /* the strings now belong to argv */
  return argv;
}

/* --progress and --no-progress: the last one given wins. */
static gboolean
set_progress (const char *name, const char *value, gpointer data,
              GError **error)
{
  (void) value;
  (void) data;
  (void) error;
  dl_progress_set_mode (strcmp (name, "--progress") == 0 ? DL_PROGRESS_ON
                                                         : DL_PROGRESS_OFF);
  return TRUE;
}

gboolean
dl_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  static gboolean version_wanted = FALSE;
  static char **operands = NULL;
  static char **new_argv = NULL;
  /* G_OPTION_REMAINING: GLib then takes "--" as the end of the options
   * and leaves it out; without it, "--" stayed in argv as a file name. */
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version_wanted,
      "Print the version and exit", NULL },
    { "progress", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
      (gpointer) set_progress,
      "Show documents, rows and bytes done on stderr (default: when stderr "
      "is a terminal and the output goes to a file)", NULL },
    { "no-progress", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
      (gpointer) set_progress,
      "Never show progress", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &operands, NULL,
      NULL },
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
  g_strfreev (new_argv);
  new_argv = operands_argv ((*argv)[0], g_steal_pointer (&operands));
  *argv = new_argv;
  *argc = (int) g_strv_length (new_argv);
  return TRUE;
}

const GOptionEntry *
dl_output_args_entries (DlOutputArgs *args, DlFormat format)
{
  const char *const *names = dl_writer_formats (format);

  g_free (args->format_names);
  g_free (args->format_help);
  args->format_names = g_strjoinv ("|", (char **) names);
  args->format_help = g_strdup_printf (
      "Write %s (default: by FILE's extension, else %s)",
      args->format_names, names[0]);
  {
    const GOptionEntry entries[] = {
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->path,
        "Write to FILE (replaced only once complete), not standard output",
        "FILE" },
      { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format,
        args->format_help, args->format_names },
      { "raw", 0, 0, G_OPTION_ARG_NONE, &args->raw,
        "Write and read cells as they are: no quote before a cell that "
        "starts like a spreadsheet formula (= + - @)", NULL },
      { NULL },
    };

    g_free (args->entries);
    args->entries = g_memdup2 (entries, sizeof entries);
  }
  return args->entries;
}

DlWriter *
dl_output_args_open (const DlOutputArgs *args, DlFormat format,
                     GError **error)
{
  DlOutputOptions options = { args->path, args->format, args->raw };

  dl_progress_set_output (args->path);
  return dl_writer_open (&options, format, error);
}

void
dl_output_args_clear (DlOutputArgs *args)
{
  g_clear_pointer (&args->path, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->entries, g_free);
  g_clear_pointer (&args->format_help, g_free);
  g_clear_pointer (&args->format_names, g_free);
}

gboolean
dl_cli_close_stdout (void)
{
  int saved = fflush (stdout) != 0 ? errno : 0;

  if (saved == 0 && !ferror (stdout))
    return TRUE;
  /* An earlier failed write (GLib's --help) leaves the error flag but
   * not its errno. */
  if (!stdout_error_told)
    g_printerr ("%s: standard output: %s\n", g_get_prgname (),
                saved ? g_strerror (saved) : "write error");
  stdout_error_told = TRUE;
  return FALSE;
}

/* n digits at *p that make a number up to max; moves *p past them. */
static gboolean
take_digits (const char **p, int n, int max)
{
  int value = dl_text_digits (*p, n);

  if (value < 0 || value > max)
    return FALSE;
  *p += n;
  return TRUE;
}

/* An ISO 8601 time of day after the date's T or space: hh:mm, hh:mm:ss,
 * hhmm or hhmmss, a fraction of a second, then nothing, Z, or an offset
 * (+hh, +hh:mm, +hhmm).  GLib's g_date_time_new_from_iso8601 wants the
 * seconds, which TimeML's DCTs ("1998-10-25T14:00") leave out. */
static gboolean
is_iso_time (const char *p)
{
  gboolean colon;

  if (!take_digits (&p, 2, 23))
    return FALSE;
  colon = *p == ':';
  p += colon;
  if (!take_digits (&p, 2, 59))
    return FALSE;
  if (colon ? *p == ':' : g_ascii_isdigit (*p))
    {
      p += colon;
      if (!take_digits (&p, 2, 60))
        return FALSE;
      if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }
  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      p++;
      if (!take_digits (&p, 2, 23))
        return FALSE;
      colon = *p == ':';
      p += colon;
      if ((colon || *p != '\0') && !take_digits (&p, 2, 59))
        return FALSE;
    }
  return *p == '\0';
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

gboolean
dl_cli_check_date (const char *option, const char *value, GError **error)
{
  GDate date;
  gsize n = strspn (value, "0123456789-");

  /* The date, then nothing, or a time of day: a date argument that is
   * anything else is a mistake to tell, not to half read. */
  if (!dl_parse_iso_date (value, &date)
      || (value[n] != '\0' && !is_iso_time (value + n + 1)))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "%s: \"%s\" is not a date (YYYY-MM-DD)", option, value);
      return FALSE;
    }
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

gboolean
dl_cli_parse_size (const char *option, const char *text, guint64 min,
                   guint64 *bytes, GError **error)
{
  static const char units[] = "bKMGT";
  char *end = NULL;
  guint64 number = 0;
  const char *unit;
  guint shift = 10;

  if (g_ascii_isdigit (*text))
    number = g_ascii_strtoull (text, &end, 10);
  if (end && *end != '\0' && end[1] == '\0'
      && (unit = strchr (units, g_ascii_toupper (*end) == 'B' ? 'b'
                                                   : g_ascii_toupper (*end))))
    {
      shift = unit == units ? 0 : 10 * (guint) (unit - units);
      end++;
    }
  if (end == NULL || *end != '\0' || number > (G_MAXUINT64 >> shift)
      || (number << shift) < min)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "%s: \"%s\" is not a size of at least %" G_GUINT64_FORMAT
                   " bytes (a number and b, K, M, G or T)", option, text, min);
      return FALSE;
    }
  *bytes = number << shift;
  return TRUE;
}
