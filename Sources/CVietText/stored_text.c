// Passage text is stored compressed, one block a document: a 4-byte little-endian length, then
// the raw deflate of the document's headings and bodies. Per document, not per passage: a
// passage of a few hundred bytes barely compresses alone, while a whole document shrinks by
// three or four (its headings repeat, its phrasing recurs).
#define SQLITE_CORE 1
#include <sqlite3.h>

#include "viet_text.h"
#include "host_internal.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// libdeflate, not zlib: the same raw deflate (archives written by either read with either),
// made about four times and read about twice as fast, since it works on whole buffers. A
// (de)compressor is set up once a thread, as setting one up costs more than a passage.
static pthread_key_t compressor_key, decompressor_key;
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void free_compressor(void *compressor) { libdeflate_free_compressor(compressor); }
static void free_decompressor(void *decompressor) { libdeflate_free_decompressor(decompressor); }

static void make_keys(void) {
    pthread_key_create(&compressor_key, free_compressor);
    pthread_key_create(&decompressor_key, free_decompressor);
}

static struct libdeflate_compressor *thread_compressor(void) {
    pthread_once(&keys_once, make_keys);
    struct libdeflate_compressor *compressor = pthread_getspecific(compressor_key);
    if (!compressor && (compressor = libdeflate_alloc_compressor(6))) pthread_setspecific(compressor_key, compressor);
    return compressor;
}

static struct libdeflate_decompressor *thread_decompressor(void) {
    pthread_once(&keys_once, make_keys);
    struct libdeflate_decompressor *decompressor = pthread_getspecific(decompressor_key);
    if (!decompressor && (decompressor = libdeflate_alloc_decompressor())) pthread_setspecific(decompressor_key, decompressor);
    return decompressor;
}

int32_t vv_pack_bound(int32_t len) {
    struct libdeflate_compressor *compressor = thread_compressor();
    return compressor && len >= 0 ? 4 + (int32_t)libdeflate_deflate_compress_bound(compressor, (size_t)len) : -1;
}

int32_t vv_pack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    struct libdeflate_compressor *compressor = thread_compressor();
    if (!compressor || len < 0 || cap < 4) return -1;
    size_t written = libdeflate_deflate_compress(compressor, in, (size_t)len, out + 4, (size_t)(cap - 4));
    if (written == 0) return -1;
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)((uint32_t)len >> (8 * i));
    return (int32_t)written + 4;
}

/// A stored length no deflate stream of the block's size can hold is damage, refused before
/// anything is allocated for it: deflate expands 1032 times at most.
int32_t vv_unpacked_length(const uint8_t *in, int32_t len) {
    if (len < 4) return -1;
    uint32_t length = (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
    uint64_t most = (uint64_t)(len - 4) * 1032 + 64;
    return length > (1u << 30) || length > most ? -1 : (int32_t)length;
}

int32_t vv_unpack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    int32_t length = vv_unpacked_length(in, len);
    struct libdeflate_decompressor *decompressor = thread_decompressor();
    if (length < 0 || cap < length || !decompressor) return -1;
    size_t written = 0;
    enum libdeflate_result status = libdeflate_deflate_decompress(decompressor, in + 4, (size_t)(len - 4), out, (size_t)length, &written);
    return status == LIBDEFLATE_SUCCESS && written == (size_t)length ? length : -1;
}

/// The last document inflated on a connection: passages of one document are read one after
/// another (a document view, FTS5's snippets and checks), so it is inflated once.
typedef struct {
    uint8_t *packed;
    int packed_len;
    char *text;
    int text_len;
} TextCache;

static void cache_free(void *pointer) {
    TextCache *cache = pointer;
    if (!cache) return;
    free(cache->packed);
    free(cache->text);
    free(cache);
}

/// Inflates `packed` as the cache's text; the cache is left as it was when that fails.
static int inflate_text(TextCache *cache, const uint8_t *packed, int n) {
    int32_t length = vv_unpacked_length(packed, n);
    if (length < 0) return -1;
    char *text = malloc((size_t)length + 1);
    if (!text || vv_unpack(packed, n, (uint8_t *)text, length) != length) {
        free(text);
        return -1;
    }
    free(cache->text);
    cache->text = text;
    cache->text_len = length;
    return 0;
}

/// The cache holds `packed` inflated, and `packed` itself to know it again.
static int inflate_into(TextCache *cache, const uint8_t *packed, int n) {
    if (cache->packed && cache->packed_len == n && memcmp(cache->packed, packed, (size_t)n) == 0) return 0;
    uint8_t *copy = malloc((size_t)n);
    if (!copy || inflate_text(cache, packed, n) != 0) {
        free(copy);
        return -1;
    }
    memcpy(copy, packed, (size_t)n);
    free(cache->packed);
    cache->packed = copy;
    cache->packed_len = n;
    return 0;
}

/// The text of `cache` from `start`, `length` bytes, as the result of `ctx`.
static void result_range(sqlite3_context *ctx, const TextCache *cache, int start, int length) {
    if (start < 0 || length < 0 || start > cache->text_len - length) {
        host.result_error(ctx, "vv_text: range outside the stored text", -1);
    } else {
        host.result_text(ctx, cache->text + start, length, SQLITE_TRANSIENT);
    }
}

/// vv_text(block, start, length): `length` bytes of a document's text from byte `start`.
static void vv_text(sqlite3_context *ctx, int nargs, sqlite3_value **args) {
    (void)nargs;
    int start = host.value_int(args[1]), length = host.value_int(args[2]);
    if (length == 0) { host.result_text(ctx, "", 0, SQLITE_STATIC); return; }
    const uint8_t *packed = host.value_blob(args[0]);
    int n = host.value_bytes(args[0]);
    TextCache *cache = host.user_data(ctx);
    if (!packed || inflate_into(cache, packed, n) != 0) {
        host.result_error(ctx, "vv_text: the stored text is damaged", -1);
    } else {
        result_range(ctx, cache, start, length);
    }
}

/// The document vv_stored_text inflated last (its text only: the key is the document and the
/// state of the database it was read in).
typedef struct {
    TextCache text;
    sqlite3_int64 document;
    int changes;
    unsigned version;
    int valid;
} StoredCache;

static void stored_cache_free(void *pointer) {
    StoredCache *cache = pointer;
    if (!cache) return;
    free(cache->text.text);
    free(cache);
}

/// Reads and inflates document `id`'s block (texts.block) into the cache, unless it holds it
/// from a database that has not changed since: no change by this connection (total_changes)
/// nor a commit by another (the pager's data version).
static int load_stored(StoredCache *cache, sqlite3 *db, sqlite3_int64 id) {
    unsigned version = 0;
    host.file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &version);
    int changes = host.total_changes(db);
    if (cache->valid && cache->document == id && cache->changes == changes && cache->version == version) return 0;
    cache->valid = 0;
    sqlite3_blob *blob = NULL;
    if (host.blob_open(db, "main", "texts", "block", id, 0, &blob) != SQLITE_OK) {
        if (blob) host.blob_close(blob);
        return -1;
    }
    int n = host.blob_bytes(blob);
    uint8_t *packed = n > 0 ? malloc((size_t)n) : NULL;
    int rc = packed && host.blob_read(blob, packed, n, 0) == SQLITE_OK ? 0 : -1;
    host.blob_close(blob);
    if (rc == 0) rc = inflate_text(&cache->text, packed, n);
    free(packed);
    if (rc != 0) return -1;
    *cache = (StoredCache){cache->text, id, changes, version, 1};
    return 0;
}

/// vv_stored_text(document_id, start, length): vv_text of the document's own block, which the
/// function reads itself. A view over many passages of one large document then reads and
/// inflates its block once, where vv_text(t.block, ...) is handed the whole block every row.
static void vv_stored_text(sqlite3_context *ctx, int nargs, sqlite3_value **args) {
    (void)nargs;
    int start = host.value_int(args[1]), length = host.value_int(args[2]);
    if (length == 0) { host.result_text(ctx, "", 0, SQLITE_STATIC); return; }
    StoredCache *cache = host.user_data(ctx);
    if (load_stored(cache, host.context_db_handle(ctx), host.value_int64(args[0])) != 0) {
        host.result_error(ctx, "vv_stored_text: no stored text for the document, or it is damaged", -1);
    } else {
        result_range(ctx, &cache->text, start, length);
    }
}

int vv_register_text_function(sqlite3 *db) {
    TextCache *cache = calloc(1, sizeof *cache);
    StoredCache *stored = calloc(1, sizeof *stored);
    if (!cache || !stored) {
        free(cache);
        free(stored);
        return SQLITE_NOMEM;
    }
    int rc = host.create_function_v2(db, "vv_text", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, cache,
                                     vv_text, NULL, NULL, cache_free);
    if (rc != SQLITE_OK) {
        free(stored);
        return rc;
    }
    // Not deterministic: it reads the database.
    return host.create_function_v2(db, "vv_stored_text", 3, SQLITE_UTF8 | SQLITE_INNOCUOUS, stored, vv_stored_text, NULL,
                                   NULL, stored_cache_free);
}
