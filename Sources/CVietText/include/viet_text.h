#ifndef VIET_TEXT_H
#define VIET_TEXT_H

#include <stdint.h>

/// Vietnamese text primitives over ICU. Only plain C types cross this header, because
/// Foundation bundles ICU headers of its own that clash with the system's in a Swift module.

/// Composes `in` (UTF-16) to NFC and maps the look-alike letters Ð/ð (eth) to Đ/đ.
/// Writes at most `cap` units to `out` and returns the length needed, or -1 on error.
int32_t vv_nfc(const uint16_t *in, int32_t len, uint16_t *out, int32_t cap);

/// Folds each UTF-16 unit of NFC text on its own: lower case, no tone or vowel marks,
/// đ → d. The output has exactly `len` units, so offsets in folded text are offsets in `in`.
void vv_fold_units(const uint16_t *in, int32_t len, uint16_t *out);

/// ``vv_fold_units`` over well-formed UTF-8, UTF-8 out: each code point of the Basic
/// Multilingual Plane folded as its UTF-16 unit is, any other copied. `out` needs room for
/// 3 bytes an input byte (a folded letter may take more bytes than the letter); returns the
/// bytes written.
int32_t vv_fold_utf8(const uint8_t *in, int32_t len, uint8_t *out);

/// The exact form of NFC text, unit by unit: lower case, tone mark on the second vowel of
/// oa/oe/uy. `out` receives exactly `len` units (both forms are one unit a letter).
void vv_exact_units(const uint16_t *in, int32_t len, uint16_t *out);

/// The two index forms of one word (UTF-8 in, UTF-8 out, NUL-terminated):
/// `exact`: NFC, lower case, tone mark on the second vowel of oa/oe/uy ("hòa" → "hoà");
/// `folded`: no marks at all, đ → d, and a lone y after consonants read as i ("kỹ" → "ki").
/// Returns 0, or -1 when a buffer is too small.
int vv_word_forms(const char *word, int32_t len, char *exact, int32_t exact_cap,
                  char *folded, int32_t folded_cap);
/// The same without the shortcut an ASCII word takes: the general path, which tests hold the
/// shortcut to.
int vv_word_forms_general(const char *word, int32_t len, char *exact, int32_t exact_cap,
                          char *folded, int32_t folded_cap);

/// Marks the text of a column as coming from an unmarked document (written without any
/// Vietnamese marks): its words are also indexed in the marked-query form, so that a query typed
/// with marks finds them. U+E000, a private-use character, never occurs in stored text.
#define VV_UNMARKED_MARK "\xEE\x80\x80"
/// The first byte of the marked-query form: a query word typed with marks also matches this
/// prefix and its folded form, which only words of unmarked documents carry.
#define VV_UNMARKED_PREFIX 0x01
/// Passages inside one column are separated by U+2029 (paragraph separator), which the
/// tokenizer turns into a token of its own, so that no phrase matches across two passages.
#define VV_BOUNDARY_CHAR 0x2029
#define VV_BOUNDARY_TOKEN "\xE2\x80\xA9"

/// The tokenizer: calls `emit(ctx, flags, token, token_len, start, end)` for each token of
/// `text`, as FTS5's tokenizer callback (flags 1: colocated with the previous token). `query`
/// selects the query forms (see tokenizer.c). Returns the first non-zero result of `emit`, or 0.
int vv_tokenize(const char *text, int length, int query, void *ctx,
                int (*emit)(void *ctx, int flags, const char *token, int token_len, int start, int end));

/// The byte ranges of the positions a document's text takes (each word once, and each passage
/// boundary), as `vv_tokenize` counts them, without making the words' forms: writes the first
/// `capacity` and returns how many there are, or `capacity + 1` when there are more.
int vv_token_positions(const char *text, int length, int32_t *starts, int32_t *ends, int capacity);

/// Registers the FTS5 tokenizer "vietnamese", the ranking functions vvrank() and vvcoord(),
/// and the stored-text function vv_text() on a sqlite3* connection. Returns an SQLite code.
int vv_register_tokenizer(void *db);

/// Decodes `len` bytes in the ICU code page `charset` ("windows-1258") to UTF-16. Writes at
/// most `cap` units to `out` and returns the length needed, or -1 when the code page is unknown.
int32_t vv_decode_charset(const char *charset, const uint8_t *in, int32_t len, uint16_t *out, int32_t cap);

/// Compresses `len` bytes of a document's text into the archive's stored form (read back by
/// the SQL function vv_text). `out` needs `vv_pack_bound(len)` bytes; returns the bytes
/// written, or -1.
int32_t vv_pack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap);
int32_t vv_pack_bound(int32_t len);

/// The length of the text a stored block holds, or -1 when it is damaged; then the text itself
/// into `out`, which has room for `cap` bytes, at least that length: returns the length, or -1.
int32_t vv_unpacked_length(const uint8_t *in, int32_t len);
int32_t vv_unpack(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap);

#endif
