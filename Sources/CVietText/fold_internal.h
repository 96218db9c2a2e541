#ifndef VV_FOLD_INTERNAL_H
#define VV_FOLD_INTERNAL_H
#include <stdint.h>

void vv_tables_ready(void);
int vv_is_word_char(int32_t c);    // letters, digits and combining marks (a table for the BMP)
uint16_t vv_untoned(uint16_t c);  // lower case, vowel marks kept, tone removed
uint16_t vv_bare(uint16_t c);     // lower case, every mark removed, đ → d
uint8_t vv_tone(uint16_t c);      // 0 none, 1 huyền, 2 sắc, 3 ngã, 4 hỏi, 5 nặng
uint16_t vv_with_tone(uint16_t untoned, uint8_t tone);

#endif
