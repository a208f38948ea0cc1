#pragma once
// The two languages users read: Chinese by default, English with --lang en.

#include <string>
#include <string_view>

namespace mpcheck {

enum class Lang { zh, en };

// A user-facing text in both languages.
struct Text {
  Text() = default;
  Text(std::string zh_text, std::string en_text) : zh(std::move(zh_text)), en(std::move(en_text)) {}
  // The same text in both languages (a number, a size, a file name).
  Text(std::string both) : zh(both), en(std::move(both)) {}
  Text(const char* both) : Text(std::string(both)) {}

  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
  bool empty() const { return zh.empty() && en.empty(); }
};

// Language from LC_ALL / LC_MESSAGES / LANG: English only when the locale clearly says so
// (en_*), Chinese otherwise ("when unsure").
Lang lang_from_environment();

// "zh"/"en" (also zh_CN, en_US, ...) → Lang; returns false for anything else.
bool parse_lang(std::string_view text, Lang& out);

// What starts a line of stderr about the run itself: "mpcheck: error: " and "mpcheck: note: "
// in English, "mpcheck：错误：" and "mpcheck：提示：" in Chinese. Scripts go by the exit code,
// not by these words (man mpcheck, EXIT STATUS).
std::string_view error_prefix(Lang lang);
std::string_view note_prefix(Lang lang);

} // namespace mpcheck
