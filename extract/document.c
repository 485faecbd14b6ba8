/* document.c: reading one input document whole, and the text to scan in it.
 *
 * The extractor matches its patterns against doc->scan, never against
 * doc->data: for TimeML the scan has every byte of markup (and everything
 * outside <TEXT>) replaced by a space, so the offsets of a match are offsets
 * into the original file and the line numbers of the original file hold. */
#include "document.h"

#include "dl-text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dl-record.h"

/* The UTF-8 byte order mark some editors put at the start of a file. */
#define BOM "\xEF\xBB\xBF"
#define BOM_LEN 3

/* The longest entity we decode: "&#x10FFFF;" and "&#1114111;" (10 bytes). */
#define ENTITY_MAX 12

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
         || c == '\f';
}

static gboolean
has_bom (const char *data, gsize len)
{
  return len >= BOM_LEN && memcmp (data, BOM, BOM_LEN) == 0;
}

/* 1-based line of offset, counting the newlines before it.  Used only for
 * error messages, before line_starts exists. */
static guint64
count_line (const char *data, gsize offset)
{
  guint64 line = 1;
  const char *p = data;
  const char *end = data + offset;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }
  return line;
}

/* How much one read(2) asks for. */
#define CHUNK 65536

static gboolean
too_large (const char *name, gsize max, GError **error)
{
  g_set_error (error, DL_ERROR, DL_ERROR_DATA,
               "%s: document larger than --max-document-size (%"
               G_GSIZE_FORMAT " bytes)", name, max);
  return FALSE;
}

static gboolean
read_error (const char *name, int errnum, GError **error)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", name,
               g_strerror (errnum));
  return FALSE;
}

/* Reads all of fd, holding at most max bytes: past that it fails, naming
 * the document.  read(2), not stdio: on a terminal the first end-of-file
 * ends the input. */
static gboolean
read_fd (int fd, const char *name, gsize max, GByteArray *bytes,
         GError **error)
{
  struct stat st;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && max > 0
      && (guint64) st.st_size > max)
    return too_large (name, max, error);
  for (;;)
    {
      gsize have = bytes->len;
      gsize want = max > 0 ? MIN (CHUNK, max + 1 - have) : CHUNK;
      gssize n;

      g_byte_array_set_size (bytes, have + want);
      n = read (fd, bytes->data + have, want);
      if (n < 0 && errno == EINTR)
        n = 0, g_byte_array_set_size (bytes, have);
      else if (n < 0)
        {
          int saved = errno;
          g_byte_array_set_size (bytes, have);
          return read_error (name, saved, error);
        }
      else
        {
          g_byte_array_set_size (bytes, have + n);
          if (n == 0)
            return TRUE;
          if (max > 0 && bytes->len > max)
            return too_large (name, max, error);
        }
    }
}

/* Reads path ("-": standard input) whole into *contents (NUL-terminated). */
static gboolean
read_path (const char *path, const char *name, gsize max, char **contents,
           gsize *len, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean is_stdin = strcmp (path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC);
  const guint8 nul = 0;
  gboolean ok;

  if (fd < 0)
    return read_error (name, errno, error);
  ok = read_fd (fd, name, max, bytes, error);
  if (!is_stdin)
    close (fd);
  if (!ok)
    return FALSE;
  *len = bytes->len;
  g_byte_array_append (bytes, &nul, 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

/* Input must be UTF-8 without NUL bytes: the scan is handed to PCRE2 and
 * its slices are written to CSV, and both would otherwise go wrong later
 * with a less helpful message. */
static gboolean
check_text (const char *name, const char *data, gsize len, GError **error)
{
  const char *bad;

  if (dl_utf8_validate (data, len, &bad))
    return TRUE;
  /* The check stops at a NUL byte too. */
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s:%" G_GUINT64_FORMAT ": %s",
               name, count_line (data, bad - data),
               *bad == '\0' ? "NUL byte" : "invalid UTF-8");
  return FALSE;
}

static gboolean
looks_like_timeml (const char *name, const char *data, gsize len)
{
  gsize i = 0;

  if (g_str_has_suffix (name, ".tml") || g_str_has_suffix (name, ".TE3input"))
    return TRUE;
  if (has_bom (data, len))
    i = BOM_LEN;
  while (i < len && is_space (data[i]))
    i++;
  return (len - i >= 5 && memcmp (data + i, "<?xml", 5) == 0)
         || (len - i >= 7 && memcmp (data + i, "<TimeML", 7) == 0);
}

/* Markup and entities, shared by the scan builder and dl_document_clean so
 * that both see the same tags. */

/* Whether data[i] starts "<NAME" as a whole element name (so "<TEXT" does
 * not match "<TEXTUAL"). */
static gboolean
is_start_tag (const char *data, gsize limit, gsize i, const char *name)
{
  gsize n = strlen (name);

  if (limit - i < n + 2 || data[i] != '<' || memcmp (data + i + 1, name, n) != 0)
    return FALSE;
  return data[i + 1 + n] == '>' || data[i + 1 + n] == '/'
         || is_space (data[i + 1 + n]);
}

/* Offset of the first occurrence of needle in data[from, limit), or limit. */
static gsize
find (const char *data, gsize from, gsize limit, const char *needle)
{
  const char *p;

  if (from >= limit)
    return limit;
  p = memmem (data + from, limit - from, needle, strlen (needle));
  return p != NULL ? (gsize) (p - data) : limit;
}

/* The first occurrence at or after from of a start tag <NAME ...>, or limit. */
static gsize
find_start_tag (const char *data, gsize from, gsize limit, const char *name)
{
  g_autofree char *needle = g_strconcat ("<", name, NULL);

  for (gsize i = find (data, from, limit, needle); i < limit;
       i = find (data, i + 1, limit, needle))
    if (is_start_tag (data, limit, i, name))
      return i;
  return limit;
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':' || c == '.' || c == '-';
}

static gsize
skip_spaces (const char *data, gsize limit, gsize j)
{
  while (j < limit && is_space (data[j]))
    j++;
  return j;
}

static gsize
skip_name (const char *data, gsize limit, gsize j)
{
  if (j < limit && is_name_start (data[j]))
    while (j < limit && is_name_char (data[j]))
      j++;
  return j;
}

/* One past the end of the tag at data[i] == '<': "<NAME", then attributes
 * NAME="VALUE" (or '...'), then ">", "/>" or "?>".  Where that breaks off
 * ("<TIMEX3 tid="t1" March 5, 1997", a stray "<" in text), the tag is
 * unclosed: it ends where its attributes stop, so that the text after it
 * stays text, and *unclosed is set.  Attributes may run over lines, as in
 * XML. */
static gsize
tag_end (const char *data, gsize limit, gsize i, gboolean *unclosed)
{
  gsize j = i + 1;

  if (j < limit && (data[j] == '/' || data[j] == '?'))
    j++;
  if (skip_name (data, limit, j) == j)
    goto broken;
  j = skip_name (data, limit, j);
  for (;;)
    {
      gsize name, value;

      name = skip_spaces (data, limit, j);
      if (name < limit && data[name] == '>')
        return name + 1;
      if (limit - name >= 2 && (data[name] == '/' || data[name] == '?')
          && data[name + 1] == '>')
        return name + 2;
      if (name == j || skip_name (data, limit, name) == name)
        goto broken;
      value = skip_spaces (data, limit, skip_name (data, limit, name));
      if (value >= limit || data[value] != '=')
        goto broken;
      value = skip_spaces (data, limit, value + 1);
      if (value >= limit || (data[value] != '"' && data[value] != '\''))
        goto broken;
      {
        const char *close = memchr (data + value + 1, data[value],
                                    limit - value - 1);
        /* A value does not hold '<': an unclosed quote stops there. */
        const char *lt = memchr (data + value + 1, '<', limit - value - 1);

        if (close == NULL || (lt != NULL && lt < close))
          goto broken;
        j = close - data + 1;
      }
    }
broken:
  if (unclosed != NULL)
    *unclosed = TRUE;
  return MAX (j, i + 1);
}

/* One past the end of the markup starting at data[i] == '<': a comment runs
 * to "-->", a CDATA section to "]]>" (its text is lost: TimeML has none),
 * a declaration ("<!DOCTYPE") to '>', a tag as tag_end reads it.  An
 * unclosed comment runs to limit. */
static gsize
markup_end (const char *data, gsize limit, gsize i, gboolean *unclosed)
{
  if (limit - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
    return MIN (find (data, i + 4, limit, "-->") + 3, limit);
  if (limit - i >= 9 && memcmp (data + i, "<![CDATA[", 9) == 0)
    return MIN (find (data, i + 9, limit, "]]>") + 3, limit);
  if (limit - i >= 2 && data[i + 1] == '!')
    {
      const char *close = memchr (data + i, '>', limit - i);
      return close != NULL ? (gsize) (close - data) + 1 : limit;
    }
  return tag_end (data, limit, i, unclosed);
}

/* Parses the entity at data[i] == '&' within data[.., limit): on success
 * stores its character and returns one past its ';', else returns 0. */
static gsize
parse_entity (const char *data, gsize limit, gsize i, gunichar *out)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
    { "quot;", '"' }, { "apos;", '\'' },
  };
  const char *p = data + i + 1;
  gsize avail = MIN (limit - i - 1, ENTITY_MAX);
  guint32 c = 0;
  gsize digits = 0, k;
  gboolean hex;

  for (gsize e = 0; e < G_N_ELEMENTS (named); e++)
    {
      gsize l = strlen (named[e].name);
      if (avail >= l && memcmp (p, named[e].name, l) == 0)
        {
          *out = named[e].c;
          return i + 1 + l;
        }
    }
  if (avail < 3 || p[0] != '#')
    return 0;
  hex = p[1] == 'x' || p[1] == 'X';
  k = hex ? 2 : 1;
  while (k < avail && p[k] != ';')
    {
      int d = hex ? g_ascii_xdigit_value (p[k]) : g_ascii_digit_value (p[k]);

      /* Seven digits are enough for U+10FFFF and too few to overflow. */
      if (d < 0 || digits == 7)
        return 0;
      c = c * (hex ? 16 : 10) + d;
      digits++;
      k++;
    }
  if (digits == 0 || k >= avail || c == 0 || !g_unichar_validate (c))
    return 0;
  *out = c;
  return i + 1 + k + 1;
}

/* The region of the document to scan: the content of <TEXT>, or all of it
 * when there is no <TEXT> element. */
static void
text_region (const char *data, gsize len, gsize *start, gsize *end)
{
  gsize open = find_start_tag (data, 0, len, "TEXT");

  if (open == len)
    {
      *start = 0;
      *end = len;
      return;
    }
  *start = markup_end (data, len, open, NULL);
  *end = find (data, *start, len, "</TEXT");
}

/* Copies data[start, end) into scan with markup blanked and each entity
 * replaced by its character where that is ASCII (padded with spaces to the
 * entity's length), by spaces otherwise.  Newlines stay, so that a line of
 * the scan is a line of the file. */
static void
scan_text (const char *data, char *scan, gsize start, gsize end,
           GArray *unclosed)
{
  gsize i = start;

  while (i < end)
    {
      gunichar c;
      gsize next;

      if (data[i] == '<')
        {
          gboolean broken = FALSE;
          gsize at = i;

          i = markup_end (data, end, i, &broken); /* already blank */
          if (broken)
            g_array_append_val (unclosed, at);
          continue;
        }
      if (data[i] == '&' && (next = parse_entity (data, end, i, &c)) != 0)
        {
          /* Control characters would change the scan's line structure. */
          if (c < 0x80 && c >= 0x20 && c != 0x7f)
            scan[i] = (char) c;
          i = next;
          continue;
        }
      scan[i] = data[i];
      i++;
    }
}

/* The date part of a TIMEX3 value: "1998-03-01T08:00" and "19980301" give
 * "1998-03-01"; anything else (a month, PRESENT_REF) gives NULL. */
static char *
value_date (const char *value)
{
  gsize n = strlen (value);
  gsize digits = strspn (value, "0123456789");
  int y, m, d;

  if (digits == 4 && n >= 10 && value[4] == '-' && value[7] == '-'
      && strspn (value + 5, "0123456789") == 2
      && strspn (value + 8, "0123456789") == 2)
    sscanf (value, "%4d-%2d-%2d", &y, &m, &d);
  else if (digits == 8)
    sscanf (value, "%4d%2d%2d", &y, &m, &d);
  else
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* The value of attribute name in the tag data[i, end), or NULL. */
static char *
attribute (const char *data, gsize i, gsize end, const char *name)
{
  gsize n = strlen (name);

  /* Skip the element name. */
  while (i < end && data[i] != '>' && !is_space (data[i]))
    i++;
  while (i < end)
    {
      gsize name_start, name_end, value_start;
      char quote;

      while (i < end && is_space (data[i]))
        i++;
      name_start = i;
      while (i < end && data[i] != '=' && data[i] != '>' && !is_space (data[i]))
        i++;
      name_end = i;
      while (i < end && is_space (data[i]))
        i++;
      if (i >= end || data[i] != '=')
        return NULL;
      i++;
      while (i < end && is_space (data[i]))
        i++;
      if (i >= end || (data[i] != '"' && data[i] != '\''))
        return NULL;
      quote = data[i++];
      value_start = i;
      while (i < end && data[i] != quote)
        i++;
      if (name_end - name_start == n
          && memcmp (data + name_start, name, n) == 0)
        return g_strndup (data + value_start, i - value_start);
      i++;
    }
  return NULL;
}

/* The document creation time: the value of the first TIMEX3 in <DCT>.
 * One that is no date is dropped, with a warning. */
static char *
find_dct (DlDocument *document)
{
  const char *data = document->data;
  gsize len = document->len;
  gsize dct = find_start_tag (data, 0, len, "DCT");
  gsize close, timex;
  g_autofree char *value = NULL;
  char *date;

  if (dct == len)
    return NULL;
  close = find (data, dct, len, "</DCT");
  timex = find_start_tag (data, dct, close, "TIMEX3");
  if (timex == close)
    return NULL;
  value = attribute (data, timex, markup_end (data, close, timex, NULL),
                     "value");
  date = value != NULL ? value_date (value) : NULL;
  if (date == NULL)
    {
      g_autofree char *shown = g_strescape (value ? value : "", NULL);

      g_ptr_array_add (document->warnings,
                       g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": DCT \"%s\""
                                        " is not a date", document->name,
                                        count_line (data, timex), shown));
    }
  return date;
}

/* The text to scan: for plain text without a BOM, data itself (no copy:
 * a big document is held once); else a copy with markup, or the BOM,
 * blanked. */
static char *
make_scan (char *data, gsize len, gboolean timeml, GArray *unclosed)
{
  char *scan;

  if (!timeml && !has_bom (data, len))
    return data;
  scan = g_malloc (len + 1);
  scan[len] = '\0';
  if (timeml)
    {
      gsize start, end;

      for (gsize i = 0; i < len; i++)
        scan[i] = data[i] == '\n' ? '\n' : ' ';
      text_region (data, len, &start, &end);
      scan_text (data, scan, start, end, unclosed);
    }
  else
    memcpy (scan, data, len);
  /* The BOM is not text: left in, it would begin the first sentence. */
  if (has_bom (scan, len))
    memset (scan, ' ', BOM_LEN);
  return scan;
}

static GArray *
make_line_starts (const char *data, gsize len)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  const char *p = data;
  const char *end = data + len;

  g_array_append_val (starts, zero);
  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      gsize next = ++p - data;
      g_array_append_val (starts, next);
    }
  return starts;
}

/* Markup broken off is read as far as it goes, and told: a few lines, then
 * the count of the rest. */
static void
warn_unclosed (DlDocument *document, GArray *unclosed)
{
  enum { SHOWN = 5 };

  for (guint k = 0; k < unclosed->len && k < SHOWN; k++)
    g_ptr_array_add (document->warnings, g_strdup_printf (
        "%s:%" G_GUINT64_FORMAT ": unclosed tag", document->name,
        dl_document_line_at (document, g_array_index (unclosed, gsize, k))));
  if (unclosed->len > SHOWN)
    g_ptr_array_add (document->warnings, g_strdup_printf (
        "%s: %u more unclosed tags", document->name, unclosed->len - SHOWN));
}

/* Builds the document around data, which it takes (NUL-terminated). */
static DlDocument *
document_take (const char *name, char *data, gsize len, gboolean timeml,
               GError **error)
{
  g_autofree char *owned = data;
  g_autoptr (GArray) unclosed = g_array_new (FALSE, FALSE, sizeof (gsize));
  DlDocument *document;

  if (!check_text (name, data, len, error))
    return NULL;
  document = g_new0 (DlDocument, 1);
  document->name = g_strdup (name);
  document->data = g_steal_pointer (&owned);
  document->len = len;
  document->timeml = timeml;
  document->warnings = g_ptr_array_new_with_free_func (g_free);
  document->scan = make_scan (data, len, timeml, unclosed);
  document->dct = timeml ? find_dct (document) : NULL;
  document->line_starts = make_line_starts (data, len);
  warn_unclosed (document, unclosed);
  return document;
}

DlDocument *
dl_document_read (const char *path, DlDocumentFormat format, gsize max_size,
                  GError **error)
{
  g_autofree char *name = NULL;
  char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Output is UTF-8: a name that is not is shown with U+FFFD. */
  name = strcmp (path, "-") == 0 ? g_strdup ("-")
                                 : g_filename_display_name (path);
  if (!read_path (path, name, max_size, &data, &len, error))
    return NULL;
  return document_take (name, data, len,
                        format == DL_DOCUMENT_AUTO
                            ? looks_like_timeml (name, data, len)
                            : format == DL_DOCUMENT_TIMEML,
                        error);
}

DlDocument *
dl_document_new (const char *name, const char *data, gsize len,
                 gboolean timeml, GError **error)
{
  char *copy;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';
  return document_take (name, copy, len, timeml, error);
}

void
dl_document_free (DlDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->name);
  if (document->scan != document->data)
    g_free (document->scan);
  g_free (document->data);
  g_free (document->dct);
  if (document->warnings != NULL)
    g_ptr_array_unref (document->warnings);
  if (document->line_starts != NULL)
    g_array_unref (document->line_starts);
  g_free (document);
}

guint64
dl_document_line_at (const DlDocument *document, gsize offset)
{
  const gsize *starts;
  gsize lo = 0, hi;

  g_return_val_if_fail (document != NULL, 0);
  starts = &g_array_index (document->line_starts, gsize, 0);
  hi = document->line_starts->len;
  /* The last line start <= offset; starts[0] == 0, so there is one. */
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return (guint64) lo + 1;
}

/* Appends a space for a run of whitespace or markup, unless the output is
 * empty (leading) or already ends in one; a trailing one is cut at the end. */
static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* Cleans TimeML: markup goes (it wraps words without adding space: "on
 * <TIMEX3>May 5</TIMEX3>, said"), entities become their characters. */
static void
clean_timeml (const DlDocument *document, gsize start, gsize end, GString *out)
{
  const char *data = document->data;
  gsize i = start;

  /* Begun inside a tag (blank in the scan, but not a space in the file):
   * skip to its end rather than show the rest of its attributes.  The '>'
   * is near, since a tag is short. */
  if (i < end && document->scan[i] == ' ' && !is_space (data[i])
      && data[i] != '<' && data[i] != '&')
    {
      gsize j = i;
      while (j < end && data[j] != '<' && data[j] != '>')
        j++;
      if (j < end && data[j] == '>')
        i = j + 1;
    }
  while (i < end)
    {
      gunichar c;
      gsize next;

      if (data[i] == '<')
        i = markup_end (data, end, i, NULL);
      else if (data[i] == '&' && (next = parse_entity (data, end, i, &c)) != 0)
        {
          if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
            append_space (out);
          else
            g_string_append_unichar (out, c);
          i = next;
        }
      else if (is_space (data[i]))
        {
          append_space (out);
          i++;
        }
      else
        g_string_append_c (out, data[i++]);
    }
}

/* Cleans plain text: a run of whitespace is one space.  Writes into
 * out's buffer directly (it holds end - start bytes): every mention's
 * sentence comes through here. */
/* How many of the 8 bytes at p come before the first below 0x21 (a space
 * or a control byte), 8 if none: in x - 0x2121..., a borrow reaches a
 * byte's top bit only from such a byte or from one before it, and a byte
 * from 0x80 up never counts, so the lowest bit left marks the first. */
static inline guint
bytes_above_space (const char *p)
{
  guint64 x, low;

  memcpy (&x, p, 8);
  x = GUINT64_FROM_LE (x);
  low = (x - 0x2121212121212121ull) & ~x & 0x8080808080808080ull;
  return low ? (guint) __builtin_ctzll (low) / 8 : 8;
}

static void
clean_plain (const DlDocument *document, gsize start, gsize end, GString *out)
{
  char *o;
  gsize i = start;

  g_string_set_size (out, end - start);
  o = out->str;
  while (i < end)
    {
      char c;

      /* The bytes before the next space go 8 at a time (o never passes
       * i, so the 8 fit). */
      if (end - i >= 8)
        {
          guint n = bytes_above_space (document->data + i);

          memcpy (o, document->data + i, 8);
          o += n;
          i += n;
          if (n == 8)
            continue;
        }
      c = document->data[i++];

      /* Most bytes are above the space: one test for them. */
      if ((guchar) c > ' ' || !is_space (c))
        *o++ = c;
      else if (o > out->str && o[-1] != ' ')
        *o++ = ' ';
    }
  g_string_truncate (out, o - out->str);
}

/* True for a UTF-8 continuation byte (10xxxxxx). */
static gboolean
is_continuation (char c)
{
  return ((guchar) c & 0xC0) == 0x80;
}

char *
dl_document_clean (const DlDocument *document, gsize start, gsize end)
{
  GString *out;

  g_return_val_if_fail (document != NULL, NULL);

  end = MIN (end, document->len);
  /* The BOM is not text. */
  if (start < BOM_LEN && has_bom (document->data, document->len))
    start = BOM_LEN;
  /* Offsets that cut a character drop its pieces: the result must be valid
   * UTF-8 and data is. */
  while (start < end && is_continuation (document->data[start]))
    start++;
  while (end > start && end < document->len
         && is_continuation (document->data[end]))
    end--;
  if (start >= end)
    return g_strdup ("");

  out = g_string_sized_new (end - start);
  if (document->timeml)
    clean_timeml (document, start, end, out);
  else
    clean_plain (document, start, end, out);
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
