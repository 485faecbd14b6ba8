/* context.c: links and open-range cues around mentions. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "context.h"

#include "dl-data.h"
#include "dl-record.h"
#include "dl-text.h"

#include <pcre2.h>
#include <string.h>

/* How far around a mention its context is looked at, in bytes. */
#define REACH 48

typedef struct {
  char *kind;
  pcre2_code *gap;    /* must match the whole gap */
  pcre2_code *before; /* must end where the first mention starts, or NULL */
} Link;

struct _DlContextRules {
  GPtrArray *links;     /* Link * */
  pcre2_code *open;     /* (?<cue>...)\s+(?:the\s+)?\z */
  GHashTable *open_mod; /* lowercase cue -> mod */
  pcre2_match_data *data;
};

static void
link_free (Link *link)
{
  g_free (link->kind);
  pcre2_code_free (link->gap);
  pcre2_code_free (link->before);
  g_free (link);
}

void
dl_context_rules_free (DlContextRules *rules)
{
  if (rules == NULL)
    return;
  g_ptr_array_unref (rules->links);
  pcre2_code_free (rules->open);
  g_hash_table_unref (rules->open_mod);
  pcre2_match_data_free (rules->data);
  g_free (rules);
}

static pcre2_code *
compile (const char *pattern, uint32_t options, const char *file,
         GError **error)
{
  PCRE2_SIZE offset;
  int code;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  options | PCRE2_CASELESS | PCRE2_UTF, &code,
                                  &offset, NULL);

  if (re == NULL)
    {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message (code, message, sizeof message);
      g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                   "%s: \"%s\" does not compile: %s", file, pattern,
                   (char *) message);
      return NULL;
    }
  pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
  return re;
}

static gboolean
load_links (DlContextRules *rules, const char *directory, GError **error)
{
  g_autofree char *where = dl_data_describe (directory, NULL,
                                             "context/links.txt");
  g_auto (GStrv) lines = dl_data_read_list (directory, NULL,
                                            "context/links.txt", error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 3);
      g_autofree char *gap = NULL;
      Link *link;

      if (g_strv_length (fields) < 2)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a link is KIND<TAB>GAP[<TAB>BEFORE]",
                       where, lines[i]);
          return FALSE;
        }
      link = g_new0 (Link, 1);
      g_ptr_array_add (rules->links, link);
      link->kind = g_strdup (fields[0]);
      gap = g_strdup_printf ("(?:%s)\\z", fields[1]);
      link->gap = compile (gap, PCRE2_ANCHORED, where, error);
      if (link->gap == NULL)
        return FALSE;
      if (fields[2] && *fields[2])
        {
          g_autofree char *before = g_strdup_printf (
              "(?<![A-Za-z0-9])(?:%s)\\z", fields[2]);
          link->before = compile (before, 0, where, error);
          if (link->before == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_open_ranges (DlContextRules *rules, const char *directory,
                  GError **error)
{
  g_autofree char *where = dl_data_describe (directory, NULL,
                                             "context/open-ranges.txt");
  g_auto (GStrv) lines = dl_data_read_list (directory, NULL,
                                            "context/open-ranges.txt", error);
  g_autoptr (GString) pattern = g_string_new ("(?<![A-Za-z0-9])(?<cue>");

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autofree char *quoted = NULL, *spaced = NULL;
      g_auto (GStrv) words = NULL;

      if (g_strv_length (fields) != 2)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR,
                       "%s: \"%s\": a cue is WORDS<TAB>MOD", where, lines[i]);
          return FALSE;
        }
      g_hash_table_insert (rules->open_mod,
                           dl_text_key (fields[0], strlen (fields[0])),
                           g_strdup (g_strstrip (fields[1])));
      quoted = g_regex_escape_string (fields[0], -1);
      words = g_strsplit (quoted, " ", -1);
      spaced = g_strjoinv ("\\s+", words);
      g_string_append_printf (pattern, "%s%s", i ? "|" : "", spaced);
    }
  g_string_append (pattern, ")\\s+(?:the\\s+)?\\z");
  rules->open = compile (pattern->str, 0, where, error);
  return rules->open != NULL;
}

DlContextRules *
dl_context_rules_load (const char *directory, GError **error)
{
  g_autoptr (DlContextRules) rules = g_new0 (DlContextRules, 1);

  rules->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  rules->open_mod = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           g_free);
  rules->data = pcre2_match_data_create (4, NULL);
  if (!load_links (rules, directory, error)
      || !load_open_ranges (rules, directory, error))
    return NULL;
  return g_steal_pointer (&rules);
}

/* Whether a form names a date or a period (not an amount of time, a
 * recurring set or "now"): only those join into a span. */
static gboolean
names_a_time (const char *form)
{
  return g_ascii_isdigit (form[0]) || g_str_has_prefix (form, "UNDEF-")
         || g_str_has_prefix (form, "BC") || g_str_has_prefix (form, "FY");
}

/* Whether the mention ending at end is a possessive ("December's
 * figures"): it then names a thing of that time, not the end of a span. */
static gboolean
possessive_after (const char *text, gsize end)
{
  const char *p = text + end;

  if (*p == '\'')
    p++;
  else if (strncmp (p, "\u2019", 3) == 0)
    p += 3;
  else
    return FALSE;
  return (*p == 's' || *p == 'S') && !g_ascii_isalnum (p[1]);
}

/* The kind of link between a and b, or NULL. */
static const char *
link_between (DlContextRules *rules, const char *text, const DlMatch *a,
              const DlMatch *b)
{
  gsize from = a->start > REACH ? a->start - REACH : 0;

  /* "on Friday - December's figures showed": two clauses, not a span. */
  if (possessive_after (text, a->end) || possessive_after (text, b->end))
    return NULL;
  if (b->start - a->end > REACH || !names_a_time (a->form)
      || !names_a_time (b->form) || strstr (a->form, " type=SET")
      || strstr (b->form, " type=SET"))
    return NULL;
  for (guint i = 0; i < rules->links->len; i++)
    {
      Link *link = rules->links->pdata[i];

      if (pcre2_match (link->gap, (PCRE2_SPTR) text, b->start, a->end,
                       PCRE2_NO_UTF_CHECK, rules->data, NULL) < 0)
        continue;
      if (link->before
          && pcre2_match (link->before, (PCRE2_SPTR) text, a->start, from,
                          PCRE2_NO_UTF_CHECK, rules->data, NULL) < 0)
        continue;
      return link->kind;
    }
  return NULL;
}

/* The mod an open-range cue before m gives, or NULL. */
static const char *
open_mod_before (DlContextRules *rules, const char *text, const DlMatch *m,
                 gsize floor)
{
  gsize from = m->start > REACH ? m->start - REACH : 0;
  PCRE2_SIZE *ov;
  g_autofree char *key = NULL;
  int cue = pcre2_substring_number_from_name (rules->open,
                                              (PCRE2_SPTR) "cue");

  /* A cue inside the mention before ("a year before the 2022 war") is
   * that mention's. */
  from = MAX (from, floor);
  /* Start the search on a character boundary. */
  while (from < m->start && ((guchar) text[from] & 0xC0) == 0x80)
    from++;
  if (pcre2_match (rules->open, (PCRE2_SPTR) text, m->start, from,
                   PCRE2_NO_UTF_CHECK, rules->data, NULL) < 0)
    return NULL;
  ov = pcre2_get_ovector_pointer (rules->data);
  key = dl_text_key (text + ov[2 * cue], ov[2 * cue + 1] - ov[2 * cue]);
  return g_hash_table_lookup (rules->open_mod, key);
}

static void
append_attribute (DlMatch *m, const char *key, const char *value)
{
  char *form = g_strdup_printf ("%s %s=%s", m->form, key, value);

  g_free (m->form);
  m->form = form;
}

void
dl_context_rules_apply (DlContextRules *rules, const char *text,
                        GArray *matches)
{
  g_autofree gboolean *linked = g_new0 (gboolean, matches->len + 1);

  for (guint i = 1; i < matches->len; i++)
    {
      DlMatch *a = &g_array_index (matches, DlMatch, i - 1);
      DlMatch *b = &g_array_index (matches, DlMatch, i);
      const char *kind = linked[i - 1] ? NULL
                                       : link_between (rules, text, a, b);

      if (kind)
        {
          append_attribute (b, "link", kind);
          linked[i - 1] = linked[i] = TRUE;
        }
    }
  for (guint i = 0; i < matches->len; i++)
    {
      DlMatch *m = &g_array_index (matches, DlMatch, i);
      const char *mod;

      /* A form that names its own days ("May 3-5") is a span already:
       * "from May 3-5" is during them, not after. */
      if (linked[i] || strstr (m->form, " mod=") != NULL
          || strstr (m->form, " days=") != NULL || !names_a_time (m->form))
        continue;
      mod = open_mod_before (rules, text, m,
                             i > 0 ? g_array_index (matches, DlMatch, i - 1).end
                                   : 0);
      if (mod)
        append_attribute (m, "mod", mod);
    }
}
