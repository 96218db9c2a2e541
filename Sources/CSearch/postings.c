// Writing postings: the builder gathers a run's documents term by term; a merge joins one
// term's lists from several segments.
#include "vanban_search.h"
#include "document_internal.h"
#include "postings_internal.h"

#include <stdlib.h>
#include <string.h>

int vs_encoder_add(VSEncoder *encoder, uint32_t docid, uint32_t frequency, uint32_t weighted,
                   const uint32_t *positions) {
    if (docid <= encoder->last_docid) return -1;
    if (encoder->count % VS_BLOCK == 0) {
        uint32_t block = encoder->count / VS_BLOCK;
        if (block > 0) vs_set_u32(encoder->skips.data + (size_t)(block - 1) * VS_SKIP, encoder->last_docid);
        if (vs_put_u32(&encoder->skips, 0) || vs_put_u32(&encoder->skips, (uint32_t)encoder->docs.length)
            || vs_put_u32(&encoder->skips, (uint32_t)encoder->positions.length)) return -1;
    }
    uint32_t extra = weighted - frequency;
    if (vs_put_varint(&encoder->docs, docid - encoder->last_docid)
        || vs_put_varint(&encoder->docs, frequency << 2 | (extra > 0) << 1 | (positions != NULL))
        || (extra > 0 && vs_put_varint(&encoder->docs, extra))) return -1;
    if (positions) {
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

/// Makes the dense weights and their exceptions of a list over most of the ids it spans;
/// returns their first id and how many, or leaves them empty.
static int make_dense(VSEncoder *encoder, uint32_t *from, uint32_t *count) {
    encoder->dense.length = encoder->exceptions.length = 0;
    *from = *count = 0;
    const uint8_t *p = encoder->docs.data, *end = p + encoder->docs.length;
    uint32_t docid = 0, frequency, weighted;
    int own;
    if (encoder->count < VS_DENSE_MIN || vs_read_entry(&p, end, &docid, &frequency, &weighted, &own) != 0) return 0;
    uint64_t span = (uint64_t)encoder->last_docid - docid + 1;
    if ((uint64_t)encoder->count * 10 < span * VS_DENSE_TENTHS) return 0;
    if (vs_reserve(&encoder->dense, span) != 0) return -1;
    memset(encoder->dense.data, 0, span);
    encoder->dense.length = span;
    uint32_t first = docid;
    for (uint32_t i = 0;;) {
        encoder->dense.data[docid - first] = weighted < VS_DENSE_SATURATED ? (uint8_t)weighted : VS_DENSE_SATURATED;
        if (weighted >= VS_DENSE_SATURATED && (vs_put_u32(&encoder->exceptions, docid) || vs_put_u32(&encoder->exceptions, weighted))) return -1;
        if (++i == encoder->count) break;
        if (vs_read_entry(&p, end, &docid, &frequency, &weighted, &own) != 0) return -1;
    }
    *from = first;
    *count = (uint32_t)span;
    return 0;
}

int vs_encoder_finish(VSEncoder *encoder, VSBuffer *out) {
    uint32_t blocks = (encoder->count + VS_BLOCK - 1) / VS_BLOCK, dense_from, dense_count;
    if (blocks > 0) vs_set_u32(encoder->skips.data + (size_t)(blocks - 1) * VS_SKIP, encoder->last_docid);
    if (make_dense(encoder, &dense_from, &dense_count) != 0) return -1;
    out->length = 0;
    if (vs_put_u32(out, encoder->count) || vs_put_u32(out, blocks) || vs_put_u32(out, dense_from) || vs_put_u32(out, dense_count)
        || vs_put_u32(out, (uint32_t)(encoder->exceptions.length / 8))) return -1;
    if (vs_put_bytes(out, encoder->skips.data, encoder->skips.length)) return -1;
    if (vs_put_bytes(out, encoder->docs.data, encoder->docs.length)) return -1;
    if (encoder->dense.length && vs_put_bytes(out, encoder->dense.data, encoder->dense.length)) return -1;
    return encoder->exceptions.length ? vs_put_bytes(out, encoder->exceptions.data, encoder->exceptions.length) : 0;
}

void vs_encoder_free(VSEncoder *encoder) {
    vs_buffer_free(&encoder->docs);
    vs_buffer_free(&encoder->skips);
    vs_buffer_free(&encoder->positions);
    vs_buffer_free(&encoder->dense);
    vs_buffer_free(&encoder->exceptions);
}

// MARK: The builder

typedef struct {
    char *term;
    int length;
    uint32_t hash;
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
    *added = (Entry){copy, length, hash, {{0}}};
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
                           term->own ? document->positions + term->first : NULL) != 0) return -1;
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
    const VSBuffer *positions = &found->encoder.positions;
    *out = (VSPostings){found->term, found->length, found->encoder.count, builder->scratch.data, builder->scratch.length,
                        positions->length ? positions->data : NULL, positions->length};
    return 0;
}

// MARK: Merging

struct VSMerge {
    const uint8_t *live;
    uint32_t live_count;
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
    const uint8_t *p = layout.entries, *q = positions, *q_end = positions ? positions + positions_length : NULL;
    uint32_t docid = 0, frequency = 0, weighted = 0;
    int own = 0;
    for (uint32_t i = 0; i < layout.header.count; i++) {
        if (vs_read_entry(&p, layout.end, &docid, &frequency, &weighted, &own) != 0) return -1;
        if (own && (!positions || read_positions(merge, &q, q_end, frequency) != 0)) return -1;
        int live = !merge->live || (docid < merge->live_count && merge->live[docid]);
        if (live && vs_encoder_add(&merge->encoder, docid, frequency, weighted, own ? merge->positions : NULL)) return -1;
    }
    return 0;
}

void vs_merge_result(VSMerge *merge, VSPostings *out) {
    int failed = vs_encoder_finish(&merge->encoder, &merge->docs) != 0;
    const VSBuffer *positions = &merge->encoder.positions;
    *out = (VSPostings){NULL, 0, failed ? 0 : merge->encoder.count, merge->docs.data, failed ? 0 : merge->docs.length,
                        positions->length ? positions->data : NULL, positions->length};
}

/// Whether the dense weights say what the entries do (`at` walks both in id order).
static int dense_agrees(const VSLayout *layout, uint32_t *at, uint32_t *exception, uint32_t docid, uint32_t weighted) {
    if (layout->header.dense_count == 0) return 1;
    if (docid < layout->header.dense_from || docid - layout->header.dense_from >= layout->header.dense_count) return 0;
    for (uint32_t i = docid - layout->header.dense_from; *at < i; (*at)++) {
        if (layout->dense[*at]) return 0;
    }
    uint8_t byte = layout->dense[(*at)++];
    if (weighted < VS_DENSE_SATURATED) return byte == weighted;
    if (byte != VS_DENSE_SATURATED || *exception >= layout->header.exceptions) return 0;
    const uint8_t *pair = layout->exception_pairs + (size_t)8 * (*exception)++;
    return vs_get_u32(pair) == docid && vs_get_u32(pair + 4) == weighted;
}

int vs_postings_check(const uint8_t *docs, size_t docs_length) {
    VSLayout layout;
    if (vs_layout(docs, docs_length, &layout) != 0) return -1;
    const uint8_t *p = layout.entries;
    uint32_t docid = 0, frequency, weighted, at = 0, exception = 0;
    int own;
    for (uint32_t i = 0; i < layout.header.count; i++) {
        if (vs_read_entry(&p, layout.end, &docid, &frequency, &weighted, &own) != 0) return -1;
        if (!dense_agrees(&layout, &at, &exception, docid, weighted)) return -1;
    }
    int whole = p == layout.end && at == layout.header.dense_count && exception == layout.header.exceptions;
    return whole ? 0 : -1;
}
