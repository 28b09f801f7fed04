// Header-only xxHash: its functions are compiled here, static and inlined, so the program
// needs no libxxhash at run time (Debian's libxxhash0 is then no dependency of baca).
#define XXH_INLINE_ALL
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "CXXHash.h"

void baca_xxh3_128(const void *data, size_t length, uint8_t digest[16]) {
    XXH128_canonicalFromHash((XXH128_canonical_t *)digest, XXH3_128bits(data, length));
}
