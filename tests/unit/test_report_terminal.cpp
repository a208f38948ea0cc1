#include "mpcheck/report/terminal.hpp"

#include <doctest/doctest.h>

using mpcheck::report::terminal_safe;

TEST_CASE("report::terminal_safe shows control characters instead of obeying them")
{
  CHECK(terminal_safe("片名-微视频-单位.mp4\n\ttab") == "片名-微视频-单位.mp4\n\ttab");
  // Clear the screen, retitle the window (OSC … BEL), overwrite the line with CR.
  CHECK(terminal_safe("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(terminal_safe("\x1b]0;owned\x07") == "\\x1b]0;owned\\x07");
  CHECK(terminal_safe("ok\rERROR") == "ok\\x0dERROR");
  CHECK(terminal_safe(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(terminal_safe("del\x7f") == "del\\x7f");
  // C1 controls in UTF-8 (U+009B is CSI to some terminals) and bytes that are not UTF-8.
  CHECK(terminal_safe("\xC2\x9B"
                      "31m") == "\\u009b31m");
  CHECK(terminal_safe("\xC2\xA0") == "\xC2\xA0"); // no-break space is text
  CHECK(terminal_safe("gbk \xD6\xD3") == "gbk \\xd6\\xd3");
  CHECK(terminal_safe("\x9b") == "\\x9b");
  CHECK(terminal_safe("\xE4\xB8") == "\\xe4\\xb8"); // cut short
  // mpcheck's own colours stay; any other SGR (8 = conceal) is shown.
  CHECK(terminal_safe("\033[1;31m错误\033[0m") == "\033[1;31m错误\033[0m");
  CHECK(terminal_safe("\033[8mhidden") == "\\x1b[8mhidden");
}

TEST_CASE("report::terminal_safe is idempotent")
{
  const std::string once = terminal_safe("x\x1b[2J\xC2\x85\xff\033[33my");
  CHECK(terminal_safe(once) == once);
}
