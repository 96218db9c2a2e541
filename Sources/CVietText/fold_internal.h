#ifndef VV_FOLD_INTERNAL_H
#define VV_FOLD_INTERNAL_H
#include <stdint.h>

void vv_tables_ready(void);

// Tables of every BMP code point (fold.c), read inline: a lookup is most of a call's cost.
extern uint16_t vv_untoned_table[0x10000];
extern uint16_t vv_bare_table[0x10000];
extern uint8_t vv_tone_table[0x10000];
extern uint8_t vv_word_table[0x10000];
int vv_is_word_char_beyond_bmp(int32_t c);

static inline uint16_t vv_untoned(uint16_t c) { return vv_untoned_table[c]; }  // lower case, vowel marks kept, tone removed
static inline uint16_t vv_bare(uint16_t c) { return vv_bare_table[c]; }        // lower case, every mark removed, đ → d
static inline uint8_t vv_tone(uint16_t c) { return vv_tone_table[c]; }         // 0 none, 1 huyền, 2 sắc, 3 ngã, 4 hỏi, 5 nặng
/// Letters, digits and combining marks.
static inline int vv_is_word_char(int32_t c) {
    return c >= 0 && c < 0x10000 ? vv_word_table[c] : vv_is_word_char_beyond_bmp(c);
}
uint16_t vv_with_tone(uint16_t untoned, uint8_t tone);

#endif
