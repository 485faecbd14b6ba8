#include "dl-test-util.h"

#include <string.h>

char *
dl_test_grammar_dir (void)
{
  return g_build_filename (g_getenv ("DATELINE_SOURCE_ROOT")
                               ? g_getenv ("DATELINE_SOURCE_ROOT")
                               : g_test_get_dir (G_TEST_DIST),
                           g_getenv ("DATELINE_SOURCE_ROOT") ? "grammar"
                                                             : "../grammar",
                           NULL);
}

char *
dl_test_parse_spans (const char *marked, GArray *spans)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = marked; *p; p++)
    {
      gsize offset = plain->len;

      if (*p == '[' || *p == ']')
        g_array_append_val (spans, offset);
      else
        g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}
