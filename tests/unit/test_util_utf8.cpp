#include "mpcheck/util/utf8.hpp"

#include <doctest/doctest.h>

TEST_CASE("is_valid_utf8 and replace_invalid_utf8")
{
  CHECK(mpcheck::is_valid_utf8("奋斗者之歌-微视频.mp4"));
  CHECK(mpcheck::is_valid_utf8("😀"));
  CHECK_FALSE(mpcheck::is_valid_utf8("\xff"));
  CHECK_FALSE(mpcheck::is_valid_utf8("\xc0\xaf"));         // overlong '/'
  CHECK_FALSE(mpcheck::is_valid_utf8("\xed\xa0\x80"));     // a surrogate
  CHECK_FALSE(mpcheck::is_valid_utf8("\xe5\xa5"));         // cut in the middle
  CHECK(mpcheck::replace_invalid_utf8("a\xffz") == "a\xef\xbf\xbdz");
  CHECK(mpcheck::replace_invalid_utf8("\xb7\xdc.mp4") == "\xef\xbf\xbd\xef\xbf\xbd.mp4"); // GBK bytes
}
