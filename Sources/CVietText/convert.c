// Byte-to-Unicode conversion through ICU's converters, for legacy code pages.
#include "viet_text.h"

#include <unicode/ucnv.h>

int32_t vv_decode_charset(const char *charset, const uint8_t *in, int32_t len, uint16_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    int32_t needed = ucnv_toUChars(converter, out, cap, (const char *)in, len, &status);
    ucnv_close(converter);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    return U_FAILURE(status) ? -1 : needed;
}
