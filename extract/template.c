/* template.c: form templates, parsed once when the grammar loads and
 * filled for each match.
 *
 * {group} is the text the named group matched, looked up in the value table
 * of the symbol named like the group (trailing digits dropped: month2 ->
 * month) when there is one; {group|filter} converts it; [ ... ] is written
 * only if every group inside it matched.  Parsing at load time is also the
 * check: a template that names a group the pattern lacks, or an unknown
 * filter, is a load error. */
#include "grammar-private.h"

#include "dl-record.h"
#include "dl-text.h"

#include <stdarg.h>
#include <string.h>

typedef enum { PIECE_TEXT, PIECE_GROUP, PIECE_OPTIONAL } PieceKind;

typedef enum {
  FILTER_NONE,
  FILTER_NUM,
  FILTER_PAD2,
  FILTER_PAD4,
  FILTER_CENTURY,
  FILTER_LOWER,
  FILTER_UPPER,
} Filter;

typedef struct {
  PieceKind kind;
  char *text;          /* TEXT: the literal */
  int group;           /* GROUP: its number in the rule's pattern */
  GHashTable *values;  /* GROUP: the value table named like it, or NULL */
  Filter filter;       /* GROUP */
  GPtrArray *pieces;   /* OPTIONAL: what is inside the brackets */
} Piece;

struct _DlTemplate {
  GPtrArray *pieces;
  GHashTable *numbers; /* symbols/number.txt: number words, or NULL */
};

static void
piece_free (Piece *piece)
{
  g_free (piece->text);
  g_clear_pointer (&piece->pieces, g_ptr_array_unref);
  g_free (piece);
}

static GPtrArray *
pieces_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
}

void
dl_template_free (DlTemplate *template)
{
  if (template == NULL)
    return;
  g_ptr_array_unref (template->pieces);
  g_free (template);
}

static gboolean
template_error (GError **error, const Rule *rule, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static gboolean
template_error (GError **error, const Rule *rule, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, DL_ERROR, DL_ERROR_GRAMMAR, "%s:%u: rule %s: %s",
               rule->file, rule->line, rule->name, message);
  return FALSE;
}

/* ---- parsing ---- */

typedef struct {
  DlGrammar *grammar;
  const Rule *rule;
  const char *at;
} Parser;

/* The value table of the symbol named like group (digits dropped). */
static GHashTable *
group_values (DlGrammar *grammar, const char *group)
{
  g_autofree char *base = g_strdup (group);
  gsize len = strlen (base);
  Symbol *symbol;

  while (len > 1 && g_ascii_isdigit (base[len - 1]))
    base[--len] = '\0';
  symbol = g_hash_table_lookup (grammar->symbols, base);
  return symbol ? symbol->values : NULL;
}

static gboolean
parse_filter (const Rule *rule, const char *name, Filter *filter,
              GError **error)
{
  static const char *const names[] = {
    [FILTER_NUM] = "num",     [FILTER_PAD2] = "pad2",
    [FILTER_PAD4] = "pad4",   [FILTER_CENTURY] = "century",
    [FILTER_LOWER] = "lower", [FILTER_UPPER] = "upper",
  };

  *filter = FILTER_NONE;
  if (name == NULL)
    return TRUE;
  for (guint i = FILTER_NUM; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *filter = i;
        return TRUE;
      }
  return template_error (error, rule, "unknown filter |%s", name);
}

/* {spec}: the group's number, value table and filter. */
static Piece *
parse_group (Parser *p, const char *spec, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (spec, "|", 2);
  g_autofree Piece *piece = g_new0 (Piece, 1);

  piece->kind = PIECE_GROUP;
  piece->group = pcre2_substring_number_from_name (p->rule->code,
                                                   (PCRE2_SPTR) parts[0]);
  if (piece->group < 0)
    return template_error (error, p->rule,
                           "the template names group %s, which the pattern "
                           "does not have", parts[0]), NULL;
  if (!parse_filter (p->rule, parts[1], &piece->filter, error))
    return NULL;
  piece->values = group_values (p->grammar, parts[0]);
  return g_steal_pointer (&piece);
}

static void
add_text (GPtrArray *pieces, GString *text)
{
  Piece *piece;

  if (text->len == 0)
    return;
  piece = g_new0 (Piece, 1);
  piece->kind = PIECE_TEXT;
  piece->text = g_strndup (text->str, text->len);
  g_ptr_array_add (pieces, piece);
  g_string_truncate (text, 0);
}

/* Parses up to close (or the end) into pieces. */
static gboolean
parse (Parser *p, char close, GPtrArray *pieces, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  while (*p->at && *p->at != close)
    {
      char c = *p->at++;
      Piece *piece;

      if (c == '{')
        {
          const char *end = strchr (p->at, '}');
          g_autofree char *spec = NULL;

          if (end == NULL)
            return template_error (error, p->rule, "unclosed { in template");
          spec = g_strndup (p->at, end - p->at);
          p->at = end + 1;
          add_text (pieces, text);
          if ((piece = parse_group (p, spec, error)) == NULL)
            return FALSE;
          g_ptr_array_add (pieces, piece);
        }
      else if (c == '[')
        {
          add_text (pieces, text);
          piece = g_new0 (Piece, 1);
          piece->kind = PIECE_OPTIONAL;
          piece->pieces = pieces_new ();
          g_ptr_array_add (pieces, piece);
          if (!parse (p, ']', piece->pieces, error))
            return FALSE;
          if (*p->at != ']')
            return template_error (error, p->rule, "unclosed [ in template");
          p->at++;
        }
      else
        g_string_append_c (text, c);
    }
  add_text (pieces, text);
  return TRUE;
}

DlTemplate *
dl_template_compile (DlGrammar *grammar, const Rule *rule, const char *text,
                     GError **error)
{
  g_autoptr (GPtrArray) pieces = pieces_new ();
  Parser p = { grammar, rule, text };
  Symbol *numbers = g_hash_table_lookup (grammar->symbols, "number");
  DlTemplate *template;

  if (!parse (&p, '\0', pieces, error))
    return NULL;
  template = g_new0 (DlTemplate, 1);
  template->pieces = g_steal_pointer (&pieces);
  template->numbers = numbers ? numbers->values : NULL;
  return template;
}

/* ---- filling ---- */

/* A number written in digits (commas allowed) or in words. */
static gboolean
parse_number (GHashTable *numbers, const char *text, gint64 *number)
{
  gsize digits_only = strspn (text, "0123456789");
  g_auto (GStrv) parts = NULL;
  gint64 total = 0, current = 0;
  g_autofree char *digits = NULL;
  char *end;

  /* Most numbers are plain digits: no copy to clean. */
  if (digits_only > 0 && digits_only <= 15 && text[digits_only] == '\0')
    {
      *number = g_ascii_strtoll (text, NULL, 10);
      return TRUE;
    }
  digits = g_strdup (text);
  g_strdelimit (digits, ",", ' ');
  g_strstrip (digits);
  if (digits[0] != '\0' && g_ascii_isdigit (digits[0]))
    {
      g_autoptr (GString) plain = g_string_new (NULL);

      for (const char *c = text; *c; c++)
        if (*c != ',')
          g_string_append_c (plain, *c);
      *number = g_ascii_strtoll (plain->str, &end, 10);
      return *end == '\0' && plain->len <= 15;
    }
  if (numbers == NULL)
    return FALSE;
  parts = g_strsplit_set (text, " -\t\r\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *key = dl_text_key (parts[i], strlen (parts[i]));
      const char *value;
      gint64 v;

      if (key[0] == '\0' || strcmp (key, "and") == 0)
        continue;
      value = g_hash_table_lookup (numbers, key);
      if (value == NULL)
        return FALSE;
      v = g_ascii_strtoll (value, &end, 10);
      if (v >= 1000)
        total += (current ? current : 1) * v, current = 0;
      else if (v == 100)
        current = (current ? current : 1) * 100;
      else
        current += v;
    }
  *number = total + current;
  return TRUE;
}

static gboolean
apply_filter (const DlTemplate *template, const Rule *rule, Filter filter,
              const char *text, GString *out, GError **error)
{
  gint64 n = 0;

  switch (filter)
    {
    case FILTER_NONE:
      g_string_append (out, text);
      return TRUE;
    case FILTER_LOWER:
    case FILTER_UPPER:
      for (const char *c = text; *c; c++)
        g_string_append_c (out, filter == FILTER_LOWER ? g_ascii_tolower (*c)
                                                       : g_ascii_toupper (*c));
      return TRUE;
    default:
      break;
    }
  if (!parse_number (template->numbers, text, &n))
    return template_error (error, rule, "\"%s\" is not a number", text);
  if (filter == FILTER_NUM)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, n);
  else if (filter == FILTER_PAD2)
    g_string_append_printf (out, "%02" G_GINT64_FORMAT, n);
  else if (filter == FILTER_PAD4)
    g_string_append_printf (out, "%04" G_GINT64_FORMAT, n);
  else /* century: the 19th century is TIMEX3 18 */
    g_string_append_printf (out, "%02" G_GINT64_FORMAT, n - 1);
  return TRUE;
}

typedef struct {
  const DlTemplate *template;
  const Rule *rule;
  const char *subject;
  const PCRE2_SIZE *ovector;
} Fill;

static gboolean
fill_group (Fill *f, const Piece *piece, GString *out, gboolean *missing,
            GError **error)
{
  PCRE2_SIZE start = f->ovector[2 * piece->group];
  gsize len = f->ovector[2 * piece->group + 1] - start;
  g_autofree char *text = NULL;
  const char *value = NULL;

  if (start == PCRE2_UNSET)
    {
      *missing = TRUE;
      return TRUE;
    }
  if (piece->values)
    {
      char buffer[64];
      const char *key = dl_text_key_into (f->subject + start, len, buffer,
                                          sizeof buffer);
      g_autofree char *long_key = key ? NULL
                                      : dl_text_key (f->subject + start, len);

      value = g_hash_table_lookup (piece->values, key ? key : long_key);
    }
  if (value == NULL && piece->filter == FILTER_NONE)
    {
      g_string_append_len (out, f->subject + start, len);
      return TRUE;
    }
  if (value == NULL)
    value = text = g_strndup (f->subject + start, len);
  return apply_filter (f->template, f->rule, piece->filter, value, out,
                       error);
}

static gboolean
fill (Fill *f, GPtrArray *pieces, GString *out, gboolean *missing,
      GError **error)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = pieces->pdata[i];

      if (piece->kind == PIECE_TEXT)
        g_string_append (out, piece->text);
      else if (piece->kind == PIECE_GROUP)
        {
          if (!fill_group (f, piece, out, missing, error))
            return FALSE;
        }
      else
        {
          gsize at = out->len;
          gboolean part_missing = FALSE;

          if (!fill (f, piece->pieces, out, &part_missing, error))
            return FALSE;
          if (part_missing)
            g_string_truncate (out, at);
        }
    }
  return TRUE;
}

char *
dl_template_fill (const DlTemplate *template, const Rule *rule,
                  const char *subject, const PCRE2_SIZE *ovector,
                  GError **error)
{
  Fill f = { template, rule, subject, ovector };
  g_autoptr (GString) out = g_string_sized_new (32);
  gboolean missing = FALSE;

  if (!fill (&f, template->pieces, out, &missing, error) || missing)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
