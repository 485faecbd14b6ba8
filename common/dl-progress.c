/* dl-progress.c: the --progress meter (dl-progress.h). */
#include "dl-progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean dl_progress_on = FALSE;

static struct {
  DlProgressMode mode;
  gboolean decided;
  gboolean terminal;  /* standard error is one: redraw one line */
  gboolean shown;     /* a line is on the terminal */
  guint64 documents, bytes, rows;
  guint events;       /* since the clock was last read */
  gint64 start, next; /* monotonic microseconds */
} meter;

/* dateline warns from its normalize thread while extract's thread draws
 * the meter: the lock keeps a warning and a redraw from mixing. */
static GMutex meter_lock;

/* Reading the clock on every row would cost more than the row. */
#define EVENTS_PER_CLOCK 1024

static void
clear_locked (void)
{
  if (!meter.shown)
    return;
  fputs ("\r\033[K", stderr);
  fflush (stderr);
  meter.shown = FALSE;
}

static void
print_handler (const char *text)
{
  g_mutex_lock (&meter_lock);
  clear_locked ();
  fputs (text, stderr);
  g_mutex_unlock (&meter_lock);
}

static void
at_exit (void)
{
  if (!meter.terminal && dl_progress_on && meter.start)
    {
      /* A log gets the last count. */
      meter.next = 0;
      dl_progress_tick (0, 0, 0);
    }
  dl_progress_clear ();
}

static void
decide (gboolean to_file)
{
  gboolean show;

  meter.terminal = isatty (STDERR_FILENO);
  show = meter.mode == DL_PROGRESS_ON
         || (meter.mode == DL_PROGRESS_AUTO && meter.terminal && to_file);
  meter.decided = TRUE;
  if (!show)
    return;
  dl_progress_on = TRUE;
  meter.start = g_get_monotonic_time ();
  meter.next = meter.start + G_USEC_PER_SEC / 4;
  g_set_printerr_handler (print_handler);
  atexit (at_exit);
}

void
dl_progress_set_mode (DlProgressMode mode)
{
  meter.mode = mode;
}

void
dl_progress_set_output (const char *path)
{
  gboolean to_stdout = path == NULL || strcmp (path, "-") == 0;
  struct stat st;
  int got;

  if (meter.decided)
    return;
  got = to_stdout ? fstat (STDOUT_FILENO, &st) : stat (path, &st);
  /* A FILE not made yet will be one; a pipe or a terminal is none. */
  decide (to_stdout ? got == 0 && (S_ISREG (st.st_mode)
                                   || S_ISBLK (st.st_mode))
                    : got != 0 || S_ISREG (st.st_mode));
}

/* 1234567 as "1,234,567". */
static void
put_count (GString *line, guint64 n)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (line, ',');
      g_string_append_c (line, digits[i]);
    }
}

static void
draw (gint64 now)
{
  g_autoptr (GString) line = g_string_new (NULL);
  double seconds = MAX (now - meter.start, 1) / (double) G_USEC_PER_SEC;
  double mb = meter.bytes / 1048576.0;

  g_string_append_printf (line, "%s: ", g_get_prgname ());
  if (meter.documents > 0)
    {
      put_count (line, meter.documents);
      g_string_append (line, meter.documents == 1 ? " document, "
                                                  : " documents, ");
    }
  put_count (line, meter.rows);
  g_string_append_printf (line, " row%s, %.1f MB read, %.1f MB/s",
                          meter.rows == 1 ? "" : "s", mb, mb / seconds);
  if (meter.terminal)
    fprintf (stderr, "\r%s\033[K", line->str);
  else
    fprintf (stderr, "%s\n", line->str);
  fflush (stderr);
  meter.shown = meter.terminal;
}

void
dl_progress_tick (guint documents, guint64 bytes, guint64 rows)
{
  gint64 now;

  meter.documents += documents;
  meter.bytes += bytes;
  meter.rows += rows;
  if (documents == 0 && ++meter.events < EVENTS_PER_CLOCK && meter.next)
    return;
  meter.events = 0;
  now = g_get_monotonic_time ();
  if (now < meter.next)
    return;
  meter.next = now + (meter.terminal ? G_USEC_PER_SEC / 4 : G_USEC_PER_SEC);
  g_mutex_lock (&meter_lock);
  draw (now);
  g_mutex_unlock (&meter_lock);
}

void
dl_progress_clear (void)
{
  g_mutex_lock (&meter_lock);
  clear_locked ();
  g_mutex_unlock (&meter_lock);
}
