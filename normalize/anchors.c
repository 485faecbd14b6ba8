/* anchors.c: the anchor table and its matching. */
#include "anchors.h"

#include "dl-cli.h"
#include "dl-data.h"
#include "dl-record.h"
#include "dl-text.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct _DlAnchors {
  GPtrArray *events;   /* DlAnchor * */
  GHashTable *aliases; /* lowercase alias -> DlAnchor * (first wins) */
  guint max_words;     /* the most runs of word bytes an alias has */
};

static void
anchor_free (DlAnchor *anchor)
{
  g_free (anchor->name);
  g_free (anchor->origin);
  g_free (anchor);
}

DlAnchors *
dl_anchors_new (void)
{
  DlAnchors *anchors = g_new0 (DlAnchors, 1);

  anchors->events = g_ptr_array_new_with_free_func (
      (GDestroyNotify) anchor_free);
  anchors->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            NULL);
  return anchors;
}

void
dl_anchors_free (DlAnchors *anchors)
{
  if (anchors == NULL)
    return;
  g_ptr_array_unref (anchors->events);
  g_hash_table_unref (anchors->aliases);
  g_free (anchors);
}

/* Aliases compare case-folded (non-ASCII letters too, the same in every
 * locale: g_utf8_strdown would lowercase I differently in Turkish),
 * whitespace folded. */
static char *
alias_key (const char *text, gssize len)
{
  g_autofree char *lower = g_utf8_casefold (text, len);

  return dl_text_key (lower, -1);
}

/* Whether phrase[i] starts or ends a word (UTF-8 letters count as word). */
static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* The runs of word bytes in key: "september 11 attacks" has 3, "9/11" 2. */
static guint
count_words (const char *key)
{
  guint n = 0;

  for (gsize i = 0; key[i]; i++)
    if (is_word_byte (key[i]) && (i == 0 || !is_word_byte (key[i - 1])))
      n++;
  return n;
}

static void
add_alias (DlAnchors *anchors, const char *alias, DlAnchor *anchor)
{
  char *key = alias_key (alias, -1);

  if (*key == '\0' || g_hash_table_contains (anchors->aliases, key))
    {
      g_free (key);
      return;
    }
  anchors->max_words = MAX (anchors->max_words, count_words (key));
  g_hash_table_insert (anchors->aliases, key, anchor);
}

static gboolean
parse_day (DlRecord *record, DlColumn column, GDate *date, GError **error)
{
  const char *text = dl_record_get (record, column);

  if (dl_parse_iso_date (text, date))
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_DATA,
               "%s:%" G_GUINT64_FORMAT ": %s \"%s\" is not a date (YYYY-MM-DD)",
               record->origin, record->line,
               column == DL_COL_EARLIEST ? "earliest" : "latest", text);
  return FALSE;
}

static gboolean
add_row (DlAnchors *anchors, DlRecord *record, GError **error)
{
  DlAnchor *anchor = g_new0 (DlAnchor, 1);
  g_auto (GStrv) aliases = g_strsplit (dl_record_get (record, DL_COL_ALIASES),
                                       "|", -1);

  g_ptr_array_add (anchors->events, anchor);
  anchor->name = g_strdup (dl_record_get (record, DL_COL_NAME));
  anchor->origin = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, record->origin,
                                    record->line);
  if (!parse_day (record, DL_COL_EARLIEST, &anchor->earliest, error)
      || !parse_day (record, DL_COL_LATEST, &anchor->latest, error))
    return FALSE;
  if (g_date_compare (&anchor->earliest, &anchor->latest) > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                   "%s: earliest is after latest", anchor->origin);
      return FALSE;
    }
  add_alias (anchors, anchor->name, anchor);
  for (guint i = 0; aliases[i]; i++)
    add_alias (anchors, g_strstrip (aliases[i]), anchor);
  return TRUE;
}

static gboolean
load_reader (DlAnchors *anchors, DlReader *reader, GError **error)
{
  static const DlColumn required[] = { DL_COL_NAME, DL_COL_EARLIEST,
                                       DL_COL_LATEST };
  g_autoptr (GError) local = NULL;
  DlRecord *record;

  if (!dl_reader_read_header (reader, DL_FORMAT_ANCHORS, DL_FORMAT_ANCHORS,
                              required, G_N_ELEMENTS (required), error))
    return FALSE;
  while ((record = dl_reader_next (reader, &local)) != NULL)
    {
      g_autoptr (DlRecord) owned = record;
      if (!add_row (anchors, owned, error))
        return FALSE;
    }
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Reads all of path ("-": standard input).  An anchors file is a short
 * list, and only its bytes tell an empty file, which the reader takes for
 * an empty table, from one with a header. */
static GBytes *
read_all (const char *path, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean is_stdin = strcmp (path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen (path, "rb");
  char buffer[8192];
  gsize n;
  int saved = 0;

  if (in == NULL)
    saved = errno;
  else
    {
      while ((n = fread (buffer, 1, sizeof buffer, in)) > 0)
        g_byte_array_append (bytes, (const guint8 *) buffer, n);
      if (ferror (in))
        saved = errno;
      if (!is_stdin)
        fclose (in);
    }
  if (in == NULL || saved != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", path,
                   g_strerror (saved));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Whether data holds anything but line breaks (which CSV skips). */
static gboolean
has_text (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (gsize i = 0; i < len; i++)
    if (data[i] != '\n' && data[i] != '\r')
      return TRUE;
  return FALSE;
}

gboolean
dl_anchors_load_file (DlAnchors *anchors, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = read_all (path, error);
  g_autoptr (DlReader) reader = NULL;

  if (bytes == NULL)
    return FALSE;
  /* Unlike an input table, an anchors file the user names must say what
   * it holds: an empty one is most likely the wrong file. */
  if (!has_text (bytes))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                   "%s: empty file: an anchors file begins with the header "
                   "name,earliest,latest", path);
      return FALSE;
    }
  reader = dl_reader_open_bytes (path, bytes, error);
  return reader && load_reader (anchors, reader, error);
}

gboolean
dl_anchors_load_builtin (DlAnchors *anchors, const char *directory,
                         GError **error)
{
  g_autoptr (GBytes) bytes = dl_data_read (directory, NULL, "anchors.csv",
                                           error);
  g_autofree char *name = dl_data_describe (directory, NULL, "anchors.csv");
  g_autoptr (DlReader) reader = NULL;

  if (bytes == NULL)
    return FALSE;
  reader = dl_reader_open_bytes (name, bytes, error);
  return reader && load_reader (anchors, reader, error);
}


/* Whether a word of key ends at j. */
static gboolean
word_ends (const char *key, gsize len, gsize j)
{
  return j > 0 && is_word_byte (key[j - 1])
         && (j == len || !is_word_byte (key[j]));
}

const DlAnchor *
dl_anchors_find (DlAnchors *const *tables, gsize n_tables, const char *phrase)
{
  g_autofree char *key = alias_key (phrase, -1);
  g_autofree const DlAnchor **best = g_new0 (const DlAnchor *, n_tables);
  g_autofree gsize *best_len = g_new0 (gsize, n_tables);
  gsize len = strlen (key);
  guint max_words = 0;

  for (gsize t = 0; t < n_tables; t++)
    max_words = MAX (max_words, tables[t]->max_words);
  /* Every stretch of whole words no longer than the longest alias is
   * looked up, once for all the tables: a hash lookup per stretch beats
   * one pattern of thousands of aliases (which PCRE2 cannot even
   * compile), and bounding the stretches keeps a long phrase linear. */
  for (gsize i = 0; i < len; i++)
    {
      guint words = 0;

      if (!is_word_byte (key[i]) || (i > 0 && is_word_byte (key[i - 1])))
        continue;
      for (gsize j = i + 1; j <= len && words < max_words; j++)
        {
          char saved;

          if (!word_ends (key, len, j))
            continue;
          words++;
          saved = key[j];
          key[j] = '\0';
          /* For each table the longest alias wins, the earliest of equal
           * ones. */
          for (gsize t = 0; t < n_tables; t++)
            {
              const DlAnchor *anchor;

              if (j - i <= best_len[t]
                  || (anchor = g_hash_table_lookup (tables[t]->aliases,
                                                    key + i)) == NULL)
                continue;
              best[t] = anchor;
              best_len[t] = j - i;
            }
          key[j] = saved;
        }
    }
  for (gsize t = 0; t < n_tables; t++)
    if (best[t] != NULL)
      return best[t];
  return NULL;
}
