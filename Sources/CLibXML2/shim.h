#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU: encoding.h would pull system ICU 72 headers into this
   Clang module, which clashes with Foundation's _FoundationICU ("'UErrorCode' has different
   definitions in different modules"). Only the tail of xmlCharEncodingHandler changes, and
   Swift never allocates one. See docs/platform-notes.md §1. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
/* xmlFree is a mutable C global, which Swift 6 rejects; call it through a function. */
static inline void clibxml2_free(void *p) { xmlFree(p); }
