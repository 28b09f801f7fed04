#ifndef BACA_IMAGE_CODECS_SHIM_H
#define BACA_IMAGE_CODECS_SHIM_H

// The system's image decoders: libpng (`libpng-dev`), libjpeg-turbo (`libjpeg62-turbo-dev`)
// and libwebp (`libwebp-dev`). libjpeg reports errors by longjmp, which Swift cannot catch, so
// its calls live here, in C, each behind one function that returns 0 on success.

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <jpeglib.h>
#include <webp/decode.h>
#include <webp/encode.h>

// MARK: PNG (libpng's simplified API)

/// Reads a PNG's size without decoding it. 0 on success.
static inline int baca_png_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) return 1;
    *width = image.width;
    *height = image.height;
    png_image_free(&image);
    return 0;
}

/// Decodes a PNG into `out` (width × height × 4 bytes, RGBA), which the caller allocated
/// after `baca_png_size`. 0 on success.
static inline int baca_png_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) return 1;
    image.format = PNG_FORMAT_RGBA;
    if (PNG_IMAGE_SIZE(image) > out_size) { png_image_free(&image); return 2; }
    if (!png_image_finish_read(&image, NULL, out, 0, NULL)) { png_image_free(&image); return 3; }
    return 0;
}

/// Encodes RGBA pixels as a PNG in memory (`*out` malloc'ed, freed by the caller): for tests
/// and tools that need a real PNG file. 0 on success.
static inline int baca_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint8_t **out, size_t *out_size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, rgba, 0, NULL)) return 1;
    uint8_t *buffer = (uint8_t *)malloc(size);
    if (!buffer) return 2;
    if (!png_image_write_to_memory(&image, buffer, &size, 0, rgba, 0, NULL)) { free(buffer); return 3; }
    *out = buffer;
    *out_size = size;
    return 0;
}

// MARK: JPEG (libjpeg-turbo)

struct baca_jpeg_error {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
};

static inline void baca_jpeg_error_exit(j_common_ptr info) {
    struct baca_jpeg_error *error = (struct baca_jpeg_error *)info->err;
    longjmp(error->jump, 1);
}

static inline void baca_jpeg_quiet(j_common_ptr info, int level) { (void)info; (void)level; }

/// Reads a JPEG's size from its header. 0 on success.
static inline int baca_jpeg_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
    struct jpeg_decompress_struct info;
    struct baca_jpeg_error error;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = baca_jpeg_error_exit;
    error.manager.emit_message = baca_jpeg_quiet;
    if (setjmp(error.jump)) { jpeg_destroy_decompress(&info); return 1; }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK) { jpeg_destroy_decompress(&info); return 2; }
    *width = info.image_width;
    *height = info.image_height;
    jpeg_destroy_decompress(&info);
    return 0;
}

/// Decodes a JPEG (any colour space libjpeg converts to RGB) into `out`, width × height × 4
/// bytes of RGBA. 0 on success.
static inline int baca_jpeg_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size) {
    struct jpeg_decompress_struct info;
    struct baca_jpeg_error error;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = baca_jpeg_error_exit;
    error.manager.emit_message = baca_jpeg_quiet;
    if (setjmp(error.jump)) { jpeg_destroy_decompress(&info); return 1; }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK) { jpeg_destroy_decompress(&info); return 2; }
    info.out_color_space = JCS_EXT_RGBA;
    jpeg_start_decompress(&info);
    size_t stride = (size_t)info.output_width * 4;
    if (stride * info.output_height > out_size) { jpeg_destroy_decompress(&info); return 3; }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out + (size_t)info.output_scanline * stride;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return 0;
}

/// Encodes RGB pixels (3 bytes each) as a JPEG in memory (`*out` malloc'ed, freed by the
/// caller): for tests that need a real JPEG file. 0 on success.
static inline int baca_jpeg_encode(const uint8_t *rgb, uint32_t width, uint32_t height, int quality, uint8_t **out, size_t *out_size) {
    struct jpeg_compress_struct info;
    struct baca_jpeg_error error;
    unsigned char *buffer = NULL;
    unsigned long length = 0;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = baca_jpeg_error_exit;
    if (setjmp(error.jump)) { jpeg_destroy_compress(&info); free(buffer); return 1; }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &buffer, &length);
    info.image_width = width;
    info.image_height = height;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(rgb + (size_t)info.next_scanline * width * 3);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    *out = buffer;
    *out_size = length;
    return 0;
}

#endif
