/* dl-spill.c: the binary form of spilled records.
 *
 * A record is: a 64-bit mask of the columns set (little-endian), then for
 * each set column its length (a varint) and bytes; the number of user's
 * columns plus one (0: none), each as its length plus one (0: NULL) and
 * bytes; the origin's length plus one (0: none) and bytes; the line.  No
 * NUL bytes are stored: fields are C strings. */
#include "dl-spill.h"

#include "dl-record-private.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

G_STATIC_ASSERT (DL_N_COLUMNS <= 64);

/* The encoding is sized first and written in place: a row has a dozen
 * fields, and an append each (two with its length) cost more than the
 * copying. */

static gsize
varint_size (guint64 value)
{
  gsize n = 1;

  while (value >= 0x80)
    value >>= 7, n++;
  return n;
}

static guint8 *
put_varint (guint8 *at, guint64 value)
{
  do
    {
      *at++ = (guint8) ((value & 0x7f) | (value >= 0x80 ? 0x80 : 0));
      value >>= 7;
    }
  while (value > 0);
  return at;
}

static guint8 *
put_bytes (guint8 *at, const char *text, gsize len)
{
  memcpy (at, text, len);
  return at + len;
}

/* The lengths of the strings a record's encoding holds, in order: the set
 * columns, the user's columns (G_MAXSIZE: NULL) and the origin. */
typedef struct {
  gsize columns[DL_N_COLUMNS];
  gsize *extra;
  gsize origin;
} Lengths;

static gsize
encoded_size (const DlRecord *record, guint64 *mask, Lengths *n)
{
  gsize size = 8;

  *mask = 0;
  for (int i = 0; i < DL_N_COLUMNS; i++)
    if (record->fields[i])
      {
        *mask |= G_GUINT64_CONSTANT (1) << i;
        n->columns[i] = strlen (record->fields[i]);
        size += varint_size (n->columns[i]) + n->columns[i];
      }
  size += varint_size (record->extra ? record->extra->len + 1 : 0);
  for (guint i = 0; record->extra && i < record->extra->len; i++)
    {
      const char *cell = record->extra->pdata[i];

      n->extra[i] = cell ? strlen (cell) : G_MAXSIZE;
      size += cell ? varint_size (n->extra[i] + 1) + n->extra[i] : 1;
    }
  n->origin = record->origin ? strlen (record->origin) : 0;
  size += varint_size (record->origin ? n->origin + 1 : 0) + n->origin;
  return size + varint_size (record->line);
}

void
dl_spill_encode (GByteArray *out, const DlRecord *record)
{
  guint n_extra = record->extra ? record->extra->len : 0;
  /* Rows seldom have many columns of the user's: no allocation for few. */
  gsize few[16];
  g_autofree gsize *many = n_extra > G_N_ELEMENTS (few)
                               ? g_new (gsize, n_extra)
                               : NULL;
  Lengths n = { .extra = many ? many : few };
  guint64 mask;
  gsize size = encoded_size (record, &mask, &n), from = out->len;
  guint8 *at;

  g_byte_array_set_size (out, from + size);
  at = out->data + from;
  for (int i = 0; i < 8; i++)
    *at++ = (guint8) (mask >> (8 * i));
  for (int i = 0; i < DL_N_COLUMNS; i++)
    if (record->fields[i])
      {
        at = put_varint (at, n.columns[i]);
        at = put_bytes (at, record->fields[i], n.columns[i]);
      }
  at = put_varint (at, record->extra ? n_extra + 1 : 0);
  for (guint i = 0; i < n_extra; i++)
    {
      const char *cell = record->extra->pdata[i];

      at = put_varint (at, cell ? n.extra[i] + 1 : 0);
      if (cell)
        at = put_bytes (at, cell, n.extra[i]);
    }
  at = put_varint (at, record->origin ? n.origin + 1 : 0);
  if (record->origin)
    at = put_bytes (at, record->origin, n.origin);
  at = put_varint (at, record->line);
  g_assert (at == out->data + from + size);
}

typedef struct {
  const guint8 *p, *end;
  gboolean bad;
} Cursor;

static guint64
get_varint (Cursor *c)
{
  guint64 value = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      if (c->p >= c->end)
        break;
      value |= (guint64) (*c->p & 0x7f) << shift;
      if ((*c->p++ & 0x80) == 0)
        return value;
    }
  c->bad = TRUE;
  return 0;
}

/* The next len bytes, passed over, or NULL (c->bad) past the end. */
static const char *
next_bytes (Cursor *c, guint64 len)
{
  const char *bytes = (const char *) c->p;

  if (c->bad || len > (guint64) (c->end - c->p))
    {
      c->bad = TRUE;
      return NULL;
    }
  c->p += len;
  return bytes;
}

/* The next len bytes as a new string, or NULL (c->bad) past the end. */
static char *
get_bytes (Cursor *c, guint64 len)
{
  const char *bytes = next_bytes (c, len);

  return bytes ? g_strndup (bytes, len) : NULL;
}

DlRecord *
dl_spill_decode (const guint8 *data, gsize len, GError **error)
{
  Cursor c = { data, data + len, FALSE };
  g_autoptr (DlRecord) record = NULL;
  guint64 mask = 0, n_extra, n;

  if (len < 8)
    c.bad = TRUE;
  else
    for (int i = 0; i < 8; i++)
      mask |= (guint64) *c.p++ << (8 * i);
  record = g_new0 (DlRecord, 1);
  /* The fields go in one block, as a read record's do.  Each takes its
   * bytes and a NUL, at most what its length's varint and its bytes took,
   * so len bytes hold them all. */
  {
    char *block = g_malloc (len);
    char *at = block;

    dl_record_give_block (record, block);
    for (int i = 0; i < DL_N_COLUMNS && !c.bad; i++)
      if (mask & (G_GUINT64_CONSTANT (1) << i))
        {
          guint64 n_bytes = get_varint (&c);
          const char *bytes = next_bytes (&c, n_bytes);

          if (bytes == NULL)
            break;
          memcpy (at, bytes, n_bytes);
          at[n_bytes] = '\0';
          dl_record_set_in_block (record, i, at);
          at += n_bytes + 1;
        }
  }
  n_extra = c.bad ? 0 : get_varint (&c);
  if (n_extra > 0)
    {
      record->extra = g_ptr_array_new_full (n_extra - 1, g_free);
      for (guint64 i = 0; i + 1 < n_extra && !c.bad; i++)
        {
          n = get_varint (&c);
          g_ptr_array_add (record->extra, n ? get_bytes (&c, n - 1) : NULL);
        }
    }
  else
    record->extra = g_ptr_array_new_with_free_func (g_free);
  n = c.bad ? 0 : get_varint (&c);
  if (n > 0)
    {
      g_autofree char *origin = get_bytes (&c, n - 1);

      if (origin)
        record->origin = g_ref_string_new_intern (origin);
    }
  record->line = c.bad ? 0 : get_varint (&c);
  if (c.bad || c.p != c.end)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   "a spilled row does not read back (%" G_GSIZE_FORMAT
                   " bytes)", len);
      return NULL;
    }
  return g_steal_pointer (&record);
}

FILE *
dl_spill_open (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "dateline-sort-XXXXXX", NULL);
  sigset_t block, old;
  FILE *file = NULL;
  int fd, saved = 0;

  /* A signal between making the file and removing its name would leave
   * it behind: the signals that end a program wait for the unlink. */
  sigemptyset (&block);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGHUP);
  sigprocmask (SIG_BLOCK, &block, &old);
  fd = g_mkstemp (path);
  if (fd < 0)
    saved = errno;
  else
    g_unlink (path);
  sigprocmask (SIG_SETMASK, &old, NULL);
  if (fd >= 0)
    {
      file = fdopen (fd, "w+b");
      if (file == NULL)
        {
          saved = errno;
          close (fd);
        }
    }
  if (file == NULL)
    g_set_error (error, DL_ERROR, DL_ERROR_IO,
                 "cannot make a temporary file in %s: %s", dir,
                 g_strerror (saved));
  return file;
}
