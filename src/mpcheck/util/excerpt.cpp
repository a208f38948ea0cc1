#include "mpcheck/util/excerpt.hpp"

#include <fmt/format.h>

namespace mpcheck {

namespace {

// The next code point of `text` from `i` (moved past it); an invalid byte is one code point.
char32_t next_code_point(std::string_view text, std::size_t& i)
{
  const auto byte = static_cast<unsigned char>(text[i]);
  const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
  for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return cp;
}

std::string_view line_of(std::string_view text, int line)
{
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = text.find('\n', start);
    if (start == std::string_view::npos)
      return {};
    ++start;
  }
  if (start > text.size())
    return {};
  std::string_view out = text.substr(start, text.find('\n', start) - start);
  if (out.ends_with('\r'))
    out.remove_suffix(1);
  return out;
}

} // namespace

int display_width(char32_t c)
{
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F))
    return 0;
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                    (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::string excerpt_at(std::string_view text, int line, int column)
{
  if (line <= 0)
    return "";
  std::string_view source = line_of(text, line);
  if (source.data() == nullptr)
    return "";
  // A line of a machine-written file can be megabytes long: show its start only.
  constexpr std::size_t longest = 400;
  std::string cut;
  if (source.size() > longest) {
    std::size_t end = longest;
    while (end > 0 && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80)
      --end;
    source = source.substr(0, end);
    cut = "…";
  }
  std::string pad;
  std::size_t i = 0;
  for (int n = 1; n < column && i < source.size(); ++n) {
    const char32_t c = next_code_point(source, i);
    pad += c == '\t' ? std::string("\t") : std::string(display_width(c), ' ');
  }
  const std::string number = std::to_string(line);
  return fmt::format("{:>5} | {}{}\n{:>5} | {}^\n", number, source, cut, "", pad);
}

std::string single_line(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text)
    if (c == '\n')
      out += "\\x0a";
    else if (c == '\t')
      out += "\\x09";
    else
      out += c;
  return out;
}

} // namespace mpcheck
