// A document's terms, positions and passage starts, from the tokenizer FTS5 uses: the same
// tokens at the same positions, so the search index and FTS5 agree on every match.
#include "vanban_search.h"
#include "viet_text.h"
#include "document_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t term, position;
    uint8_t column;
} Occurrence;

typedef struct {
    VSDocument *document;
    int column;
    uint32_t base;
    int64_t position;  // of the last non-colocated token in the column, -1 before the first
    int failed;
} Tokenizing;

static uint32_t hash_bytes(const char *bytes, int length) {
    uint32_t hash = 2166136261u;
    for (int i = 0; i < length; i++) hash = (hash ^ (uint8_t)bytes[i]) * 16777619u;
    return hash;
}

static int grow_table(VSDocument *document) {
    int size = document->table_size ? document->table_size * 2 : 1024;
    int32_t *table = malloc(sizeof *table * (size_t)size);
    if (!table) return -1;
    for (int i = 0; i < size; i++) table[i] = -1;
    for (int t = 0; t < document->term_count; t++) {
        uint32_t slot = document->terms[t].hash & (uint32_t)(size - 1);
        while (table[slot] >= 0) slot = (slot + 1) & (uint32_t)(size - 1);
        table[slot] = t;
    }
    free(document->table);
    document->table = table;
    document->table_size = size;
    return 0;
}

static int64_t term_index(VSDocument *document, const char *bytes, int length) {
    if (document->term_count * 2 >= document->table_size && grow_table(document) != 0) return -1;
    uint32_t hash = hash_bytes(bytes, length);
    uint32_t mask = (uint32_t)(document->table_size - 1), slot = hash & mask;
    for (; document->table[slot] >= 0; slot = (slot + 1) & mask) {
        VSDocTerm *term = &document->terms[document->table[slot]];
        if (term->hash == hash && term->length == length
            && memcmp(document->arena.data + term->offset, bytes, (size_t)length) == 0) return document->table[slot];
    }
    if (document->term_count == document->term_capacity) {
        int capacity = document->term_capacity ? document->term_capacity * 2 : 256;
        VSDocTerm *terms = realloc(document->terms, sizeof *terms * (size_t)capacity);
        if (!terms) return -1;
        document->terms = terms;
        document->term_capacity = capacity;
    }
    VSDocTerm *term = &document->terms[document->term_count];
    *term = (VSDocTerm){.offset = (uint32_t)document->arena.length, .length = (uint16_t)length, .hash = hash};
    if (vs_put_bytes(&document->arena, bytes, (size_t)length) != 0) return -1;
    document->table[slot] = document->term_count;
    return document->term_count++;
}

static int add_start(VSDocument *document, int column, uint32_t start) {
    VSBuffer *starts = &document->passage_starts[column - 1];
    return vs_put_bytes(starts, &start, sizeof start);
}

static int on_token(void *context, int flags, const char *token, int length, int start, int end) {
    (void)start;
    (void)end;
    Tokenizing *state = context;
    VSDocument *document = state->document;
    if (!(flags & 1)) state->position++;
    uint32_t position = state->base + (uint32_t)state->position;
    int boundary = length == (int)strlen(VV_BOUNDARY_TOKEN) && memcmp(token, VV_BOUNDARY_TOKEN, (size_t)length) == 0;
    if (boundary) {
        if (state->column > 0 && add_start(document, state->column, position + 1) != 0) state->failed = 1;
        return state->failed;
    }
    if (length > 0xFFFF) return 0;
    int64_t term = term_index(document, token, length);
    if (term < 0) {
        state->failed = 1;
        return 1;
    }
    Occurrence occurrence = {(uint32_t)term, position, (uint8_t)state->column};
    if (vs_put_bytes(&document->occurrences, &occurrence, sizeof occurrence) != 0) state->failed = 1;
    return state->failed;
}

static int tokenize_column(VSDocument *document, int column, uint32_t base, const char *text, int length) {
    Tokenizing state = {document, column, base, -1, 0};
    if (column > 0 && add_start(document, column, base) != 0) return -1;
    if (length > 0) vv_tokenize(text, length, 0, &state, on_token);
    document->column_tokens[column] = (uint32_t)(state.position + 1);
    return state.failed ? -1 : 0;
}

// qsort has no context argument, and documents are tokenized on several threads at once.
static __thread const uint8_t *sort_arena;

static int compare_terms(const void *a, const void *b) {
    const VSDocTerm *x = a, *y = b;
    int n = x->length < y->length ? x->length : y->length;
    int c = memcmp(sort_arena + x->offset, sort_arena + y->offset, (size_t)n);
    return c ? c : (int)x->length - (int)y->length;
}

/// Groups the occurrences by term, terms in byte order, positions ascending.
static int group(VSDocument *document) {
    size_t count = document->occurrences.length / sizeof(Occurrence);
    const Occurrence *occurrences = (const Occurrence *)document->occurrences.data;
    for (size_t i = 0; i < count; i++) {
        VSDocTerm *term = &document->terms[occurrences[i].term];
        term->column_counts[occurrences[i].column]++;
        term->frequency++;
    }
    uint32_t running = 0;
    for (int t = 0; t < document->term_count; t++) {
        document->terms[t].first = running;
        running += document->terms[t].frequency;
    }
    document->positions = malloc(sizeof(uint32_t) * (count ? count : 1));
    uint32_t *fill = calloc((size_t)document->term_count + 1, sizeof(uint32_t));
    if (!document->positions || !fill) { free(fill); return -1; }
    for (size_t i = 0; i < count; i++) {
        const VSDocTerm *term = &document->terms[occurrences[i].term];
        document->positions[term->first + fill[occurrences[i].term]++] = occurrences[i].position;
    }
    free(fill);
    vs_buffer_free(&document->occurrences);
    sort_arena = document->arena.data;
    qsort(document->terms, (size_t)document->term_count, sizeof(VSDocTerm), compare_terms);
    return 0;
}

VSDocument *vs_document_new(const char *title, int title_length, const char *heading, int heading_length,
                            const char *body, int body_length) {
    VSDocument *document = calloc(1, sizeof *document);
    if (!document) return NULL;
    int failed = tokenize_column(document, 0, 0, title, title_length);
    uint32_t heading_base = document->column_tokens[0] + 1;
    failed = failed || tokenize_column(document, 1, heading_base, heading, heading_length);
    uint32_t body_base = heading_base + document->column_tokens[1] + 1;
    failed = failed || tokenize_column(document, 2, body_base, body, body_length);
    document->length = document->column_tokens[0] + document->column_tokens[1] + document->column_tokens[2];
    if (failed || group(document) != 0) {
        vs_document_free(document);
        return NULL;
    }
    free(document->table);
    document->table = NULL;
    return document;
}

void vs_document_free(VSDocument *document) {
    if (!document) return;
    vs_buffer_free(&document->arena);
    vs_buffer_free(&document->occurrences);
    vs_buffer_free(&document->passage_starts[0]);
    vs_buffer_free(&document->passage_starts[1]);
    free(document->terms);
    free(document->table);
    free(document->positions);
    free(document);
}

uint32_t vs_document_length(const VSDocument *document) { return document->length; }

uint32_t vs_document_column_tokens(const VSDocument *document, int column) {
    return column >= 0 && column < VV_COLUMNS ? document->column_tokens[column] : 0;
}

int vs_document_passage_starts(const VSDocument *document, int column, const uint32_t **starts) {
    if (column < 1 || column > 2) return 0;
    const VSBuffer *buffer = &document->passage_starts[column - 1];
    *starts = (const uint32_t *)buffer->data;
    return (int)(buffer->length / sizeof(uint32_t));
}

int vs_document_term_count(const VSDocument *document) { return document->term_count; }

const char *vs_document_term(const VSDocument *document, int index, int *length) {
    const VSDocTerm *term = &document->terms[index];
    *length = term->length;
    return (const char *)document->arena.data + term->offset;
}
