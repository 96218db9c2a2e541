// Per-character tables built once from ICU's decompositions: the lower-case letter without
// its tone, the tone, and the bare base letter. Lookups then cost one array read per character.
#include "viet_text.h"
#include "fold_internal.h"

#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

uint16_t vv_untoned_table[0x10000];
uint8_t vv_word_table[0x10000];
uint16_t vv_bare_table[0x10000];
uint8_t vv_tone_table[0x10000];
/// The lower-case letter with a tone, by letter without it (every Vietnamese vowel is below
/// U+0200) and tone. Composing the tone mark onto the letter is not enough: "ậ" decomposes to
/// "ạ" + circumflex, so â + dot below has no composition of its own.
enum { TONED_LETTERS = 0x200 };
static uint16_t toned_table[TONED_LETTERS][6];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static uint8_t tone_of_mark(UChar32 mark) {
    switch (mark) {
    case 0x0300: return 1; // huyền
    case 0x0301: return 2; // sắc
    case 0x0303: return 3; // ngã
    case 0x0309: return 4; // hỏi
    case 0x0323: return 5; // nặng
    default: return 0;
    }
}

static const UChar32 tone_marks[6] = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

static UChar32 eth_to_d_stroke(UChar32 c) {
    if (c == 0x00D0) return 0x0110;
    if (c == 0x00F0) return 0x0111;
    return c;
}

static void build_entry(const UNormalizer2 *nfd, const UNormalizer2 *nfc, UChar32 c) {
    UChar32 lower = u_tolower(eth_to_d_stroke(c));
    UChar decomposed[8];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(nfd, lower, decomposed, 8, &status);
    vv_untoned_table[c] = (uint16_t)(lower <= 0xFFFF ? lower : c);
    vv_bare_table[c] = vv_untoned_table[c];
    vv_tone_table[c] = 0;
    if (U_FAILURE(status) || n <= 0 || U16_IS_LEAD(decomposed[0])) {
        if (lower == 0x0111) vv_bare_table[c] = 'd';
        return;
    }
    UChar32 base = decomposed[0];
    UChar32 untoned = base;
    for (int32_t i = 1; i < n; i++) {
        uint8_t tone = tone_of_mark(decomposed[i]);
        if (tone) {
            vv_tone_table[c] = tone;
        } else {
            UChar32 composed = unorm2_composePair(nfc, untoned, decomposed[i]);
            if (composed >= 0) untoned = composed;
        }
    }
    vv_untoned_table[c] = (uint16_t)untoned;
    vv_bare_table[c] = (uint16_t)(base == 0x0111 ? 'd' : base);
}

/// What a word is made of: letters and digits, and the combining marks of NFD text.
static int is_word_char(UChar32 c) {
    return u_isalnum(c) || (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_MC_MASK));
}

static void build_tables(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    for (UChar32 c = 0; c < 0x10000; c++) {
        vv_word_table[c] = (uint8_t)(is_word_char(c) != 0);
        if (U16_IS_SURROGATE(c)) {
            vv_untoned_table[c] = vv_bare_table[c] = (uint16_t)c;
            continue;
        }
        build_entry(nfd, nfc, c);
    }
    for (UChar32 c = 0; c < 0x10000; c++) {
        uint16_t untoned = vv_untoned_table[c];
        if (vv_tone_table[c] && untoned < TONED_LETTERS && c == u_tolower(c) && !toned_table[untoned][vv_tone_table[c]]) {
            toned_table[untoned][vv_tone_table[c]] = (uint16_t)c;
        }
    }
}

void vv_tables_ready(void) { pthread_once(&tables_once, build_tables); }

int vv_is_word_char_beyond_bmp(int32_t c) { return c > 0 && is_word_char(c); }

uint16_t vv_with_tone(uint16_t untoned, uint8_t tone) {
    if (tone == 0) return untoned;
    if (untoned < TONED_LETTERS && tone < 6 && toned_table[untoned][tone]) return toned_table[untoned][tone];
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    UChar32 composed = unorm2_composePair(nfc, untoned, tone_marks[tone]);
    return composed >= 0 && composed <= 0xFFFF ? (uint16_t)composed : untoned;
}

void vv_fold_units(const uint16_t *in, int32_t len, uint16_t *out) {
    vv_tables_ready();
    for (int32_t i = 0; i < len; i++) out[i] = vv_bare_table[in[i]];
}

int32_t vv_fold_utf8(const uint8_t *in, int32_t len, uint8_t *out) {
    vv_tables_ready();
    int32_t i = 0, o = 0;
    while (i < len) {
        uint8_t b = in[i];
        if (b < 0x80) {
            out[o++] = (uint8_t)vv_bare_table[b];
            i++;
            continue;
        }
        uint32_t c;
        if (b >= 0xF0) { // four bytes: beyond the BMP, a surrogate pair in UTF-16, which folds to itself
            if (i + 4 > len) break;
            memcpy(out + o, in + i, 4);
            o += 4;
            i += 4;
            continue;
        }
        if (b >= 0xE0) {
            if (i + 3 > len) break;
            c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F);
            i += 3;
        } else {
            if (i + 2 > len) break;
            c = ((uint32_t)(b & 0x1F) << 6) | (in[i + 1] & 0x3F);
            i += 2;
        }
        uint16_t f = vv_bare_table[c];
        if (f < 0x80) {
            out[o++] = (uint8_t)f;
        } else if (f < 0x800) {
            out[o++] = (uint8_t)(0xC0 | (f >> 6));
            out[o++] = (uint8_t)(0x80 | (f & 0x3F));
        } else {
            out[o++] = (uint8_t)(0xE0 | (f >> 12));
            out[o++] = (uint8_t)(0x80 | ((f >> 6) & 0x3F));
            out[o++] = (uint8_t)(0x80 | (f & 0x3F));
        }
    }
    return o;
}

int32_t vv_nfc(const uint16_t *in, int32_t len, uint16_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    int32_t n = unorm2_normalize(nfc, (const UChar *)in, len, (UChar *)out, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    if (U_FAILURE(status)) return -1;
    for (int32_t i = 0; i < n; i++) out[i] = (uint16_t)eth_to_d_stroke(out[i]);
    return n;
}
