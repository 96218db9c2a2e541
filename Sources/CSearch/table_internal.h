#ifndef VS_TABLE_INTERNAL_H
#define VS_TABLE_INTERNAL_H

#include <stdint.h>

enum { VS_LIVE = 1, VS_UNMARKED = 2 };

struct VSTable {
    uint32_t count;  // one past the highest document id
    uint32_t type_count, group_count, label_count;
    uint8_t *flags, *type;
    uint16_t *group, *label, *year;
    uint32_t *length, *title_tokens, *heading_tokens, *date;
    double *norm;  // vv_length_norm of each document, computed once
};

/// The column of a token position: title, headings, body (see vs_document_new).
static inline int vs_column_of(const struct VSTable *table, uint32_t docid, uint32_t position) {
    uint32_t title = table->title_tokens[docid];
    if (position < title) return 0;
    return position < title + 1 + table->heading_tokens[docid] ? 1 : 2;
}

#endif
