#include "mpcheck/util/xml.hpp"

#include <unicode/utf8.h>

namespace mpcheck {

namespace {

// XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool allowed_in_xml(UChar32 c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

const char* reference_for(UChar32 c, bool attribute)
{
  if (!attribute && (c == '\t' || c == '\n'))
    return nullptr;
  switch (c) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&apos;";
  case '\t':
    return "&#9;";
  case '\n':
    return "&#10;";
  case '\r':
    return "&#13;";
  default:
    return nullptr;
  }
}

std::string escape(std::string_view text, bool attribute)
{
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = int32_t(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c); // c < 0 for a byte sequence that is not UTF-8
    if (c < 0 || !allowed_in_xml(c))
      out += "\xEF\xBF\xBD"; // U+FFFD
    else if (const char* ref = reference_for(c, attribute))
      out += ref;
    else
      out.append(text.substr(size_t(start), size_t(i - start)));
  }
  return out;
}

} // namespace

std::string xml_escape_attribute(std::string_view text)
{
  return escape(text, true);
}

std::string xml_escape_text(std::string_view text)
{
  return escape(text, false);
}

} // namespace mpcheck
