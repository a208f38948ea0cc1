// core/lang.cpp: the language of the words, from --lang or the locale; Chinese when unsure.
#include "mpcheck/core/lang.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using namespace mpcheck;

namespace {

// Sets (or, with nullopt, unsets) an environment variable for one scope.
class EnvVar {
public:
  EnvVar(const char* name, std::optional<std::string> value) : m_name(name)
  {
    if (const char* old = std::getenv(name))
      m_old = old;
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
  ~EnvVar()
  {
    if (m_old)
      ::setenv(m_name, m_old->c_str(), 1);
    else
      ::unsetenv(m_name);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("core::parse_lang takes zh and en, with or without a region")
{
  Lang lang = Lang::en;
  CHECK(parse_lang("zh", lang));
  CHECK(lang == Lang::zh);
  CHECK(parse_lang("en_US.UTF-8", lang));
  CHECK(lang == Lang::en);
  CHECK(parse_lang("zh_CN.UTF-8", lang));
  CHECK(lang == Lang::zh);
  lang = Lang::en;
  CHECK_FALSE(parse_lang("fr", lang));
  CHECK_FALSE(parse_lang("", lang));
  CHECK(lang == Lang::en); // left alone when refused
}

TEST_CASE("core::lang_from_environment: English only when the locale says so")
{
  const EnvVar all("LC_ALL", std::nullopt);
  const EnvVar messages("LC_MESSAGES", std::nullopt);
  {
    const EnvVar lang("LANG", std::nullopt);
    CHECK(lang_from_environment() == Lang::zh); // nothing set
  }
  {
    const EnvVar lang("LANG", "en_GB.UTF-8");
    CHECK(lang_from_environment() == Lang::en);
    // The first variable set decides, even when it is not a language mpcheck speaks.
    const EnvVar c("LC_MESSAGES", "C");
    CHECK(lang_from_environment() == Lang::zh);
    const EnvVar over("LC_ALL", "en_US.UTF-8");
    CHECK(lang_from_environment() == Lang::en);
  }
  {
    const EnvVar lang("LANG", "de_DE.UTF-8");
    CHECK(lang_from_environment() == Lang::zh);
  }
}

TEST_CASE("core::Text: one text in both languages, or two")
{
  const Text both("1920x1080");
  CHECK(both.in(Lang::zh) == "1920x1080");
  CHECK(both.in(Lang::en) == "1920x1080");
  const Text two("文件是空的", "the file is empty");
  CHECK(two.in(Lang::zh) == "文件是空的");
  CHECK(two.in(Lang::en) == "the file is empty");
  CHECK(Text{}.empty());
  CHECK_FALSE(Text("", "x").empty());
}

TEST_CASE("lines about the run start in the user's language: mpcheck：错误： in Chinese")
{
  CHECK(error_prefix(Lang::zh) == "mpcheck：错误：");
  CHECK(note_prefix(Lang::zh) == "mpcheck：提示：");
  CHECK(error_prefix(Lang::en) == "mpcheck: error: ");
  CHECK(note_prefix(Lang::en) == "mpcheck: note: ");
}
