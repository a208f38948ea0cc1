#include "mpcheck/core/lang.hpp"

#include <cstdlib>

namespace mpcheck {

bool parse_lang(std::string_view text, Lang& out)
{
  if (text.starts_with("zh")) {
    out = Lang::zh;
    return true;
  }
  if (text.starts_with("en")) {
    out = Lang::en;
    return true;
  }
  return false;
}

std::string_view error_prefix(Lang lang)
{
  return lang == Lang::en ? "mpcheck: error: " : "mpcheck：错误：";
}

std::string_view note_prefix(Lang lang)
{
  return lang == Lang::en ? "mpcheck: note: " : "mpcheck：提示：";
}

Lang lang_from_environment()
{
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) {
      Lang lang = Lang::zh;
      if (parse_lang(value, lang))
        return lang;
      return Lang::zh; // C, POSIX, other languages: unsure, so Chinese
    }
  }
  return Lang::zh;
}

} // namespace mpcheck
