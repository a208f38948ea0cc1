#include "mpcheck/pack/messages.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;

TEST_CASE("error_text says what happened and what to do, in both languages")
{
  const Text space = pack::error_text("no-space", "5 MB needed");
  CHECK(space.in(Lang::zh) == "目标盘空间不足：5 MB needed");
  CHECK(space.in(Lang::en) == "not enough space on the target: 5 MB needed");
  CHECK(pack::error_text("fat32-limit", "a.mp4")
            .in(Lang::en)
            .ends_with("Format the drive as exFAT."));
  CHECK(pack::error_text("report", "").in(Lang::zh) == "无法把检查报告写到目标盘");
  // An unknown code reads as a write failure that a re-run continues.
  CHECK(pack::error_text("io", "EIO").in(Lang::en).starts_with("writing failed"));
  for (const char* code :
       {"no-space", "fat32-limit", "name-too-long", "source-changed", "invalid-plan",
        "dest-exists-different", "dest-symlink", "source-unreadable", "locked", "io"})
    CHECK(pack::error_text(code, "DETAIL").in(Lang::zh).find("DETAIL") != std::string::npos);
}
