#ifndef BACA_XXHASH_H
#define BACA_XXHASH_H

// xxHash's XXH3-128 (`libxxhash-dev`, build time only): the content fingerprint that recognises
// an article already stored (see Sources/BacaStore/Support/ContentFingerprint.swift). xxhash.h
// is compiled into xxh3.c whole (XXH_INLINE_ALL), so baca links no xxHash library; this header
// declares only the one wrapper, so Swift never sees xxhash.h's inline functions.
#include <stddef.h>
#include <stdint.h>

/// XXH3-128 (seed 0) of `length` bytes at `data` (NULL allowed when `length` is 0), written to
/// `digest` in xxHash's canonical order (big-endian: the high 64 bits first), the order of
/// `xxh128sum` and of other libraries' hexadecimal digests.
void baca_xxh3_128(const void *data, size_t length, uint8_t digest[16]);

#endif
