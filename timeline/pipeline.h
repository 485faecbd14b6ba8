/* pipeline.h: extract, normalize and timeline in one process, for
 * dateline and dateline-compare. */
#pragma once

#include "extract.h"
#include "normalize.h"
#include "timeline.h"

G_BEGIN_DECLS

/* The options of all three stages. */
typedef struct {
  DlExtractArgs extract;
  DlNormalizeArgs normalize;
  DlTimelineArgs timeline;
} DlPipelineArgs;

void dl_pipeline_args_add (DlPipelineArgs *args, GOptionContext *context);
void dl_pipeline_args_clear (DlPipelineArgs *args);

typedef struct _DlPipeline DlPipeline;

/* The stages built from the parsed options; one --reference-date and
 * --grammar serve all three. */
DlPipeline *dl_pipeline_new (DlPipelineArgs *args, GError **error);
void dl_pipeline_free (DlPipeline *pipeline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPipeline, dl_pipeline_free)

/* A new timeline with the pipeline's timeline options. */
DlTimeline *dl_pipeline_new_timeline (DlPipeline *pipeline, GError **error);

/* Runs documents through extract and normalize into timeline: each mention
 * goes straight from stage to stage, no CSV between them.  For main(): a
 * file that fails is told on stderr and skipped.  FALSE if any failed. */
gboolean dl_pipeline_run_files (DlPipeline *pipeline,
                                const char *const *files,
                                DlTimeline *timeline);

/* The same for one document in memory; fails (error set) if it does. */
gboolean dl_pipeline_run_document (DlPipeline *pipeline,
                                   DlDocument *document,
                                   DlTimeline *timeline, GError **error);

/* Tells on stderr what became of rows (unresolved, joined, merged, left
 * out), one line each, as every program of the pipeline does. */
void dl_pipeline_tell (DlPipeline *pipeline, DlTimeline *timeline);

G_END_DECLS
