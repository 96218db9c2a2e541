// The exact and folded index forms of one word.
#include "viet_text.h"
#include "fold_internal.h"
#include "words_internal.h"

#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

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

static int to_utf8(const uint16_t *units, int32_t n, char *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8(out, cap, &written, (const UChar *)units, n, &status);
    return U_FAILURE(status) || written >= cap ? -1 : written;
}

int vv_forms(const char *word, int32_t len, VVForms *forms) {
    vv_tables_ready();
    UChar raw[MAX_UNITS], nfc[MAX_UNITS];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8Lenient(raw, MAX_UNITS, &n, word, len, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) n = MAX_UNITS; else if (U_FAILURE(status)) return -1;
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

int vv_word_forms(const char *word, int32_t len, char *exact, int32_t exact_cap,
                  char *folded, int32_t folded_cap) {
    VVForms forms;
    if (vv_forms(word, len, &forms) != 0) return -1;
    if (forms.exact_len >= exact_cap || forms.folded_len >= folded_cap) return -1;
    memcpy(exact, forms.exact, forms.exact_len);
    exact[forms.exact_len] = 0;
    memcpy(folded, forms.folded, forms.folded_len);
    folded[forms.folded_len] = 0;
    return 0;
}
