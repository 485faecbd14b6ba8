/* options.c: the command-line options of the normalize stage, shared by
 * dateline-normalize and dateline: their GOptionEntry table and the check
 * of their values. */
#include "normalize.h"

#include <string.h>

#include "dl-cli.h"

const GOptionEntry *
dl_normalize_args_entries (DlNormalizeArgs *args)
{
  const GOptionEntry entries[] = {
    { "anchors", 'a', 0, G_OPTION_ARG_FILENAME_ARRAY, &args->anchor_files,
      "Events that dates are told from: CSV name,earliest,latest,aliases "
      "(may be repeated; wins over the built-in list)", "FILE" },
    { "no-default-anchors", 0, 0, G_OPTION_ARG_NONE,
      &args->no_default_anchors,
      "Do not use the built-in list of well-known events", NULL },
    { "style", 's', 0, G_OPTION_ARG_STRING, &args->style,
      "Whether an undated \"in May\" takes its year from the document date "
      "(news) or from the last date told (narrative); auto decides per "
      "document", "auto|news|narrative" },
    { "hemisphere", 0, 0, G_OPTION_ARG_STRING, &args->hemisphere,
      "Whose seasons: north (default) or south", "north|south" },
    { "fiscal-year-start", 0, 0, G_OPTION_ARG_STRING, &args->fiscal_year_start,
      "Month a fiscal year starts in (default 1); FY1998 ends in 1998",
      "MM" },
    { NULL },
  };

  g_free (args->entries);
  args->entries = g_memdup2 (entries, sizeof entries);
  return args->entries;
}

gboolean
dl_normalize_args_apply (DlNormalizeArgs *args, DlNormalizeOptions *options,
                         GError **error)
{
  const char *style = args->style ? args->style : "auto";

  if (strcmp (style, "auto") == 0)
    options->style = DL_STYLE_AUTO;
  else if (strcmp (style, "news") == 0)
    options->style = DL_STYLE_NEWS;
  else if (strcmp (style, "narrative") == 0)
    options->style = DL_STYLE_NARRATIVE;
  else
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--style is auto, news or narrative, not \"%s\"", style);
      return FALSE;
    }
  if (args->hemisphere && strcmp (args->hemisphere, "north") != 0
      && strcmp (args->hemisphere, "south") != 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   "--hemisphere is north or south, not \"%s\"",
                   args->hemisphere);
      return FALSE;
    }
  {
    /* Read as decimal: "08" is August, not a bad octal number. */
    char *end = NULL;
    guint64 month = args->fiscal_year_start
                        ? g_ascii_strtoull (args->fiscal_year_start, &end, 10)
                        : 1;

    if ((end && *end != '\0') || month < 1 || month > 12)
      {
        g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                     "--fiscal-year-start is a month, 1 to 12, not \"%s\"",
                     args->fiscal_year_start);
        return FALSE;
      }
    options->fiscal_year_start = (int) month;
  }
  options->southern = g_strcmp0 (args->hemisphere, "south") == 0;
  options->anchor_files = (const char *const *) args->anchor_files;
  options->no_default_anchors = args->no_default_anchors;
  return TRUE;
}

void
dl_normalize_args_clear (DlNormalizeArgs *args)
{
  g_clear_pointer (&args->anchor_files, g_strfreev);
  g_clear_pointer (&args->style, g_free);
  g_clear_pointer (&args->hemisphere, g_free);
  g_clear_pointer (&args->fiscal_year_start, g_free);
  g_clear_pointer (&args->entries, g_free);
}
