/* fuzz-anchors: an arbitrary --anchors file.  The bytes are loaded as an
 * anchors CSV (dl_anchors_load_file); if they load, every line of the
 * input, and each half of it, is looked up as an anchor phrase, and a few
 * anchored mentions are normalized against the file. */
#include "fuzz.h"

#include "anchors.h"
#include "normalize.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *path;

static void
remove_file (void)
{
  g_unlink (path);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  int fd;

  dl_fuzz_init ();
  fd = g_file_open_tmp ("dl-fuzz-anchors-XXXXXX.csv", &path, &error);
  if (fd < 0)
    dl_fuzz_fail ("no temporary file: %s", error->message);
  close (fd);
  atexit (remove_file);
  return 0;
}

static void
find_all (DlAnchors *anchors, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      gsize len = strlen (lines[i]);
      const DlAnchor *found;
      const char *half;

      if (!g_utf8_validate (lines[i], len, NULL))
        continue;
      found = dl_anchors_find (&anchors, 1, lines[i]);
      if (found && g_date_compare (&found->earliest, &found->latest) > 0)
        dl_fuzz_fail ("anchor %s ends before it starts", found->origin);
      /* The second half: a phrase that starts inside a name. */
      half = lines[i] + len / 2;
      while (half > lines[i] && (*half & 0xC0) == 0x80)
        half--;
      dl_anchors_find (&anchors, 1, half);
    }
}

static gboolean
count (DlRecord *record, gpointer data, GError **error)
{
  dl_record_free (record);
  (*(guint *) data)++;
  return TRUE;
}

/* Anchored mentions told from the phrases of the file's first lines. */
static void
normalize_with (const char *text)
{
  const char *files[] = { path, NULL };
  DlNormalizeOptions options = { 0 };
  static const char *const forms[] = {
    "ANCHOR-day-MINUS-3 type=DURATION", "ANCHOR-week-PLUS-2",
    "2019", "ANCHOR-year-PLUS-1 span=unit", "P1M",
  };
  g_autoptr (DlNormalizer) normalizer = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = g_strsplit (text, "\n", 6);
  guint in = 0, out = 0;

  options.reference_date = "2025-06-07";
  options.anchor_files = files;
  options.no_default_anchors = TRUE;
  normalizer = dl_normalizer_new (&options, &error);
  if (normalizer == NULL)
    return;
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ",", 2);
      DlRecord *record = dl_record_new ();

      if (fields[0] == NULL || !g_utf8_validate (fields[0], -1, NULL))
        {
          dl_record_free (record);
          continue;
        }
      dl_record_set (record, DL_COL_DOC, "fuzz");
      dl_record_set (record, DL_COL_FORM, forms[i % G_N_ELEMENTS (forms)]);
      dl_record_set (record, DL_COL_ANCHOR, fields[0]);
      dl_record_set_printf (record, DL_COL_CONTEXT, "Prices fell before %s.",
                            fields[0]);
      in++;
      if (!dl_normalizer_add (normalizer, record, count, &out, &error))
        dl_fuzz_fail ("dl_normalizer_add: %s", error->message);
    }
  if (!dl_normalizer_flush (normalizer, count, &out, &error))
    dl_fuzz_fail ("dl_normalizer_flush: %s", error->message);
  if (in != out)
    dl_fuzz_fail ("%u rows in, %u out", in, out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (DlAnchors) anchors = dl_anchors_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);

  if (!g_file_set_contents_full (path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    dl_fuzz_fail ("cannot write %s: %s", path, error->message);
  if (!dl_anchors_load_file (anchors, path, &error))
    return 0;
  find_all (anchors, text);
  normalize_with (text);
  return 0;
}
