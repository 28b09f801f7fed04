#ifndef BACA_CCURL_SHIM_H
#define BACA_CCURL_SHIM_H

// libcurl (`libcurl4-openssl-dev`) for BacaFeeds' HTTP client. `curl_easy_setopt` and
// `curl_easy_getinfo` are variadic, which Swift cannot call: these typed wrappers can.
#include <curl/curl.h>
#include <sys/socket.h>

static inline CURLcode baca_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode baca_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode baca_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode baca_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode baca_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*baca_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*baca_curl_progress_callback)(void *context, curl_off_t downloadTotal, curl_off_t downloadNow,
                                           curl_off_t uploadTotal, curl_off_t uploadNow);
typedef curl_socket_t (*baca_curl_open_socket_callback)(void *context, curlsocktype purpose,
                                                        struct curl_sockaddr *address);

static inline CURLcode baca_curl_set_write_function(CURL *handle, baca_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode baca_curl_set_header_function(CURL *handle, baca_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode baca_curl_set_progress_function(CURL *handle, baca_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode baca_curl_set_open_socket_function(CURL *handle, baca_curl_open_socket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLcode baca_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode baca_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode baca_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline curl_socket_t baca_curl_socket_bad(void) { return CURL_SOCKET_BAD; }

static inline curl_version_info_data *baca_curl_version_info(void) { return curl_version_info(CURLVERSION_NOW); }

#ifdef __GLIBC__
#include <malloc.h>
#endif

/// Returns freed memory to the system (glibc's `malloc_trim`; nothing elsewhere): after a large
/// body, so that transfers on threads of their own do not each keep an arena's worth.
static inline void baca_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

#endif
