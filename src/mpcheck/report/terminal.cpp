#include "mpcheck/report/terminal.hpp"

#include <algorithm>
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
  // One pass: what is shown as it is (printable ASCII, check_text's own colours, well-formed
  // printable UTF-8: nearly all of a report) is copied in runs; only a byte or character that
  // must be escaped ends a run.
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  size_t run = 0; // start of the run not yet copied
  for (size_t i = 0; i < text.size();) {
    if (plain_ascii(text[i])) {
      ++i;
      continue;
    }
    if (text[i] == '\033') {
      const auto own = std::find_if(own_colours.begin(), own_colours.end(), [&](auto colour) {
        return text.substr(i).starts_with(colour);
      });
      if (own != own_colours.end()) {
        i += own->size();
        continue;
      }
    }
    const auto start = int32_t(i);
    int32_t next = start;
    UChar32 c = 0;
    U8_NEXT(bytes, next, int32_t(text.size()), c);
    std::string escaped;
    if (c < 0) // an ill-formed sequence: each of its bytes shown
      for (int32_t k = start; k < next; ++k)
        escaped += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[size_t(k)]));
    else if (c < 0x20 || c == 0x7f)
      escaped = fmt::format("\\x{:02x}", c);
    else if (c >= 0x80 && c < 0xA0)
      escaped = fmt::format("\\u{:04x}", c);
    if (!escaped.empty()) {
      out.append(text.substr(run, i - run));
      out += escaped;
      run = size_t(next);
    }
    i = size_t(next);
  }
  out.append(text.substr(run));
  return out;
}

} // namespace mpcheck::report
