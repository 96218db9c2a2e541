#ifndef VANBAN_SEARCH_H
#define VANBAN_SEARCH_H

/// vanban's search index: document-level postings with positions, kept beside FTS5 so that a
/// query is ranked over every matching document in a few milliseconds (FTS5 ranks its
/// matches only by scoring each one through SQL). Only plain C types cross this header.
///
/// Index time: `VSDocument` tokenizes one document's columns (any thread); `VSBuilder` gathers
/// documents into postings, one list per term (the writer); `VSMerge` joins the lists of one
/// term from several segments. Query time: `VSTable` holds every document's length and
/// facets; `vs_search` evaluates a query over the postings stored in SQLite.

#include <stddef.h>
#include <stdint.h>

// MARK: Documents

typedef struct VSDocument VSDocument;

/// Tokenizes a document's three columns as FTS5 is given them (title, headings, bodies;
/// UTF-8). Returns NULL when out of memory.
VSDocument *vs_document_new(const char *title, int title_length, const char *heading, int heading_length,
                            const char *body, int body_length);
void vs_document_free(VSDocument *document);
/// The document's tokens, as FTS5 counts them (passage boundaries included).
uint32_t vs_document_length(const VSDocument *document);
/// The tokens of one column (0 title, 1 headings, 2 bodies).
uint32_t vs_document_column_tokens(const VSDocument *document, int column);
/// Where each passage of the heading (column 1) or body (column 2) column starts, as a token
/// position of the document; returns how many passages the column holds.
int vs_document_passage_starts(const VSDocument *document, int column, const uint32_t **starts);
/// The distinct terms of the document; `vs_document_term` gives one.
int vs_document_term_count(const VSDocument *document);
const char *vs_document_term(const VSDocument *document, int index, int *length);

// MARK: Postings

/// One term's postings in one segment: `docs` (count, skip table, then per document its id
/// and frequency, and for a common word its weights a byte per id) and `positions` (per document the positions, delta-coded; NULL for terms
/// whose positions are those of another, see `VSTermSpec`).
typedef struct {
    const char *term;
    int term_length;
    uint32_t count;
    const uint8_t *docs;
    size_t docs_length;
    const uint8_t *positions;
    size_t positions_length;
} VSPostings;

typedef struct VSBuilder VSBuilder;

VSBuilder *vs_builder_new(void);
void vs_builder_free(VSBuilder *builder);
/// Adds a document; ids must increase from one call to the next. Returns 0, or -1 out of memory.
int vs_builder_add(VSBuilder *builder, uint32_t docid, const VSDocument *document);
/// Bytes the gathered postings take, to decide when to write a segment out.
size_t vs_builder_memory(const VSBuilder *builder);
/// Sorts the terms (byte order) and returns how many there are; `vs_builder_postings` then
/// gives each, valid until `vs_builder_clear`.
uint32_t vs_builder_finish(VSBuilder *builder);
int vs_builder_postings(VSBuilder *builder, uint32_t index, VSPostings *out);
void vs_builder_clear(VSBuilder *builder);

typedef struct VSMerge VSMerge;

/// Joins one term's postings from segments given in increasing document order, dropping the
/// documents `live` does not mark (a byte per document id; NULL keeps all).
VSMerge *vs_merge_new(const uint8_t *live, uint32_t live_count);
/// Returns 0, or -1 when a list is damaged or memory runs out.
int vs_merge_add(VSMerge *merge, const uint8_t *docs, size_t docs_length, const uint8_t *positions,
                 size_t positions_length);
void vs_merge_result(VSMerge *merge, VSPostings *out);
void vs_merge_free(VSMerge *merge);

/// 0 when a `docs` blob is whole: its entries read to its end, and its dense weights say what
/// they do; -1 when it is damaged.
int vs_postings_check(const uint8_t *docs, size_t docs_length);

// MARK: Queries

typedef struct VSTable VSTable;

/// The documents' attributes, packed by the archive (see SearchTable.swift), with each one's
/// BM25 length norm against `average_length`: NULL when the blob is malformed.
VSTable *vs_table_new(const uint8_t *blob, size_t length, double average_length);
void vs_table_free(VSTable *table);
/// One past the highest document id the table knows.
uint32_t vs_table_count(const VSTable *table);

/// A term of a query: its postings rows (search_postings rowids, one a segment, in order).
/// A marked-query form has no positions of its own: `positions_from` names the query term
/// (its folded form) whose positions are its positions; -1 for a term with its own.
typedef struct {
    const int64_t *rowids;
    int segments;
    int positions_from;
} VSTermSpec;

/// One position of a phrase: the terms that may stand there (a word's forms), and the word's
/// inverse document frequency.
typedef struct {
    int first_term, terms;
    double idf;
} VSSlotSpec;

/// A phrase (one or more positions) and its clause. A matching phrase scores as its words do.
typedef struct {
    int first_slot, slots;
    int clause;
} VSPhraseSpec;

/// A clause: any of its phrases. `weight` counts in "any word" queries; an excluded clause
/// must not match.
typedef struct {
    double weight;
    int excluded;
} VSClauseSpec;

typedef struct {
    /// 0: every clause must match; 1: any (ranked by the weight of the clauses matched first).
    int any_clause;
    /// Rank by date (newest first), then score.
    int by_date;
    /// How many of the best documents to return.
    uint32_t top;
    /// Filters: a byte per type id / issuer group id (NULL: any), a year range (each end
    /// only when its flag is set; a document without a year is then left out), and documents
    /// left out (sorted ids).
    const uint8_t *types;
    int type_count;
    const uint8_t *groups;
    int group_count;
    /// A byte per document id (NULL: any).
    const uint8_t *documents;
    uint32_t document_count;
    int has_year_from, has_year_to;
    int year_from, year_to;
    const uint32_t *excluded;
    int excluded_count;
    /// Collect each returned document's match positions (for its best passages).
    int positions;
    /// How to read the lists: 0, the cheaper by their lengths; 1, document at a time; 2, term
    /// at a time (queries of words alone; others are read document at a time), a common word's
    /// weights read from its dense weights; 3, term at a time from the entries alone; 4,
    /// document at a time on two threads, which take eighths of the ids in turn (what 0 does
    /// for phrases over thousands of documents while no other search runs). Every way gives the same answer: the choice is
    /// there for tests to check that.
    int strategy;
    /// Rank nothing: return these documents (as given, score 0) with their matches, when set.
    const uint32_t *matches_of;
    int matches_of_count;
} VSQuery;

typedef struct {
    uint32_t docid;
    double score;
    double coverage;
} VSHit;

/// A match inside a returned document: the phrase, where it starts, and its length in tokens.
typedef struct {
    uint32_t position;
    uint16_t phrase;
    uint16_t length;
} VSMatch;

typedef struct VSResult VSResult;

/// Evaluates a query over the postings of `db` (a sqlite3*, read inside a transaction).
/// Returns 0, or an SQLite error code (a damaged list gives SQLITE_CORRUPT).
int vs_search(void *db, const VSTable *table, const VSTermSpec *terms, int term_count, const VSSlotSpec *slots,
              int slot_count, const VSPhraseSpec *phrases, int phrase_count, const VSClauseSpec *clauses,
              int clause_count, const VSQuery *query, VSResult **out);
/// Matching documents, all of them.
uint32_t vs_result_total(const VSResult *result);
/// The best `top` documents, best first.
int vs_result_hits(const VSResult *result, const VSHit **hits);
/// Counts of matching documents by type id (facet 0), issuer label id (1) and year (2,
/// indexed from `vs_year_base`).
int vs_result_facet(const VSResult *result, int facet, const uint32_t **counts);
/// The matches inside hit `index` (when asked for), in position order.
int vs_result_matches(const VSResult *result, int index, const VSMatch **matches);
void vs_result_free(VSResult *result);

enum { vs_year_base = 1900, vs_year_count = 256 };

#endif
