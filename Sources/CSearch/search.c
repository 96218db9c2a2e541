// Query evaluation: every matching document is visited (document at a time, or for words over
// much of the archive term at a time: see by_terms()), counted in the total and the facets,
// scored with the formula vvrank() uses, and kept if among the best.
//
// Counting and faceting need every match, so there is nothing for dynamic pruning (WAND,
// MaxScore) to skip but the arithmetic of scoring, which is a few multiplications a document.
// What makes this fast is what FTS5 cannot do: postings a document long instead of a
// passage long, frequencies read without positions, positions read only for phrases, and
// skips over whole blocks where a rarer term leads.
#define _GNU_SOURCE  // PTHREAD_MUTEX_ADAPTIVE_NP
#include "vanban_search.h"
#include "cursor_internal.h"
#include "postings_internal.h"
#include "table_internal.h"
#include "viet_score.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// MARK: Slots, phrases, clauses

/// One form a slot may take: its cursor, and for a marked-query form the cursor of the folded
/// form whose positions it shares.
typedef struct {
    VSCursor cursor;
    VSCursor *positions_cursor;
} Alternative;

typedef struct {
    Alternative *alternatives;
    int count;
    double idf;
    uint32_t *merged;
    uint32_t merged_capacity, merged_count;
} Slot;

typedef struct {
    Slot *slots;
    int count;
    int clause;
    int matched;  // at the document being scored
    uint64_t cost;
} Phrase;

typedef struct {
    Phrase **phrases;
    int count;
    double weight;
    int excluded;
    uint64_t cost;
    /// When every phrase is one word: the cursors of all their forms, which clause_seek moves
    /// without going through phrases and slots (most clauses are so).
    VSCursor **words;
    int word_count;
} Clause;

static uint32_t slot_seek(Slot *slot, uint32_t target, VSReader *reader) {
    uint32_t lowest = VS_END;
    for (int a = 0; a < slot->count; a++) {
        uint32_t docid = vs_cursor_seek(&slot->alternatives[a].cursor, target, reader);
        if (docid < lowest) lowest = docid;
    }
    return lowest;
}

/// The next document at or after `target` holding every word of the phrase (not yet checked
/// for their order).
static uint32_t phrase_seek(Phrase *phrase, uint32_t target, VSReader *reader) {
    uint32_t candidate = target;
    for (int s = 0; s < phrase->count;) {
        uint32_t docid = slot_seek(&phrase->slots[s], candidate, reader);
        if (docid == VS_END || reader->error) return VS_END;
        if (docid != candidate) {
            candidate = docid;
            s = 0;
        } else {
            s++;
        }
    }
    return candidate;
}

static int phrase_has(Phrase *phrase, uint32_t docid, VSReader *reader) {
    for (int s = 0; s < phrase->count; s++) {
        if (slot_seek(&phrase->slots[s], docid, reader) != docid) return 0;
    }
    return 1;
}

/// The cursor holding an alternative's positions in `docid` (where the alternative is): its own,
/// or its folded form's, which are the same positions.
static VSCursor *positions_source(Alternative *alternative, uint32_t docid, VSReader *reader) {
    if (vs_cursor_own(&alternative->cursor)) return &alternative->cursor;
    VSCursor *folded = alternative->positions_cursor;
    if (!folded || vs_cursor_seek(folded, docid, reader) != docid || !vs_cursor_own(folded)) {
        if (!reader->error) reader->error = SQLITE_CORRUPT;
        return NULL;
    }
    return folded;
}

/// The sorted union of the positions the slot's forms have in `docid` (a word and its
/// marked-query form share positions, which FTS5 counts once).
static const uint32_t *slot_positions(Slot *slot, uint32_t docid, uint32_t *count, VSReader *reader) {
    int present = 0, only = -1;
    for (int a = 0; a < slot->count; a++) {
        if (slot->alternatives[a].cursor.docid == docid) { present++; only = a; }
    }
    if (present == 1) {  // nearly always: one form of the word is in the document
        VSCursor *source = positions_source(&slot->alternatives[only], docid, reader);
        *count = 0;
        if (!source) return NULL;
        const uint32_t *found = vs_cursor_positions(source, reader);
        *count = found ? vs_cursor_frequency(source) : 0;
        return found;
    }
    slot->merged_count = 0;
    for (int a = 0; a < slot->count; a++) {
        Alternative *alternative = &slot->alternatives[a];
        if (alternative->cursor.docid != docid) continue;
        VSCursor *source = positions_source(alternative, docid, reader);
        const uint32_t *found = source ? vs_cursor_positions(source, reader) : NULL;
        if (!found) return NULL;
        uint32_t n = vs_cursor_frequency(source), total = slot->merged_count + n;
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

/// A slot's weighted frequency in `docid`: of a word and its marked-query form, the latter's
/// positions hold the former's (FTS5 counts each position once), so the larger weight is the
/// weight of their union.
static uint32_t slot_weight(const Slot *slot, uint32_t docid) {
    uint32_t weighted = 0;
    for (int a = 0; a < slot->count; a++) {
        const VSCursor *cursor = &slot->alternatives[a].cursor;
        if (cursor->docid == docid && vs_cursor_weighted(cursor) > weighted) weighted = vs_cursor_weighted(cursor);
    }
    return weighted;
}

/// The one cursor of a slot present in `docid` whose positions are the slot's, or NULL when
/// several forms are present (only in unmarked documents) and their positions must be merged.
static VSCursor *single_source(Slot *slot, uint32_t docid, VSReader *reader) {
    Alternative *only = NULL;
    for (int a = 0; a < slot->count; a++) {
        if (slot->alternatives[a].cursor.docid != docid) continue;
        if (only) return NULL;
        only = &slot->alternatives[a];
    }
    return only ? positions_source(only, docid, reader) : NULL;
}

enum { MAX_SLOTS = 64 };

/// Whether the streams' positions hold consecutive positions, one from each in order.
static int first_occurrence(VSStream *streams, int slots, VSReader *reader) {
    uint32_t start = 0;
    for (int s = 0; s < slots;) {
        uint32_t wanted = start + (uint32_t)s;
        if (!vs_stream_reach(&streams[s], wanted)) {
            if (streams[s].bad) reader->error = SQLITE_CORRUPT;
            return 0;
        }
        if (streams[s].value == wanted) {
            s++;
        } else {
            start = streams[s].value - (uint32_t)s;  // the phrase starts here at the earliest
            s = 0;
        }
    }
    return 1;
}

/// True (1) when the phrase's words stand in order somewhere in `docid` (whose slots all hold
/// it): the first occurrence is enough, so positions are read one at a time and no further.
/// -1 when a slot has several forms in the document (unmarked text): then they are merged.
static int phrase_stands(Phrase *phrase, uint32_t docid, VSReader *reader) {
    if (phrase->count == 1) return 1;
    int slots = phrase->count < MAX_SLOTS ? phrase->count : MAX_SLOTS;
    VSStream streams[MAX_SLOTS];
    VSCursor *sources[MAX_SLOTS];
    for (int s = 0; s < slots; s++) {
        sources[s] = single_source(&phrase->slots[s], docid, reader);
        if (!sources[s]) return reader->error ? 0 : -1;
        if (vs_stream_open(&streams[s], sources[s], reader) != 0) return 0;
    }
    int stands = first_occurrence(streams, slots, reader);
    for (int s = 0; s < slots; s++) vs_stream_leave(&streams[s], sources[s]);
    return stands;
}

/// Every occurrence of the phrase in `docid` (whose slots all hold it), into `matches`.
static int phrase_occurrences(Phrase *phrase, int index, uint32_t docid, Matches *matches, VSReader *reader) {
    const uint32_t *lists[MAX_SLOTS];
    uint32_t counts[MAX_SLOTS], at[MAX_SLOTS] = {0};
    int slots = phrase->count < MAX_SLOTS ? phrase->count : MAX_SLOTS, found_any = 0;
    for (int s = 0; s < slots; s++) {
        lists[s] = slot_positions(&phrase->slots[s], docid, &counts[s], reader);
        if (!lists[s]) return 0;
    }
    for (uint32_t i = 0; i < counts[0]; i++) {
        uint32_t start = lists[0][i];
        int found = 1;
        for (int s = 1; s < slots && found; s++) {
            while (at[s] < counts[s] && lists[s][at[s]] < start + (uint32_t)s) at[s]++;
            found = at[s] < counts[s] && lists[s][at[s]] == start + (uint32_t)s;
        }
        if (!found) continue;
        found_any = 1;
        if (matches && add_match(matches, start, index, slots) != 0) { reader->error = SQLITE_NOMEM; return 0; }
    }
    return found_any;
}

static uint32_t clause_seek(Clause *clause, uint32_t target, VSReader *reader) {
    uint32_t lowest = VS_END;
    if (clause->words) {
        for (int w = 0; w < clause->word_count; w++) {
            uint32_t docid = vs_cursor_seek(clause->words[w], target, reader);
            if (docid < lowest) lowest = docid;
        }
        return reader->error ? VS_END : lowest;
    }
    for (int p = 0; p < clause->count; p++) {
        uint32_t docid = phrase_seek(clause->phrases[p], target, reader);
        if (docid < lowest) lowest = docid;
    }
    return lowest;
}

/// Marks which of the clause's phrases stand in `docid`; true when one of them does.
static int clause_matches(Clause *clause, uint32_t docid, VSReader *reader) {
    int matched = 0;
    for (int p = 0; p < clause->count; p++) {
        Phrase *phrase = clause->phrases[p];
        phrase->matched = 0;
        if (!phrase_has(phrase, docid, reader)) continue;
        int stands = phrase_stands(phrase, docid, reader);
        if (stands < 0) stands = phrase_occurrences(phrase, -1, docid, NULL, reader);
        phrase->matched = stands > 0;
        matched |= phrase->matched;
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

/// Adds a hit to a heap not yet full, sifting it up.
static void push(Heap *heap, const VSHit *hit) {
    uint32_t i = heap->count++;
    heap->items[i] = *hit;
    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (!better(heap, &heap->items[parent], &heap->items[i])) break;
        VSHit swap = heap->items[i];
        heap->items[i] = heap->items[parent];
        heap->items[parent] = swap;
        i = parent;
    }
}

/// Keeps the best `capacity` hits, the worst of them at the root: inline, as once the heap is
/// full it turns nearly every document away. The hit is passed by address: a struct passed by
/// value is stored field by field and loaded whole, which stalls the store forwarding once for
/// every matching document.
static inline __attribute__((always_inline)) void offer(Heap *heap, const VSHit *hit) {
    if (heap->count < heap->capacity) {
        push(heap, hit);
    } else if (heap->capacity > 0 && better(heap, hit, &heap->items[0])) {
        heap->items[0] = *hit;
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
    VSCursor *positions_cursors;
    int positions_cursor_count;
    Slot *slots;
    Phrase *phrases;
    int phrase_count;
    Clause *clauses;
    int clause_count;
    Phrase **phrase_refs;
    VSCursor **word_cursors;
    Clause **positive;
    int positive_count;
    int words_only;  // every phrase is a single word: no position is ever read to match
    int filtered;    // a filter of the query may leave a live document out
    int dense;       // term at a time may read dense weights
    VSReader reader;
} Plan;

static int excluded_document(const VSQuery *query, uint32_t docid) {
    int low = 0, high = query->excluded_count;
    while (low < high) {
        int middle = (low + high) / 2;
        if (query->excluded[middle] < docid) low = middle + 1; else high = middle;
    }
    return low < query->excluded_count && query->excluded[low] == docid;
}

static int filtered(const VSQuery *query) {
    return query->types || query->groups || query->documents || query->has_year_from || query->has_year_to
        || query->excluded_count;
}

static inline __attribute__((always_inline)) int inside_filters(const VSTable *table, const VSQuery *query, uint32_t docid) {
    if (query->types && (table->type[docid] >= query->type_count || !query->types[table->type[docid]])) return 0;
    if (query->groups && (table->group[docid] >= query->group_count || !query->groups[table->group[docid]])) return 0;
    if (query->documents && (docid >= query->document_count || !query->documents[docid])) return 0;
    if ((query->has_year_from || query->has_year_to) && table->year[docid] == 0) return 0;
    if (query->has_year_from && table->year[docid] < query->year_from) return 0;
    if (query->has_year_to && table->year[docid] > query->year_to) return 0;
    return !query->excluded_count || !excluded_document(query, docid);
}

/// Live and inside the filters: asked of every matching document, so the filters are looked at
/// only when the query has one. A loop over the documents passes its own copies of the table,
/// the query and `filtered`, which the counts it stores cannot be taken to change.
static inline __attribute__((always_inline)) int admitted_in(const VSTable *table, const VSQuery *query, int filtered,
                                                             uint32_t docid) {
    if (docid >= table->count || !(table->flags[docid] & VS_LIVE)) return 0;
    return !filtered || inside_filters(table, query, docid);
}

static inline __attribute__((always_inline)) int admitted(const Plan *plan, uint32_t docid) {
    return admitted_in(plan->table, plan->query, plan->filtered, docid);
}

/// Gives each clause of one-word phrases its flat list of cursors (`capacity` of them in all).
static void gather_words(Plan *plan, int capacity) {
    VSCursor **next = plan->word_cursors;
    for (int c = 0; c < plan->clause_count; c++) {
        Clause *clause = &plan->clauses[c];
        int words = 1, needed = 0;
        for (int p = 0; p < clause->count; p++) {
            words &= clause->phrases[p]->count == 1;
            needed += clause->phrases[p]->slots[0].count;
        }
        if (!words || next + needed > plan->word_cursors + capacity) continue;
        clause->words = next;
        for (int p = 0; p < clause->count; p++) {
            Slot *slot = &clause->phrases[p]->slots[0];
            for (int a = 0; a < slot->count; a++) clause->words[clause->word_count++] = &slot->alternatives[a].cursor;
        }
        next += clause->word_count;
    }
}

static int build_plan(Plan *plan, VSReader *reader, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
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
    plan->positions_cursors = calloc((size_t)markers + 1, sizeof(VSCursor));
    plan->slots = calloc((size_t)slot_count + 1, sizeof(Slot));
    plan->phrases = calloc((size_t)phrase_count + 1, sizeof(Phrase));
    plan->clauses = calloc((size_t)clause_count + 1, sizeof(Clause));
    plan->phrase_refs = calloc((size_t)phrase_count + 1, sizeof(Phrase *));
    plan->word_cursors = calloc((size_t)alternatives + 1, sizeof(VSCursor *));
    plan->positive = calloc((size_t)clause_count + 1, sizeof(Clause *));
    if (!plan->alternatives || !plan->positions_cursors || !plan->slots || !plan->phrases || !plan->clauses
        || !plan->phrase_refs || !plan->word_cursors || !plan->positive) return SQLITE_NOMEM;
    for (int s = 0; s < slot_count; s++) {
        Slot *slot = &plan->slots[s];
        slot->alternatives = plan->alternatives + plan->alternative_count;
        slot->idf = slots[s].idf;
        for (int t = slots[s].first_term; t < slots[s].first_term + slots[s].terms; t++) {
            Alternative *alternative = &plan->alternatives[plan->alternative_count++];
            slot->count++;
            int rc = vs_cursor_open(&alternative->cursor, terms[t].rowids, terms[t].segments, reader);
            if (rc != SQLITE_OK) return rc;
            int source = terms[t].positions_from;
            if (source >= 0) {
                if (source >= term_count) return SQLITE_MISUSE;
                alternative->positions_cursor = &plan->positions_cursors[plan->positions_cursor_count++];
                rc = vs_cursor_open(alternative->positions_cursor, terms[source].rowids, terms[source].segments, reader);
                if (rc != SQLITE_OK) return rc;
            }
        }
    }
    for (int c = 0; c < clause_count; c++) {
        plan->clauses[c] = (Clause){plan->phrase_refs, 0, clauses[c].weight, clauses[c].excluded, 0, NULL, 0};
    }
    plan->clause_count = clause_count;
    // Phrases are grouped by clause (the archive writes them so): each clause's run of refs.
    for (int p = 0; p < phrase_count; p++) {
        const VSPhraseSpec *spec = &phrases[p];
        if (spec->clause < 0 || spec->clause >= clause_count || spec->first_slot < 0 || spec->slots < 1
            || spec->first_slot + spec->slots > slot_count || (p > 0 && spec->clause < phrases[p - 1].clause)) return SQLITE_MISUSE;
        Phrase *phrase = &plan->phrases[p];
        *phrase = (Phrase){plan->slots + spec->first_slot, spec->slots, spec->clause, 0, UINT64_MAX};
        for (int s = 0; s < phrase->count; s++) {
            uint64_t count = 0;
            for (int a = 0; a < phrase->slots[s].count; a++) count += vs_cursor_count(&phrase->slots[s].alternatives[a].cursor);
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
    plan->words_only = 1;
    for (int p = 0; p < phrase_count; p++) plan->words_only &= plan->phrases[p].count == 1;
    gather_words(plan, alternatives);
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
    for (int a = 0; a < plan->alternative_count; a++) vs_cursor_close(&plan->alternatives[a].cursor, &plan->reader);
    for (int c = 0; c < plan->positions_cursor_count; c++) vs_cursor_close(&plan->positions_cursors[c], &plan->reader);
    if (plan->slots) {
        for (int s = 0; plan->slots[s].alternatives; s++) free(plan->slots[s].merged);
    }
    free(plan->alternatives);
    free(plan->positions_cursors);
    free(plan->slots);
    free(plan->phrases);
    free(plan->clauses);
    free(plan->phrase_refs);
    free(plan->word_cursors);
    free(plan->positive);
}

/// The next candidate at or after `docid`: every clause, or (any) the nearest of them.
static uint32_t candidate(Plan *plan, uint32_t docid) {
    VSReader *reader = &plan->reader;
    if (plan->query->any_clause) {
        uint32_t lowest = VS_END;
        for (int c = 0; c < plan->positive_count; c++) {
            uint32_t found = clause_seek(plan->positive[c], docid, reader);
            if (found < lowest) lowest = found;
        }
        return lowest;
    }
    for (;;) {
        docid = clause_seek(plan->positive[0], docid, reader);
        if (docid == VS_END || reader->error) return VS_END;
        if (!admitted(plan, docid)) {
            docid++;
            continue;
        }
        int agreed = 1;
        for (int c = 1; c < plan->positive_count && agreed; c++) {
            uint32_t found = clause_seek(plan->positive[c], docid, reader);
            if (found == VS_END) return VS_END;
            if (found != docid) {
                docid = found;
                agreed = 0;
            }
        }
        if (agreed) return docid;
    }
}

/// Scores a candidate of a query of words alone (no phrase of two or more): the cursors stand at
/// or after it already (candidate() moved them there), so a word is in it when one of its forms
/// stands on it.
static int evaluate_words(Plan *plan, uint32_t docid, VSHit *hit) {
    VSReader *reader = &plan->reader;
    for (int c = 0; c < plan->clause_count; c++) {
        if (plan->clauses[c].excluded && clause_matches(&plan->clauses[c], docid, reader)) return 0;
    }
    double score = 0, coverage = 0, norm = plan->table->norm[docid];
    int last_clause = -1;
    for (int p = 0; p < plan->phrase_count; p++) {
        Phrase *phrase = &plan->phrases[p];
        const Clause *clause = &plan->clauses[phrase->clause];
        if (clause->excluded) continue;
        uint32_t weighted = slot_weight(&phrase->slots[0], docid);
        if (weighted == 0) continue;
        if (phrase->clause != last_clause) {
            coverage += clause->weight;
            last_clause = phrase->clause;
        }
        score += vv_phrase_score(phrase->slots[0].idf, (int)weighted, norm);
    }
    if (last_clause < 0) return 0;
    *hit = (VSHit){docid, score, plan->query->any_clause ? coverage : 0};
    return 1;
}

/// Scores a candidate; false when its phrases do not stand in order, an excluded clause
/// matches, or (all) a clause fails.
static int evaluate(Plan *plan, uint32_t docid, VSHit *hit) {
    VSReader *reader = &plan->reader;
    if (plan->query->any_clause && !admitted(plan, docid)) return 0;  // candidate() admitted it otherwise
    if (plan->words_only) return evaluate_words(plan, docid, hit);
    double coverage = 0;
    int any = 0;
    for (int c = 0; c < plan->clause_count; c++) {
        Clause *clause = &plan->clauses[c];
        if (clause->excluded) continue;
        int matched = clause_matches(clause, docid, reader);
        if (!matched && !plan->query->any_clause) return 0;
        if (matched) {
            coverage += clause->weight;
            any = 1;
        }
    }
    if (!any) return 0;
    for (int c = 0; c < plan->clause_count; c++) {
        if (plan->clauses[c].excluded && clause_matches(&plan->clauses[c], docid, reader)) return 0;
    }
    double score = 0, norm = plan->table->norm[docid];
    // A phrase scores as its words do (the phrase itself only decides whether it matches).
    for (int p = 0; p < plan->phrase_count; p++) {
        Phrase *phrase = &plan->phrases[p];
        if (plan->clauses[phrase->clause].excluded || !phrase->matched) continue;
        for (int s = 0; s < phrase->count; s++) {
            Slot *slot = &phrase->slots[s];
            score += vv_phrase_score(slot->idf, (int)slot_weight(slot, docid), norm);
        }
    }
    *hit = (VSHit){docid, score, plan->query->any_clause ? coverage : 0};
    return 1;
}

/// The total and the facets being counted, held apart from the result so that a loop over the
/// documents keeps them in registers (stores through the result's arrays would make the
/// compiler read its fields again after each).
typedef struct {
    uint32_t total;
    uint32_t *types, *labels, *years;
    uint32_t type_count, label_count;
    const uint8_t *type;
    const uint16_t *label, *year;
} Counter;

static Counter counter(const VSResult *result, const VSTable *table) {
    return (Counter){0, result->facets[0], result->facets[1], result->facets[2], (uint32_t)result->facet_counts[0],
                     (uint32_t)result->facet_counts[1], table->type, table->label, table->year};
}

static inline __attribute__((always_inline)) void count_facets(Counter *counter, uint32_t docid) {
    counter->total++;
    if (counter->type[docid] < counter->type_count) counter->types[counter->type[docid]]++;
    if (counter->label[docid] < counter->label_count) counter->labels[counter->label[docid]]++;
    uint32_t year = (uint32_t)counter->year[docid] - vs_year_base;  // no year (0) wraps past the last
    if (year < (uint32_t)vs_year_count) counter->years[year]++;
}

/// Document at a time over the ids [from, to): each candidate the rarest clause gives is sought
/// in the others, then scored (its phrases checked in order where there are any).
static int run_by_documents(Plan *plan, VSResult *result, Heap *heap, uint32_t from, uint32_t to) {
    Counter counts = counter(result, plan->table);
    for (uint32_t docid = from;; docid++) {
        docid = candidate(plan, docid);
        if (docid >= to) break;
        VSHit hit;
        if (evaluate(plan, docid, &hit)) {
            count_facets(&counts, docid);
            offer(heap, &hit);
        }
        if (plan->reader.error) break;
    }
    result->total += counts.total;
    return plan->reader.error;
}

// MARK: Term at a time

/// A query of words whose lists cover much of the archive is read term at a time: each list
/// straight through, a block of arrays at a time, into per-document sums; then one pass over
/// the documents counts, filters and ranks them. Document at a time, each of those documents
/// costs a seek per form and a division waiting on the last; here the lists stream and the
/// divisions overlap. The sums are made in phrase order, as evaluate_words() makes them, so
/// the scores are the same bits and the same documents come out.
typedef struct {
    double *score, *coverage;
    uint16_t *clauses;  // positive clauses present
    uint16_t *seen;     // the last clause (+1) counted for the document
    uint32_t *weight;   // a slot's largest weighted frequency so far, while its forms are read
    uint32_t *touched;  // the documents `weight` holds
    uint8_t *excluded;
} Sums;

static void free_sums(Sums *sums) {
    free(sums->score);
    free(sums->coverage);
    free(sums->clauses);
    free(sums->seen);
    free(sums->weight);
    free(sums->touched);
    free(sums->excluded);
}

/// Whether term at a time reads the slot's weights from dense weights: a segment of one of
/// its forms has them.
static int dense_slot(const Plan *plan, const Slot *slot) {
    if (!plan->dense) return 0;
    for (int a = 0; a < slot->count; a++) {
        const VSCursor *cursor = &slot->alternatives[a].cursor;
        for (int s = 0; s < cursor->segment_count; s++) {
            if (cursor->segments[s].header.dense_count) return 1;
        }
    }
    return 0;
}

/// The sums of a query over `count` documents. Zeroing them is a part of the query's cost, so
/// only those the query needs are made: coverage for "any word", the weights of a word's forms
/// where a slot has several or dense weights, the documents excluded where a clause excludes.
static int alloc_sums(Sums *sums, uint32_t count, const Plan *plan) {
    int forms = 0, weights = 0, excluding = 0;
    for (int p = 0; p < plan->phrase_count; p++) {
        forms |= plan->phrases[p].slots[0].count > 1;
        weights |= dense_slot(plan, &plan->phrases[p].slots[0]);
        excluding |= plan->clauses[plan->phrases[p].clause].excluded;
    }
    weights |= forms;
    int any = plan->query->any_clause;
    *sums = (Sums){calloc(count, sizeof(double)), any ? calloc(count, sizeof(double)) : NULL, calloc(count, sizeof(uint16_t)),
                   calloc(count, sizeof(uint16_t)), weights ? calloc(count, sizeof(uint32_t)) : NULL,
                   forms ? malloc(sizeof(uint32_t) * count) : NULL, excluding ? calloc(count, 1) : NULL};
    int ok = sums->score && (!any || sums->coverage) && sums->clauses && sums->seen && (!weights || sums->weight)
             && (!forms || sums->touched) && (!excluding || sums->excluded);
    if (!ok) free_sums(sums);
    return ok ? SQLITE_OK : SQLITE_NOMEM;
}

/// The documents the candidates come from: the rarest clause's, or (any) every clause's.
static uint64_t lead_cost(const Plan *plan) {
    if (!plan->query->any_clause) return plan->positive[0]->cost;
    uint64_t lead = 0;
    for (int c = 0; c < plan->positive_count; c++) lead += plan->positive[c]->cost;
    return lead;
}

/// True when reading every list beats seeking through the rarest clause's: the pass over the
/// documents and the streaming pay off once that clause holds an eighth of them.
static int by_terms(const Plan *plan) {
    if (!plan->words_only || plan->table->count == 0 || plan->clause_count > UINT16_MAX) return 0;
    if (plan->query->strategy) return plan->query->strategy == 2 || plan->query->strategy == 3;
    return lead_cost(plan) * 8 >= plan->table->count;
}

static void add_phrase(Sums *sums, const Plan *plan, const Clause *clause, uint32_t docid, uint32_t weighted, double idf) {
    uint16_t stamp = (uint16_t)(clause - plan->clauses + 1);  // by_terms() reads no more than UINT16_MAX clauses
    if (sums->seen[docid] != stamp) {
        sums->seen[docid] = stamp;
        sums->clauses[docid]++;
        if (sums->coverage) sums->coverage[docid] += clause->weight;
    }
    sums->score[docid] += vv_phrase_score(idf, (int)weighted, plan->table->norm[docid]);
}

/// Each document's largest weight over the slot's forms, into `weight`: from a segment's dense
/// weights where it has them, else from its entries.
static void gather_weights(uint32_t *weight, Plan *plan, const Slot *slot) {
    VSReader *reader = &plan->reader;
    uint32_t count = plan->table->count;
    for (int a = 0; a < slot->count; a++) {
        VSCursor *cursor = &slot->alternatives[a].cursor;
        while (cursor->docid != VS_END && !reader->error) {
            VSDense dense;
            int has = vs_cursor_dense(cursor, &dense, reader);
            if (has < 0) return;
            if (!has) {
                int segment = cursor->segment;
                for (; cursor->docid != VS_END && cursor->segment == segment; vs_cursor_next_block(cursor, reader)) {
                    for (uint32_t i = cursor->index; i < cursor->block_count; i++) {
                        uint32_t docid = cursor->docids[i];
                        if (docid < count && cursor->weights[i] > weight[docid]) weight[docid] = cursor->weights[i];
                    }
                }
                continue;
            }
            uint32_t n = dense.from >= count ? 0 : count - dense.from < dense.count ? count - dense.from : dense.count;
            for (uint32_t i = 0; i < n; i++) {
                uint32_t w = dense.weights[i], *to = &weight[dense.from + i];
                *to = w > *to ? w : *to;
            }
            for (uint32_t e = 0; e < dense.exceptions; e++) {  // 255 stands for these, which are more
                uint32_t docid = vs_get_u32(dense.exception_pairs + 8 * e), w = vs_get_u32(dense.exception_pairs + 8 * e + 4);
                if (docid < count && w > weight[docid]) weight[docid] = w;
            }
            vs_cursor_next_segment(cursor, reader);
        }
    }
}

/// Term at a time over a slot with dense weights: its weights gathered, then one pass over every
/// document. A word alone in its clause, in a query of every word, is summed without a branch:
/// where it is absent, its weight is 0 and it adds 0 to the score (0 over the norm).
static void sum_dense(Sums *sums, Plan *plan, const Phrase *phrase) {
    const Clause *clause = &plan->clauses[phrase->clause];
    const Slot *slot = &phrase->slots[0];
    uint32_t *weight = sums->weight, count = plan->table->count;
    gather_weights(weight, plan, slot);
    if (clause->excluded) {
        for (uint32_t docid = 0; docid < count; docid++) {
            sums->excluded[docid] |= weight[docid] != 0;
            weight[docid] = 0;
        }
    } else if (clause->count == 1 && !sums->coverage) {
        const double *norm = plan->table->norm;
        double idf = slot->idf;
        for (uint32_t docid = 0; docid < count; docid++) {
            uint32_t w = weight[docid];
            sums->clauses[docid] += w != 0;
            sums->score[docid] += vv_phrase_score(idf, (int)w, norm[docid]);
            weight[docid] = 0;
        }
    } else {
        for (uint32_t docid = 0; docid < count; docid++) {
            if (!weight[docid]) continue;
            add_phrase(sums, plan, clause, docid, weight[docid], slot->idf);
            weight[docid] = 0;
        }
    }
}

static void sum_phrase(Sums *sums, Plan *plan, const Phrase *phrase) {
    if (dense_slot(plan, &phrase->slots[0])) {
        sum_dense(sums, plan, phrase);
        return;
    }
    VSReader *reader = &plan->reader;
    const Clause *clause = &plan->clauses[phrase->clause];
    const Slot *slot = &phrase->slots[0];
    uint32_t count = plan->table->count, touched = 0;
    for (int a = 0; a < slot->count; a++) {
        VSCursor *cursor = &slot->alternatives[a].cursor;
        for (; cursor->docid != VS_END && !reader->error; vs_cursor_next_block(cursor, reader)) {
            for (uint32_t i = cursor->index; i < cursor->block_count; i++) {
                uint32_t docid = cursor->docids[i], weighted = cursor->weights[i];
                if (docid >= count) continue;
                if (clause->excluded) {
                    sums->excluded[docid] = 1;
                } else if (slot->count == 1) {
                    add_phrase(sums, plan, clause, docid, weighted, slot->idf);
                } else {  // of a word's forms in one document, the largest weight counts (slot_weight())
                    if (sums->weight[docid] == 0) sums->touched[touched++] = docid;
                    if (weighted > sums->weight[docid]) sums->weight[docid] = weighted;
                }
            }
        }
    }
    for (uint32_t t = 0; t < touched; t++) {
        uint32_t docid = sums->touched[t];
        add_phrase(sums, plan, clause, docid, sums->weight[docid], slot->idf);
        sums->weight[docid] = 0;
    }
}

/// The pass after the sums: each document every clause holds (any: one), live and inside the
/// filters, is counted and offered. A function of its own, so that its loop keeps its few values
/// in registers.
static __attribute__((noinline)) void rank_sums(const Sums *sums, const Plan *plan, VSResult *result, Heap *heap) {
    const VSTable table = *plan->table;
    const VSQuery query = *plan->query;
    const int filtered = plan->filtered;
    const uint16_t wanted = query.any_clause ? 1 : (uint16_t)plan->positive_count;
    const uint16_t *clauses = sums->clauses;
    const uint8_t *excluded = sums->excluded;
    const double *score = sums->score, *coverage = sums->coverage;
    Counter counts = counter(result, &table);
    for (uint32_t docid = 1; docid < table.count; docid++) {
        if (clauses[docid] < wanted || (excluded && excluded[docid]) || !admitted_in(&table, &query, filtered, docid)) continue;
        count_facets(&counts, docid);
        VSHit hit = {docid, score[docid], coverage ? coverage[docid] : 0};
        offer(heap, &hit);
    }
    result->total = counts.total;
}

static int run_by_terms(Plan *plan, VSResult *result, Heap *heap) {
    Sums sums;
    int rc = alloc_sums(&sums, plan->table->count, plan);
    if (rc != SQLITE_OK) return rc;
    for (int p = 0; p < plan->phrase_count && !plan->reader.error; p++) sum_phrase(&sums, plan, &plan->phrases[p]);
    if (!plan->reader.error) rank_sums(&sums, plan, result, heap);
    free_sums(&sums);
    return plan->reader.error;
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
    VSReader *reader = &plan->reader;
    for (int a = 0; a < plan->alternative_count; a++) vs_cursor_rewind(&plan->alternatives[a].cursor, reader);
    for (int c = 0; c < plan->positions_cursor_count; c++) vs_cursor_rewind(&plan->positions_cursors[c], reader);
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
            phrase_occurrences(phrase, p, docid, matches, reader);
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

/// A result with its facet counts zeroed and no hits yet; NULL out of memory.
static VSResult *new_result(const VSTable *table) {
    VSResult *result = calloc(1, sizeof *result);
    if (!result) return NULL;
    result->facet_counts[0] = (int)table->type_count;
    result->facet_counts[1] = (int)table->label_count;
    result->facet_counts[2] = vs_year_count;
    for (int f = 0; f < 3; f++) {
        result->facets[f] = calloc((size_t)result->facet_counts[f] + 1, sizeof(uint32_t));
        if (!result->facets[f]) { vs_result_free(result); return NULL; }
    }
    return result;
}

/// The query as given to vs_search, for building a plan again on another thread.
typedef struct {
    const VSTermSpec *terms;
    const VSSlotSpec *slots;
    const VSPhraseSpec *phrases;
    const VSClauseSpec *clauses;
    int term_count, slot_count, phrase_count, clause_count;
} Specs;

static int plan_query(Plan *plan, const VSTable *table, const VSQuery *query, void *db, const Specs *specs) {
    *plan = (Plan){.table = table, .query = query, .filtered = filtered(query), .dense = query->strategy != 3, .reader = {db, 0, NULL}};
    return build_plan(plan, &plan->reader, specs->terms, specs->term_count, specs->slots, specs->slot_count, specs->phrases,
                      specs->phrase_count, specs->clauses, specs->clause_count);
}

// MARK: Two threads

/// A query read document at a time over thousands of documents with phrases (each candidate's
/// positions checked) runs on two threads, each over cursors of its own, taking ranges of
/// document ids in turn (so that neither waits long for the other, wherever the matches lie;
/// each thread's ranges increase, as its cursors only move forward). The threads' totals,
/// facets and best documents are then joined, which is what one pass gives: a document's
/// score does not depend on the others, and `better` orders hits totally, so the best of
/// the union are the best of each thread's best.
///
/// The two threads take about a fifth more CPU than one thread alone (measured on a 2-core
/// machine), so a query splits only while no other search of the process runs (a server
/// under load would lose by it) and the machine has more than one core.
enum { SPLIT_FROM = 4096, RANGES = 8 };

static _Atomic int searches_running;
static _Atomic long cores;  // read once: glibc reads /sys for it at each call

static int splits(const Plan *plan) {
    if (plan->query->strategy) return plan->query->strategy == 4;
    if (plan->words_only || lead_cost(plan) < SPLIT_FROM || searches_running != 1) return 0;
    if (cores == 0) cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 1;
}

/// The ranges of ids both threads take from.
typedef struct {
    pthread_mutex_t lock;  // also held around each call into SQLite (see VSReader)
    uint32_t next, size, count;
} Ranges;

typedef struct {
    Plan *plan;
    VSResult *result;
    Heap *heap;
    Ranges *ranges;
    int rc;
} Share;

static void *run_share(void *argument) {
    Share *share = argument;
    for (;;) {
        pthread_mutex_lock(&share->ranges->lock);
        uint32_t range = share->ranges->next++;
        pthread_mutex_unlock(&share->ranges->lock);
        if (range >= share->ranges->count || share->rc != SQLITE_OK) break;
        uint32_t from = range * share->ranges->size, to = range + 1 == share->ranges->count ? VS_END : from + share->ranges->size;
        share->rc = run_by_documents(share->plan, share->result, share->heap, from > 0 ? from : 1, to);
    }
    return NULL;
}

/// Adds the second thread's counts and best documents to the first's.
static void join_shares(VSResult *result, Heap *heap, const VSResult *other, const Heap *other_heap) {
    result->total += other->total;
    for (int f = 0; f < 3; f++) {
        for (int i = 0; i < result->facet_counts[f]; i++) result->facets[f][i] += other->facets[f][i];
    }
    for (uint32_t h = 0; h < other_heap->count; h++) offer(heap, &other_heap->items[h]);
}

static int run_split(Plan *plan, const Specs *specs, VSResult *result, Heap *heap) {
    Plan other;
    int rc = plan_query(&other, plan->table, plan->query, plan->reader.db, specs);
    VSResult *other_result = rc == SQLITE_OK ? new_result(plan->table) : NULL;
    Heap other_heap = {calloc((size_t)heap->capacity + 1, sizeof(VSHit)), 0, heap->capacity, heap->by_date, heap->table};
    if (rc == SQLITE_OK && (!other_result || !other_heap.items)) rc = SQLITE_NOMEM;
    Ranges ranges = {.next = 0, .size = (plan->table->count + RANGES - 1) / RANGES, .count = RANGES};
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_ADAPTIVE_NP);
    if (rc == SQLITE_OK && pthread_mutex_init(&ranges.lock, &attributes) != 0) rc = SQLITE_NOMEM;
    pthread_mutexattr_destroy(&attributes);
    if (rc == SQLITE_OK) {
        Share mine = {plan, result, heap, &ranges, SQLITE_OK}, theirs = {&other, other_result, &other_heap, &ranges, SQLITE_OK};
        pthread_t thread;
        plan->reader.lock = other.reader.lock = &ranges.lock;
        int threaded = pthread_create(&thread, NULL, run_share, &theirs) == 0;
        run_share(&mine);  // without a second thread, this one takes every range
        if (threaded) pthread_join(thread, NULL);
        plan->reader.lock = other.reader.lock = NULL;
        pthread_mutex_destroy(&ranges.lock);
        rc = mine.rc != SQLITE_OK ? mine.rc : theirs.rc;
        if (rc == SQLITE_OK) join_shares(result, heap, other_result, &other_heap);
    }
    free_plan(&other);
    vs_result_free(other_result);
    free(other_heap.items);
    return rc;
}

static int run_query(Plan *plan, const Specs *specs, VSResult *result, Heap *heap) {
    if (by_terms(plan)) return run_by_terms(plan, result, heap);
    if (splits(plan)) return run_split(plan, specs, result, heap);
    return run_by_documents(plan, result, heap, 1, VS_END);
}

static int search(void *db, const VSTable *table, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
                  int slot_count, const VSPhraseSpec *phrases, int phrase_count, const VSClauseSpec *clauses,
                  int clause_count, const VSQuery *query, VSResult **out) {
    *out = NULL;
    VSResult *result = new_result(table);
    if (!result) return SQLITE_NOMEM;
    const Specs specs = {terms, slots, phrases, clauses, term_count, slot_count, phrase_count, clause_count};
    Plan plan;
    int rc = plan_query(&plan, table, query, db, &specs);
    uint32_t capacity = query->matches_of_count > 0 ? (uint32_t)query->matches_of_count : query->top;
    Heap heap = {calloc((size_t)capacity + 1, sizeof(VSHit)), 0, capacity, query->by_date, table};
    if (rc == SQLITE_OK && !heap.items) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK && query->matches_of_count > 0) {
        for (int i = 0; i < query->matches_of_count; i++) heap.items[i] = (VSHit){query->matches_of[i], 0, 0};
        heap.count = capacity;
        result->hits = heap.items;
        result->hit_count = heap.count;
        rc = collect_matches(&plan, result);
        free_plan(&plan);
        if (rc != SQLITE_OK) { vs_result_free(result); return rc; }
        *out = result;
        return SQLITE_OK;
    }
    if (rc == SQLITE_OK) rc = run_query(&plan, &specs, result, &heap);
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

int vs_search(void *db, const VSTable *table, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
              int slot_count, const VSPhraseSpec *phrases, int phrase_count, const VSClauseSpec *clauses,
              int clause_count, const VSQuery *query, VSResult **out) {
    searches_running++;
    int rc = search(db, table, terms, term_count, slots, slot_count, phrases, phrase_count, clauses, clause_count, query, out);
    searches_running--;
    return rc;
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
