#include "mpcheck/util/xml.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;

TEST_CASE("util::xml_escape_attribute")
{
  CHECK(xml_escape_attribute("a&b <c> \"d\" 'e'") ==
        "a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_escape_attribute("作品/奋斗者之歌.mp4") == "作品/奋斗者之歌.mp4");
  CHECK(xml_escape_attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  // What XML 1.0 cannot hold at all becomes U+FFFD: controls, U+FFFE, bad UTF-8, surrogates.
  CHECK(xml_escape_attribute(std::string("x\x01y\0z", 5)) == "x\uFFFDy\uFFFDz");
  CHECK(xml_escape_attribute("\x1b[31m") == "\uFFFD[31m");
  CHECK(xml_escape_attribute("\xEF\xBF\xBE") == "\uFFFD");         // U+FFFE
  CHECK(xml_escape_attribute("a\xB7\xDC-b") == "a\uFFFD\uFFFD-b"); // GBK bytes, not UTF-8
  CHECK(xml_escape_attribute("\xED\xA0\x80") != "\xED\xA0\x80");   // an encoded surrogate
  CHECK(xml_escape_attribute("\U0001F600") == "\U0001F600");       // beyond the BMP: fine
}

TEST_CASE("util::xml_escape_text keeps tabs and line breaks")
{
  CHECK(xml_escape_text("要求: 1920x1080\n实际: <720p>\t&") ==
        "要求: 1920x1080\n实际: &lt;720p&gt;\t&amp;");
  CHECK(xml_escape_text("a\r\nb") == "a&#13;\nb");
  CHECK(xml_escape_text("\x07") == "\uFFFD");
}
