#include "cicubreak.h"
#include <unicode/ubrk.h>
#include <unicode/uversion.h>

void *cicu_line_breaker_open(const char *locale, int32_t *status_out) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, NULL, 0, &status);
    *status_out = (int32_t)status;
    if (U_FAILURE(status)) {
        if (bi) ubrk_close(bi);
        return NULL;
    }
    return bi;
}

void cicu_line_breaker_close(void *breaker) {
    if (breaker) ubrk_close((UBreakIterator *)breaker);
}

int32_t cicu_line_breaks(void *breaker, const uint16_t *text, int32_t length,
                         int32_t *out, uint8_t *hard, int32_t cap) {
    UBreakIterator *bi = (UBreakIterator *)breaker;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    int32_t n = 0;
    ubrk_first(bi);
    for (int32_t pos = ubrk_next(bi); pos != UBRK_DONE && n < cap; pos = ubrk_next(bi)) {
        int32_t tag = ubrk_getRuleStatus(bi);
        out[n] = pos;
        hard[n] = (tag >= UBRK_LINE_HARD && tag < UBRK_LINE_HARD_LIMIT) ? 1 : 0;
        n++;
    }
    /* The iterator must not keep pointing into the caller's buffer, which is freed next. */
    ubrk_setText(bi, NULL, 0, &status);
    return n;
}

const char *cicu_icu_version(void) { return U_ICU_VERSION; }
