/* literals.c: a literal symbol's alternatives as one regex that shares
 * their common beginnings, (?:t(?:w(?:o|elve|enty)|hree)) and not
 * (?:two|twelve|twenty|three).
 *
 * PCRE2 tries an alternation's branches one by one: a word list of fifty
 * words costs fifty comparisons wherever a rule calls it and fails, and
 * the rules' tries were the larger part of extract's time.  Shared
 * beginnings cost one comparison for all the words that share them.
 *
 * The regex matches what the plain alternation, longest first, matches,
 * and in the same order of preference (which decides the match when what
 * follows the symbol fails on the longer one): two of its literals can
 * both match at one place only if one begins the other (they are words;
 * a space matches whitespace, a letter does not), and here as there the
 * longer is tried first, the end of the shorter one coming last among its
 * node's branches.  Matching is caseless (symbols are defined under the
 * patterns' PCRE2_CASELESS and not in UTF mode), so ASCII letters are
 * shared in lowercase. */
#include "grammar-private.h"

#include <string.h>

/* A step of a literal: a byte, or any run of whitespace. */
#define SPACE 256

typedef struct _Node Node;
struct _Node {
  GArray *steps;     /* int: the step to each child, in first-seen order */
  GPtrArray *next;   /* Node *, the children */
  gboolean ends;     /* a literal ends here */
};

static Node *
node_new (void)
{
  Node *node = g_new0 (Node, 1);

  node->steps = g_array_new (FALSE, FALSE, sizeof (int));
  node->next = g_ptr_array_new ();
  return node;
}

static void
node_free (Node *node)
{
  for (guint i = 0; i < node->next->len; i++)
    node_free (node->next->pdata[i]);
  g_array_unref (node->steps);
  g_ptr_array_unref (node->next);
  g_free (node);
}

static Node *
child (Node *node, int step)
{
  Node *made;

  for (guint i = 0; i < node->steps->len; i++)
    if (g_array_index (node->steps, int, i) == step)
      return node->next->pdata[i];
  made = node_new ();
  g_array_append_val (node->steps, step);
  g_ptr_array_add (node->next, made);
  return made;
}

/* Adds literal: its words, split at spaces and tabs as append_literal in
 * grammar.c does, joined by SPACE steps. */
static void
add (Node *root, const char *literal)
{
  Node *node = root;
  gboolean word = FALSE, gap = FALSE;

  for (const char *p = literal; *p; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          gap = word;
          continue;
        }
      if (gap)
        node = child (node, SPACE);
      node = child (node, g_ascii_tolower (*p));
      word = TRUE;
      gap = FALSE;
    }
  node->ends = TRUE;
}

static void
append_step (GString *out, int step)
{
  if (step == SPACE)
    g_string_append (out, "\\s+");
  else if (g_ascii_isalnum (step) || step >= 0x80)
    g_string_append_c (out, (char) step);
  else
    {
      /* Any other ASCII byte is taken literally after a backslash. */
      g_string_append_c (out, '\\');
      g_string_append_c (out, (char) step);
    }
}

static void
append_node (GString *out, const Node *node)
{
  guint branches = node->next->len + (node->ends ? 1 : 0);

  if (branches > 1)
    g_string_append (out, "(?:");
  for (guint i = 0; i < node->next->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      append_step (out, g_array_index (node->steps, int, i));
      append_node (out, node->next->pdata[i]);
    }
  /* The end of a literal comes after the longer ones through this node
   * (an empty last branch). */
  if (node->ends && branches > 1)
    g_string_append_c (out, '|');
  if (branches > 1)
    g_string_append_c (out, ')');
}

char *
dl_literals_regex (GPtrArray *literals)
{
  Node *root = node_new ();
  GString *out = g_string_new ("(?:");

  for (guint i = 0; i < literals->len; i++)
    add (root, literals->pdata[i]);
  append_node (out, root);
  g_string_append_c (out, ')');
  node_free (root);
  return g_string_free (out, FALSE);
}
