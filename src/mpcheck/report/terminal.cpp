#include "mpcheck/report/terminal.hpp"

#include <array>

#include <fmt/format.h>
#include <unicode/utf8.h>

namespace mpcheck::report {

namespace {

// The colours check_text paints severities with.
constexpr std::array<std::string_view, 4> own_colours = {"\033[1;31m", "\033[33m", "\033[36m",
                                                         "\033[0m"};

bool plain_ascii(char c)
{
  return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n';
}

} // namespace

std::string terminal_safe(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // A run of printable ASCII (most of a report) is copied whole.
    size_t plain = i;
    while (plain < text.size() && plain_ascii(text[plain]))
      ++plain;
    if (plain > i) {
      out.append(text.substr(i, plain - i));
      i = plain;
      continue;
    }
    bool own = false;
    for (std::string_view colour : own_colours)
      if (text.substr(i).starts_with(colour)) {
        out += colour;
        i += colour.size();
        own = true;
        break;
      }
    if (own)
      continue;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto start = int32_t(i);
    int32_t next = start;
    UChar32 c = 0;
    U8_NEXT(bytes, next, int32_t(text.size()), c);
    if (c < 0) // an ill-formed sequence: each of its bytes shown
      for (int32_t k = start; k < next; ++k)
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[size_t(k)]));
    else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else if (c >= 0x80 && c < 0xA0)
      out += fmt::format("\\u{:04x}", c);
    else
      out.append(text.substr(i, size_t(next - start)));
    i = size_t(next);
  }
  return out;
}

} // namespace mpcheck::report
