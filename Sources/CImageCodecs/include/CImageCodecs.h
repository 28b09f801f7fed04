#ifndef BACA_IMAGE_CODECS_H
#define BACA_IMAGE_CODECS_H

// The system's image decoders: libpng (`libpng-dev`), libjpeg-turbo (`libjpeg62-turbo-dev`)
// and libwebp (`libwebp-dev`), each opened the first time a picture of its kind is decoded or
// encoded (codecs.c; see CLazyLoad). libjpeg reports errors by longjmp, which Swift cannot
// catch, so the PNG and JPEG calls live in codecs.c, each behind one function that returns 0 on
// success. Swift calls libwebp's functions by their own names (codecs.c defines them).

#define WEBP_EXTERN extern
#include <stddef.h>
#include <stdint.h>
#include <webp/decode.h>
#include <webp/encode.h>

/// NULL when the library is there (opening it the first time), else a one-line message naming it.
const char *baca_png_open(void);
const char *baca_jpeg_open(void);
const char *baca_webp_open(void);

/// Reads a PNG's size without decoding it. 0 on success.
int baca_png_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height);
/// Decodes a PNG into `out` (width × height × 4 bytes, RGBA), which the caller allocated
/// after `baca_png_size`. 0 on success.
int baca_png_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size);
/// Encodes RGBA pixels as a PNG in memory (`*out` malloc'ed, freed by the caller): for tests
/// and tools that need a real PNG file. 0 on success.
int baca_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint8_t **out, size_t *out_size);

/// Reads a JPEG's size from its header. 0 on success.
int baca_jpeg_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height);
/// Decodes a JPEG (any colour space libjpeg converts to RGB) into `out`, width × height × 4
/// bytes of RGBA. 0 on success.
int baca_jpeg_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size);
/// Encodes RGB pixels (3 bytes each) as a JPEG in memory (`*out` malloc'ed, freed by the
/// caller): for tests that need a real JPEG file. 0 on success.
int baca_jpeg_encode(const uint8_t *rgb, uint32_t width, uint32_t height, int quality, uint8_t **out, size_t *out_size);

#endif
