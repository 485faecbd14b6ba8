/* dl-record.c: the record formats and the records themselves. */
#include "dl-record-private.h"

#include "dl-text.h"

#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (dl-error-quark, dl_error)

static const DlColumn mentions_columns[] = {
  DL_COL_DOC, DL_COL_DCT, DL_COL_START, DL_COL_END, DL_COL_LINE,
  DL_COL_SENTENCE, DL_COL_MENTION, DL_COL_FORM, DL_COL_ANCHOR, DL_COL_EVENT,
  DL_COL_CONTEXT,
};

static const DlColumn ranges_columns[] = {
  DL_COL_DOC, DL_COL_DCT, DL_COL_START, DL_COL_END, DL_COL_LINE,
  DL_COL_SENTENCE, DL_COL_MENTION, DL_COL_FORM, DL_COL_ANCHOR, DL_COL_EVENT,
  DL_COL_CONTEXT,
  DL_COL_TYPE, DL_COL_VALUE, DL_COL_MOD, DL_COL_EARLIEST, DL_COL_LATEST,
  DL_COL_GRANULARITY, DL_COL_CERTAINTY, DL_COL_NOTE,
};

/* What a reader wants first, then what makes a timeline an input again
 * (of dateline-timeline and dateline-compare). */
static const DlColumn timeline_columns[] = {
  DL_COL_FROM, DL_COL_TO, DL_COL_WHEN, DL_COL_EVENT, DL_COL_MENTION,
  DL_COL_SOURCE, DL_COL_SOURCES, DL_COL_VALUE, DL_COL_GRANULARITY,
  DL_COL_CERTAINTY, DL_COL_TYPE, DL_COL_DOC, DL_COL_DCT, DL_COL_CONTEXT,
  DL_COL_NOTE,
};

static const DlColumn compare_columns[] = {
  DL_COL_STATUS, DL_COL_SCORE, DL_COL_GAP_DAYS, DL_COL_A_START,
  DL_COL_A_END, DL_COL_A_WHEN, DL_COL_A_EVENT, DL_COL_A_SOURCE,
  DL_COL_B_START, DL_COL_B_END, DL_COL_B_WHEN, DL_COL_B_EVENT,
  DL_COL_B_SOURCE, DL_COL_NOTE,
};

static const DlColumn dates_columns[] = { DL_COL_DOC, DL_COL_DCT };

static const DlColumn anchors_columns[] = {
  DL_COL_NAME, DL_COL_EARLIEST, DL_COL_LATEST, DL_COL_ALIASES,
};

static const char *const column_names[DL_N_COLUMNS] = {
  [DL_COL_DOC] = "doc",
  [DL_COL_DCT] = "dct",
  [DL_COL_START] = "start",
  [DL_COL_END] = "end",
  [DL_COL_LINE] = "line",
  [DL_COL_SENTENCE] = "sentence",
  [DL_COL_MENTION] = "mention",
  [DL_COL_FORM] = "form",
  [DL_COL_ANCHOR] = "anchor",
  [DL_COL_CONTEXT] = "context",
  [DL_COL_TYPE] = "type",
  [DL_COL_VALUE] = "value",
  [DL_COL_MOD] = "mod",
  [DL_COL_EARLIEST] = "earliest",
  [DL_COL_LATEST] = "latest",
  [DL_COL_GRANULARITY] = "granularity",
  [DL_COL_CERTAINTY] = "certainty",
  [DL_COL_NOTE] = "note",
  [DL_COL_FROM] = "start",
  [DL_COL_TO] = "end",
  [DL_COL_WHEN] = "when",
  [DL_COL_EVENT] = "event",
  [DL_COL_SOURCE] = "source",
  [DL_COL_SOURCES] = "sources",
  [DL_COL_NAME] = "name",
  [DL_COL_ALIASES] = "aliases",
  [DL_COL_STATUS] = "status",
  [DL_COL_SCORE] = "score",
  [DL_COL_GAP_DAYS] = "gap_days",
  [DL_COL_A_START] = "a_start",
  [DL_COL_A_END] = "a_end",
  [DL_COL_A_WHEN] = "a_when",
  [DL_COL_A_EVENT] = "a_event",
  [DL_COL_A_SOURCE] = "a_source",
  [DL_COL_B_START] = "b_start",
  [DL_COL_B_END] = "b_end",
  [DL_COL_B_WHEN] = "b_when",
  [DL_COL_B_EVENT] = "b_event",
  [DL_COL_B_SOURCE] = "b_source",
};

const DlColumn *
dl_format_columns (DlFormat format, gsize *n_columns)
{
  switch (format)
    {
    case DL_FORMAT_MENTIONS:
      *n_columns = G_N_ELEMENTS (mentions_columns);
      return mentions_columns;
    case DL_FORMAT_RANGES:
      *n_columns = G_N_ELEMENTS (ranges_columns);
      return ranges_columns;
    case DL_FORMAT_ANCHORS:
      *n_columns = G_N_ELEMENTS (anchors_columns);
      return anchors_columns;
    case DL_FORMAT_DATES:
      *n_columns = G_N_ELEMENTS (dates_columns);
      return dates_columns;
    case DL_FORMAT_COMPARE:
      *n_columns = G_N_ELEMENTS (compare_columns);
      return compare_columns;
    case DL_FORMAT_TIMELINE:
    default:
      *n_columns = G_N_ELEMENTS (timeline_columns);
      return timeline_columns;
    }
}

gboolean
dl_column_is_number (DlColumn column)
{
  switch (column)
    {
    case DL_COL_START:
    case DL_COL_END:
    case DL_COL_LINE:
    case DL_COL_SENTENCE:
    case DL_COL_SOURCES:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
dl_format_column_name (DlFormat format, DlColumn column)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (format, &n);

  for (gsize i = 0; i < n; i++)
    if (cols[i] == column)
      return column_names[column];
  return NULL;
}

int
dl_format_lookup (DlFormat format, const char *name)
{
  gsize n;
  const DlColumn *cols = dl_format_columns (format, &n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (column_names[cols[i]], name) == 0)
      return cols[i];
  return -1;
}

DlRecord *
dl_record_new (void)
{
  DlRecord *record = g_new0 (DlRecord, 1);

  record->extra = g_ptr_array_new_with_free_func (g_free);
  return record;
}

G_STATIC_ASSERT (DL_N_COLUMNS <= 64); /* a bit each in in_block */

static gboolean
in_block (const DlRecord *record, int column)
{
  return (record->in_block >> column) & 1;
}

void
dl_record_free (DlRecord *record)
{
  if (record == NULL)
    return;
  /* Most of a record's columns are unset: no call to free them. */
  for (int i = 0; i < DL_N_COLUMNS; i++)
    if (record->fields[i] != NULL && !in_block (record, i))
      g_free (record->fields[i]);
  g_free (record->block);
  g_ptr_array_unref (record->extra);
  g_clear_pointer (&record->origin, g_ref_string_release);
  g_free (record);
}

const char *
dl_record_get (const DlRecord *record, DlColumn column)
{
  return record->fields[column] ? record->fields[column] : "";
}

void
dl_record_take (DlRecord *record, DlColumn column, char *value)
{
  if (in_block (record, column))
    record->in_block &= ~(G_GUINT64_CONSTANT (1) << column);
  else
    g_free (record->fields[column]);
  record->fields[column] = value;
}

void
dl_record_give_block (DlRecord *record, gpointer block)
{
  g_assert (record->block == NULL);
  record->block = block;
}

void
dl_record_set_in_block (DlRecord *record, DlColumn column, char *value)
{
  dl_record_take (record, column, value);
  record->in_block |= G_GUINT64_CONSTANT (1) << column;
}

void
dl_record_compact (DlRecord *record)
{
  gsize size = 0;
  char *block, *at;

  for (int i = 0; i < DL_N_COLUMNS; i++)
    if (record->fields[i])
      size += strlen (record->fields[i]) + 1;
  at = block = g_malloc (MAX (size, 1));
  for (int i = 0; i < DL_N_COLUMNS; i++)
    {
      char *field = record->fields[i];
      gsize n;

      if (field == NULL)
        continue;
      n = strlen (field) + 1;
      memcpy (at, field, n);
      if (!in_block (record, i))
        g_free (field);
      record->fields[i] = at;
      record->in_block |= G_GUINT64_CONSTANT (1) << i;
      at += n;
    }
  g_free (record->block);
  record->block = block;
}

void
dl_record_set (DlRecord *record, DlColumn column, const char *value)
{
  dl_record_take (record, column, g_strdup (value));
}

void
dl_record_set_number (DlRecord *record, DlColumn column, guint64 value)
{
  char digits[24];
  char *at = digits + sizeof digits - 1;

  /* Not through printf: extract writes four numbers a row. */
  *at = '\0';
  do
    *--at = '0' + value % 10;
  while ((value /= 10) > 0);
  dl_record_set (record, column, at);
}

void
dl_record_set_printf (DlRecord *record, DlColumn column, const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  dl_record_take (record, column, g_strdup_vprintf (format, args));
  va_end (args);
}
