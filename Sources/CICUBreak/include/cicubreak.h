#ifndef CICUBREAK_H
#define CICUBREAK_H
#include <stdint.h>
/* No ICU headers here: Foundation's _FoundationICU would clash with them (platform-notes §1). */

/* A line-break iterator for `locale`, opened once and reused for many texts (opening one
   loads and clones ICU's rules, which costs more than breaking a paragraph). NULL on failure,
   with the ICU error code in *status. Not thread-safe: one per worker. */
void *cicu_line_breaker_open(const char *locale, int32_t *status);
void cicu_line_breaker_close(void *breaker);

/* Line-break opportunities in UTF-16 text. Writes up to `cap` break offsets (the position
   after which a line may end) into `out`, and 1 into `hard` where the break is mandatory.
   Returns the count, or a negative ICU error code. */
int32_t cicu_line_breaks(void *breaker, const uint16_t *text, int32_t length,
                         int32_t *out, uint8_t *hard, int32_t cap);
const char *cicu_icu_version(void);
#endif
