// Reading one term's postings at query time: blocks of documents, skipped over by their last
// document id, and positions read only for the documents asked for. Blobs are read through
// SQLite's incremental I/O a window at a time, so a rare term reads a few hundred bytes and a
// common one streams through its list.
#include "cursor_internal.h"
#include "postings_internal.h"

#include <stdlib.h>
#include <string.h>

/// A list read straight through is read a chunk at a time; a jump elsewhere in it (a seek past
/// many blocks, a hit's positions) reads what it needs, and a little more for the next jump,
/// which is often near. A phrase keeps a window open for each of its words' lists, and 16 KB
/// windows cost less than 64 KB ones (the long phrases at 100,000 documents: a third less
/// system time; their wall time moved less than the machine's noise).
enum { CHUNK = 1 << 14, JUMP = 1 << 12 };

static void lock(VSReader *reader) {
    if (reader->lock) pthread_mutex_lock(reader->lock);
}

static void unlock(VSReader *reader) {
    if (reader->lock) pthread_mutex_unlock(reader->lock);
}

/// Opens a postings blob and gives its length.
static int open_blob(VSReader *reader, int64_t rowid, const char *column, sqlite3_blob **blob, uint32_t *length) {
    lock(reader);
    int rc = sqlite3_blob_open(reader->db, "main", "search_postings", column, rowid, 0, blob);
    if (rc == SQLITE_OK) *length = (uint32_t)sqlite3_blob_bytes(*blob);
    unlock(reader);
    if (rc != SQLITE_OK && !reader->error) reader->error = rc;
    return rc;
}

static int blob_read(VSReader *reader, sqlite3_blob *blob, void *into, uint32_t length, uint32_t offset) {
    lock(reader);
    int rc = sqlite3_blob_read(blob, into, (int)length, (int)offset);
    unlock(reader);
    return rc;
}

/// Makes blob bytes [from, to) readable; returns where they are.
static const uint8_t *window_at(VSWindow *window, int segment, sqlite3_blob *blob, uint32_t length, uint32_t from,
                                uint32_t to, VSReader *reader) {
    int same = window->segment == segment;
    if (same && from >= window->from && to <= window->to) return window->data + (from - window->from);
    uint32_t ahead = same && from >= window->from && from <= window->to ? CHUNK : JUMP;
    uint32_t end = to - from < ahead ? from + ahead : to;
    if (end > length) end = length;
    if (from > to || to > end) { reader->error = SQLITE_CORRUPT; return NULL; }
    if (end - from > window->capacity) {
        uint8_t *grown = realloc(window->data, end - from);
        if (!grown) { reader->error = SQLITE_NOMEM; return NULL; }
        window->data = grown;
        window->capacity = end - from;
    }
    int rc = blob_read(reader, blob, window->data, end - from, from);
    if (rc != SQLITE_OK) { reader->error = rc; return NULL; }
    *window = (VSWindow){window->data, from, end, window->capacity, window->generation + 1, segment};
    return window->data;
}

static uint32_t skip_last(const VSSegment *segment, uint32_t block) { return vs_get_u32(segment->skips + (size_t)block * VS_SKIP); }
static uint32_t skip_docs(const VSSegment *segment, uint32_t block) { return vs_get_u32(segment->skips + (size_t)block * VS_SKIP + 4); }
static uint32_t skip_positions(const VSSegment *segment, uint32_t block) {
    return vs_get_u32(segment->skips + (size_t)block * VS_SKIP + 8);
}

/// Enters a block: decodes its entries into the cursor's arrays.
static int start_block(VSCursor *cursor, uint32_t block, VSReader *reader) {
    const VSSegment *segment = &cursor->segments[cursor->segment];
    cursor->block = block;
    cursor->index = 0;
    cursor->block_count = 0;
    uint32_t from = segment->entries + skip_docs(segment, block);
    uint32_t entries_end = (uint32_t)segment->header.entries_end;
    uint32_t to = block + 1 < segment->header.blocks ? segment->entries + skip_docs(segment, block + 1) : entries_end;
    const uint8_t *p = window_at(&cursor->docs, cursor->segment, segment->docs, entries_end, from, to, reader);
    if (!p) return -1;
    const uint8_t *end = p + (to - from);
    uint32_t count = segment->header.count - block * VS_BLOCK, docid = block > 0 ? skip_last(segment, block - 1) : 0, before = 0;
    if (count > VS_BLOCK) count = VS_BLOCK;
    for (uint32_t i = 0; i < count; i++) {
        int own = 0;
        if (vs_read_entry(&p, end, &docid, &cursor->frequencies[i], &cursor->weights[i], &own) != 0) {
            reader->error = SQLITE_CORRUPT;
            return -1;
        }
        cursor->docids[i] = docid;
        cursor->owns[i] = (uint8_t)own;
        cursor->before[i] = before;
        if (own) before += cursor->frequencies[i];
    }
    cursor->block_count = count;
    return 0;
}

static void load_entry(VSCursor *cursor) { cursor->docid = cursor->docids[cursor->index]; }

/// Enters `block` of the current segment, or the first block after it with entries, in this
/// segment or the next; at the end of the last, the cursor ends.
static void enter(VSCursor *cursor, uint32_t block, VSReader *reader) {
    while (cursor->segment < cursor->segment_count) {
        if (block < cursor->segments[cursor->segment].header.blocks) {
            if (start_block(cursor, block, reader) != 0) break;
            if (cursor->block_count > 0) {
                load_entry(cursor);
                return;
            }
            block++;
        } else {
            cursor->segment++;
            block = 0;
        }
    }
    cursor->segment = cursor->segment_count;
    cursor->block_count = 0;
    cursor->docid = VS_END;
}

static void next(VSCursor *cursor, VSReader *reader) {
    if (++cursor->index < cursor->block_count) {
        load_entry(cursor);
    } else {
        enter(cursor, cursor->block + 1, reader);
    }
}

uint32_t vs_cursor_next_block(VSCursor *cursor, VSReader *reader) {
    if (cursor->docid == VS_END) return VS_END;
    enter(cursor, cursor->block + 1, reader);
    return cursor->docid;
}

uint32_t vs_cursor_next_segment(VSCursor *cursor, VSReader *reader) {
    if (cursor->docid == VS_END) return VS_END;
    cursor->segment++;
    enter(cursor, 0, reader);
    return cursor->docid;
}

int vs_cursor_dense(VSCursor *cursor, VSDense *out, VSReader *reader) {
    if (cursor->segment >= cursor->segment_count) return 0;
    const VSSegment *segment = &cursor->segments[cursor->segment];
    const VSHeader *header = &segment->header;
    if (header->dense_count == 0) return 0;
    uint32_t bytes = segment->docs_length - (uint32_t)header->entries_end;
    if (bytes > cursor->dense_capacity) {
        uint8_t *grown = realloc(cursor->dense, bytes);
        if (!grown) { reader->error = SQLITE_NOMEM; return -1; }
        cursor->dense = grown;
        cursor->dense_capacity = bytes;
    }
    int rc = blob_read(reader, segment->docs, cursor->dense, bytes, (uint32_t)header->entries_end);
    if (rc != SQLITE_OK) { reader->error = rc; return -1; }
    *out = (VSDense){cursor->dense, cursor->dense + header->dense_count, header->dense_from, header->dense_count, header->exceptions};
    return 1;
}

void vs_cursor_rewind(VSCursor *cursor, VSReader *reader) {
    cursor->segment = 0;
    cursor->decoded_docid = VS_END;
    enter(cursor, 0, reader);
}

uint32_t vs_cursor_seek_on(VSCursor *cursor, uint32_t target, VSReader *reader) {
    if (cursor->docid >= target) return cursor->docid;
    while (cursor->segment < cursor->segment_count) {
        const VSSegment *segment = &cursor->segments[cursor->segment];
        if (segment->header.blocks == 0 || skip_last(segment, segment->header.blocks - 1) < target) {
            cursor->segment++;
            cursor->block_count = 0;  // no block of the new segment entered yet
            continue;
        }
        if (cursor->block_count == 0 || skip_last(segment, cursor->block) < target) {
            uint32_t low = cursor->block_count == 0 ? 0 : cursor->block + 1, high = segment->header.blocks - 1;
            while (low < high) {
                uint32_t middle = low + (high - low) / 2;
                if (skip_last(segment, middle) < target) low = middle + 1; else high = middle;
            }
            if (start_block(cursor, low, reader) != 0) break;
        }
        uint32_t i = cursor->index;
        while (i < cursor->block_count && cursor->docids[i] < target) i++;
        cursor->index = i;
        if (i < cursor->block_count) {
            load_entry(cursor);
        } else {
            enter(cursor, cursor->block + 1, reader);
        }
        return cursor->docid;
    }
    cursor->segment = cursor->segment_count;
    cursor->block_count = 0;
    cursor->docid = VS_END;
    return VS_END;
}

int vs_cursor_open(VSCursor *cursor, const int64_t *rowids, int segments, VSReader *reader) {
    memset(cursor, 0, sizeof *cursor);
    cursor->docs.segment = cursor->positions.segment = cursor->scan_segment = -1;
    cursor->segments = calloc((size_t)segments + 1, sizeof(VSSegment));
    if (!cursor->segments) return SQLITE_NOMEM;
    for (int s = 0; s < segments; s++) {
        VSSegment *segment = &cursor->segments[s];
        cursor->segment_count = s + 1;
        segment->rowid = rowids[s];
        if (open_blob(reader, segment->rowid, "docs", &segment->docs, &segment->docs_length) != SQLITE_OK) return reader->error;
        uint8_t header[VS_HEADER];
        if (segment->docs_length < VS_HEADER || blob_read(reader, segment->docs, header, VS_HEADER, 0) != SQLITE_OK) return SQLITE_CORRUPT;
        if (vs_read_header(header, segment->docs_length, &segment->header) != 0) return SQLITE_CORRUPT;
        size_t skips = (size_t)segment->header.blocks * VS_SKIP;
        segment->skips = malloc(skips + 1);
        if (!segment->skips) return SQLITE_NOMEM;
        if (blob_read(reader, segment->docs, segment->skips, (uint32_t)skips, VS_HEADER) != SQLITE_OK) return SQLITE_CORRUPT;
        segment->entries = VS_HEADER + (uint32_t)skips;
    }
    vs_cursor_rewind(cursor, reader);
    return reader->error;
}

void vs_cursor_close(VSCursor *cursor, VSReader *reader) {
    lock(reader);
    for (int s = 0; s < cursor->segment_count; s++) {
        VSSegment *segment = &cursor->segments[s];
        if (segment->docs) sqlite3_blob_close(segment->docs);
        if (segment->positions) sqlite3_blob_close(segment->positions);
        free(segment->skips);
    }
    unlock(reader);
    free(cursor->segments);
    free(cursor->docs.data);
    free(cursor->positions.data);
    free(cursor->decoded);
    free(cursor->dense);
}

uint64_t vs_cursor_count(const VSCursor *cursor) {
    uint64_t count = 0;
    for (int s = 0; s < cursor->segment_count; s++) count += cursor->segments[s].header.count;
    return count;
}

/// Skips `*left` varints of [p, end) and returns where the last one ends: 8 bytes at a time (a
/// varint ends in each byte whose high bit is clear), the last varint found inside its word by
/// bit tricks rather than a byte loop, whose exit branch would mispredict once a document.
static const uint8_t *skip_varints(const uint8_t *p, const uint8_t *end, uint32_t *left) {
    if (*left == 0) return p;
    while (end - p >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        word = __builtin_bswap64(word);  // the first byte lowest, as ctz counts
#endif
        uint64_t ends = ~word & 0x8080808080808080ull;
        uint32_t count = (uint32_t)(((ends >> 7) * 0x0101010101010101ull) >> 56);  // popcount, one bit a byte
        if (count >= *left) {
            for (uint32_t i = 1; i < *left; i++) ends &= ends - 1;
            *left = 0;
            return p + (__builtin_ctzll(ends) >> 3) + 1;
        }
        *left -= count;
        p += 8;
    }
    while (*left > 0 && p < end) {
        if (!(*p++ & 0x80)) (*left)--;
    }
    return p;
}

/// Where the current document's positions start in its block's, which are read on from where
/// the previous document's began.
static const uint8_t *positions_start(VSCursor *cursor, const uint8_t **end, VSReader *reader) {
    VSSegment *segment = &cursor->segments[cursor->segment];
    if (!vs_cursor_own(cursor)) { reader->error = SQLITE_CORRUPT; return NULL; }
    uint32_t before = vs_cursor_before(cursor);
    // Nearly always the block is the one read last, its window still in place: read on.
    if (cursor->scan_segment != cursor->segment || cursor->scan_block != cursor->block
        || cursor->scan_generation != cursor->positions.generation || cursor->scanned > before) {
        if (!segment->positions) {
            if (open_blob(reader, segment->rowid, "positions", &segment->positions, &segment->positions_length) != SQLITE_OK) return NULL;
        }
        uint32_t from = skip_positions(segment, cursor->block);
        uint32_t to = cursor->block + 1 < segment->header.blocks ? skip_positions(segment, cursor->block + 1) : segment->positions_length;
        const uint8_t *block = window_at(&cursor->positions, cursor->segment, segment->positions, segment->positions_length,
                                         from, to, reader);
        if (!block) return NULL;
        cursor->scan_segment = cursor->segment;
        cursor->scan_block = cursor->block;
        cursor->scan_generation = cursor->positions.generation;
        cursor->scan = block;
        cursor->scan_end = block + (to - from);
        cursor->scanned = 0;
    }
    *end = cursor->scan_end;
    uint32_t left = before - cursor->scanned;
    cursor->scan = skip_varints(cursor->scan, *end, &left);
    cursor->scanned = before - left;
    if (left > 0) { reader->error = SQLITE_CORRUPT; return NULL; }
    return cursor->scan;
}

const uint32_t *vs_cursor_positions(VSCursor *cursor, VSReader *reader) {
    if (cursor->decoded_docid == cursor->docid) return cursor->decoded;
    VSStream stream;
    if (vs_stream_open(&stream, cursor, reader) != 0) return NULL;
    uint32_t frequency = vs_cursor_frequency(cursor);
    if (frequency > cursor->decoded_capacity) {
        uint32_t *grown = realloc(cursor->decoded, sizeof(uint32_t) * frequency);
        if (!grown) { reader->error = SQLITE_NOMEM; return NULL; }
        cursor->decoded = grown;
        cursor->decoded_capacity = frequency;
    }
    for (uint32_t i = 0; i < frequency && stream.valid; i++) {
        cursor->decoded[i] = stream.value;
        vs_stream_step(&stream);
    }
    if (stream.bad) { reader->error = SQLITE_CORRUPT; return NULL; }
    vs_stream_leave(&stream, cursor);
    cursor->decoded_docid = cursor->docid;
    return cursor->decoded;
}

int vs_stream_open(VSStream *stream, VSCursor *cursor, VSReader *reader) {
    const uint8_t *end = NULL, *p = positions_start(cursor, &end, reader);
    if (!p) return -1;
    *stream = (VSStream){p, end, vs_cursor_frequency(cursor), 0, 0, 0};
    vs_stream_step(stream);
    return stream->bad ? -1 : 0;
}
