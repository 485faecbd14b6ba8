/* anchors.h: events that dates are told relative to ("three days prior to
 * the invasion"), from --anchors files and the built-in list. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;
  GDate earliest;
  GDate latest;
  char *origin; /* where the row is: "anchors.csv:2" */
} DlAnchor;

typedef struct _DlAnchors DlAnchors;

DlAnchors *dl_anchors_new (void);
void dl_anchors_free (DlAnchors *anchors);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlAnchors, dl_anchors_free)

/* Loads a CSV with columns name, earliest, latest and optionally aliases
 * (separated by |).  Rows loaded first win over later ones with the same
 * alias, so load the user's files before the built-in list. */
gboolean dl_anchors_load_file (DlAnchors *anchors, const char *path,
                               GError **error);
/* The built-in list, grammar/LANG/anchors.csv (directory NULL: embedded). */
gboolean dl_anchors_load_builtin (DlAnchors *anchors, const char *directory,
                                  GError **error);


/* The event whose name or alias occurs in phrase as whole words, the
 * longest such alias winning (the earliest of equal ones); case-insensitive.
 * An event of an earlier table wins over any of a later one, whatever the
 * lengths.  NULL if none.  Linear in the phrase. */
const DlAnchor *dl_anchors_find (DlAnchors *const *tables, gsize n_tables,
                                 const char *phrase);

G_END_DECLS
