#ifndef BACA_LIBCRYPTO_SHIM_H
#define BACA_LIBCRYPTO_SHIM_H

// OpenSSL's libcrypto (`libssl-dev`), for the content hash only: its SHA-256 uses the CPU's
// SHA instructions where there are any (see Sources/BacaStore/Support/SHA256.swift).
#include <openssl/evp.h>

#endif
