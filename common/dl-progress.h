/* dl-progress.h: --progress, one meter per program: documents, rows and
 * bytes done and a rate, on standard error, at most four times a second
 * on a terminal (one line, redrawn) and once a second elsewhere (a line
 * each).  The counters cost an addition when the meter is off. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the meter shows: DL_PROGRESS_AUTO (the default) shows it when
 * standard error is a terminal and the output goes to a file, neither to
 * a pipe (the next stage's meter speaks for the pipeline) nor to that
 * terminal. */
typedef enum {
  DL_PROGRESS_AUTO,
  DL_PROGRESS_ON,
  DL_PROGRESS_OFF,
} DlProgressMode;

/* Set by --progress and --no-progress (dl_cli_parse); then the output
 * (-o FILE, or standard output for NULL or "-") decides the default: a
 * regular file, or a FILE not made yet, is a file. */
void dl_progress_set_mode (DlProgressMode mode);
void dl_progress_set_output (const char *path);

extern gboolean dl_progress_on;

void dl_progress_tick (guint documents, guint64 bytes, guint64 rows);

/* A document begun, bytes of input read, a row written. */
static inline void
dl_progress_document (guint64 bytes)
{
  if (G_UNLIKELY (dl_progress_on))
    dl_progress_tick (1, bytes, 0);
}

static inline void
dl_progress_bytes (guint64 bytes)
{
  if (G_UNLIKELY (dl_progress_on))
    dl_progress_tick (0, bytes, 0);
}

static inline void
dl_progress_row (void)
{
  if (G_UNLIKELY (dl_progress_on))
    dl_progress_tick (0, 0, 1);
}

/* Takes the meter's line off the terminal before a message (GLib's
 * printerr handler calls it), and at exit. */
void dl_progress_clear (void);

G_END_DECLS
