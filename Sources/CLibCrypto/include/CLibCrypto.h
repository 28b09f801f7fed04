#ifndef BACA_LIBCRYPTO_H
#define BACA_LIBCRYPTO_H

// OpenSSL's libcrypto (`libssl-dev` to build, `libssl3` to run), for SHA-256 only: the picture
// cache's file names, and the content hashes of articles stored before schema v9 (new ones are
// XXH3 fingerprints, CXXHash). It uses the CPU's SHA instructions where there are any (see
// Sources/BacaStore/Support/SHA256.swift). Opened the first time a hash is computed (crypto.c;
// see CLazyLoad): the reader's start, and an import into a repository of this baca, compute
// none. Swift calls `EVP_Digest` and `EVP_sha256` by their own names; crypto.c defines them.
#include <openssl/evp.h>

/// NULL when libcrypto is there (opening it the first time), else a one-line message naming it.
const char *baca_crypto_open(void);

#endif
