#include "baca_lazy.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// dlerror's text on one line (it can hold a newline-free path list, but keep it safe).
static void one_line(char *text) {
    for (char *c = text; *c; c++) {
        if (*c == '\n' || *c == '\r') *c = ' ';
    }
}

const char *baca_lazy_open(baca_lazy_library *library) {
    pthread_mutex_lock(&library->lock);
    if (!library->tried) {
        library->tried = 1;
        // RTLD_LOCAL: its symbols serve only the lookups below, never another library.
        library->handle = dlopen(library->soname, RTLD_NOW | RTLD_LOCAL);
        if (!library->handle) {
            const char *reason = dlerror();
            snprintf(library->error, sizeof library->error, "%s cannot be loaded (install %s): %s",
                     library->soname, library->package, reason ? reason : "not found");
            one_line(library->error);
        }
    }
    const char *error = library->handle ? NULL : library->error;
    pthread_mutex_unlock(&library->lock);
    return error;
}

void *baca_lazy_function(baca_lazy_library *library, const char *name) {
    const char *error = baca_lazy_open(library);
    void *function = error ? NULL : dlsym(library->handle, name);
    if (function) return function;
    char message[600];
    if (error) {
        snprintf(message, sizeof message, "baca: %s\n", error);
    } else {
        snprintf(message, sizeof message, "baca: %s has no %s (install %s as the README says)\n",
                 library->soname, name, library->package);
    }
    // write(2) rather than stdio: this may run on any thread, with the terminal in any state.
    ssize_t written = write(STDERR_FILENO, message, strlen(message));
    (void)written;
    _exit(127);
}

const char *baca_lazy_probe(const char *soname, const char *package) {
    static baca_lazy_library probe = BACA_LAZY_LIBRARY(NULL, NULL);
    pthread_mutex_lock(&probe.lock);
    if (probe.handle) dlclose(probe.handle);
    probe.soname = soname;
    probe.package = package;
    probe.tried = 0;
    probe.handle = NULL;
    pthread_mutex_unlock(&probe.lock);
    return baca_lazy_open(&probe);
}
