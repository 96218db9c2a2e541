// The FTS5 tokenizer "vietnamese". Each word is indexed twice at one position (colocated):
// its exact form, so a query typed with marks matches those marks, and its folded form, so a
// query typed without marks matches any. Offsets point into the original text, so highlight()
// and snippet() show the text as written.
#define SQLITE_CORE 1  // sqlite3ext.h only for the api struct; calls go through it explicitly
#include <sqlite3.h>
#include <sqlite3ext.h>

#include "viet_text.h"
#include "viet_score.h"
#include "fold_internal.h"
#include "words_internal.h"
#include "host_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

typedef struct { int unused; } VietTokenizer;

static int vt_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out) {
    (void)ctx; (void)args; (void)nargs;
    vv_tables_ready();
    VietTokenizer *tokenizer = calloc(1, sizeof *tokenizer);
    if (!tokenizer) return SQLITE_NOMEM;
    *out = (Fts5Tokenizer *)tokenizer;
    return SQLITE_OK;
}

static void vt_delete(Fts5Tokenizer *tokenizer) { free(tokenizer); }

typedef int (*TokenCallback)(void *, int, const char *, int, int, int);

/// Emits one word's forms at one position. A document word: its exact form, its folded form
/// (colocated, when it differs), and in an unmarked document the marked-query form
/// (colocated). A query word typed with marks: its exact form, and the marked-query form
/// (colocated) so that it also finds unmarked documents; one typed without: its folded form.
static int emit_word(void *ctx, int query, int unmarked, const char *text, int start, int end, TokenCallback emit) {
    VVForms forms;
    // Every word takes a position (vv_token_positions counts on it), even one ICU cannot read.
    if (vv_forms(text + start, end - start, &forms) != 0) return emit(ctx, 0, text + start, end - start, start, end);
    char marked_query[sizeof forms.folded + 1];
    marked_query[0] = VV_UNMARKED_PREFIX;
    memcpy(marked_query + 1, forms.folded, (size_t)forms.folded_len);
    if (query) {
        if (!forms.marked) return emit(ctx, 0, forms.folded, forms.folded_len, start, end);
        int rc = emit(ctx, 0, forms.exact, forms.exact_len, start, end);
        return rc == SQLITE_OK ? emit(ctx, FTS5_TOKEN_COLOCATED, marked_query, forms.folded_len + 1, start, end) : rc;
    }
    int rc = emit(ctx, 0, forms.exact, forms.exact_len, start, end);
    int same = forms.exact_len == forms.folded_len
            && memcmp(forms.exact, forms.folded, (size_t)forms.exact_len) == 0;
    if (rc == SQLITE_OK && !same) {
        rc = emit(ctx, FTS5_TOKEN_COLOCATED, forms.folded, forms.folded_len, start, end);
    }
    if (rc == SQLITE_OK && unmarked) {
        rc = emit(ctx, FTS5_TOKEN_COLOCATED, marked_query, forms.folded_len + 1, start, end);
    }
    return rc;
}

static int starts_with(const char *text, int length, int i, const char *bytes) {
    int n = (int)strlen(bytes);
    return i + n <= length && memcmp(text + i, bytes, (size_t)n) == 0;
}

/// The next word or passage boundary of `text` from `*i`: its byte range; false at the end.
static int next_unit(const char *text, int length, int *i, int *start, int *end, int *boundary) {
    while (*i < length) {
        *start = *i;
        UChar32 c;
        U8_NEXT(text, *i, length, c);
        if (c == VV_BOUNDARY_CHAR) {
            *end = *i;
            *boundary = 1;
            return 1;
        }
        if (!vv_is_word_char(c)) continue;
        *end = *i;
        while (*end < length) {
            int next = *end;
            U8_NEXT(text, next, length, c);
            if (!vv_is_word_char(c)) break;
            *end = next;
        }
        *i = *end;
        *boundary = 0;
        return 1;
    }
    return 0;
}

int vv_tokenize(const char *text, int length, int query, void *ctx, TokenCallback emit) {
    vv_tables_ready();
    int i = 0, unmarked = 0, start = 0, end = 0, boundary = 0;
    if (!query && starts_with(text, length, 0, VV_UNMARKED_MARK)) {
        unmarked = 1;
        i = (int)strlen(VV_UNMARKED_MARK);
    }
    while (next_unit(text, length, &i, &start, &end, &boundary)) {
        int rc;
        if (boundary) {
            // A passage boundary takes a position of its own, so no phrase reaches across it.
            rc = query ? SQLITE_OK : emit(ctx, 0, VV_BOUNDARY_TOKEN, (int)strlen(VV_BOUNDARY_TOKEN), start, end);
        } else {
            rc = emit_word(ctx, query, unmarked, text, start, end, emit);
        }
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

int vv_token_positions(const char *text, int length, int32_t *starts, int32_t *ends, int capacity) {
    vv_tables_ready();
    int i = 0, start = 0, end = 0, boundary = 0, count = 0;
    if (starts_with(text, length, 0, VV_UNMARKED_MARK)) i = (int)strlen(VV_UNMARKED_MARK);
    while (count <= capacity && next_unit(text, length, &i, &start, &end, &boundary)) {
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
        }
        count++;
    }
    return count;
}

static int vt_tokenize(Fts5Tokenizer *tokenizer, void *ctx, int flags, const char *text, int length,
                       TokenCallback emit) {
    (void)tokenizer;
    return vv_tokenize(text, length, (flags & FTS5_TOKENIZE_QUERY) != 0, ctx, emit);
}

/// The calls of the SQLite that registered us (the host's, when loaded as an extension).
SQLiteCalls host;

/// vvrank(fts, average_length, idf_0, gate_0, ..., idf_n, gate_n): the row's BM25F score over
/// the query's phrases, each with the inverse document frequency the caller gives (from the
/// archive's term counts: bm25() would count every row holding each phrase, a visit to every
/// match of a common word); a phrase whose gate is another phrase counts only when that one
/// matches (the words beside a phrase of several words, which score for it). Higher is better.
/// The search index ranks with the same formula (viet_score.h).
static void vv_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nargs,
                    sqlite3_value **args) {
    int phrases = api->xPhraseCount(fts), instances = 0, length = 0;
    if (1 + 2 * phrases > nargs) { host.result_error(ctx, "vvrank: wrong arguments", -1); return; }
    int *weighted = calloc((size_t)phrases + 1, sizeof *weighted);
    if (!weighted) { host.result_error(ctx, "vvrank: out of memory", -1); return; }
    api->xInstCount(fts, &instances);
    for (int i = 0; i < instances; i++) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase < phrases && column < VV_COLUMNS) {
            weighted[phrase] += vv_column_weight[column];
        }
    }
    api->xColumnSize(fts, -1, &length);
    double norm = vv_length_norm(length, host.value_double(args[0])), score = 0;
    for (int phrase = 0; phrase < phrases; phrase++) {
        int gate = host.value_int(args[2 + 2 * phrase]);
        if (weighted[phrase] == 0 || (gate >= 0 && (gate >= phrases || weighted[gate] == 0))) continue;
        score += vv_phrase_score(host.value_double(args[1 + 2 * phrase]), weighted[phrase], norm);
    }
    free(weighted);
    host.result_double(ctx, score);
}

/// vvcoord(fts, clauses, weight_0, ..., weight_m, clause_of_phrase_0, ...): the summed weight of
/// the clauses with a phrase in the row (a phrase of clause -1 makes none match), for queries
/// where any word may match: a document with more of the words comes first.
static void vv_coord(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nargs,
                     sqlite3_value **args) {
    int clauses = nargs > 0 ? host.value_int(args[0]) : 0, phrases = api->xPhraseCount(fts);
    if (clauses < 0 || 1 + clauses + phrases > nargs) { host.result_error(ctx, "vvcoord: wrong arguments", -1); return; }
    char *matched = calloc((size_t)clauses + 1, 1);
    if (!matched) { host.result_error(ctx, "vvcoord: out of memory", -1); return; }
    for (int phrase = 0; phrase < phrases; phrase++) {
        Fts5PhraseIter iter;
        int column = -1, offset = -1;
        int clause = host.value_int(args[1 + clauses + phrase]);
        if (api->xPhraseFirst(fts, phrase, &iter, &column, &offset) == SQLITE_OK && column >= 0
            && clause >= 0 && clause < clauses) matched[clause] = 1;
    }
    double coverage = 0;
    for (int clause = 0; clause < clauses; clause++) {
        if (matched[clause]) coverage += host.value_double(args[1 + clause]);
    }
    free(matched);
    host.result_double(ctx, coverage);
}

static int register_tokenizer(sqlite3 *db, SQLiteCalls calls) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = calls.prepare(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    calls.bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    calls.step(statement);
    calls.finalize(statement);
    if (!api) return SQLITE_ERROR;
    host = calls;
    fts5_tokenizer methods = {vt_create, vt_delete, vt_tokenize};
    rc = api->xCreateTokenizer(api, "vietnamese", NULL, &methods, NULL);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "vvrank", NULL, vv_rank, NULL);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "vvcoord", NULL, vv_coord, NULL);
    return rc == SQLITE_OK ? vv_register_text_function(db) : rc;
}

int vv_register_tokenizer(void *db) {
    SQLiteCalls calls = {sqlite3_prepare_v2, sqlite3_bind_pointer, sqlite3_step, sqlite3_finalize,
                         sqlite3_value_double, sqlite3_result_double, sqlite3_create_function_v2,
                         sqlite3_value_int, sqlite3_value_blob, sqlite3_value_bytes, sqlite3_result_text,
                         sqlite3_result_error, sqlite3_user_data, sqlite3_value_int64, sqlite3_context_db_handle,
                         sqlite3_blob_open, sqlite3_blob_bytes, sqlite3_blob_read, sqlite3_blob_close,
                         sqlite3_total_changes, sqlite3_file_control};
    return register_tokenizer((sqlite3 *)db, calls);
}

/// Entry point when loaded as an extension (`.load libCVietText`): SQLite derives the name
/// from the file name. Calls go through the host's routines, which may be another SQLite build.
int sqlite3_cviettext_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
    (void)error;
    SQLiteCalls calls = {routines->prepare_v2, routines->bind_pointer, routines->step,
                         routines->finalize, routines->value_double, routines->result_double,
                         routines->create_function_v2, routines->value_int, routines->value_blob,
                         routines->value_bytes, routines->result_text, routines->result_error,
                         routines->user_data, routines->value_int64, routines->context_db_handle,
                         routines->blob_open, routines->blob_bytes, routines->blob_read, routines->blob_close,
                         routines->total_changes, routines->file_control};
    return register_tokenizer(db, calls);
}
