#include <stdlib.h>
#include <hyphen.h>
/* libhyphen allocates rep/pos/cut with malloc; Swift frees them through this. */
static inline void chyphen_free(void *p) { free(p); }
