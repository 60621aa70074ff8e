// libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
// these typed wrappers pass each kind of argument the options take.
#include <curl/curl.h>

typedef size_t (*tandem_curl_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode tandem_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_set_text(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_set_callback(CURL *handle, CURLoption option, tandem_curl_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tandem_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode tandem_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}
