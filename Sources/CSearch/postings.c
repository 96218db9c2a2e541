// Writing postings: the builder gathers a run's documents term by term; a merge joins one
// term's lists from several segments.
#include "vanban_search.h"
#include "document_internal.h"
#include "postings_internal.h"

#include <stdlib.h>
#include <string.h>

int vs_encoder_add(VSEncoder *encoder, uint32_t docid, uint32_t frequency, uint32_t weighted,
                   const uint32_t *positions, int with_positions) {
    if (docid <= encoder->last_docid) return -1;
    if (encoder->count % VS_BLOCK == 0) {
        uint32_t block = encoder->count / VS_BLOCK;
        if (block > 0) vs_set_u32(encoder->skips.data + (size_t)(block - 1) * VS_SKIP, encoder->last_docid);
        if (vs_put_u32(&encoder->skips, 0) || vs_put_u32(&encoder->skips, (uint32_t)encoder->docs.length)
            || vs_put_u32(&encoder->skips, (uint32_t)encoder->positions.length)) return -1;
    }
    uint32_t extra = weighted - frequency;
    if (vs_put_varint(&encoder->docs, docid - encoder->last_docid)
        || vs_put_varint(&encoder->docs, frequency << 1 | (extra > 0))
        || (extra > 0 && vs_put_varint(&encoder->docs, extra))) return -1;
    if (with_positions) {
        uint32_t previous = 0;
        for (uint32_t i = 0; i < frequency; i++) {
            if (vs_put_varint(&encoder->positions, positions[i] - previous)) return -1;
            previous = positions[i];
        }
    }
    encoder->last_docid = docid;
    encoder->count++;
    return 0;
}

int vs_encoder_finish(VSEncoder *encoder, VSBuffer *out) {
    uint32_t blocks = (encoder->count + VS_BLOCK - 1) / VS_BLOCK;
    if (blocks > 0) vs_set_u32(encoder->skips.data + (size_t)(blocks - 1) * VS_SKIP, encoder->last_docid);
    out->length = 0;
    if (vs_put_u32(out, encoder->count) || vs_put_u32(out, blocks)) return -1;
    if (vs_put_bytes(out, encoder->skips.data, encoder->skips.length)) return -1;
    return vs_put_bytes(out, encoder->docs.data, encoder->docs.length);
}

void vs_encoder_free(VSEncoder *encoder) {
    vs_buffer_free(&encoder->docs);
    vs_buffer_free(&encoder->skips);
    vs_buffer_free(&encoder->positions);
}

// MARK: The builder

typedef struct {
    char *term;
    int length;
    uint32_t hash;
    int with_positions;
    VSEncoder encoder;
} Entry;

struct VSBuilder {
    Entry *entries;
    uint32_t count, capacity;
    int32_t *table;
    uint32_t table_size;
    size_t memory;
    VSBuffer scratch;
};

VSBuilder *vs_builder_new(void) { return calloc(1, sizeof(VSBuilder)); }

void vs_builder_clear(VSBuilder *builder) {
    for (uint32_t i = 0; i < builder->count; i++) {
        free(builder->entries[i].term);
        vs_encoder_free(&builder->entries[i].encoder);
    }
    free(builder->entries);
    free(builder->table);
    vs_buffer_free(&builder->scratch);
    *builder = (VSBuilder){0};
}

void vs_builder_free(VSBuilder *builder) {
    if (!builder) return;
    vs_builder_clear(builder);
    free(builder);
}

static uint32_t hash_bytes(const char *bytes, int length) {
    uint32_t hash = 2166136261u;
    for (int i = 0; i < length; i++) hash = (hash ^ (uint8_t)bytes[i]) * 16777619u;
    return hash;
}

static int grow(VSBuilder *builder) {
    uint32_t size = builder->table_size ? builder->table_size * 2 : 4096;
    int32_t *table = malloc(sizeof *table * size);
    if (!table) return -1;
    for (uint32_t i = 0; i < size; i++) table[i] = -1;
    for (uint32_t e = 0; e < builder->count; e++) {
        uint32_t slot = builder->entries[e].hash & (size - 1);
        while (table[slot] >= 0) slot = (slot + 1) & (size - 1);
        table[slot] = (int32_t)e;
    }
    free(builder->table);
    builder->table = table;
    builder->table_size = size;
    return 0;
}

static Entry *entry(VSBuilder *builder, const char *bytes, int length) {
    if (builder->count * 2 >= builder->table_size && grow(builder) != 0) return NULL;
    uint32_t hash = hash_bytes(bytes, length), mask = builder->table_size - 1, slot = hash & mask;
    for (; builder->table[slot] >= 0; slot = (slot + 1) & mask) {
        Entry *found = &builder->entries[builder->table[slot]];
        if (found->hash == hash && found->length == length && memcmp(found->term, bytes, (size_t)length) == 0) return found;
    }
    if (builder->count == builder->capacity) {
        uint32_t capacity = builder->capacity ? builder->capacity * 2 : 4096;
        Entry *entries = realloc(builder->entries, sizeof *entries * capacity);
        if (!entries) return NULL;
        builder->entries = entries;
        builder->capacity = capacity;
    }
    char *copy = malloc((size_t)length + 1);
    if (!copy) return NULL;
    memcpy(copy, bytes, (size_t)length);
    Entry *added = &builder->entries[builder->count];
    *added = (Entry){copy, length, hash, !vs_is_marked_query_form(bytes, length), {{0}}};
    builder->table[slot] = (int32_t)builder->count++;
    builder->memory += sizeof(Entry) + (size_t)length + 64;
    return added;
}

static size_t footprint(const VSEncoder *encoder) {
    return encoder->docs.capacity + encoder->skips.capacity + encoder->positions.capacity;
}

int vs_builder_add(VSBuilder *builder, uint32_t docid, const VSDocument *document) {
    for (int t = 0; t < document->term_count; t++) {
        const VSDocTerm *term = &document->terms[t];
        Entry *target = entry(builder, (const char *)document->arena.data + term->offset, term->length);
        if (!target) return -1;
        size_t before = footprint(&target->encoder);
        if (vs_encoder_add(&target->encoder, docid, term->frequency, vs_weighted_frequency(term),
                           document->positions + term->first, target->with_positions) != 0) return -1;
        builder->memory += footprint(&target->encoder) - before;
    }
    return 0;
}

size_t vs_builder_memory(const VSBuilder *builder) { return builder->memory; }

static int compare_entries(const void *a, const void *b) {
    const Entry *x = a, *y = b;
    int n = x->length < y->length ? x->length : y->length;
    int c = memcmp(x->term, y->term, (size_t)n);
    return c ? c : x->length - y->length;
}

uint32_t vs_builder_finish(VSBuilder *builder) {
    qsort(builder->entries, builder->count, sizeof(Entry), compare_entries);
    free(builder->table);
    builder->table = NULL;
    builder->table_size = 0;
    return builder->count;
}

int vs_builder_postings(VSBuilder *builder, uint32_t index, VSPostings *out) {
    if (index >= builder->count) return -1;
    Entry *found = &builder->entries[index];
    if (vs_encoder_finish(&found->encoder, &builder->scratch) != 0) return -1;
    *out = (VSPostings){found->term, found->length, found->encoder.count, builder->scratch.data, builder->scratch.length,
                        found->with_positions ? found->encoder.positions.data : NULL,
                        found->with_positions ? found->encoder.positions.length : 0};
    return 0;
}

// MARK: Merging

struct VSMerge {
    const uint8_t *live;
    uint32_t live_count;
    int with_positions;
    VSEncoder encoder;
    VSBuffer docs;
    uint32_t *positions;
    uint32_t positions_capacity;
};

VSMerge *vs_merge_new(const uint8_t *live, uint32_t live_count) {
    VSMerge *merge = calloc(1, sizeof *merge);
    if (!merge) return NULL;
    merge->live = live;
    merge->live_count = live_count;
    return merge;
}

void vs_merge_free(VSMerge *merge) {
    if (!merge) return;
    vs_encoder_free(&merge->encoder);
    vs_buffer_free(&merge->docs);
    free(merge->positions);
    free(merge);
}

static int read_positions(VSMerge *merge, const uint8_t **p, const uint8_t *end, uint32_t frequency) {
    if (frequency > merge->positions_capacity) {
        uint32_t *grown = realloc(merge->positions, sizeof(uint32_t) * frequency);
        if (!grown) return -1;
        merge->positions = grown;
        merge->positions_capacity = frequency;
    }
    int bad = 0;
    uint32_t position = 0;
    for (uint32_t i = 0; i < frequency; i++) {
        position += vs_get_varint(p, end, &bad);
        merge->positions[i] = position;
    }
    return bad ? -1 : 0;
}

int vs_merge_add(VSMerge *merge, const uint8_t *docs, size_t docs_length, const uint8_t *positions,
                 size_t positions_length) {
    VSLayout layout;
    if (vs_layout(docs, docs_length, &layout) != 0) return -1;
    merge->with_positions = positions != NULL;
    const uint8_t *p = layout.entries, *q = positions, *q_end = positions ? positions + positions_length : NULL;
    uint32_t docid = 0, frequency = 0, weighted = 0;
    for (uint32_t i = 0; i < layout.count; i++) {
        if (vs_read_entry(&p, layout.end, &docid, &frequency, &weighted) != 0) return -1;
        if (positions && read_positions(merge, &q, q_end, frequency) != 0) return -1;
        int live = !merge->live || (docid < merge->live_count && merge->live[docid]);
        if (live && vs_encoder_add(&merge->encoder, docid, frequency, weighted, merge->positions, positions != NULL)) return -1;
    }
    return 0;
}

void vs_merge_result(VSMerge *merge, VSPostings *out) {
    int failed = vs_encoder_finish(&merge->encoder, &merge->docs) != 0;
    *out = (VSPostings){NULL, 0, failed ? 0 : merge->encoder.count, merge->docs.data, failed ? 0 : merge->docs.length,
                        merge->with_positions ? merge->encoder.positions.data : NULL,
                        merge->with_positions ? merge->encoder.positions.length : 0};
}

int64_t vs_postings_documents(const uint8_t *docs, size_t docs_length, uint32_t *out, uint32_t capacity) {
    VSLayout layout;
    if (vs_layout(docs, docs_length, &layout) != 0) return -1;
    const uint8_t *p = layout.entries;
    uint32_t docid = 0, frequency, weighted;
    for (uint32_t i = 0; i < layout.count; i++) {
        if (vs_read_entry(&p, layout.end, &docid, &frequency, &weighted) != 0) return -1;
        if (i < capacity) out[i] = docid;
    }
    return layout.count;
}
