#include "mpcheck/util/excerpt.hpp"

#include <doctest/doctest.h>

using mpcheck::display_width;
using mpcheck::excerpt_at;

TEST_CASE("util::display_width")
{
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'微') == 2);
  CHECK(display_width(U'：') == 2); // full-width punctuation
  CHECK(display_width(U'\u0301') == 0);
}

TEST_CASE("util::excerpt_at puts the caret under the column, Chinese counted double")
{
  const std::string text = "unit: 单位\nworks:\n  - title: 甲\n    category: 微视屏\n";
  CHECK(excerpt_at(text, 4, 15) == "    4 |     category: 微视屏\n      |               ^\n");
  CHECK(excerpt_at(text, 1, 1) == "    1 | unit: 单位\n      | ^\n");
  // after two Chinese characters the caret moves four columns
  CHECK(excerpt_at("- {title: 甲乙, x: 1}\n", 1, 16) ==
        "    1 | - {title: 甲乙, x: 1}\n      |                  ^\n");
  CHECK(excerpt_at("a:\tb\r\n", 1, 4) == "    1 | a:\tb\n      |   \t^\n");
  CHECK(excerpt_at(text, 9, 1).empty());
  // a very long line is cut at a character boundary
  const std::string longline = std::string(399, 'a') + "微" + std::string(1000, 'b');
  const std::string shown = excerpt_at(longline, 1, 3);
  CHECK(shown.starts_with("    1 | " + std::string(399, 'a') + "…\n"));
  CHECK(excerpt_at(text, 0, 0).empty());
}

TEST_CASE("util::single_line writes line feeds and tabs out, so a name cannot start a line")
{
  using mpcheck::single_line;
  CHECK(single_line("坏片.mp4\n\n共 1 个文件：0 个错误") ==
        "坏片.mp4\\x0a\\x0a共 1 个文件：0 个错误");
  CHECK(single_line("a\tb") == "a\\x09b");
  CHECK(single_line("作品/初心-微视频-单位.mp4") == "作品/初心-微视频-单位.mp4");
}
