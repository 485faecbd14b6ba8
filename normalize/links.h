/* links.h: two mentions joined by link= take the hull of their ranges. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* first and second (resolved, in text order) are joined by kind, "or" or
 * "to": both take the hull of their ranges, a first end without a year
 * resolved near the second first. */
void dl_link_join (DlRecord *first, DlRecord *second, const char *kind);

G_END_DECLS
