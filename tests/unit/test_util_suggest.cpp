#include "mpcheck/util/suggest.hpp"

#include <doctest/doctest.h>

using mpcheck::closest_match;
using mpcheck::edit_distance;
using mpcheck::unknown_message;

TEST_CASE("util::edit_distance")
{
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("max_bitrat", "max_bitrate") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("新媒体", "新媒体作品") == 2); // code points, not bytes
  CHECK(edit_distance("微视频", "微電影") == 2);
}

TEST_CASE("util::closest_match")
{
  const std::vector<std::string> keys = {"min_bitrate", "max_bitrate", "bitrate"};
  CHECK(closest_match("max_bitrat", keys) == "max_bitrate");
  CHECK(closest_match("bitrat", keys) == "bitrate");
  CHECK_FALSE(closest_match("bitrate", keys)); // exact: nothing to suggest
  CHECK_FALSE(closest_match("colour", keys));
  CHECK(closest_match("warn", {"error", "warning"}) == "warning");
  CHECK_FALSE(closest_match("wa", {"error", "warning"}));
  CHECK(closest_match("新媒体", {"微视频", "新媒体作品"}) == "新媒体作品");
}

TEST_CASE("util::unknown_message")
{
  CHECK(unknown_message("key", "max_bitrat", {"max_bitrate"}) ==
        "unknown key 'max_bitrat', did you mean 'max_bitrate'?");
  CHECK(unknown_message("key", "zzz", {"max_bitrate"}) == "unknown key 'zzz'");
}
