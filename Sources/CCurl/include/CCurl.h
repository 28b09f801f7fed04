#ifndef BACA_CCURL_H
#define BACA_CCURL_H

// libcurl (`libcurl4-openssl-dev` to build, `libcurl4` to run) for BacaFeeds' HTTP client,
// opened on first use (curl.c; see CLazyLoad): its declarations are the real <curl/curl.h>, the
// functions Swift calls are curl.c's, each forwarding to libcurl's own. `curl_easy_setopt` and
// `curl_easy_getinfo` are variadic, which Swift cannot call: the typed wrappers below can.
#include <curl/curl.h>
#include <sys/socket.h>

/// NULL when libcurl is there (opening it the first time), else a one-line message naming it.
const char *baca_curl_open(void);

CURLcode baca_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode baca_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode baca_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode baca_curl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode baca_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value);

typedef size_t (*baca_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*baca_curl_progress_callback)(void *context, curl_off_t downloadTotal, curl_off_t downloadNow,
                                           curl_off_t uploadTotal, curl_off_t uploadNow);
typedef curl_socket_t (*baca_curl_open_socket_callback)(void *context, curlsocktype purpose,
                                                        struct curl_sockaddr *address);

CURLcode baca_curl_set_write_function(CURL *handle, baca_curl_data_callback callback);
CURLcode baca_curl_set_header_function(CURL *handle, baca_curl_data_callback callback);
CURLcode baca_curl_set_progress_function(CURL *handle, baca_curl_progress_callback callback);
CURLcode baca_curl_set_open_socket_function(CURL *handle, baca_curl_open_socket_callback callback);

CURLcode baca_curl_get_long(CURL *handle, CURLINFO info, long *value);
CURLcode baca_curl_get_string(CURL *handle, CURLINFO info, char **value);
CURLcode baca_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value);

static inline curl_socket_t baca_curl_socket_bad(void) { return CURL_SOCKET_BAD; }

curl_version_info_data *baca_curl_version_info(void);

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
