/* dl-record-private.h: what the parts of the record library share. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* The column of format whose header name is name, or -1. */
int dl_format_lookup (DlFormat format, const char *name);

G_END_DECLS
