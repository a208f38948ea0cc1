#include "mpcheck/pack/plan.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::pack;

TEST_CASE("pack::dest_problem accepts ordinary destinations")
{
  CHECK(dest_problem("作品/奋斗者之歌-微视频-钟楼区委组织部.mp4") == "");
  CHECK(dest_problem("报名表.docx") == "");
  CHECK(dest_problem("a/b/c/.hidden.txt") == "");
}

TEST_CASE("pack::dest_problem refuses junk, escapes and pack's own names")
{
  CHECK(dest_problem("作品/Thumbs.db") ==
        "destination 作品/Thumbs.db is a junk file and is never copied");
  CHECK(dest_problem(".DS_Store") == "destination .DS_Store is a junk file and is never copied");
  CHECK(dest_problem("作品/._a.mp4") ==
        "destination 作品/._a.mp4 is a junk file and is never copied");
  CHECK(dest_problem("desktop.ini") ==
        "destination desktop.ini is a junk file and is never copied");
  CHECK(dest_problem("") == "empty destination");
  CHECK(dest_problem("/etc/passwd") == "destination /etc/passwd is not relative");
  CHECK(dest_problem("a/../../x") == "destination a/../../x has a '.' or '..' part");
  CHECK(dest_problem("a//b") == "destination a//b has an empty part");
  CHECK(dest_problem("a/") == "destination a/ has an empty part");
  CHECK(dest_problem("a\nb") == "destination a\nb has a control character");
  CHECK(dest_problem("a/.mpcheck-tmp-b") ==
        "destination a/.mpcheck-tmp-b uses pack's temporary prefix .mpcheck-tmp-");
  CHECK(dest_problem("manifest-sha256.txt") ==
        "destination manifest-sha256.txt is a name pack keeps for itself");
  CHECK(dest_problem(".mpcheck-pack-state") ==
        "destination .mpcheck-pack-state is a name pack keeps for itself");
  CHECK(dest_problem("sub/manifest-sha256.txt") == "");
  CHECK(dest_problem("bad\xff.mp4") == "destination bad\xef\xbf\xbd.mp4 is not valid UTF-8");
}

TEST_CASE("pack::plan_problem")
{
  PackPlan plan{{{"/src/a.mp4", "作品/A.mp4"}, {"/src/b.mp4", "作品/b.mp4"}}, {{"报告.txt", "x"}}};
  CHECK(plan_problem(plan) == "");

  SUBCASE("a relative source")
  {
    plan.files[0].source = "src/a.mp4";
    CHECK(plan_problem(plan) == "source src/a.mp4 of 作品/A.mp4 is not an absolute path");
  }
  SUBCASE("names that are one file on a USB drive")
  {
    plan.files[1].dest = "作品/a.mp4";
    CHECK(plan_problem(plan) ==
          "destinations 作品/A.mp4 and 作品/a.mp4 are the same file on a USB drive");
  }
  SUBCASE("a destination that is another's folder")
  {
    plan.generated[0].dest = "作品";
    CHECK(plan_problem(plan) == "destination 作品 is also a folder of another destination");
  }
  SUBCASE("junk in the generated files too")
  {
    plan.generated[0].dest = "Thumbs.db";
    CHECK(plan_problem(plan) == "destination Thumbs.db is a junk file and is never copied");
  }
}
