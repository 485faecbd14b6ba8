/* dl-write-xlsx.c: --format xlsx, a workbook written with libxlsxwriter
 * (docs/spreadsheets.md).  The days are date cells in an ISO number format,
 * the counts numbers, everything else a string, never a formula: a cell
 * that starts with "=" is text in a workbook, so the guard's quote is not
 * needed there.  The header row is frozen and carries an autofilter. */
#include "dl-write-backend.h"

#include "dl-text.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#ifdef DL_HAVE_XLSXWRITER

#include <glib/gstdio.h>
#include <xlsxwriter.h>

/* Excel holds at most this many characters in a cell, and this many rows
 * in a sheet (the header one of them). */
#define CELL_MAX 32767
#define WIDTH_MAX 60

typedef enum { CELL_TEXT, CELL_DATE, CELL_NUMBER } CellKind;

typedef struct {
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *date_format;
  lxw_format *header_format;
  char *path;          /* the file libxlsxwriter writes */
  gboolean own_path;   /* a temporary file of ours, copied to the output at
                        * the end (standard output, a pipe) */
  lxw_row_t row;       /* the next row */
  CellKind *kinds;     /* of each cell */
  guint *widths;       /* of each column, in characters */
  gsize n_cells;
} Xlsx;

static const char *
sheet_name (DlFormat format)
{
  switch (format)
    {
    case DL_FORMAT_MENTIONS: return "mentions";
    case DL_FORMAT_RANGES: return "ranges";
    case DL_FORMAT_COMPARE: return "comparison";
    default: return "timeline";
    }
}

static CellKind
kind_of (int column)
{
  switch (column)
    {
    case DL_COL_DCT: case DL_COL_EARLIEST: case DL_COL_LATEST:
    case DL_COL_FROM: case DL_COL_TO: case DL_COL_A_START: case DL_COL_A_END:
    case DL_COL_B_START: case DL_COL_B_END:
      return CELL_DATE;
    case DL_COL_SCORE: case DL_COL_GAP_DAYS:
      return CELL_NUMBER;
    default:
      return column >= 0 && dl_column_is_number (column) ? CELL_NUMBER
                                                         : CELL_TEXT;
    }
}

static gboolean
failed (DlWriter *writer, lxw_error status, GError **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
               writer->name, lxw_strerror (status));
  return FALSE;
}

static void
xlsx_free (DlWriter *writer)
{
  Xlsx *x = writer->state;

  if (x == NULL)
    return;
  if (x->workbook)
    lxw_workbook_free (x->workbook);
  if (x->own_path)
    g_unlink (x->path);
  g_free (x->path);
  g_free (x->kinds);
  g_free (x->widths);
  g_free (x);
  writer->state = NULL;
}

/* The file to write: the temporary file of -o FILE itself, or one of our
 * own whose bytes go to the output at the end. */
static gboolean
pick_path (DlWriter *writer, Xlsx *x, GError **error)
{
  g_autoptr (GError) local = NULL;
  int fd;

  if (writer->temp_path)
    {
      x->path = g_strdup (writer->temp_path);
      return TRUE;
    }
  fd = g_file_open_tmp ("dateline-XXXXXX.xlsx", &x->path, &local);
  if (fd < 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", writer->name,
                   local->message);
      return FALSE;
    }
  close (fd);
  x->own_path = TRUE;
  return TRUE;
}

static gboolean
xlsx_open (DlWriter *writer, GError **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  Xlsx *x;

  /* A workbook on a terminal is noise, as gzip's output would be. */
  if (writer->temp_path == NULL && isatty (fileno (writer->out)))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "xlsx is not written to a terminal: use -o FILE.xlsx "
                   "or redirect the output");
      return FALSE;
    }
  x = writer->state = g_new0 (Xlsx, 1);
  if (!pick_path (writer, x, error))
    return FALSE;
  /* Rows are written in order and flushed as they go: memory stays flat
   * however long the timeline. */
  x->workbook = workbook_new_opt (x->path, &options);
  if (x->workbook)
    x->sheet = workbook_add_worksheet (x->workbook,
                                       sheet_name (writer->format));
  if (x->sheet == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: cannot start a workbook",
                   writer->name);
      return FALSE;
    }
  x->date_format = workbook_add_format (x->workbook);
  format_set_num_format (x->date_format, "yyyy-mm-dd");
  x->header_format = workbook_add_format (x->workbook);
  format_set_bold (x->header_format);
  return TRUE;
}

/* Records that cell col holds text of width characters. */
static void
widen (Xlsx *x, gsize col, const char *text)
{
  glong width = g_utf8_strlen (text, -1);

  if ((guint) MIN (width, WIDTH_MAX) > x->widths[col])
    x->widths[col] = MIN (width, WIDTH_MAX);
}

static gboolean
xlsx_header (DlWriter *writer, GError **error)
{
  Xlsx *x = writer->state;

  x->n_cells = dl_writer_n_cells (writer);
  x->kinds = g_new0 (CellKind, x->n_cells);
  x->widths = g_new0 (guint, x->n_cells);
  for (gsize i = 0; i < x->n_cells; i++)
    {
      const char *name = dl_writer_valid (writer,
                                          dl_writer_cell_name (writer, i));

      x->kinds[i] = kind_of (dl_writer_cell_column (writer, i));
      /* Room for the autofilter's button beside the name. */
      x->widths[i] = g_utf8_strlen (name, -1) + 3;
      if (!failed (writer, worksheet_write_string (x->sheet, 0, i, name,
                                                   x->header_format),
                   error))
        return FALSE;
    }
  worksheet_freeze_panes (x->sheet, 1, 0);
  x->row = 1;
  return TRUE;
}

/* YYYY-MM-DD of a day from 1 March 1900 on into date: Excel's dates start
 * in 1900 and count a 29 February 1900 that never was, so earlier days
 * stay text rather than come out a day wrong or not at all. */
static gboolean
excel_date (const char *text, lxw_datetime *date)
{
  int y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = dl_text_digits (text, 4);
  m = dl_text_digits (text + 5, 2);
  d = dl_text_digits (text + 8, 2);
  if (y < 1900 || m < 1 || d < 1 || !g_date_valid_dmy (d, m, y)
      || (y == 1900 && m < 3))
    return FALSE;
  *date = (lxw_datetime) { .year = y, .month = m, .day = d };
  return TRUE;
}

/* A number as the stages write them ("3", "0.91", "-32"). */
static gboolean
number (const char *text, double *value)
{
  char *end;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

/* text cut to what a cell holds, in writer->cell when it is cut. */
static const char *
fit (DlWriter *writer, const char *text)
{
  const char *end;

  if (strlen (text) <= CELL_MAX
      || (glong) g_utf8_strlen (text, -1) <= CELL_MAX)
    return text;
  end = g_utf8_offset_to_pointer (text, CELL_MAX - 1);
  if (text != writer->cell->str)
    g_string_assign (writer->cell, text);
  g_string_truncate (writer->cell, end - text);
  g_string_append (writer->cell, "…");
  return writer->cell->str;
}

static lxw_error
write_cell (DlWriter *writer, Xlsx *x, gsize col, const char *text)
{
  lxw_datetime date;
  double value;

  if (*text == '\0')
    return LXW_NO_ERROR;
  if (x->kinds[col] == CELL_DATE && excel_date (text, &date))
    {
      x->widths[col] = MAX (x->widths[col], 10);
      return worksheet_write_datetime (x->sheet, x->row, col, &date,
                                       x->date_format);
    }
  widen (x, col, text);
  if (x->kinds[col] == CELL_NUMBER && number (text, &value))
    return worksheet_write_number (x->sheet, x->row, col, value, NULL);
  return worksheet_write_string (x->sheet, x->row, col, fit (writer, text),
                                 NULL);
}

static gboolean
xlsx_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  Xlsx *x = writer->state;

  if (x->row >= LXW_ROW_MAX)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE,
                   "%s: an xlsx sheet holds at most %u rows: write csv",
                   writer->name, LXW_ROW_MAX - 1);
      return FALSE;
    }
  for (gsize i = 0; i < x->n_cells; i++)
    if (!failed (writer,
                 write_cell (writer, x, i, dl_writer_cell (writer, record, i)),
                 error))
      return FALSE;
  x->row++;
  return TRUE;
}

/* Copies the finished workbook to the output. */
static gboolean
copy_out (DlWriter *writer, Xlsx *x, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  if (!g_file_get_contents (x->path, &bytes, &len, &local))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_WRITE, "%s: write error: %s",
                   writer->name, local->message);
      return FALSE;
    }
  fwrite (bytes, 1, len, writer->out);
  return dl_writer_check_stream (writer, error);
}

static gboolean
xlsx_finish (DlWriter *writer, GError **error)
{
  Xlsx *x = writer->state;
  lxw_workbook *workbook = g_steal_pointer (&x->workbook);

  for (gsize i = 0; i < x->n_cells; i++)
    worksheet_set_column (x->sheet, i, i, x->widths[i] + 1, NULL);
  if (x->n_cells > 0)
    worksheet_autofilter (x->sheet, 0, 0, x->row - 1, x->n_cells - 1);
  /* workbook_close frees the workbook, whatever it returns. */
  if (!failed (writer, workbook_close (workbook), error))
    return FALSE;
  return !x->own_path || copy_out (writer, x, error);
}

#else /* !DL_HAVE_XLSXWRITER */

static gboolean
xlsx_open (DlWriter *writer, GError **error)
{
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               "--format xlsx needs libxlsxwriter, which this build lacks "
               "(install libxlsxwriter-dev and build again)");
  return FALSE;
}

/* Never called: the writer does not open. */
static gboolean
xlsx_header (DlWriter *writer, GError **error)
{
  return xlsx_open (writer, error);
}

static gboolean
xlsx_record (DlWriter *writer, const DlRecord *record, GError **error)
{
  return xlsx_open (writer, error);
}

#define xlsx_finish NULL
#define xlsx_free NULL

#endif

static const char *const xlsx_extensions[] = { ".xlsx", NULL };

const DlWriterBackend dl_backend_xlsx = {
  .name = "xlsx",
  .extensions = xlsx_extensions,
  .formats = DL_FORMAT_BIT (DL_FORMAT_MENTIONS) | DL_FORMAT_BIT (DL_FORMAT_RANGES)
             | DL_FORMAT_BIT (DL_FORMAT_TIMELINE)
             | DL_FORMAT_BIT (DL_FORMAT_COMPARE),
  .header = xlsx_header,
  .record = xlsx_record,
  .finish = xlsx_finish,
  .free = xlsx_free,
  .open = xlsx_open,
};
