#include "mpcheck/naming/fs_rules.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace mpcheck::naming {

namespace {

// Calls f(code_point, byte_offset) for each character; ill-formed sequences (ICU's U8_NEXT
// consumes a maximal subpart) are reported as code point -1.
template <typename F> void for_each_code_point(std::string_view text, F&& f)
{
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    f(c, static_cast<std::size_t>(start));
  }
}

} // namespace

std::size_t first_invalid_byte(std::string_view text)
{
  std::size_t found = std::string_view::npos;
  for_each_code_point(text, [&](UChar32 c, std::size_t at) {
    if (c < 0 && found == std::string_view::npos)
      found = at;
  });
  return found;
}

namespace {

const icu::Normalizer2& nfc()
{
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !n)
    throw std::runtime_error(std::string("ICU NFC data unavailable: ") + u_errorName(status));
  return *n;
}

void append_utf8(std::string& out, UChar32 c)
{
  icu::UnicodeString(c).toUTF8String(out);
}

std::string u_plus(UChar32 c)
{
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "U+%04X", static_cast<unsigned>(c));
  return buf.data();
}

bool is_forbidden(UChar32 c)
{
  return (c >= 0 && c < 0x20) ||
         std::u32string_view(U"<>:\"/\\|?*").find(char32_t(c)) != std::u32string_view::npos;
}

std::string forbidden_detail(std::string_view name)
{
  std::u32string seen;
  std::string detail;
  for_each_code_point(name, [&](UChar32 c, std::size_t) {
    if (!is_forbidden(c) || seen.find(char32_t(c)) != std::u32string::npos)
      return;
    seen.push_back(char32_t(c));
    if (!detail.empty())
      detail += ' ';
    detail += c < 0x20 ? u_plus(c) : std::string(1, char(c));
  });
  return detail;
}

char ascii_upper(char c)
{
  return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
}

std::string ascii_upper(std::string_view text)
{
  std::string out(text);
  for (char& c : out)
    c = ascii_upper(c);
  return out;
}

// The part of a name Windows matches against device names: up to the first dot, trailing
// spaces dropped ("nul.txt", "NUL .tar.gz" and "nul" all open the null device).
std::string device_stem(std::string_view name)
{
  std::string_view stem = name.substr(0, name.find('.'));
  while (!stem.empty() && stem.back() == ' ')
    stem.remove_suffix(1);
  return ascii_upper(stem);
}

bool is_port_number(std::string_view digit)
{
  static constexpr std::array<std::string_view, 12> digits = {
      "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u00B9", "\u00B2", "\u00B3"};
  for (std::string_view d : digits)
    if (digit == d)
      return true;
  return false;
}

bool is_reserved_stem(std::string_view stem)
{
  for (std::string_view word : {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"})
    if (stem == word)
      return true;
  if (stem.starts_with("COM") || stem.starts_with("LPT"))
    return is_port_number(stem.substr(3));
  return false;
}

void check_characters(std::string_view name, std::vector<NameProblem>& out)
{
  std::string detail = forbidden_detail(name);
  if (!detail.empty())
    out.push_back({"characters", std::move(detail)});
}

void check_trailing(std::string_view name, std::vector<NameProblem>& out)
{
  if (name.ends_with('.'))
    out.push_back({"trailing", "dot"});
  else if (name.ends_with(' '))
    out.push_back({"trailing", "space"});
}

void check_reserved(std::string_view name, std::vector<NameProblem>& out)
{
  std::string stem = device_stem(name);
  if (is_reserved_stem(stem))
    out.push_back({"reserved", std::move(stem)});
}

void check_length(std::string_view name, std::vector<NameProblem>& out)
{
  const std::size_t units = utf16_length(name);
  if (units > max_name_units)
    out.push_back({"length", std::to_string(units)});
}

// The sanitize_title replacement for one character, appended to `out`.
void append_sanitized(std::string& out, UChar32 c, bool& open_quote)
{
  static constexpr std::u32string_view from = U"<>:/\\|?*";
  static constexpr std::u32string_view to = U"＜＞：／＼｜？＊";
  if (c < 0)
    c = 0xFFFD;
  if (const auto at = from.find(char32_t(c)); at != std::u32string_view::npos)
    c = UChar32(to[at]);
  else if (c == '"')
    c = (open_quote = !open_quote) ? 0x201C : 0x201D;
  else if (c == '\t' || c == '\n' || c == '\r')
    c = ' ';
  else if (c < 0x20 || c == 0x7F)
    return;
  if (c == ' ' && (out.empty() || out.back() == ' '))
    return; // collapse runs, drop leading spaces
  append_utf8(out, c);
}

std::string_view trim_title_end(std::string_view text)
{
  for (;;) {
    if (text.ends_with('.') || text.ends_with(' '))
      text.remove_suffix(1);
    else if (text.ends_with("\u3000"))
      text.remove_suffix(3);
    else
      return text;
  }
}

std::string_view trim_title_start(std::string_view text)
{
  for (;;) {
    if (text.starts_with(' '))
      text.remove_prefix(1);
    else if (text.starts_with("\u3000"))
      text.remove_prefix(3);
    else
      return text;
  }
}

// Simple (one-to-one) case folding, as the file systems' upcase tables do; then NFC again,
// since folding may leave a composable sequence.
std::string fold_unicode(std::string_view name)
{
  // Most names (Chinese, digits, lower case, already NFC) are their own key: found in one
  // pass over the name and a quick NFC test, without normalising twice.
  std::string folded;
  bool changed = false;
  for_each_code_point(name, [&](UChar32 c, std::size_t) {
    const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    changed |= f != c;
    append_utf8(folded, f);
  });
  if (!changed && is_nfc(name))
    return folded;
  folded.clear();
  for_each_code_point(to_nfc(name), [&](UChar32 c, std::size_t) {
    append_utf8(folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  });
  return to_nfc(folded);
}

std::string fold_ascii(std::string_view name)
{
  std::string folded(name);
  for (char& c : folded)
    c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return folded;
}

// A title such as "CON.2024" would make the whole name a device name ("CON.2024-微视频-….mp4"
// opens CON on Windows), so its first dot becomes the full-width '．'.
void defuse_device_name(std::string& title)
{
  const std::size_t dot = title.find('.');
  if (dot != std::string::npos && is_reserved_stem(device_stem(title)))
    title.replace(dot, 1, "\uFF0E");
}

} // namespace

bool is_valid_utf8(std::string_view text)
{
  return first_invalid_byte(text) == std::string_view::npos;
}

std::string replace_invalid_utf8(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      out += "\xef\xbf\xbd"; // U+FFFD for each ill-formed sequence
    else
      out.append(text.substr(size_t(start), size_t(i - start)));
  }
  return out;
}

std::size_t utf16_length(std::string_view utf8)
{
  std::size_t units = 0;
  for_each_code_point(utf8, [&](UChar32 c, std::size_t) { units += c > 0xFFFF ? 2 : 1; });
  return units;
}

bool path_too_long(std::string_view relative_path, std::size_t limit)
{
  while (!relative_path.empty() && (relative_path[0] == '/' || relative_path[0] == '\\'))
    relative_path.remove_prefix(1);
  return drive_prefix_units + utf16_length(relative_path) > limit;
}

std::string to_nfc(std::string_view text)
{
  if (!is_valid_utf8(text))
    return std::string(text);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  nfc().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                      nullptr, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU NFC normalisation failed: ") + u_errorName(status));
  return out;
}

bool is_nfc(std::string_view text)
{
  if (!is_valid_utf8(text))
    return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool normal = nfc().isNormalizedUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  return U_SUCCESS(status) && normal;
}

std::vector<NameProblem> check_file_name(std::string_view name)
{
  std::vector<NameProblem> out;
  if (name.empty())
    return {{"empty", ""}};
  const std::size_t bad = first_invalid_byte(name);
  if (bad != std::string_view::npos)
    out.push_back({"utf8", "byte " + std::to_string(bad)});
  check_characters(name, out);
  check_trailing(name, out);
  check_reserved(name, out);
  check_length(name, out);
  if (bad == std::string_view::npos && !is_nfc(name))
    out.push_back({"normalization", to_nfc(name)});
  return out;
}

std::string fold_for_collision(std::string_view name)
{
  std::string folded = is_valid_utf8(name) ? fold_unicode(name) : fold_ascii(name);
  while (folded.ends_with('.') || folded.ends_with(' '))
    folded.pop_back();
  return folded;
}

std::vector<std::vector<std::string>> find_collisions(const std::vector<std::string>& names)
{
  std::unordered_map<std::string, std::size_t> group_of;
  std::vector<std::vector<std::string>> groups;
  for (const std::string& name : names) {
    const auto [it, added] = group_of.try_emplace(fold_for_collision(name), groups.size());
    if (added)
      groups.emplace_back();
    groups[it->second].push_back(name);
  }
  std::erase_if(groups, [](const auto& group) { return group.size() < 2; });
  return groups;
}

std::string NameClaims::claim(const std::string& name, const std::string& owner)
{
  const auto [it, added] = m_owner_of.try_emplace(fold_for_collision(name), owner);
  return added || it->second == owner ? "" : it->second;
}

std::string sanitize_title(std::string_view title, std::string_view extra_forbidden)
{
  std::string out;
  bool open_quote = false;
  std::u32string refused;
  for_each_code_point(extra_forbidden, [&](UChar32 c, std::size_t) { refused += char32_t(c); });
  for_each_code_point(title, [&](UChar32 c, std::size_t) {
    if (refused.find(char32_t(c)) == std::u32string::npos)
      append_sanitized(out, c, open_quote);
  });
  std::string clean = to_nfc(trim_title_start(trim_title_end(to_nfc(out))));
  defuse_device_name(clean);
  return clean;
}

std::string notice_forbidden_in(std::string_view name, std::string_view forbidden)
{
  std::u32string present;
  for_each_code_point(name, [&](UChar32 c, std::size_t) { present += char32_t(c); });
  std::string out;
  std::u32string listed;
  for_each_code_point(forbidden, [&](UChar32 c, std::size_t) {
    if (c < 0 || listed.find(char32_t(c)) != std::u32string::npos ||
        present.find(char32_t(c)) == std::u32string::npos)
      return;
    listed += char32_t(c);
    if (!out.empty())
      out += ' ';
    append_utf8(out, c);
  });
  return out;
}

} // namespace mpcheck::naming
