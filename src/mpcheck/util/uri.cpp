#include "mpcheck/util/uri.hpp"

namespace mpcheck {

namespace {

bool unreserved(unsigned char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

} // namespace

std::string percent_encode_path(std::string_view path)
{
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size() * 3);
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string file_uri_of_directory(std::string_view absolute_dir)
{
  std::string uri = "file://" + percent_encode_path(absolute_dir);
  if (!uri.ends_with('/'))
    uri += '/';
  return uri;
}

} // namespace mpcheck
