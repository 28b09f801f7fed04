#ifndef BACA_ZSTD_SHIM_H
#define BACA_ZSTD_SHIM_H

// zstd (`libzstd-dev`): the repository keeps each article's text compressed
// (see Sources/BacaStore/Support/Zstd.swift).
#include <zstd.h>

#endif
