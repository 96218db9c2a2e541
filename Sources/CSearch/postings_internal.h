#ifndef VS_POSTINGS_INTERNAL_H
#define VS_POSTINGS_INTERNAL_H

#include "buffer.h"

/// Documents a block of postings holds; each block has an entry in the skip table (its last
/// document and where its documents and positions start), so a search jumps past blocks.
enum { VS_BLOCK = 128, VS_HEADER = 20, VS_SKIP = 12 };

/// A list holding at least this share (of ten) of the ids it spans, and `VS_DENSE_MIN`
/// documents, also stores its weights densely (see VSLayout).
enum { VS_DENSE_TENTHS = 6, VS_DENSE_MIN = 64, VS_DENSE_SATURATED = 255 };

/// The layout of a `docs` blob: count, blocks, the first id and the length of the dense
/// weights, their exceptions; the skip table; then per document the id's distance from the
/// previous one, the frequency (shifted by two: bit 1, an extra weight follows; bit 0, the
/// positions blob holds the document's positions), and the extra weight of title and heading
/// occurrences; last, for a list over most of the ids it spans, the dense weights and their
/// exceptions.
///
/// The dense weights are a byte per document id from the first: 0 where the term is absent,
/// else its weighted frequency, or 255 for one of 255 or more, whose exact value is in the
/// exceptions (id and weight, u32 each, by id). Term at a time, a common word's weights are
/// read from them in one pass, without decoding the entries.
///
/// A marked word's positions are those of its folded form ("dân" stands wherever "dan" does)
/// unless another word of the document folds alike ("dẫn"): its positions are stored only
/// then. The marked-query forms never have their own.
typedef struct {
    uint32_t count, blocks;
    uint32_t dense_from, dense_count, exceptions;
    /// Where the entries end and the dense weights begin.
    size_t entries_end;
} VSHeader;

/// Reads the header of a `docs` blob of `length` bytes (`VS_HEADER` of them at `header`): -1
/// when its counts do not fit the blob.
static inline int vs_read_header(const uint8_t *header, size_t length, VSHeader *out) {
    if (length < VS_HEADER) return -1;
    *out = (VSHeader){vs_get_u32(header), vs_get_u32(header + 4), vs_get_u32(header + 8), vs_get_u32(header + 12),
                      vs_get_u32(header + 16), 0};
    if (out->blocks != (out->count + VS_BLOCK - 1) / VS_BLOCK) return -1;
    uint64_t tail = (uint64_t)out->dense_count + 8 * (uint64_t)out->exceptions;
    if ((uint64_t)out->blocks * VS_SKIP + tail > length - VS_HEADER) return -1;
    out->entries_end = length - (size_t)tail;
    return 0;
}

typedef struct {
    VSHeader header;
    const uint8_t *skips, *entries, *end, *dense, *exception_pairs;
} VSLayout;

static inline int vs_layout(const uint8_t *docs, size_t length, VSLayout *layout) {
    if (vs_read_header(docs, length, &layout->header) != 0) return -1;
    layout->skips = docs + VS_HEADER;
    layout->entries = layout->skips + (size_t)layout->header.blocks * VS_SKIP;
    layout->end = docs + layout->header.entries_end;
    layout->dense = layout->end;
    layout->exception_pairs = layout->dense + layout->header.dense_count;
    return 0;
}

static inline uint32_t vs_skip_last(const VSLayout *layout, uint32_t block) {
    return vs_get_u32(layout->skips + (size_t)block * VS_SKIP);
}

static inline uint32_t vs_skip_docs(const VSLayout *layout, uint32_t block) {
    return vs_get_u32(layout->skips + (size_t)block * VS_SKIP + 4);
}

static inline uint32_t vs_skip_positions(const VSLayout *layout, uint32_t block) {
    return vs_get_u32(layout->skips + (size_t)block * VS_SKIP + 8);
}

/// An entry whose varints are one byte each (nearly every entry): true when it is one, and is
/// read. Whether an extra weight follows is as likely as not, so it is masked in rather than
/// branched on, which would mispredict every other entry.
static inline int vs_read_short_entry(const uint8_t **p, const uint8_t *end, uint32_t *docid, uint32_t *frequency,
                                      uint32_t *weighted, int *own) {
    const uint8_t *q = *p;
    if (end - q < 3) return 0;
    uint32_t delta = q[0], shifted = q[1], has_extra = (shifted >> 1) & 1, extra = q[2] & (0u - has_extra);
    if (((delta | shifted | extra) & 0x80) || delta == 0 || shifted < 4) return 0;
    *docid += delta;
    *frequency = shifted >> 2;
    *weighted = *frequency + extra;
    *own = (int)(shifted & 1);
    *p = q + 2 + has_extra;
    return 1;
}

/// Reads one entry: the document id (from `*docid`, the previous one), frequency, weighted
/// frequency, and whether its positions are stored. Returns 0, or -1 on a damaged list.
static inline int vs_read_entry(const uint8_t **p, const uint8_t *end, uint32_t *docid, uint32_t *frequency,
                                uint32_t *weighted, int *own) {
    if (vs_read_short_entry(p, end, docid, frequency, weighted, own)) return 0;
    int bad = 0;
    uint32_t delta = vs_get_varint(p, end, &bad);
    uint32_t shifted = vs_get_varint(p, end, &bad);
    uint32_t extra = (shifted & 2) ? vs_get_varint(p, end, &bad) : 0;
    if (bad || delta == 0 || shifted >> 2 == 0) return -1;  // an entry has an occurrence at least
    *docid += delta;
    *frequency = shifted >> 2;
    *weighted = *frequency + extra;
    *own = (int)(shifted & 1);
    return 0;
}

/// One term's postings as they are written.
typedef struct {
    VSBuffer docs, skips, positions, dense, exceptions;
    uint32_t count, last_docid;
} VSEncoder;

/// Adds a document; its positions are stored when `positions` is given.
int vs_encoder_add(VSEncoder *encoder, uint32_t docid, uint32_t frequency, uint32_t weighted,
                   const uint32_t *positions);
/// The finished `docs` blob (header, skip table, entries, dense weights) in `out`.
int vs_encoder_finish(VSEncoder *encoder, VSBuffer *out);
void vs_encoder_free(VSEncoder *encoder);

#endif
