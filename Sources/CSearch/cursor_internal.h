#ifndef VS_CURSOR_INTERNAL_H
#define VS_CURSOR_INTERNAL_H

#define SQLITE_CORE 1
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>

#include "postings_internal.h"

enum { VS_END = UINT32_MAX };

/// The connection postings are read from, and the first error met. `lock`, when set, is held
/// around each call into SQLite: two threads then read one connection, which GRDB opens
/// without SQLite's own mutex.
typedef struct {
    sqlite3 *db;
    int error;
    pthread_mutex_t *lock;
} VSReader;

/// A byte range of a blob, read a chunk at a time.
typedef struct {
    uint8_t *data;
    uint32_t from, to, capacity, generation;
    int segment;
} VSWindow;

/// One segment's postings row of a term: its skip table, read when opened; its documents
/// and positions, read a window at a time; its dense weights, read whole when asked for.
typedef struct {
    int64_t rowid;
    VSHeader header;
    uint8_t *skips;
    uint32_t entries, docs_length, positions_length;
    sqlite3_blob *docs, *positions;
} VSSegment;

/// A segment's dense weights (see VSLayout): a byte per id from `from`, and the exceptions.
typedef struct {
    const uint8_t *weights, *exception_pairs;
    uint32_t from, count, exceptions;
} VSDense;

/// A term's postings, one document at a time, over its segments in order. A block is decoded
/// whole when the cursor enters it, so moving inside it is reading arrays.
typedef struct {
    /// The current entry's document (first: what every step reads); the rest of the entry is
    /// read from the block's arrays at `index`, only when asked for.
    uint32_t docid;
    uint32_t block, index, block_count;
    VSSegment *segments;
    int segment_count, segment;
    uint32_t docids[VS_BLOCK], frequencies[VS_BLOCK], weights[VS_BLOCK], before[VS_BLOCK];
    uint8_t owns[VS_BLOCK];
    VSWindow docs, positions;
    const uint8_t *scan, *scan_end;  // how far the current block's positions have been read, and their end
    uint32_t scanned, scan_block, scan_generation;
    int scan_segment;
    uint32_t *decoded;
    uint32_t decoded_capacity, decoded_docid;
    uint8_t *dense;
    uint32_t dense_capacity;
} VSCursor;

int vs_cursor_open(VSCursor *cursor, const int64_t *rowids, int segments, VSReader *reader);
void vs_cursor_close(VSCursor *cursor, VSReader *reader);
void vs_cursor_rewind(VSCursor *cursor, VSReader *reader);
/// Documents in all segments.
uint64_t vs_cursor_count(const VSCursor *cursor);
/// Moves to the first document at or after `target` (VS_END when none), jumping over blocks.
uint32_t vs_cursor_seek_on(VSCursor *cursor, uint32_t target, VSReader *reader);

/// `vs_cursor_seek_on`, inline where the cursor is there already or the next entry is: what
/// nearly every step of a search asks.
static inline uint32_t vs_cursor_seek(VSCursor *cursor, uint32_t target, VSReader *reader) {
    if (cursor->docid >= target) return cursor->docid;
    uint32_t next = cursor->index + 1;
    if (next < cursor->block_count && cursor->docids[next] >= target) {
        cursor->index = next;
        return cursor->docid = cursor->docids[next];
    }
    return vs_cursor_seek_on(cursor, target, reader);
}
/// Moves to the first entry of the next block (VS_END at the end): for reading a list straight
/// through, a block of arrays at a time.
uint32_t vs_cursor_next_block(VSCursor *cursor, VSReader *reader);

/// The dense weights of the current segment: 1 when it has them (then in `out`, valid until the
/// next call), 0 when not, -1 on an error.
int vs_cursor_dense(VSCursor *cursor, VSDense *out, VSReader *reader);
/// Moves to the first entry of the next segment (VS_END after the last).
uint32_t vs_cursor_next_segment(VSCursor *cursor, VSReader *reader);

/// The current entry: how many positions the document holds, their weighted count, whether
/// they are stored in this term's list, and how many of the block's earlier entries hold.
static inline uint32_t vs_cursor_frequency(const VSCursor *cursor) { return cursor->frequencies[cursor->index]; }
static inline uint32_t vs_cursor_weighted(const VSCursor *cursor) { return cursor->weights[cursor->index]; }
static inline int vs_cursor_own(const VSCursor *cursor) { return cursor->owns[cursor->index]; }
static inline uint32_t vs_cursor_before(const VSCursor *cursor) { return cursor->before[cursor->index]; }

/// The current document's own positions (`vs_cursor_frequency` of them), decoded.
const uint32_t *vs_cursor_positions(VSCursor *cursor, VSReader *reader);

/// The current document's own positions, decoded one at a time.
typedef struct {
    const uint8_t *p, *end;
    uint32_t left, value;
    int valid, bad;
} VSStream;

int vs_stream_open(VSStream *stream, VSCursor *cursor, VSReader *reader);

static inline void vs_stream_step(VSStream *stream) {
    if (stream->left == 0) {
        stream->valid = 0;
        return;
    }
    int bad = 0;
    uint32_t value = vs_get_varint(&stream->p, stream->end, &bad);
    if (bad) { stream->bad = 1; stream->valid = 0; return; }
    stream->value += value;
    stream->left--;
    stream->valid = 1;
}

/// Leaves the cursor's reading of its block's positions where the stream stopped, so that the
/// next document's are sought on from there instead of from this one's start again.
static inline void vs_stream_leave(const VSStream *stream, VSCursor *cursor) {
    if (stream->bad) return;
    cursor->scan = stream->p;
    cursor->scanned = vs_cursor_before(cursor) + vs_cursor_frequency(cursor) - stream->left;
}

/// Moves to the first position at or after `target`; false when there is none.
static inline int vs_stream_reach(VSStream *stream, uint32_t target) {
    while (stream->valid && stream->value < target) vs_stream_step(stream);
    return stream->valid;
}

#endif
