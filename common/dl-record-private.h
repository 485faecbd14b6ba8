/* dl-record-private.h: what the parts of the record library share. */
#pragma once

#include "dl-record.h"

G_BEGIN_DECLS

/* The column of format whose header name is name, or -1. */
int dl_format_lookup (DlFormat format, const char *name);

/* Gives record the allocation block (freed with it): the fields that
 * dl_record_set_in_block points at are in it. */
void dl_record_give_block (DlRecord *record, gpointer block);
/* Sets column to value, which lies in the record's block. */
void dl_record_set_in_block (DlRecord *record, DlColumn column, char *value);

G_END_DECLS
