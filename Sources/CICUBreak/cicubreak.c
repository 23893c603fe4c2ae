#include "cicubreak.h"
#include <unicode/ubrk.h>
#include <unicode/uversion.h>

int32_t cicu_line_breaks(const uint16_t *text, int32_t length, const char *locale,
                         int32_t *out, uint8_t *hard, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    int32_t n = 0;
    ubrk_first(bi);
    for (int32_t pos = ubrk_next(bi); pos != UBRK_DONE && n < cap; pos = ubrk_next(bi)) {
        int32_t tag = ubrk_getRuleStatus(bi);
        out[n] = pos;
        hard[n] = (tag >= UBRK_LINE_HARD && tag < UBRK_LINE_HARD_LIMIT) ? 1 : 0;
        n++;
    }
    ubrk_close(bi);
    return n;
}

const char *cicu_icu_version(void) { return U_ICU_VERSION; }
