#include "mpcheck/util/join.hpp"

#include <doctest/doctest.h>

TEST_CASE("util::join puts the separator between the words only")
{
  using mpcheck::util::join;
  CHECK(join({}, "、") == "");
  CHECK(join({"微视频"}, "、") == "微视频");
  CHECK(join({"微视频", "纪录片", "培训片"}, "、") == "微视频、纪录片、培训片");
  CHECK(join({"a", "", "b"}, ", ") == "a, , b"); // an empty word keeps its place
}
