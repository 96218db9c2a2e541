// The FTS5 tokenizer "vietnamese". Each word is indexed twice at one position (colocated):
// its exact form, so a query typed with marks matches those marks, and its folded form, so a
// query typed without marks matches any. Offsets point into the original text, so highlight()
// and snippet() show the text as written.
#define SQLITE_CORE 1  // sqlite3ext.h only for the api struct; calls go through it explicitly
#include <sqlite3.h>
#include <sqlite3ext.h>

#include "viet_text.h"
#include "fold_internal.h"
#include "words_internal.h"
#include "host_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
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

static int is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return u_isalnum(c) || (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_MC_MASK));
}

typedef int (*TokenCallback)(void *, int, const char *, int, int, int);

static int emit_word(void *ctx, int flags, const char *text, int start, int end, TokenCallback emit) {
    VVForms forms;
    if (vv_forms(text + start, end - start, &forms) != 0) return SQLITE_OK;
    if (flags & FTS5_TOKENIZE_QUERY) {
        return forms.marked ? emit(ctx, 0, forms.exact, forms.exact_len, start, end)
                            : emit(ctx, 0, forms.folded, forms.folded_len, start, end);
    }
    int rc = emit(ctx, 0, forms.exact, forms.exact_len, start, end);
    int same = forms.exact_len == forms.folded_len
            && memcmp(forms.exact, forms.folded, (size_t)forms.exact_len) == 0;
    if (rc == SQLITE_OK && !same) {
        rc = emit(ctx, FTS5_TOKEN_COLOCATED, forms.folded, forms.folded_len, start, end);
    }
    return rc;
}

static int vt_tokenize(Fts5Tokenizer *tokenizer, void *ctx, int flags, const char *text, int length,
                       TokenCallback emit) {
    (void)tokenizer;
    int i = 0;
    while (i < length) {
        int start = i;
        UChar32 c;
        U8_NEXT(text, i, length, c);
        if (c < 0 || !is_word_char(c)) continue;
        int end = i;
        while (end < length) {
            int next = end;
            U8_NEXT(text, next, length, c);
            if (c < 0 || !is_word_char(c)) break;
            end = next;
        }
        int rc = emit_word(ctx, flags, text, start, end, emit);
        if (rc != SQLITE_OK) return rc;
        i = end;
    }
    return SQLITE_OK;
}

/// The calls of the SQLite that registered us (the host's, when loaded as an extension).
SQLiteCalls host;

/// vvrank(fts, column weights..., phrase weights...): BM25 with the inverse document frequency
/// of each phrase given by the caller. bm25() computes it by counting every row that holds each
/// phrase, a visit to every match of a common word; the archive keeps term counts instead, so
/// ranking a bounded window of matches does not pay it. Lower is better, as with bm25().
static void vv_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nargs,
                    sqlite3_value **args) {
    enum { MAX_COLUMNS = 8, MAX_PHRASES = 64 };
    const double k1 = 1.2, b = 0.75;
    int columns = api->xColumnCount(fts), phrases = api->xPhraseCount(fts), instances = 0;
    if (columns > MAX_COLUMNS) columns = MAX_COLUMNS;
    if (phrases > MAX_PHRASES) phrases = MAX_PHRASES;
    int frequency[MAX_PHRASES][MAX_COLUMNS] = {{0}};
    api->xInstCount(fts, &instances);
    for (int i = 0; i < instances; i++) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase < phrases && column < columns) {
            frequency[phrase][column]++;
        }
    }
    sqlite3_int64 rows = 1;
    api->xRowCount(fts, &rows);
    double score = 0;
    for (int column = 0; column < columns; column++) {
        int length = 0;
        sqlite3_int64 total = 0;
        api->xColumnSize(fts, column, &length);
        api->xColumnTotalSize(fts, column, &total);
        double average = rows > 0 && total > 0 ? (double)total / (double)rows : 1.0;
        double weight = column < nargs ? host.value_double(args[column]) : 1.0;
        for (int phrase = 0; phrase < phrases; phrase++) {
            double tf = frequency[phrase][column];
            double idf = columns + phrase < nargs ? host.value_double(args[columns + phrase]) : 1.0;
            if (tf > 0) score += weight * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average));
        }
    }
    host.result_double(ctx, -score);
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
    return rc == SQLITE_OK ? vv_register_text_function(db) : rc;
}

int vv_register_tokenizer(void *db) {
    SQLiteCalls calls = {sqlite3_prepare_v2, sqlite3_bind_pointer, sqlite3_step, sqlite3_finalize,
                         sqlite3_value_double, sqlite3_result_double, sqlite3_create_function_v2,
                         sqlite3_value_int, sqlite3_value_blob, sqlite3_value_bytes, sqlite3_result_text,
                         sqlite3_result_error, sqlite3_user_data};
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
                         routines->user_data};
    return register_tokenizer(db, calls);
}
