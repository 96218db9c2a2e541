// The exact and folded index forms of one word.
#include "viet_text.h"
#include "fold_internal.h"
#include "words_internal.h"

#include <string.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

enum { MAX_UNITS = 128 };

static int is_vowel(uint16_t bare) {
    return bare == 'a' || bare == 'e' || bare == 'i' || bare == 'o' || bare == 'u' || bare == 'y';
}

static int has_combining_marks(const UChar *s, int32_t n) {
    for (int32_t i = 0; i < n; i++) if (s[i] >= 0x0300 && s[i] <= 0x036F) return 1;
    return 0;
}

/// Old and new orthography put the tone of an open oa/oe/uy syllable on different vowels
/// ("hòa"/"hoà", "thủy"/"thuỷ"); closed syllables always take it on the second ("hoạt").
/// Moving it to the second vowel everywhere gives one spelling, and also mends "họat": true
/// when a tone on `here` (untoned, lower case) belongs on `next`.
static int tone_on_second(uint16_t here, uint16_t next) {
    return (here == 'o' && (next == 'a' || next == 0x0103 || next == 'e')) || (here == 'u' && next == 'y');
}

/// Moves a word's tone to its canonical vowel (see tone_on_second).
static void place_tone(const uint16_t *untoned, uint8_t *tone, int32_t n) {
    for (int32_t i = 0; i + 1 < n; i++) {
        if (!tone[i]) continue;
        if (tone_on_second(untoned[i], untoned[i + 1]) && !tone[i + 1]) {
            tone[i + 1] = tone[i];
            tone[i] = 0;
        }
        return;
    }
}

void vv_exact_units(const uint16_t *in, int32_t len, uint16_t *out) {
    vv_tables_ready();
    for (int32_t i = 0; i < len; i++) out[i] = vv_untoned(in[i]);
    for (int32_t i = 0; i < len; i++) {
        uint8_t tone = vv_tone(in[i]);
        if (!tone) continue;
        uint16_t here = out[i], next = i + 1 < len ? out[i + 1] : 0;
        if (tone_on_second(here, next) && !vv_tone(in[i + 1])) {
            out[i + 1] = vv_with_tone(next, tone);
        } else {
            out[i] = vv_with_tone(here, tone);
        }
    }
}

/// "kỹ"/"kĩ", "lý"/"lí": a lone y after consonants is the same letter as i. "uy" keeps its y.
static void read_lone_y_as_i(uint16_t *bare, int32_t n) {
    if (n < 2 || bare[n - 1] != 'y') return;
    for (int32_t i = 0; i < n - 1; i++) {
        if (is_vowel(bare[i]) || bare[i] > 0x7F) return;
    }
    bare[n - 1] = 'i';
}

/// UTF-16 to UTF-8 with ICU's macros (u_strToUTF8 set up a call costing more than a word);
/// -1 for a lone surrogate, or when `cap` leaves no room for a NUL.
static int to_utf8(const uint16_t *units, int32_t n, char *out, int32_t cap) {
    int32_t i = 0, written = 0;
    while (i < n) {
        UChar32 c;
        U16_NEXT(units, i, n, c);
        if (U_IS_SURROGATE(c)) return -1;
        if (written + U8_LENGTH(c) >= cap) return -1;
        U8_APPEND_UNSAFE(out, written, c);
    }
    out[written] = 0;
    return written;
}

/// UTF-8 to at most `cap` UTF-16 units, an ill-formed sequence read as U+FFFD.
static int32_t from_utf8(const char *in, int32_t len, UChar *out, int32_t cap) {
    int32_t i = 0, n = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(in, i, len, c);
        if (c < 0) c = 0xFFFD;
        if (n + U16_LENGTH(c) > cap) break;
        U16_APPEND_UNSAFE(out, n, c);
    }
    return n;
}

/// The forms of a word of ASCII letters and digits: both are its lower case, but for a lone y
/// (see read_lone_y_as_i). Most words of a Vietnamese text carry marks; the rest, and the
/// numbers, skip the conversions to UTF-16 and back.
static void ascii_forms(const char *word, int32_t len, VVForms *forms) {
    int vowels = 0;
    for (int32_t i = 0; i < len; i++) {
        char c = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] | 0x20) : word[i];
        forms->exact[i] = forms->folded[i] = c;
        if (i + 1 < len) vowels |= is_vowel((uint16_t)c);
    }
    if (len >= 2 && forms->folded[len - 1] == 'y' && !vowels) forms->folded[len - 1] = 'i';
    forms->exact[len] = forms->folded[len] = 0;
    forms->exact_len = forms->folded_len = len;
    forms->marked = 0;
}

static int is_ascii(const char *word, int32_t len) {
    for (int32_t i = 0; i < len; i++) if ((unsigned char)word[i] >= 0x80) return 0;
    return 1;
}

int vv_forms(const char *word, int32_t len, VVForms *forms) {
    if (len < MAX_UNITS && is_ascii(word, len)) {
        ascii_forms(word, len, forms);
        return 0;
    }
    return vv_forms_general(word, len, forms);
}

int vv_forms_general(const char *word, int32_t len, VVForms *forms) {
    vv_tables_ready();
    UChar raw[MAX_UNITS], nfc[MAX_UNITS];
    int32_t n = from_utf8(word, len, raw, MAX_UNITS);
    const UChar *text = raw;
    if (has_combining_marks(raw, n)) {
        int32_t m = vv_nfc(raw, n, nfc, MAX_UNITS);
        if (m > 0 && m <= MAX_UNITS) { text = nfc; n = m; }
    }
    uint16_t untoned[MAX_UNITS], bare[MAX_UNITS], exact[MAX_UNITS];
    uint8_t tone[MAX_UNITS];
    forms->marked = 0;
    for (int32_t i = 0; i < n; i++) {
        untoned[i] = vv_untoned(text[i]);
        bare[i] = vv_bare(text[i]);
        tone[i] = vv_tone(text[i]);
        if (tone[i] || untoned[i] != bare[i]) forms->marked = 1;
    }
    place_tone(untoned, tone, n);
    for (int32_t i = 0; i < n; i++) exact[i] = vv_with_tone(untoned[i], tone[i]);
    read_lone_y_as_i(bare, n);
    forms->exact_len = to_utf8(exact, n, forms->exact, sizeof forms->exact);
    forms->folded_len = to_utf8(bare, n, forms->folded, sizeof forms->folded);
    return forms->exact_len < 0 || forms->folded_len < 0 ? -1 : 0;
}

static int copy_forms(int status, const VVForms *forms, char *exact, int32_t exact_cap, char *folded, int32_t folded_cap) {
    if (status != 0 || forms->exact_len >= exact_cap || forms->folded_len >= folded_cap) return -1;
    memcpy(exact, forms->exact, forms->exact_len);
    exact[forms->exact_len] = 0;
    memcpy(folded, forms->folded, forms->folded_len);
    folded[forms->folded_len] = 0;
    return 0;
}

int vv_word_forms(const char *word, int32_t len, char *exact, int32_t exact_cap,
                  char *folded, int32_t folded_cap) {
    VVForms forms;
    return copy_forms(vv_forms(word, len, &forms), &forms, exact, exact_cap, folded, folded_cap);
}

int vv_word_forms_general(const char *word, int32_t len, char *exact, int32_t exact_cap,
                          char *folded, int32_t folded_cap) {
    VVForms forms;
    return copy_forms(vv_forms_general(word, len, &forms), &forms, exact, exact_cap, folded, folded_cap);
}
