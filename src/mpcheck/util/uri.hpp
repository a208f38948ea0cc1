#pragma once
// Percent-encoding of file paths into URIs (RFC 3986), byte for byte.

#include <string>
#include <string_view>

namespace mpcheck {

// `path` ('/'-separated bytes, UTF-8 or not) as a URI path: every byte but the unreserved
// characters (A-Z a-z 0-9 - . _ ~) and '/' is percent-encoded with upper-case hex digits, so
// "作品/a b&c.mp4" → "%E4%BD%9C%E5%93%81/a%20b%26c.mp4". Decoding the result gives back the
// exact bytes, and a ':' in the first segment can never be taken for a scheme.
std::string percent_encode_path(std::string_view path);

// "file://" URI of an absolute directory, ending in '/': "/media/usb 1" →
// "file:///media/usb%201/".
std::string file_uri_of_directory(std::string_view absolute_dir);

} // namespace mpcheck
