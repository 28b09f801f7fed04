#ifndef BACA_LAZY_H
#define BACA_LAZY_H

// Libraries opened on first use (`dlopen` by soname) rather than by the dynamic linker at every
// start: libcurl, libchafa and GLib, the picture decoders, libcrypto. The reader's first frame
// uses none of them, and mapping and relocating them (49 shared objects with curl's TLS,
// Kerberos, LDAP…) was a fifth of its start. Written by hand because glibc's linker has no
// lazy-loading option (Solaris' `-z lazyload`, macOS' `-weak_library` have no Linux
// equivalent); each C target that uses this declares its functions with the library's own
// headers, so a wrong signature does not compile.

#include <pthread.h>

typedef struct baca_lazy_library {
    /// The library's soname, as `readelf -d` of a program linked against it would list it.
    const char *soname;
    /// The Debian package that has it, for the message when it is missing.
    const char *package;
    pthread_mutex_t lock;
    int tried;
    void *handle;
    char error[400];
} baca_lazy_library;

#define BACA_LAZY_LIBRARY(soname, package) { (soname), (package), PTHREAD_MUTEX_INITIALIZER, 0, 0, {0} }

/// Opens the library the first time (later calls return at once): NULL when it is there, else
/// a one-line message naming the library and its package. Thread-safe.
const char *baca_lazy_open(baca_lazy_library *library);

/// The library's function `name`: opens the library if needed; when the library or the function
/// is missing, writes the one-line message to standard error and exits with status 127 (callers
/// that can do without it check `baca_lazy_open` first, so this is reached only by a broken
/// installation).
void *baca_lazy_function(baca_lazy_library *library, const char *name);

/// The one-line message for a soname that cannot be opened (for tests: any missing name).
const char *baca_lazy_probe(const char *soname, const char *package);

#endif
