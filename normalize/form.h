/* form.h: a mention's form cut into its value, the attributes the
 * resolver takes, and the keys normalize takes for itself. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A form split into its value, the attributes resolve takes, and those
 * normalize handles itself (link, window). */
typedef struct {
  char *value;
  char *for_resolve; /* value and the other attributes */
  char *link;        /* "or", "to" or NULL */
  char *window;      /* a duration such as P3M, or NULL */
  char *part;        /* first-week, last-weekend, ..., or NULL */
  char *at;          /* "+": the day a duration ends ("in three days") */
  char *days;        /* DD-DD: some days of a month ("May 3-5") */
  char *from;        /* "told", "past-told": told from the last date told
                      * ("that summer", "the next year" of a story) */
} Form;

/* Cuts text (a form) into form, which owns its strings. */
void dl_form_split (const char *text, Form *form);
void dl_form_clear (Form *form);
/* The value of attribute key (one the resolver takes, such as mod) in
 * form, or NULL. */
char *dl_form_attribute (const Form *form, const char *key);

G_END_DECLS
