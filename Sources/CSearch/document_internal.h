#ifndef VS_DOCUMENT_INTERNAL_H
#define VS_DOCUMENT_INTERNAL_H

#include "buffer.h"
#include "viet_score.h"
#include "viet_text.h"

/// One distinct term of a document: its bytes in the arena, how often it occurs in each
/// column, and where its positions start in `positions`.
typedef struct {
    uint32_t offset;
    uint16_t length;
    uint32_t hash;
    uint32_t column_counts[VV_COLUMNS];
    uint32_t frequency;
    uint32_t first;
} VSDocTerm;

struct VSDocument {
    uint32_t length;
    uint32_t column_tokens[VV_COLUMNS];
    VSBuffer arena;
    VSDocTerm *terms;
    int term_count, term_capacity;
    int32_t *table;
    int table_size;
    VSBuffer occurrences;
    uint32_t *positions;
    VSBuffer passage_starts[2];
};

static inline uint32_t vs_weighted_frequency(const VSDocTerm *term) {
    uint32_t wtf = 0;
    for (int c = 0; c < VV_COLUMNS; c++) wtf += (uint32_t)vv_column_weight[c] * term->column_counts[c];
    return wtf;
}

/// True for the marked-query forms, which carry no positions of their own.
static inline int vs_is_marked_query_form(const char *bytes, int length) {
    return length > 0 && bytes[0] == VV_UNMARKED_PREFIX;
}

#endif
