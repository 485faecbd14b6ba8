/* dl-data.c: grammar data files from the embedded resource or a directory. */
#include "dl-data.h"

#include "dl-record.h"
#include "dl-grammar-resources.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define RESOURCE_ROOT "/org/dateline/grammar/"

static void
ensure_registered (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Registered by hand: an automatic constructor in a static library
       * can be dropped by the linker. */
      dl_grammar_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static const char *
lang_or_default (const char *language)
{
  return language ? language : "en";
}

char *
dl_data_describe (const char *directory, const char *language,
                  const char *path)
{
  return g_build_filename (directory ? directory : "grammar",
                           lang_or_default (language), path, NULL);
}

gboolean
dl_data_check_directory (const char *directory, const char *language,
                         GError **error)
{
  g_autofree char *path = g_build_filename (directory,
                                            lang_or_default (language), NULL);
  GStatBuf st;

  /* A wrong --grammar is a bad option value (exit 2), told plainly, not
   * as GLib's message about the first file that fails to open. */
  if (g_stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      int saved = errno;

      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--grammar %s: %s: %s", directory, path,
                   g_file_test (path, G_FILE_TEST_EXISTS)
                       ? "not a directory" : g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

GBytes *
dl_data_read (const char *directory, const char *language, const char *path,
              GError **error)
{
  g_autofree char *where = dl_data_describe (directory, language, path);
  g_autoptr (GError) local = NULL;
  GBytes *bytes;

  if (directory == NULL)
    {
      g_autofree char *res = g_strconcat (RESOURCE_ROOT,
                                          lang_or_default (language), "/",
                                          path, NULL);
      ensure_registered ();
      bytes = g_resources_lookup_data (res, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                       &local);
    }
  else
    {
      char *contents = NULL;
      gsize len = 0;

      bytes = g_file_get_contents (where, &contents, &len, &local)
                  ? g_bytes_new_take (contents, len)
                  : NULL;
    }
  if (bytes == NULL)
    g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR, "%s: %s", where,
                 local->message);
  return bytes;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

char **
dl_data_list (const char *directory, const char *language, const char *subdir,
              GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;

  if (directory == NULL)
    {
      g_autofree char *res = g_strconcat (RESOURCE_ROOT,
                                          lang_or_default (language), "/",
                                          subdir, "/", NULL);
      g_auto (GStrv) children = NULL;

      ensure_registered ();
      children = g_resources_enumerate_children (
          res, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
      for (guint i = 0; children && children[i]; i++)
        g_ptr_array_add (names, g_strdup (children[i]));
    }
  else
    {
      g_autofree char *path = dl_data_describe (directory, language, subdir);
      g_autoptr (GDir) dir = g_dir_open (path, 0, &local);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.' && !g_str_has_suffix (name, "~"))
          g_ptr_array_add (names, g_strdup (name));
    }
  if (local != NULL)
    {
      g_autofree char *where = dl_data_describe (directory, language, subdir);
      g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR, "%s: %s", where,
                   local->message);
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

char **
dl_data_read_list (const char *directory, const char *language,
                   const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = dl_data_read (directory, language, path, error);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto (GStrv) raw = NULL;

  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  raw = g_strsplit (text, "\n", -1);
  for (guint i = 0; raw[i]; i++)
    {
      char *line = g_strstrip (raw[i]);

      if (line[0] != '\0' && line[0] != '#')
        g_ptr_array_add (lines, g_strdup (line));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_steal (lines, NULL);
}
