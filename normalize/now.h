/* now.h: which dates move a story on, and which only tell a date. */
#pragma once

#include "story.h"

G_BEGIN_DECLS

typedef enum {
  DL_TELLS_NOW,    /* a date the story moves to */
  DL_TELLS_DATE,   /* a date later mentions count from ("two days later",
                    * "that fall"), but not where the story is */
  DL_TELLS_NOTHING /* an aside: no date a later mention is told from */
} DlTells;

/* What record, with form resolved as res, tells the records after it. */
DlTells dl_story_tells (const Story *doc, const DlRecord *record,
                        const Form *form, const DlResolution *res);

G_END_DECLS
