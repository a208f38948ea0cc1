#include "mpcheck/util/path.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::util;

TEST_CASE("util::parent_of walks up a relative path one folder at a time")
{
  CHECK(parent_of("a/b/c.mp4") == "a/b");
  CHECK(parent_of("a/b") == "a");
  CHECK(parent_of("a") == "");
  CHECK(parent_of("/x") == "");
  CHECK(parent_of("") == "");
}

TEST_CASE("util::folder_prefix_of keeps the trailing slash to put a new name after")
{
  CHECK(folder_prefix_of("作品/奋斗者之歌.mp4") == "作品/");
  CHECK(folder_prefix_of("奋斗者之歌.mp4") == "");
  CHECK(folder_prefix_of("/x") == "/");
  CHECK(folder_prefix_of("a/b/") == "a/b/");
}

TEST_CASE("util::join_path")
{
  CHECK(join_path("/out", "a/b") == "/out/a/b");
  CHECK(join_path("/", "a") == "/a");
  CHECK(join_path("/out/", "a") == "/out/a");
  CHECK(join_path("/out", "") == "/out");
}
