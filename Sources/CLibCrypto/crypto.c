// libcrypto opened on first use (see CLazyLoad/include/baca_lazy.h for why): the two functions
// baca calls, under their own names and types from <openssl/evp.h>, calling libcrypto's through
// pointers looked up once.
#include "CLibCrypto.h"
#include "baca_lazy.h"

static baca_lazy_library library = BACA_LAZY_LIBRARY("libcrypto.so.3", "libssl3");

#define BACA_CRYPTO_FUNCTIONS(X) X(EVP_Digest) X(EVP_sha256)
#define BACA_RESOLVE_crypto(name) crypto_functions.name = (__typeof__(&name))baca_lazy_function(&library, #name);
BACA_LAZY_TABLE(crypto, library, BACA_CRYPTO_FUNCTIONS, BACA_RESOLVE_crypto)
#define CRYPTO_FN BACA_LAZY_CALL(crypto)

int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type, ENGINE *impl) {
    return CRYPTO_FN.EVP_Digest(data, count, md, size, type, impl);
}

const EVP_MD *EVP_sha256(void) { return CRYPTO_FN.EVP_sha256(); }
