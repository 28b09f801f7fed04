// libcurl opened on first use (see CLazyLoad/include/baca_lazy.h for why). Every libcurl
// function baca calls is defined here under its own name, its type taken from <curl/curl.h>,
// and calls libcurl's through a pointer looked up once.
#define CURL_DISABLE_TYPECHECK 1
#include "CCurl.h"
#include "baca_lazy.h"

static baca_lazy_library library = BACA_LAZY_LIBRARY("libcurl.so.4", "libcurl4");

#define BACA_CURL_FUNCTIONS(X) \
    X(curl_global_init) X(curl_easy_init) X(curl_easy_cleanup) X(curl_easy_perform) \
    X(curl_easy_strerror) X(curl_easy_setopt) X(curl_easy_getinfo) X(curl_slist_append) \
    X(curl_slist_free_all) X(curl_version_info)

#define BACA_RESOLVE_curl(name) curl_functions.name = (__typeof__(&name))baca_lazy_function(&library, #name);
BACA_LAZY_TABLE(curl, library, BACA_CURL_FUNCTIONS, BACA_RESOLVE_curl)
#define CURL_FN BACA_LAZY_CALL(curl)

CURLcode curl_global_init(long flags) { return CURL_FN.curl_global_init(flags); }
CURL *curl_easy_init(void) { return CURL_FN.curl_easy_init(); }
void curl_easy_cleanup(CURL *handle) { CURL_FN.curl_easy_cleanup(handle); }
CURLcode curl_easy_perform(CURL *handle) { return CURL_FN.curl_easy_perform(handle); }
const char *curl_easy_strerror(CURLcode code) { return CURL_FN.curl_easy_strerror(code); }
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return CURL_FN.curl_slist_append(list, text);
}
void curl_slist_free_all(struct curl_slist *list) { CURL_FN.curl_slist_free_all(list); }

CURLcode baca_curl_set_long(CURL *handle, CURLoption option, long value) {
    return CURL_FN.curl_easy_setopt(handle, option, value);
}
CURLcode baca_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return CURL_FN.curl_easy_setopt(handle, option, value);
}
CURLcode baca_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return CURL_FN.curl_easy_setopt(handle, option, value);
}
CURLcode baca_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return CURL_FN.curl_easy_setopt(handle, option, value);
}
CURLcode baca_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return CURL_FN.curl_easy_setopt(handle, option, value);
}
CURLcode baca_curl_set_write_function(CURL *handle, baca_curl_data_callback callback) {
    return CURL_FN.curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
CURLcode baca_curl_set_header_function(CURL *handle, baca_curl_data_callback callback) {
    return CURL_FN.curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}
CURLcode baca_curl_set_progress_function(CURL *handle, baca_curl_progress_callback callback) {
    return CURL_FN.curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
CURLcode baca_curl_set_open_socket_function(CURL *handle, baca_curl_open_socket_callback callback) {
    return CURL_FN.curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}
CURLcode baca_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return CURL_FN.curl_easy_getinfo(handle, info, value);
}
CURLcode baca_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return CURL_FN.curl_easy_getinfo(handle, info, value);
}
CURLcode baca_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return CURL_FN.curl_easy_getinfo(handle, info, value);
}
curl_version_info_data *baca_curl_version_info(void) { return CURL_FN.curl_version_info(CURLVERSION_NOW); }
