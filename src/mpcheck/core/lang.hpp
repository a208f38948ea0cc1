#pragma once
// The two languages users read: Chinese by default, English with --lang en.

#include <string>
#include <string_view>

namespace mpcheck {

enum class Lang { zh, en };

// A user-facing text in both languages.
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

// Language from LC_ALL / LC_MESSAGES / LANG: English only when the locale clearly says so
// (en_*), Chinese otherwise ("when unsure").
Lang lang_from_environment();

// "zh"/"en" (also zh_CN, en_US, ...) → Lang; returns false for anything else.
bool parse_lang(std::string_view text, Lang& out);

} // namespace mpcheck
