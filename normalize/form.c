/* form.c: a mention's form cut into its value, the attributes the
 * resolver takes (resolve.c), and the keys normalize takes for itself
 * (link=, window=, part=, at=, days=, from=; docs/forms.md). */
#include "form.h"

#include <string.h>

void
dl_form_clear (Form *form)
{
  g_free (form->value);
  g_free (form->for_resolve);
  g_free (form->link);
  g_free (form->window);
  g_free (form->part);
  g_free (form->at);
  g_free (form->days);
  g_free (form->from);
}

static void
keep_first (char **slot, const char *value)
{
  if (*slot == NULL)
    *slot = g_strdup (value);
}

/* The keys normalize takes out of a form for itself, and the field of
 * Form each goes to. */
static const struct {
  const char *key; /* with its '=' */
  gsize field;     /* offset of a char * in Form */
} own_keys[] = {
  { "link=", G_STRUCT_OFFSET (Form, link) },
  { "window=", G_STRUCT_OFFSET (Form, window) },
  { "part=", G_STRUCT_OFFSET (Form, part) },
  { "at=", G_STRUCT_OFFSET (Form, at) },
  { "days=", G_STRUCT_OFFSET (Form, days) },
  { "from=", G_STRUCT_OFFSET (Form, from) },
};

/* Whether form text has one of own_keys as a word of its own. */
static gboolean
has_own_key (const char *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (own_keys); i++)
    for (const char *at = strstr (text, own_keys[i].key); at;
         at = strstr (at + 1, own_keys[i].key))
      if (at == text || at[-1] == ' ')
        return TRUE;
  return FALSE;
}

/* Takes part into its field of form if it is one of own_keys ("link=or");
 * a key given twice keeps its first value, as in the resolver. */
static gboolean
take_own_key (Form *form, const char *part)
{
  for (gsize i = 0; i < G_N_ELEMENTS (own_keys); i++)
    if (g_str_has_prefix (part, own_keys[i].key))
      {
        keep_first (&G_STRUCT_MEMBER (char *, form, own_keys[i].field),
                    part + strlen (own_keys[i].key));
        return TRUE;
      }
  return FALSE;
}

void
dl_form_split (const char *text, Form *form)
{
  g_auto (GStrv) parts = NULL;
  GString *rest;
  gsize len = strlen (text);

  memset (form, 0, sizeof *form);
  /* Most forms have none of normalize's own keys and single spaces: the
   * value is the first word and the rest is the form as it is. */
  if (len > 0 && text[0] != ' ' && text[len - 1] != ' '
      && strstr (text, "  ") == NULL && !has_own_key (text))
    {
      form->value = g_strndup (text, strcspn (text, " "));
      form->for_resolve = g_strdup (text);
      return;
    }
  parts = g_strsplit (text, " ", -1);
  rest = g_string_new (NULL);
  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (i == 0)
        form->value = g_strdup (parts[i]);
      if (!take_own_key (form, parts[i]))
        {
          if (rest->len)
            g_string_append_c (rest, ' ');
          g_string_append (rest, parts[i]);
        }
    }
  if (form->value == NULL)
    form->value = g_strdup ("");
  form->for_resolve = g_string_free (rest, FALSE);
}

/* The value of attribute key in form, or NULL. */
char *
dl_form_attribute (const Form *form, const char *key)
{
  g_autofree char *needle = g_strdup_printf (" %s=", key);
  const char *at = strstr (form->for_resolve, needle);

  return at ? g_strndup (at + strlen (needle),
                         strcspn (at + strlen (needle), " "))
            : NULL;
}
