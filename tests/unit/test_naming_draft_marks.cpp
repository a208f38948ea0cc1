#include "mpcheck/naming/draft_marks.hpp"

#include <doctest/doctest.h>

using mpcheck::naming::strip_draft_marks;

namespace {

std::string title(std::string_view name)
{
  return strip_draft_marks(name).title;
}

} // namespace

TEST_CASE("naming::strip_draft_marks takes the draft and version words off a title's end")
{
  // The tester's: in brackets, after a space.
  CHECK(strip_draft_marks("初心如磐（定稿）").title == "初心如磐");
  CHECK(strip_draft_marks("初心如磐（定稿）").removed == "（定稿）");
  CHECK(strip_draft_marks("奋斗者之歌 最终版").title == "奋斗者之歌");
  CHECK(strip_draft_marks("奋斗者之歌 最终版").removed == "最终版");
  CHECK(title("我的 微党课 最终版") == "我的 微党课");
  // Glued where the word cannot end a title's own word.
  for (const char* name :
       {"初心如磐定稿", "初心如磐终版", "初心如磐终稿", "初心如磐修改版", "初心如磐最终稿",
        "初心如磐修订版", "初心如磐初稿", "初心如磐草稿", "初心如磐第二版", "初心如磐第3稿",
        "初心如磐改2", "初心如磐二改", "初心如磐v2", "初心如磐V3", "初心如磐ver2", "初心如磐v1.2",
        "初心如磐final", "初心如磐FINAL", "初心如磐最新版"})
    CHECK_MESSAGE(title(name) == "初心如磐", name);
  // After a separator, or in brackets.
  for (const char* name :
       {"初心如磐 改", "初心如磐_修改", "初心如磐-最新", "初心如磐 副本", "初心如磐 - 副本",
        "初心如磐 copy", "初心如磐_Final", "初心如磐 draft", "初心如磐(1)", "初心如磐（2）",
        "初心如磐【修改版】", "初心如磐[final]", "初心如磐 (最终版 v2)", "初心如磐 最终"})
    CHECK_MESSAGE(title(name) == "初心如磐", name);
  // Several, one after the other; what was taken is reported as written.
  CHECK(title("初心如磐（定稿）(1)") == "初心如磐");
  CHECK(strip_draft_marks("党课 - 副本 (2)").title == "党课");
  CHECK(strip_draft_marks("党课 - 副本 (2)").removed == "- 副本 (2)");
  CHECK(title("奋斗者之歌 修改版 最终版 v3") == "奋斗者之歌");
}

TEST_CASE("naming::strip_draft_marks keeps what may be the title's own words")
{
  for (const char* name :
       {"初心如磐", "立行立改", "边学边改", "说改就改", "建党100周年", "建党100", "初心如磐 2",
        "党课（第1集）", "党课（上）", "红色记忆（有字幕）", "Semifinal", "Rev2", "最新",
        "初心如磐最新", "初心如磐副本", "党课一改", "Copy"})
    CHECK_MESSAGE(title(name) == name, name);
  // Nothing is taken that would leave no title.
  for (const char* name : {"最终版", "定稿", "（定稿）", "final", "v2", "(1)"}) {
    CHECK_MESSAGE(title(name) == name, name);
    CHECK(strip_draft_marks(name).removed.empty());
  }
  CHECK(strip_draft_marks("初心如磐").removed.empty());
}
