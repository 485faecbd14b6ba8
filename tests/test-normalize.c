/* test-normalize.c: the normalize stage on rows written here: the anchors
 * tables and their lookup, and what a bad row (a dct or a form that is not
 * one, a date beyond year 9999) turns into.  g_test makes every
 * GLib-CRITICAL fatal, so a date arithmetic that trips GDate fails here. */
#include <glib/gstdio.h>
#include <string.h>

#include "anchors.h"
#include "dl-cli.h"
#include "dl-record.h"
#include "normalize.h"

/* A file holding text, removed when the test ends. */
static char *
temp_file (const char *text)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("dateline-test-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_close (fd, NULL);
  return path;
}

static DlAnchors *
anchors_from (const char *csv)
{
  g_autofree char *path = temp_file (csv);
  g_autoptr (DlAnchors) anchors = dl_anchors_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (dl_anchors_load_file (anchors, path, &error));
  g_assert_no_error (error);
  g_unlink (path);
  return g_steal_pointer (&anchors);
}

#define EVENTS                                                          \
  "name,earliest,latest,aliases\n"                                      \
  "Harbour strike,2019-05-06,2019-05-20,strike|the long harbour strike\n" \
  "Dock strike,2019-06-01,2019-06-02,\n"                                \
  "Port strike,2019-07-01,2019-07-02,\n"                                \
  "Großer Streik,1920-03-01,1920-03-02,\n"

static const char *
find_name (DlAnchors *anchors, const char *phrase)
{
  const DlAnchor *a = dl_anchors_find (&anchors, 1, phrase);

  return a ? a->name : NULL;
}

/* The longest alias in the phrase wins, on whole words, any case. */
static void
test_anchors_longest (void)
{
  g_autoptr (DlAnchors) anchors = anchors_from (EVENTS);

  g_assert_cmpstr (find_name (anchors, "after the strike"), ==,
                   "Harbour strike");
  g_assert_cmpstr (find_name (anchors, "after the dock strike"), ==,
                   "Dock strike");
  g_assert_cmpstr (find_name (anchors, "the Long  Harbour STRIKE began"), ==,
                   "Harbour strike");
  g_assert_cmpstr (find_name (anchors, "the GROSSER streik"), ==, NULL);
  g_assert_cmpstr (find_name (anchors, "der GROßER STREIK"), ==,
                   "Großer Streik");
  g_assert_cmpstr (find_name (anchors, "strikes"), ==, NULL);
  g_assert_cmpstr (find_name (anchors, "restrike"), ==, NULL);
  g_assert_cmpstr (find_name (anchors, ""), ==, NULL);
  /* Of two as long, the first in the phrase. */
  g_assert_cmpstr (find_name (anchors, "port strike, dock strike"), ==,
                   "Port strike");
}

/* An event of an earlier table wins over any of a later one. */
static void
test_anchors_tables (void)
{
  g_autoptr (DlAnchors) user = anchors_from (
      "name,earliest,latest\nStrike,2001-01-01,2001-01-01\n");
  g_autoptr (DlAnchors) other = anchors_from (EVENTS);
  DlAnchors *tables[] = { user, other };
  const DlAnchor *a = dl_anchors_find (tables, 2, "the dock strike");

  g_assert_nonnull (a);
  g_assert_cmpstr (a->name, ==, "Strike");
  a = dl_anchors_find (tables + 1, 1, "the dock strike");
  g_assert_cmpstr (a->name, ==, "Dock strike");
}

/* A phrase of thousands of words (a 40 KB anchor field) is looked up in
 * time linear in its length: only stretches as long as the longest alias
 * are tried.  Cubic before, this took minutes. */
static void
test_anchors_long_phrase (void)
{
  g_autoptr (DlAnchors) anchors = anchors_from (EVENTS);
  g_autoptr (GString) phrase = g_string_new (NULL);

  for (int i = 0; i < 6500; i++)
    g_string_append_printf (phrase, "word%d ", i % 13);
  g_string_append (phrase, "the long harbour strike");
  g_assert_cmpuint (phrase->len, >, 40000);
  g_assert_cmpstr (find_name (anchors, phrase->str), ==, "Harbour strike");
  g_string_prepend (phrase, "dock strike ");
  g_assert_cmpstr (find_name (anchors, phrase->str), ==, "Harbour strike");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchors/longest", test_anchors_longest);
  g_test_add_func ("/anchors/tables", test_anchors_tables);
  g_test_add_func ("/anchors/long-phrase", test_anchors_long_phrase);

  return g_test_run ();
}
