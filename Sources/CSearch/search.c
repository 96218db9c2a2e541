// Query evaluation: every matching document is visited (document at a time), counted in the
// total and the facets, scored with the formula vvrank() uses, and kept if among the best.
//
// Counting and faceting need every match, so there is nothing for dynamic pruning (WAND,
// MaxScore) to skip but the arithmetic of scoring, which is a few multiplications a document.
// What makes this fast is what FTS5 cannot do: postings a document long instead of a
// passage long, frequencies read without positions, positions read only for phrases, and
// skips over whole blocks where a rarer term leads.
#define SQLITE_CORE 1
#include <sqlite3.h>

#include "vanban_search.h"
#include "postings_internal.h"
#include "table_internal.h"
#include "viet_score.h"

#include <stdlib.h>
#include <string.h>

enum { END = UINT32_MAX, CHUNK = 1 << 16 };

// MARK: Cursors over one term's postings

typedef struct {
    int64_t rowid;
    uint8_t *docs;
    VSLayout layout;
    sqlite3_blob *positions;
    uint32_t positions_length;
} Segment;

typedef struct {
    Segment *segments;
    int segment_count;
    int segment;
    uint32_t block, in_block;
    const uint8_t *p;
    uint32_t docid, frequency, weighted;
    uint32_t frequency_before;  // positions of the block's entries before the current one
    // A window of the current segment's positions blob, read a chunk at a time, and how far
    // the current block's positions have been read.
    uint8_t *window;
    uint32_t window_from, window_to, window_capacity, window_generation;
    int window_segment;
    const uint8_t *scan;
    uint32_t scanned, scan_block, scan_generation;
    int scan_segment;
    uint32_t *positions;
    uint32_t positions_capacity;
    uint32_t positions_docid;
} Cursor;

typedef struct {
    sqlite3 *db;
    int error;
} Reader;

static int read_blob(Reader *reader, int64_t rowid, const char *column, sqlite3_blob **blob) {
    int rc = sqlite3_blob_open(reader->db, "main", "search_postings", column, rowid, 0, blob);
    if (rc != SQLITE_OK && !reader->error) reader->error = rc;
    return rc;
}

static void start_block(Cursor *cursor, uint32_t block) {
    const VSLayout *layout = &cursor->segments[cursor->segment].layout;
    cursor->block = block;
    cursor->in_block = 0;
    cursor->frequency = 0;
    cursor->frequency_before = 0;
    cursor->docid = block > 0 ? vs_skip_last(layout, block - 1) : 0;
    cursor->p = layout->entries + vs_skip_docs(layout, block);
    if (cursor->p > layout->end) cursor->p = layout->end;
}

static void next(Cursor *cursor, Reader *reader) {
    while (cursor->segment < cursor->segment_count) {
        const VSLayout *layout = &cursor->segments[cursor->segment].layout;
        uint32_t in_block = layout->count - cursor->block * VS_BLOCK;
        if (in_block > VS_BLOCK) in_block = VS_BLOCK;
        if (cursor->block < layout->blocks && cursor->in_block < in_block) {
            cursor->frequency_before += cursor->frequency;
            if (vs_read_entry(&cursor->p, layout->end, &cursor->docid, &cursor->frequency, &cursor->weighted) != 0) {
                reader->error = SQLITE_CORRUPT;
                break;
            }
            cursor->in_block++;
            return;
        }
        if (cursor->block + 1 < layout->blocks) {
            start_block(cursor, cursor->block + 1);
        } else if (++cursor->segment < cursor->segment_count) {
            start_block(cursor, 0);
        }
    }
    cursor->segment = cursor->segment_count;
    cursor->docid = END;
}

static void rewind_cursor(Cursor *cursor, Reader *reader) {
    cursor->segment = 0;
    cursor->positions_docid = END;
    if (cursor->segment_count > 0) start_block(cursor, 0);
    next(cursor, reader);
}

/// Moves to the first document at or after `target`, jumping over blocks that end before it.
static uint32_t seek(Cursor *cursor, uint32_t target, Reader *reader) {
    if (cursor->docid >= target) return cursor->docid;
    while (cursor->segment < cursor->segment_count) {
        const VSLayout *layout = &cursor->segments[cursor->segment].layout;
        if (layout->blocks == 0 || vs_skip_last(layout, layout->blocks - 1) < target) {
            if (++cursor->segment < cursor->segment_count) start_block(cursor, 0);
            continue;
        }
        if (vs_skip_last(layout, cursor->block) < target) {
            uint32_t low = cursor->block + 1, high = layout->blocks - 1;
            while (low < high) {
                uint32_t middle = low + (high - low) / 2;
                if (vs_skip_last(layout, middle) < target) low = middle + 1; else high = middle;
            }
            start_block(cursor, low);
        }
        do next(cursor, reader); while (cursor->docid < target);
        return cursor->docid;
    }
    cursor->docid = END;
    return END;
}

static int open_cursor(Cursor *cursor, const VSTermSpec *spec, Reader *reader) {
    memset(cursor, 0, sizeof *cursor);
    cursor->window_segment = -1;
    cursor->scan_segment = -1;
    cursor->segments = calloc((size_t)spec->segments + 1, sizeof(Segment));
    if (!cursor->segments) return SQLITE_NOMEM;
    for (int s = 0; s < spec->segments; s++) {
        Segment *segment = &cursor->segments[s];
        segment->rowid = spec->rowids[s];
        sqlite3_blob *blob = NULL;
        if (read_blob(reader, segment->rowid, "docs", &blob) != SQLITE_OK) return reader->error;
        int length = sqlite3_blob_bytes(blob);
        segment->docs = malloc((size_t)length + 1);
        int rc = segment->docs ? sqlite3_blob_read(blob, segment->docs, length, 0) : SQLITE_NOMEM;
        sqlite3_blob_close(blob);
        cursor->segment_count = s + 1;
        if (rc != SQLITE_OK) return rc;
        if (vs_layout(segment->docs, (size_t)length, &segment->layout) != 0) return SQLITE_CORRUPT;
    }
    rewind_cursor(cursor, reader);
    return reader->error;
}

static void close_cursor(Cursor *cursor) {
    for (int s = 0; s < cursor->segment_count; s++) {
        free(cursor->segments[s].docs);
        if (cursor->segments[s].positions) sqlite3_blob_close(cursor->segments[s].positions);
    }
    free(cursor->segments);
    free(cursor->window);
    free(cursor->positions);
}

/// Makes blob bytes [from, to) of the current segment's positions readable in the window.
static const uint8_t *window_at(Cursor *cursor, uint32_t from, uint32_t to, Reader *reader) {
    Segment *segment = &cursor->segments[cursor->segment];
    if (cursor->window_segment == cursor->segment && from >= cursor->window_from && to <= cursor->window_to) {
        return cursor->window + (from - cursor->window_from);
    }
    uint32_t end = from + CHUNK > to ? from + CHUNK : to;
    if (end > segment->positions_length) end = segment->positions_length;
    if (to > end || from > to) { reader->error = SQLITE_CORRUPT; return NULL; }
    if (end - from > cursor->window_capacity) {
        uint8_t *grown = realloc(cursor->window, end - from);
        if (!grown) { reader->error = SQLITE_NOMEM; return NULL; }
        cursor->window = grown;
        cursor->window_capacity = end - from;
    }
    int rc = sqlite3_blob_read(segment->positions, cursor->window, (int)(end - from), (int)from);
    if (rc != SQLITE_OK) { reader->error = rc; return NULL; }
    cursor->window_segment = cursor->segment;
    cursor->window_from = from;
    cursor->window_to = end;
    cursor->window_generation++;
    return cursor->window;
}

/// The current block's positions (all its documents', one after the other).
static const uint8_t *block_positions(Cursor *cursor, uint32_t *length, Reader *reader) {
    Segment *segment = &cursor->segments[cursor->segment];
    if (!segment->positions) {
        if (read_blob(reader, segment->rowid, "positions", &segment->positions) != SQLITE_OK) return NULL;
        segment->positions_length = (uint32_t)sqlite3_blob_bytes(segment->positions);
    }
    const VSLayout *layout = &segment->layout;
    uint32_t from = vs_skip_positions(layout, cursor->block);
    uint32_t to = cursor->block + 1 < layout->blocks ? vs_skip_positions(layout, cursor->block + 1) : segment->positions_length;
    *length = to - from;
    return window_at(cursor, from, to, reader);
}

/// The positions of the current document, ascending (`frequency` of them).
static const uint32_t *positions(Cursor *cursor, Reader *reader) {
    if (cursor->positions_docid == cursor->docid) return cursor->positions;
    uint32_t length = 0;
    const uint8_t *block = block_positions(cursor, &length, reader);
    if (!block) return NULL;
    // The block's positions are read on from where the last document's ended.
    if (cursor->scan_segment != cursor->segment || cursor->scan_block != cursor->block
        || cursor->scan_generation != cursor->window_generation || cursor->scanned > cursor->frequency_before) {
        cursor->scan_segment = cursor->segment;
        cursor->scan_block = cursor->block;
        cursor->scan_generation = cursor->window_generation;
        cursor->scan = block;
        cursor->scanned = 0;
    }
    const uint8_t *end = block + length;
    int bad = 0;
    for (; cursor->scanned < cursor->frequency_before && !bad; cursor->scanned++) (void)vs_get_varint(&cursor->scan, end, &bad);
    if (cursor->frequency > cursor->positions_capacity) {
        uint32_t *grown = realloc(cursor->positions, sizeof(uint32_t) * cursor->frequency);
        if (!grown) { reader->error = SQLITE_NOMEM; return NULL; }
        cursor->positions = grown;
        cursor->positions_capacity = cursor->frequency;
    }
    uint32_t position = 0;
    for (uint32_t i = 0; i < cursor->frequency && !bad; i++) {
        position += vs_get_varint(&cursor->scan, end, &bad);
        cursor->positions[i] = position;
    }
    cursor->scanned += cursor->frequency;
    if (bad) { reader->error = SQLITE_CORRUPT; return NULL; }
    cursor->positions_docid = cursor->docid;
    return cursor->positions;
}

// MARK: Slots, phrases, clauses

/// One form a slot may take: its cursor, and for a marked-query form the cursor of the folded
/// form whose positions it shares.
typedef struct {
    Cursor cursor;
    Cursor *positions_cursor;
} Alternative;

typedef struct {
    Alternative *alternatives;
    int count;
    uint32_t *merged;
    uint32_t merged_capacity, merged_count;
} Slot;

typedef struct {
    Slot *slots;
    int count;
    int clause;
    double idf;
    uint32_t weighted;  // at the document being scored
    uint64_t cost;
} Phrase;

typedef struct {
    Phrase **phrases;
    int count;
    double weight;
    int excluded;
    uint64_t cost;
} Clause;

static uint32_t slot_seek(Slot *slot, uint32_t target, Reader *reader) {
    uint32_t lowest = END;
    for (int a = 0; a < slot->count; a++) {
        uint32_t docid = seek(&slot->alternatives[a].cursor, target, reader);
        if (docid < lowest) lowest = docid;
    }
    return lowest;
}

/// The next document at or after `target` holding every word of the phrase (not yet checked
/// for their order).
static uint32_t phrase_seek(Phrase *phrase, uint32_t target, Reader *reader) {
    uint32_t candidate = target;
    for (int s = 0; s < phrase->count;) {
        uint32_t docid = slot_seek(&phrase->slots[s], candidate, reader);
        if (docid == END || reader->error) return END;
        if (docid != candidate) {
            candidate = docid;
            s = 0;
        } else {
            s++;
        }
    }
    return candidate;
}

static int phrase_has(Phrase *phrase, uint32_t docid, Reader *reader) {
    for (int s = 0; s < phrase->count; s++) {
        if (slot_seek(&phrase->slots[s], docid, reader) != docid) return 0;
    }
    return 1;
}

/// The sorted union of the positions the slot's forms have in `docid` (a word and its
/// marked-query form share positions, which FTS5 counts once).
static const uint32_t *slot_positions(Slot *slot, uint32_t docid, uint32_t *count, Reader *reader) {
    slot->merged_count = 0;
    for (int a = 0; a < slot->count; a++) {
        Alternative *alternative = &slot->alternatives[a];
        if (alternative->cursor.docid != docid) continue;
        Cursor *source = alternative->positions_cursor ? alternative->positions_cursor : &alternative->cursor;
        if (seek(source, docid, reader) != docid) continue;
        const uint32_t *found = positions(source, reader);
        if (!found) return NULL;
        uint32_t n = source->frequency, total = slot->merged_count + n;
        if (total > slot->merged_capacity) {
            uint32_t *grown = realloc(slot->merged, sizeof(uint32_t) * total * 2);
            if (!grown) { reader->error = SQLITE_NOMEM; return NULL; }
            slot->merged = grown;
            slot->merged_capacity = total * 2;
        }
        // Merge in place from the back: both runs are sorted.
        int64_t i = (int64_t)slot->merged_count - 1, j = (int64_t)n - 1, k = (int64_t)total - 1;
        while (j >= 0) {
            if (i >= 0 && slot->merged[i] > found[j]) slot->merged[k--] = slot->merged[i--];
            else slot->merged[k--] = found[j--];
        }
        slot->merged_count = total;
    }
    uint32_t unique = 0;
    for (uint32_t i = 0; i < slot->merged_count; i++) {
        if (unique == 0 || slot->merged[unique - 1] != slot->merged[i]) slot->merged[unique++] = slot->merged[i];
    }
    *count = slot->merged_count = unique;
    return slot->merged;
}

typedef struct {
    VSMatch *items;
    uint32_t count, capacity;
} Matches;

static int add_match(Matches *matches, uint32_t position, int phrase, int length) {
    if (!matches) return 0;
    if (matches->count == matches->capacity) {
        uint32_t capacity = matches->capacity ? matches->capacity * 2 : 64;
        VSMatch *grown = realloc(matches->items, sizeof(VSMatch) * capacity);
        if (!grown) return -1;
        matches->items = grown;
        matches->capacity = capacity;
    }
    matches->items[matches->count++] = (VSMatch){position, (uint16_t)phrase, (uint16_t)length};
    return 0;
}

/// The phrase's weighted frequency in `docid` (0 when its words never stand in order), whose
/// slots all hold the document; its matches go to `matches` when given.
static uint32_t phrase_weight(Phrase *phrase, int index, uint32_t docid, const VSTable *table, Matches *matches,
                              Reader *reader) {
    if (phrase->count == 1 && !matches) {
        // A word and its marked-query form: the latter's positions hold the former's (FTS5
        // counts each position once), so the larger weight is the weight of their union.
        uint32_t weighted = 0;
        Slot *slot = &phrase->slots[0];
        for (int a = 0; a < slot->count; a++) {
            Cursor *cursor = &slot->alternatives[a].cursor;
            if (cursor->docid == docid && cursor->weighted > weighted) weighted = cursor->weighted;
        }
        return weighted;
    }
    enum { MAX_SLOTS = 64 };
    const uint32_t *lists[MAX_SLOTS];
    uint32_t counts[MAX_SLOTS], at[MAX_SLOTS] = {0};
    int slots = phrase->count < MAX_SLOTS ? phrase->count : MAX_SLOTS;
    for (int s = 0; s < slots; s++) {
        lists[s] = slot_positions(&phrase->slots[s], docid, &counts[s], reader);
        if (!lists[s]) return 0;
    }
    uint32_t weighted = 0;
    for (uint32_t i = 0; i < counts[0]; i++) {
        uint32_t start = lists[0][i];
        int found = 1;
        for (int s = 1; s < slots && found; s++) {
            while (at[s] < counts[s] && lists[s][at[s]] < start + (uint32_t)s) at[s]++;
            found = at[s] < counts[s] && lists[s][at[s]] == start + (uint32_t)s;
        }
        if (!found) continue;
        weighted += (uint32_t)vv_column_weight[vs_column_of(table, docid, start)];
        if (add_match(matches, start, index, slots) != 0) { reader->error = SQLITE_NOMEM; return 0; }
    }
    return weighted;
}

static uint32_t clause_seek(Clause *clause, uint32_t target, Reader *reader) {
    uint32_t lowest = END;
    for (int p = 0; p < clause->count; p++) {
        uint32_t docid = phrase_seek(clause->phrases[p], target, reader);
        if (docid < lowest) lowest = docid;
    }
    return lowest;
}

/// Weighs each of the clause's phrases at `docid`; true when one of them matches.
static int clause_matches(Clause *clause, uint32_t docid, const VSTable *table, Reader *reader) {
    int matched = 0;
    for (int p = 0; p < clause->count; p++) {
        Phrase *phrase = clause->phrases[p];
        phrase->weighted = phrase_has(phrase, docid, reader) ? phrase_weight(phrase, -1, docid, table, NULL, reader) : 0;
        if (phrase->weighted > 0) matched = 1;
    }
    return matched;
}

// MARK: The best documents

typedef struct {
    VSHit *items;
    uint32_t count, capacity;
    int by_date;
    const VSTable *table;
} Heap;

/// True when `a` ranks before `b`: more clauses covered, newer (when by date), higher score,
/// then the lower id, so that equal scores always come out in the same order.
static int better(const Heap *heap, const VSHit *a, const VSHit *b) {
    if (heap->by_date) {
        uint32_t x = heap->table->date[a->docid], y = heap->table->date[b->docid];
        if (x != y) return x > y;
    }
    if (a->coverage != b->coverage) return a->coverage > b->coverage;
    if (a->score != b->score) return a->score > b->score;
    return a->docid < b->docid;
}

static void sift_down(Heap *heap, uint32_t i) {
    for (;;) {
        uint32_t worst = i, left = 2 * i + 1, right = left + 1;
        if (left < heap->count && better(heap, &heap->items[worst], &heap->items[left])) worst = left;
        if (right < heap->count && better(heap, &heap->items[worst], &heap->items[right])) worst = right;
        if (worst == i) return;
        VSHit swap = heap->items[i];
        heap->items[i] = heap->items[worst];
        heap->items[worst] = swap;
        i = worst;
    }
}

/// Keeps the best `capacity` hits, the worst of them at the root.
static void offer(Heap *heap, VSHit hit) {
    if (heap->capacity == 0) return;
    if (heap->count < heap->capacity) {
        uint32_t i = heap->count++;
        heap->items[i] = hit;
        while (i > 0) {
            uint32_t parent = (i - 1) / 2;
            if (!better(heap, &heap->items[parent], &heap->items[i])) break;
            VSHit swap = heap->items[i];
            heap->items[i] = heap->items[parent];
            heap->items[parent] = swap;
            i = parent;
        }
    } else if (better(heap, &hit, &heap->items[0])) {
        heap->items[0] = hit;
        sift_down(heap, 0);
    }
}

static __thread const Heap *sorting_heap;  // qsort has no context argument

static int compare_hits(const void *a, const void *b) {
    return better(sorting_heap, a, b) ? -1 : better(sorting_heap, b, a) ? 1 : 0;
}

// MARK: The query

struct VSResult {
    uint32_t total;
    VSHit *hits;
    uint32_t hit_count;
    uint32_t *facets[3];
    int facet_counts[3];
    VSMatch *matches;
    uint32_t *match_starts;  // hit_count + 1 offsets into matches
};

typedef struct {
    const VSTable *table;
    const VSQuery *query;
    Alternative *alternatives;
    int alternative_count;
    Cursor *positions_cursors;
    int positions_cursor_count;
    Slot *slots;
    Phrase *phrases;
    int phrase_count;
    Clause *clauses;
    int clause_count;
    Phrase **phrase_refs;
    Clause **positive;
    int positive_count;
    Reader reader;
} Plan;

static int excluded_document(const VSQuery *query, uint32_t docid) {
    int low = 0, high = query->excluded_count;
    while (low < high) {
        int middle = (low + high) / 2;
        if (query->excluded[middle] < docid) low = middle + 1; else high = middle;
    }
    return low < query->excluded_count && query->excluded[low] == docid;
}

/// Live and inside the filters.
static int admitted(const Plan *plan, uint32_t docid) {
    const VSTable *table = plan->table;
    const VSQuery *query = plan->query;
    if (docid >= table->count || !(table->flags[docid] & VS_LIVE)) return 0;
    if (query->types && (table->type[docid] >= query->type_count || !query->types[table->type[docid]])) return 0;
    if (query->groups && (table->group[docid] >= query->group_count || !query->groups[table->group[docid]])) return 0;
    if ((query->has_year_from || query->has_year_to) && table->year[docid] == 0) return 0;
    if (query->has_year_from && table->year[docid] < query->year_from) return 0;
    if (query->has_year_to && table->year[docid] > query->year_to) return 0;
    return !query->excluded_count || !excluded_document(query, docid);
}

static int build_plan(Plan *plan, Reader *reader, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
                      int slot_count, const VSPhraseSpec *phrases, int phrase_count, const VSClauseSpec *clauses,
                      int clause_count) {
    int alternatives = 0, markers = 0;
    for (int s = 0; s < slot_count; s++) {
        if (slots[s].first_term < 0 || slots[s].terms < 1 || slots[s].first_term + slots[s].terms > term_count) return SQLITE_MISUSE;
        for (int t = slots[s].first_term; t < slots[s].first_term + slots[s].terms; t++) {
            alternatives++;
            if (terms[t].positions_from >= 0) markers++;
        }
    }
    plan->alternatives = calloc((size_t)alternatives + 1, sizeof(Alternative));
    plan->positions_cursors = calloc((size_t)markers + 1, sizeof(Cursor));
    plan->slots = calloc((size_t)slot_count + 1, sizeof(Slot));
    plan->phrases = calloc((size_t)phrase_count + 1, sizeof(Phrase));
    plan->clauses = calloc((size_t)clause_count + 1, sizeof(Clause));
    plan->phrase_refs = calloc((size_t)phrase_count + 1, sizeof(Phrase *));
    plan->positive = calloc((size_t)clause_count + 1, sizeof(Clause *));
    if (!plan->alternatives || !plan->positions_cursors || !plan->slots || !plan->phrases || !plan->clauses
        || !plan->phrase_refs || !plan->positive) return SQLITE_NOMEM;
    for (int s = 0; s < slot_count; s++) {
        Slot *slot = &plan->slots[s];
        slot->alternatives = plan->alternatives + plan->alternative_count;
        for (int t = slots[s].first_term; t < slots[s].first_term + slots[s].terms; t++) {
            Alternative *alternative = &plan->alternatives[plan->alternative_count++];
            slot->count++;
            int rc = open_cursor(&alternative->cursor, &terms[t], reader);
            if (rc != SQLITE_OK) return rc;
            int source = terms[t].positions_from;
            if (source >= 0) {
                if (source >= term_count) return SQLITE_MISUSE;
                alternative->positions_cursor = &plan->positions_cursors[plan->positions_cursor_count++];
                rc = open_cursor(alternative->positions_cursor, &terms[source], reader);
                if (rc != SQLITE_OK) return rc;
            }
        }
    }
    for (int c = 0; c < clause_count; c++) {
        plan->clauses[c] = (Clause){plan->phrase_refs, 0, clauses[c].weight, clauses[c].excluded, 0};
    }
    plan->clause_count = clause_count;
    // Phrases are grouped by clause (the archive writes them so): each clause's run of refs.
    for (int p = 0; p < phrase_count; p++) {
        const VSPhraseSpec *spec = &phrases[p];
        if (spec->clause < 0 || spec->clause >= clause_count || spec->first_slot < 0 || spec->slots < 1
            || spec->first_slot + spec->slots > slot_count || (p > 0 && spec->clause < phrases[p - 1].clause)) return SQLITE_MISUSE;
        Phrase *phrase = &plan->phrases[p];
        *phrase = (Phrase){plan->slots + spec->first_slot, spec->slots, spec->clause, spec->idf, 0, UINT64_MAX};
        for (int s = 0; s < phrase->count; s++) {
            uint64_t count = 0;
            for (int a = 0; a < phrase->slots[s].count; a++) {
                const Cursor *cursor = &phrase->slots[s].alternatives[a].cursor;
                for (int g = 0; g < cursor->segment_count; g++) count += cursor->segments[g].layout.count;
            }
            if (count < phrase->cost) phrase->cost = count;
        }
        Clause *clause = &plan->clauses[spec->clause];
        if (clause->count == 0) clause->phrases = &plan->phrase_refs[p];
        plan->phrase_refs[p] = phrase;
        clause->count++;
        clause->cost += phrase->cost;
    }
    plan->phrase_count = phrase_count;
    for (int c = 0; c < clause_count; c++) {
        if (plan->clauses[c].count == 0) return SQLITE_MISUSE;
        if (!plan->clauses[c].excluded) plan->positive[plan->positive_count++] = &plan->clauses[c];
    }
    // The rarest clause leads; the others are asked in order of cost.
    for (int i = 1; i < plan->positive_count; i++) {
        for (int j = i; j > 0 && plan->positive[j]->cost < plan->positive[j - 1]->cost; j--) {
            Clause *swap = plan->positive[j];
            plan->positive[j] = plan->positive[j - 1];
            plan->positive[j - 1] = swap;
        }
    }
    return plan->positive_count > 0 ? SQLITE_OK : SQLITE_MISUSE;
}

static void free_plan(Plan *plan) {
    for (int a = 0; a < plan->alternative_count; a++) close_cursor(&plan->alternatives[a].cursor);
    for (int c = 0; c < plan->positions_cursor_count; c++) close_cursor(&plan->positions_cursors[c]);
    if (plan->slots) {
        for (int s = 0; plan->slots[s].alternatives; s++) free(plan->slots[s].merged);
    }
    free(plan->alternatives);
    free(plan->positions_cursors);
    free(plan->slots);
    free(plan->phrases);
    free(plan->clauses);
    free(plan->phrase_refs);
    free(plan->positive);
}

/// The next candidate at or after `docid`: every clause, or (any) the nearest of them.
static uint32_t candidate(Plan *plan, uint32_t docid) {
    Reader *reader = &plan->reader;
    if (plan->query->any_clause) {
        uint32_t lowest = END;
        for (int c = 0; c < plan->positive_count; c++) {
            uint32_t found = clause_seek(plan->positive[c], docid, reader);
            if (found < lowest) lowest = found;
        }
        return lowest;
    }
    for (;;) {
        docid = clause_seek(plan->positive[0], docid, reader);
        if (docid == END || reader->error) return END;
        if (!admitted(plan, docid)) {
            docid++;
            continue;
        }
        int agreed = 1;
        for (int c = 1; c < plan->positive_count && agreed; c++) {
            uint32_t found = clause_seek(plan->positive[c], docid, reader);
            if (found == END) return END;
            if (found != docid) {
                docid = found;
                agreed = 0;
            }
        }
        if (agreed) return docid;
    }
}

/// Scores a candidate; false when its phrases do not stand in order, an excluded clause
/// matches, or (all) a clause fails.
static int evaluate(Plan *plan, uint32_t docid, VSHit *hit) {
    Reader *reader = &plan->reader;
    if (!admitted(plan, docid)) return 0;
    double coverage = 0;
    int any = 0;
    for (int c = 0; c < plan->clause_count; c++) {
        Clause *clause = &plan->clauses[c];
        if (clause->excluded) continue;
        int matched = clause_matches(clause, docid, plan->table, reader);
        if (!matched && !plan->query->any_clause) return 0;
        if (matched) {
            coverage += clause->weight;
            any = 1;
        }
    }
    if (!any) return 0;
    for (int c = 0; c < plan->clause_count; c++) {
        if (plan->clauses[c].excluded && clause_matches(&plan->clauses[c], docid, plan->table, reader)) return 0;
    }
    double score = 0;
    uint32_t length = plan->table->length[docid];
    for (int p = 0; p < plan->phrase_count; p++) {
        Phrase *phrase = &plan->phrases[p];
        if (plan->clauses[phrase->clause].excluded || phrase->weighted == 0) continue;
        score += vv_phrase_score(phrase->idf, (int)phrase->weighted, (int)length, plan->query->average_length);
    }
    *hit = (VSHit){docid, score, plan->query->any_clause ? coverage : 0};
    return 1;
}

static void count_facets(VSResult *result, const VSTable *table, uint32_t docid) {
    result->total++;
    if (table->type[docid] < result->facet_counts[0]) result->facets[0][table->type[docid]]++;
    if (table->label[docid] < result->facet_counts[1]) result->facets[1][table->label[docid]]++;
    int year = (int)table->year[docid] - vs_year_base;
    if (table->year[docid] && year >= 0 && year < vs_year_count) result->facets[2][year]++;
}

static int compare_docids(const void *a, const void *b) {
    uint32_t x = (*(const VSHit *const *)a)->docid, y = (*(const VSHit *const *)b)->docid;
    return x < y ? -1 : x > y;
}

static int compare_matches(const void *a, const void *b) {
    const VSMatch *x = a, *y = b;
    if (x->position != y->position) return x->position < y->position ? -1 : 1;
    return (int)x->phrase - (int)y->phrase;
}

/// Every match of each hit, for choosing its passages: a second pass over the hits alone.
static int collect_matches(Plan *plan, VSResult *result) {
    Reader *reader = &plan->reader;
    for (int a = 0; a < plan->alternative_count; a++) rewind_cursor(&plan->alternatives[a].cursor, reader);
    for (int c = 0; c < plan->positions_cursor_count; c++) rewind_cursor(&plan->positions_cursors[c], reader);
    const VSHit **order = malloc(sizeof(VSHit *) * (result->hit_count + 1));
    Matches *per_hit = calloc((size_t)result->hit_count + 1, sizeof(Matches));
    result->match_starts = calloc((size_t)result->hit_count + 1, sizeof(uint32_t));
    if (!order || !per_hit || !result->match_starts) { free(order); free(per_hit); return SQLITE_NOMEM; }
    for (uint32_t h = 0; h < result->hit_count; h++) order[h] = &result->hits[h];
    qsort(order, result->hit_count, sizeof *order, compare_docids);
    for (uint32_t h = 0; h < result->hit_count && !reader->error; h++) {
        uint32_t docid = order[h]->docid;
        Matches *matches = &per_hit[order[h] - result->hits];
        for (int p = 0; p < plan->phrase_count; p++) {
            Phrase *phrase = &plan->phrases[p];
            if (plan->clauses[phrase->clause].excluded || !phrase_has(phrase, docid, reader)) continue;
            phrase_weight(phrase, p, docid, plan->table, matches, reader);
        }
        qsort(matches->items, matches->count, sizeof(VSMatch), compare_matches);
    }
    uint32_t total = 0;
    for (uint32_t h = 0; h < result->hit_count; h++) total += per_hit[h].count;
    result->matches = malloc(sizeof(VSMatch) * (total + 1));
    if (!result->matches) reader->error = SQLITE_NOMEM;
    for (uint32_t h = 0, at = 0; h < result->hit_count; h++) {
        result->match_starts[h] = at;
        if (result->matches && per_hit[h].count) memcpy(result->matches + at, per_hit[h].items, sizeof(VSMatch) * per_hit[h].count);
        at += per_hit[h].count;
        free(per_hit[h].items);
        result->match_starts[h + 1] = at;
    }
    free(per_hit);
    free(order);
    return reader->error;
}

int vs_search(void *db, const VSTable *table, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
              int slot_count, const VSPhraseSpec *phrases, int phrase_count, const VSClauseSpec *clauses,
              int clause_count, const VSQuery *query, VSResult **out) {
    *out = NULL;
    VSResult *result = calloc(1, sizeof *result);
    if (!result) return SQLITE_NOMEM;
    result->facet_counts[0] = (int)table->type_count;
    result->facet_counts[1] = (int)table->label_count;
    result->facet_counts[2] = vs_year_count;
    for (int f = 0; f < 3; f++) {
        result->facets[f] = calloc((size_t)result->facet_counts[f] + 1, sizeof(uint32_t));
        if (!result->facets[f]) { vs_result_free(result); return SQLITE_NOMEM; }
    }
    Plan plan = {.table = table, .query = query, .reader = {db, 0}};
    int rc = build_plan(&plan, &plan.reader, terms, term_count, slots, slot_count, phrases, phrase_count, clauses,
                        clause_count);
    Heap heap = {calloc((size_t)query->top + 1, sizeof(VSHit)), 0, query->top, query->by_date, table};
    if (rc == SQLITE_OK && !heap.items) rc = SQLITE_NOMEM;
    for (uint32_t docid = 1; rc == SQLITE_OK; docid++) {
        docid = candidate(&plan, docid);
        if (docid == END) break;
        VSHit hit;
        if (evaluate(&plan, docid, &hit)) {
            count_facets(result, table, docid);
            offer(&heap, hit);
        }
        if (plan.reader.error) break;
    }
    if (rc == SQLITE_OK) rc = plan.reader.error;
    sorting_heap = &heap;
    if (rc == SQLITE_OK) qsort(heap.items, heap.count, sizeof(VSHit), compare_hits);
    result->hits = heap.items;
    result->hit_count = heap.count;
    if (rc == SQLITE_OK && query->positions) rc = collect_matches(&plan, result);
    free_plan(&plan);
    if (rc != SQLITE_OK) {
        vs_result_free(result);
        return rc;
    }
    *out = result;
    return SQLITE_OK;
}

uint32_t vs_result_total(const VSResult *result) { return result->total; }

int vs_result_hits(const VSResult *result, const VSHit **hits) {
    *hits = result->hits;
    return (int)result->hit_count;
}

int vs_result_facet(const VSResult *result, int facet, const uint32_t **counts) {
    if (facet < 0 || facet > 2) return 0;
    *counts = result->facets[facet];
    return result->facet_counts[facet];
}

int vs_result_matches(const VSResult *result, int index, const VSMatch **matches) {
    if (!result->match_starts || index < 0 || (uint32_t)index >= result->hit_count) return 0;
    *matches = result->matches + result->match_starts[index];
    return (int)(result->match_starts[index + 1] - result->match_starts[index]);
}

void vs_result_free(VSResult *result) {
    if (!result) return;
    free(result->hits);
    for (int f = 0; f < 3; f++) free(result->facets[f]);
    free(result->matches);
    free(result->match_starts);
    free(result);
}
