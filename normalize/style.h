/* style.h: news or narrative, for a document and for each stretch of it. */
#pragma once

#include "story.h"

G_BEGIN_DECLS

/* Whether value speaks of the writer's own day ("today", "last year",
 * "two years ago", "this week"). */
gboolean dl_is_deictic (const char *value);

/* Whether year lies decades before the document date: of a story's time,
 * not of the writer's. */
gboolean dl_style_is_old (const Story *doc, guint year);

/* Whether the document whose records are batch is a narrative (style
 * auto: by its written years, doc's date known or not). */
gboolean dl_style_of_document (DlStyle style, GPtrArray *batch,
                               const Story *doc);

/* Whether the document whose records are batch is a history of the
 * first millennium or so: it has a BC or AD year, a century or decade
 * before 1000, or two years before 1500 (if=historical forms aside). */
gboolean dl_style_historical (GPtrArray *batch);

/* Follows the stretch form opens in a narrative: a year written decades
 * back is the story's time, a recent one or the writer's own day ("today",
 * "last year") the writer's, until the text goes back. */
void dl_style_follow (Story *doc, const Form *form);

/* Whether the mention being read is told as a narrative: a narrative
 * document, outside a stretch about the writer's time. */
gboolean dl_style_narrative_here (const Story *doc);

G_END_DECLS
