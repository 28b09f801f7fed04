// The picture codecs opened on first use (see CLazyLoad/include/baca_lazy.h for why): libpng,
// libjpeg-turbo and libwebp, each on its own, so a missing one fails its own kind of picture
// only. The functions below call the libraries' by their own names; those names are defined at
// the end of this file, their types taken from the libraries' headers, each calling the
// library's function through a pointer looked up once.
#include "CImageCodecs.h"
#include "baca_lazy.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>
#include <jpeglib.h>

static baca_lazy_library png_library = BACA_LAZY_LIBRARY("libpng16.so.16", "libpng16-16");
static baca_lazy_library jpeg_library = BACA_LAZY_LIBRARY("libjpeg.so.62", "libjpeg62-turbo");
static baca_lazy_library webp_library = BACA_LAZY_LIBRARY("libwebp.so.7", "libwebp7");


// MARK: PNG (libpng's simplified API)

/// Reads a PNG's size without decoding it. 0 on success.
int baca_png_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
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
int baca_png_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size) {
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
int baca_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, uint8_t **out, size_t *out_size) {
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

static void baca_jpeg_error_exit(j_common_ptr info) {
    struct baca_jpeg_error *error = (struct baca_jpeg_error *)info->err;
    longjmp(error->jump, 1);
}

static void baca_jpeg_quiet(j_common_ptr info, int level) { (void)info; (void)level; }

/// Reads a JPEG's size from its header. 0 on success.
int baca_jpeg_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
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
int baca_jpeg_decode(const uint8_t *data, size_t size, uint8_t *out, size_t out_size) {
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
int baca_jpeg_encode(const uint8_t *rgb, uint32_t width, uint32_t height, int quality, uint8_t **out, size_t *out_size) {
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


// MARK: The libraries' functions, through pointers

#define BACA_PNG_FUNCTIONS(X) \
    X(png_image_begin_read_from_memory) X(png_image_finish_read) X(png_image_free) X(png_image_write_to_memory)
#define BACA_RESOLVE_png(name) png_functions.name = (__typeof__(&name))baca_lazy_function(&png_library, #name);
BACA_LAZY_TABLE(png, png_library, BACA_PNG_FUNCTIONS, BACA_RESOLVE_png)
#define PNG_FN BACA_LAZY_CALL(png)

#define BACA_JPEG_FUNCTIONS(X) \
    X(jpeg_std_error) X(jpeg_CreateDecompress) X(jpeg_destroy_decompress) X(jpeg_mem_src) \
    X(jpeg_read_header) X(jpeg_start_decompress) X(jpeg_read_scanlines) X(jpeg_finish_decompress) \
    X(jpeg_CreateCompress) X(jpeg_destroy_compress) X(jpeg_mem_dest) X(jpeg_set_defaults) \
    X(jpeg_set_quality) X(jpeg_start_compress) X(jpeg_write_scanlines) X(jpeg_finish_compress)
#define BACA_RESOLVE_jpeg(name) jpeg_functions.name = (__typeof__(&name))baca_lazy_function(&jpeg_library, #name);
BACA_LAZY_TABLE(jpeg, jpeg_library, BACA_JPEG_FUNCTIONS, BACA_RESOLVE_jpeg)
#define JPEG_FN BACA_LAZY_CALL(jpeg)

#define BACA_WEBP_FUNCTIONS(X) X(WebPGetInfo) X(WebPDecodeRGBAInto) X(WebPEncodeLosslessRGBA) X(WebPFree)
#define BACA_RESOLVE_webp(name) webp_functions.name = (__typeof__(&name))baca_lazy_function(&webp_library, #name);
BACA_LAZY_TABLE(webp, webp_library, BACA_WEBP_FUNCTIONS, BACA_RESOLVE_webp)
#define WEBP_FN BACA_LAZY_CALL(webp)


int png_image_begin_read_from_memory(png_imagep image, png_const_voidp memory, size_t size) {
    return PNG_FN.png_image_begin_read_from_memory(image, memory, size);
}
int png_image_finish_read(png_imagep image, png_const_colorp background, void *buffer, png_int_32 row_stride,
                          void *colormap) {
    return PNG_FN.png_image_finish_read(image, background, buffer, row_stride, colormap);
}
void png_image_free(png_imagep image) { PNG_FN.png_image_free(image); }
int png_image_write_to_memory(png_imagep image, void *memory, png_alloc_size_t *memory_bytes, int convert_to_8_bit,
                              const void *buffer, png_int_32 row_stride, const void *colormap) {
    return PNG_FN.png_image_write_to_memory(image, memory, memory_bytes, convert_to_8_bit, buffer, row_stride, colormap);
}

struct jpeg_error_mgr *jpeg_std_error(struct jpeg_error_mgr *err) { return JPEG_FN.jpeg_std_error(err); }
void jpeg_CreateDecompress(j_decompress_ptr cinfo, int version, size_t structsize) {
    JPEG_FN.jpeg_CreateDecompress(cinfo, version, structsize);
}
void jpeg_destroy_decompress(j_decompress_ptr cinfo) { JPEG_FN.jpeg_destroy_decompress(cinfo); }
void jpeg_mem_src(j_decompress_ptr cinfo, const unsigned char *inbuffer, unsigned long insize) {
    JPEG_FN.jpeg_mem_src(cinfo, inbuffer, insize);
}
int jpeg_read_header(j_decompress_ptr cinfo, boolean require_image) { return JPEG_FN.jpeg_read_header(cinfo, require_image); }
boolean jpeg_start_decompress(j_decompress_ptr cinfo) { return JPEG_FN.jpeg_start_decompress(cinfo); }
JDIMENSION jpeg_read_scanlines(j_decompress_ptr cinfo, JSAMPARRAY scanlines, JDIMENSION max_lines) {
    return JPEG_FN.jpeg_read_scanlines(cinfo, scanlines, max_lines);
}
boolean jpeg_finish_decompress(j_decompress_ptr cinfo) { return JPEG_FN.jpeg_finish_decompress(cinfo); }
void jpeg_CreateCompress(j_compress_ptr cinfo, int version, size_t structsize) {
    JPEG_FN.jpeg_CreateCompress(cinfo, version, structsize);
}
void jpeg_destroy_compress(j_compress_ptr cinfo) { JPEG_FN.jpeg_destroy_compress(cinfo); }
void jpeg_mem_dest(j_compress_ptr cinfo, unsigned char **outbuffer, unsigned long *outsize) {
    JPEG_FN.jpeg_mem_dest(cinfo, outbuffer, outsize);
}
void jpeg_set_defaults(j_compress_ptr cinfo) { JPEG_FN.jpeg_set_defaults(cinfo); }
void jpeg_set_quality(j_compress_ptr cinfo, int quality, boolean force_baseline) {
    JPEG_FN.jpeg_set_quality(cinfo, quality, force_baseline);
}
void jpeg_start_compress(j_compress_ptr cinfo, boolean write_all_tables) { JPEG_FN.jpeg_start_compress(cinfo, write_all_tables); }
JDIMENSION jpeg_write_scanlines(j_compress_ptr cinfo, JSAMPARRAY scanlines, JDIMENSION num_lines) {
    return JPEG_FN.jpeg_write_scanlines(cinfo, scanlines, num_lines);
}
void jpeg_finish_compress(j_compress_ptr cinfo) { JPEG_FN.jpeg_finish_compress(cinfo); }

int WebPGetInfo(const uint8_t *data, size_t data_size, int *width, int *height) {
    return WEBP_FN.WebPGetInfo(data, data_size, width, height);
}
uint8_t *WebPDecodeRGBAInto(const uint8_t *data, size_t data_size, uint8_t *output_buffer, size_t output_buffer_size,
                            int output_stride) {
    return WEBP_FN.WebPDecodeRGBAInto(data, data_size, output_buffer, output_buffer_size, output_stride);
}
size_t WebPEncodeLosslessRGBA(const uint8_t *rgba, int width, int height, int stride, uint8_t **output) {
    return WEBP_FN.WebPEncodeLosslessRGBA(rgba, width, height, stride, output);
}
void WebPFree(void *ptr) { WEBP_FN.WebPFree(ptr); }
