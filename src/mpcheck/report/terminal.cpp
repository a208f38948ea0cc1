#include "mpcheck/report/terminal.hpp"

#include <array>

#include <fmt/format.h>

namespace mpcheck::report {

namespace {

// The colours check_text paints severities with.
constexpr std::array<std::string_view, 4> own_colours = {"\033[1;31m", "\033[33m", "\033[36m",
                                                         "\033[0m"};

// Length of the well-formed UTF-8 sequence at `i` (1–4), or 0 when the byte there starts none.
size_t utf8_length(std::string_view s, size_t i)
{
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t len = c < 0x80             ? 1
                     : (c & 0xE0) == 0xC0 ? 2
                     : (c & 0xF0) == 0xE0 ? 3
                     : (c & 0xF8) == 0xF0 ? 4
                                          : 0;
  if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2) || (len == 4 && c > 0xF4))
    return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
      return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)))
    return 0;
  if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)))
    return 0;
  return len;
}

} // namespace

std::string terminal_safe(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
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
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = utf8_length(text, i);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else if (len == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else if (len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      i += 2;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

} // namespace mpcheck::report
