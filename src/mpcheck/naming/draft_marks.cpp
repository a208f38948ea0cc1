#include "mpcheck/naming/draft_marks.hpp"

#include <array>
#include <cctype>

namespace mpcheck::naming {

namespace {

// Marks that cannot end a title's own word: taken glued to it too.
constexpr std::array glued_words = {"最终版本", "最新版本", "最终版", "最终稿", "修改版", "修改稿",
                                    "修订版",   "修订稿",   "送审版", "送审稿", "最新版", "定稿",
                                    "终稿",     "终版",     "初稿",   "草稿",   "样片"};
// Marks that could: taken only after a separator (or inside brackets).
constexpr std::array separated_words = {"修改", "最终", "最新", "副本", "拷贝", "新版", "改"};
// ASCII marks, any case: after a separator, or glued after a character that is no ASCII letter
// or digit (党课final, not Semifinal).
constexpr std::array ascii_words = {"final", "copy", "draft"};
constexpr std::array separators = {" ", "_", "-", "－", "＿", "—", "·", "　", ".", "~"};
constexpr std::array chinese_digits = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
constexpr std::array<std::pair<const char*, const char*>, 4> brackets = {
    {{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}}};

bool ends_with(std::string_view s, std::string_view end)
{
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool ends_with_nocase(std::string_view s, std::string_view end)
{
  if (s.size() < end.size())
    return false;
  for (size_t i = 0; i < end.size(); ++i)
    if (std::tolower((unsigned char)s[s.size() - end.size() + i]) != end[i])
      return false;
  return true;
}

bool ascii_alnum(char c)
{
  return (unsigned char)c < 0x80 && std::isalnum((unsigned char)c);
}

// `s` without the separators at its end.
std::string_view trim_separators(std::string_view s)
{
  for (bool again = true; again;) {
    again = false;
    for (const char* sep : separators)
      if (ends_with(s, sep)) {
        s.remove_suffix(std::string_view(sep).size());
        again = true;
      }
  }
  return s;
}

bool after_separator(std::string_view before)
{
  return before.empty() || trim_separators(before).size() < before.size();
}

// The length of the trailing ASCII digits of `s`.
size_t digits_at_end(std::string_view s)
{
  size_t n = 0;
  while (n < s.size() && std::isdigit((unsigned char)s[s.size() - 1 - n]))
    ++n;
  return n;
}

// The length of a trailing Chinese digit (一 … 十) of `s`, or 0.
size_t chinese_digit_at_end(std::string_view s)
{
  for (const char* d : chinese_digits)
    if (ends_with(s, d))
      return std::string_view(d).size();
  return 0;
}

// The length of a number at the end of `s`: ASCII digits, or one Chinese digit.
size_t number_at_end(std::string_view s)
{
  const size_t n = digits_at_end(s);
  return n > 0 ? n : chinese_digit_at_end(s);
}

// The length of the mark `s` ends with (`inside`: within brackets, where every mark counts as
// separated and a bare number is one too), or 0.
size_t mark_at_end(std::string_view s, bool inside)
{
  const auto taken = [&](size_t len, bool glued_ok) {
    return len < s.size() || inside
               ? (glued_ok || inside || after_separator(s.substr(0, s.size() - len)) ? len : 0)
               : 0;
  };
  // The longest word the end matches decides: 终版 is not taken out of a title 最终版.
  for (const char* w : glued_words)
    if (ends_with(s, w))
      return taken(std::string_view(w).size(), true);
  for (const char* w : separated_words)
    if (ends_with(s, w))
      if (size_t len = taken(std::string_view(w).size(), false);
          len > 0 || w != std::string_view("改"))
        return len;
  // 第二版, 第3稿
  for (const char* unit : {"版", "稿"})
    if (ends_with(s, unit)) {
      std::string_view rest = s.substr(0, s.size() - std::string_view(unit).size());
      const size_t n = number_at_end(rest);
      if (n > 0 && ends_with(rest.substr(0, rest.size() - n), "第"))
        if (size_t len =
                taken(std::string_view(unit).size() + n + std::string_view("第").size(), true))
          return len;
    }
  // 改2, 二改 (not 一改)
  if (const size_t n = digits_at_end(s); n > 0 && ends_with(s.substr(0, s.size() - n), "改"))
    if (size_t len = taken(n + std::string_view("改").size(), true))
      return len;
  if (ends_with(s, "改")) {
    std::string_view rest = s.substr(0, s.size() - std::string_view("改").size());
    const size_t n = chinese_digit_at_end(rest);
    if (n > 0 && !ends_with(rest, "一"))
      if (size_t len = taken(n + std::string_view("改").size(), true))
        return len;
  }
  // ASCII words and v2, ver3, V1.2
  const auto ascii_taken = [&](size_t len) {
    const std::string_view before = s.substr(0, s.size() - len);
    return (before.empty() ? inside : !ascii_alnum(before.back())) ? len : 0;
  };
  for (const char* w : ascii_words)
    if (ends_with_nocase(s, w))
      if (size_t len = ascii_taken(std::string_view(w).size()))
        return len;
  if (size_t n = digits_at_end(s); n > 0) {
    std::string_view rest = s.substr(0, s.size() - n);
    if (ends_with(rest, ".") && digits_at_end(rest.substr(0, rest.size() - 1)) > 0) {
      n += 1 + digits_at_end(rest.substr(0, rest.size() - 1));
      rest = s.substr(0, s.size() - n);
    }
    for (const char* v : {"ver", "v"})
      if (ends_with_nocase(rest, v))
        if (size_t len = ascii_taken(n + std::string_view(v).size()))
          return len;
    if (inside && n == s.size())
      return n; // (1), （2）: the copy's number
  }
  return 0;
}

// Whether `content` (inside brackets) is marks and numbers only.
bool all_marks(std::string_view content)
{
  content = trim_separators(content);
  if (content.empty())
    return false;
  while (!content.empty()) {
    const size_t len = mark_at_end(content, true);
    if (len == 0)
      return false;
    content = trim_separators(content.substr(0, content.size() - len));
  }
  return true;
}

// The length of a bracketed group of marks `s` ends with, or 0.
size_t bracket_at_end(std::string_view s)
{
  for (const auto& [open, close] : brackets) {
    if (!ends_with(s, close))
      continue;
    const size_t at = s.rfind(open);
    if (at == std::string_view::npos)
      continue;
    const size_t from = at + std::string_view(open).size();
    if (all_marks(s.substr(from, s.size() - std::string_view(close).size() - from)))
      return s.size() - at;
  }
  return 0;
}

} // namespace

DraftStrip strip_draft_marks(std::string_view title)
{
  std::string_view t = title;
  for (;;) {
    const std::string_view trimmed = trim_separators(t);
    size_t len = bracket_at_end(trimmed);
    if (len == 0)
      len = mark_at_end(trimmed, false);
    if (len == 0 || len >= trimmed.size())
      break;
    t = trimmed.substr(0, trimmed.size() - len);
  }
  t = trim_separators(t);
  if (t.size() == title.size() || t.empty())
    return {std::string(title), ""};
  std::string_view removed = title.substr(t.size());
  while (!removed.empty() && removed.front() == ' ')
    removed.remove_prefix(1);
  return {std::string(t), std::string(removed)};
}

} // namespace mpcheck::naming
