#ifndef VV_WORDS_INTERNAL_H
#define VV_WORDS_INTERNAL_H
#include <stdint.h>

typedef struct {
    char exact[512];
    char folded[512];
    int32_t exact_len;
    int32_t folded_len;
    int marked;  // the word carries a tone or vowel mark, or đ
} VVForms;

int vv_forms(const char *word, int32_t len, VVForms *forms);
/// vv_forms without its shortcut for ASCII words: the general path (through UTF-16).
int vv_forms_general(const char *word, int32_t len, VVForms *forms);

#endif
