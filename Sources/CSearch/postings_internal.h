#ifndef VS_POSTINGS_INTERNAL_H
#define VS_POSTINGS_INTERNAL_H

#include "buffer.h"

/// Documents a block of postings holds; each block has an entry in the skip table (its last
/// document and where its documents and positions start), so a search jumps past blocks.
enum { VS_BLOCK = 128, VS_HEADER = 8, VS_SKIP = 12 };

/// The layout of a `docs` blob: count, blocks, the skip table, then per document the id's
/// distance from the previous one, the frequency (shifted by two: bit 1, an extra weight
/// follows; bit 0, the positions blob holds the document's positions), and the extra weight of
/// title and heading occurrences.
///
/// A marked word's positions are those of its folded form ("dân" stands wherever "dan" does)
/// unless another word of the document folds alike ("dẫn"): its positions are stored only
/// then. The marked-query forms never have their own.
typedef struct {
    uint32_t count, blocks;
    const uint8_t *skips, *entries, *end;
} VSLayout;

static inline int vs_layout(const uint8_t *docs, size_t length, VSLayout *layout) {
    if (length < VS_HEADER) return -1;
    layout->count = vs_get_u32(docs);
    layout->blocks = vs_get_u32(docs + 4);
    if (layout->blocks != (layout->count + VS_BLOCK - 1) / VS_BLOCK) return -1;
    if ((size_t)layout->blocks * VS_SKIP > length - VS_HEADER) return -1;
    layout->skips = docs + VS_HEADER;
    layout->entries = layout->skips + (size_t)layout->blocks * VS_SKIP;
    layout->end = docs + length;
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
    VSBuffer docs, skips, positions;
    uint32_t count, last_docid;
} VSEncoder;

/// Adds a document; its positions are stored when `positions` is given.
int vs_encoder_add(VSEncoder *encoder, uint32_t docid, uint32_t frequency, uint32_t weighted,
                   const uint32_t *positions);
/// The finished `docs` blob (header, skip table, entries) in `out`.
int vs_encoder_finish(VSEncoder *encoder, VSBuffer *out);
void vs_encoder_free(VSEncoder *encoder);

#endif
