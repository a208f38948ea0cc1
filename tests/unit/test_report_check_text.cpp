#include "mpcheck/report/check_report.hpp"

#include <doctest/doctest.h>

TEST_CASE("report::display_width counts CJK as two columns")
{
  using mpcheck::report::display_width;
  CHECK(display_width("abc") == 3);
  CHECK(display_width("作品") == 4);
  CHECK(display_width("✗ 错误") == 6);
  CHECK(display_width("（有字幕）") == 10);
  CHECK(display_width("e\xcc\x81") == 1); // e + combining acute
}
