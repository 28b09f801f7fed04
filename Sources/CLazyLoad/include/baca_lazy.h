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
    /// Whether `baca_lazy_require` has looked up every function (its answer is kept in `missing`).
    int checked;
    char missing[400];
} baca_lazy_library;

#define BACA_LAZY_LIBRARY(soname, package) { (soname), (package), PTHREAD_MUTEX_INITIALIZER, 0, 0, {0}, 0, {0} }

/// Opens the library the first time (later calls return at once): NULL when it is there, else
/// a one-line message naming the library and its package. Thread-safe.
const char *baca_lazy_open(baca_lazy_library *library);

/// Opens the library and looks up every function in `names` (NULL-terminated) without exiting:
/// NULL when all are there, else a one-line message naming the library, the first missing function
/// (or why the library cannot be opened) and its Debian package. The answer is kept; thread-safe.
/// Each `baca_X_open` calls this with the functions its target will call, so a library that
/// loads but lacks one is reported before the first call rather than by `baca_lazy_function`.
const char *baca_lazy_require(baca_lazy_library *library, const char *const *names);

/// Called by `baca_lazy_function` just before it writes its message and exits (e.g. the terminal
/// layer restoring the screen from raw mode). Must be async-signal-tolerant in spirit: it may run
/// on any thread. NULL (the default) calls nothing.
void baca_lazy_set_fatal_hook(void (*hook)(void));

/// The library's function `name`: opens the library if needed; when the library or the function
/// is missing, writes the one-line message to standard error and exits with status 127 (callers
/// that can do without it check `baca_lazy_open` first, so this is reached only by a broken
/// installation).
void *baca_lazy_function(baca_lazy_library *library, const char *name);

/// The one-line message for a soname that cannot be opened (for tests: any missing name).
const char *baca_lazy_probe(const char *soname, const char *package);

// MARK: A library's table of functions

/// One field of a table: a pointer typed like the library's own declaration of `name`.
#define BACA_LAZY_FIELD(name) __typeof__(&name) name;
/// One entry of a table's NULL-terminated list of names.
#define BACA_LAZY_NAME(name) #name,

/// Declares, for the X-macro list `LIST` of a library's functions: the table of pointers
/// `table##_functions`, its one-time lookup `table##_resolve` and `baca_##table##_open()` (every
/// name looked up without exiting, see `baca_lazy_require`). `RESOLVE(name)` assigns one pointer;
/// each library defines it because a list item cannot carry the table's name:
/// `#define RESOLVE(name) table##_functions.name = (__typeof__(&name))baca_lazy_function(&library, #name);`
#define BACA_LAZY_TABLE(table, library, LIST, RESOLVE) \
    static struct { LIST(BACA_LAZY_FIELD) } table##_functions; \
    static pthread_once_t table##_resolved = PTHREAD_ONCE_INIT; \
    static void table##_resolve(void) { LIST(RESOLVE) } \
    static const char *const table##_names[] = { LIST(BACA_LAZY_NAME) NULL }; \
    const char *baca_##table##_open(void) { return baca_lazy_require(&(library), table##_names); }

/// The table's functions, looked up the first time (`baca_lazy_function` exits with its message
/// if one is missing: callers check `baca_X_open` first).
#define BACA_LAZY_CALL(table) (pthread_once(&table##_resolved, table##_resolve), table##_functions)

#endif
