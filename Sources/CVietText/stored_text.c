// Passage text is stored compressed, one block a document: a 4-byte little-endian length, then
// the raw deflate of the document's headings and bodies. Per document, not per passage: a
// passage of a few hundred bytes barely compresses alone, while a whole document shrinks by
// three or four (its headings repeat, its phrasing recurs).
#define SQLITE_CORE 1
#include <sqlite3.h>

#include "viet_text.h"
#include "host_internal.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int32_t vv_pack_bound(int32_t len) { return 4 + (int32_t)compressBound((uLong)len); }

int32_t vv_pack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    if (len < 0 || cap < 4) return -1;
    z_stream stream = {0};
    if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    stream.next_in = (Bytef *)in;
    stream.avail_in = (uInt)len;
    stream.next_out = out + 4;
    stream.avail_out = (uInt)(cap - 4);
    int status = deflate(&stream, Z_FINISH);
    int32_t written = (int32_t)stream.total_out;
    deflateEnd(&stream);
    if (status != Z_STREAM_END) return -1;
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)((uint32_t)len >> (8 * i));
    return written + 4;
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

static int inflate_into(TextCache *cache, const uint8_t *packed, int n) {
    if (cache->packed && cache->packed_len == n && memcmp(cache->packed, packed, (size_t)n) == 0) return 0;
    if (n < 4) return -1;
    uint32_t length = (uint32_t)packed[0] | (uint32_t)packed[1] << 8 | (uint32_t)packed[2] << 16 | (uint32_t)packed[3] << 24;
    if (length > (1u << 30)) return -1;
    char *text = malloc(length + 1);
    uint8_t *copy = malloc((size_t)n);
    if (!text || !copy) { free(text); free(copy); return -1; }
    z_stream stream = {0};
    int ok = inflateInit2(&stream, -15) == Z_OK;
    if (ok) {
        stream.next_in = (Bytef *)(packed + 4);
        stream.avail_in = (uInt)(n - 4);
        stream.next_out = (Bytef *)text;
        stream.avail_out = length;
        ok = inflate(&stream, Z_FINISH) == Z_STREAM_END && stream.total_out == length;
        inflateEnd(&stream);
    }
    if (!ok) { free(text); free(copy); return -1; }
    memcpy(copy, packed, (size_t)n);
    free(cache->packed);
    free(cache->text);
    *cache = (TextCache){copy, n, text, (int)length};
    return 0;
}

int32_t vv_unpacked_length(const uint8_t *in, int32_t len) {
    if (len < 4) return -1;
    uint32_t length = (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
    return length > (1u << 30) ? -1 : (int32_t)length;
}

int32_t vv_unpack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    int32_t length = vv_unpacked_length(in, len);
    if (length < 0) return -1;
    int32_t wanted = cap < length ? cap : length;
    z_stream stream = {0};
    if (inflateInit2(&stream, -15) != Z_OK) return -1;
    stream.next_in = (Bytef *)(in + 4);
    stream.avail_in = (uInt)(len - 4);
    stream.next_out = out;
    stream.avail_out = (uInt)wanted;
    int status = inflate(&stream, wanted == length ? Z_FINISH : Z_SYNC_FLUSH);
    int ok = stream.total_out == (uLong)wanted && (status == Z_STREAM_END || (wanted < length && status == Z_OK));
    inflateEnd(&stream);
    return ok ? wanted : -1;
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
    } else if (start < 0 || length < 0 || start > cache->text_len - length) {
        host.result_error(ctx, "vv_text: range outside the stored text", -1);
    } else {
        host.result_text(ctx, cache->text + start, length, SQLITE_TRANSIENT);
    }
}

int vv_register_text_function(sqlite3 *db) {
    TextCache *cache = calloc(1, sizeof *cache);
    if (!cache) return SQLITE_NOMEM;
    return host.create_function_v2(db, "vv_text", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, cache,
                                   vv_text, NULL, NULL, cache_free);
}
