/* dl-data.h: the grammar's data files, embedded (GResource) or from a
 * directory given by the user (--grammar DIR), read the same way. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* directory NULL: the embedded copy.  Paths are relative to LANG/, e.g.
 * "symbols/month.txt".  language NULL means "en". */
GBytes *dl_data_read (const char *directory, const char *language,
                      const char *path, GError **error);

/* Sorted names of the files in LANG/SUBDIR (NULL-terminated). */
char **dl_data_list (const char *directory, const char *language,
                     const char *subdir, GError **error);

/* The lines of a list file without '#' comments, surrounding space and
 * blank lines. */
char **dl_data_read_list (const char *directory, const char *language,
                          const char *path, GError **error);

/* Whether a --grammar directory has the data of language (NULL: "en") in
 * DIRECTORY/LANG; a usage error (DL_ERROR_USAGE) naming it if not. */
gboolean dl_data_check_directory (const char *directory, const char *language,
                                  GError **error);

/* Where a data file is, for messages: "grammar/en/PATH" or "DIR/en/PATH". */
char *dl_data_describe (const char *directory, const char *language,
                        const char *path);

G_END_DECLS
