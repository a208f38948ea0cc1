// core/probe_errors.cpp: every ProbeError code in plain words, with what to do.
#include "mpcheck/core/probe_errors.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;

TEST_CASE("core::probe_error_message says each known code in both languages")
{
  for (const char* code : {"not-found", "permission", "unreadable", "is-directory", "empty",
                           "not-media", "corrupt", "not-image", "corrupt-image", "too-large"}) {
    INFO(std::string(code));
    const Text m = probe_error_message(code);
    CHECK_FALSE(m.zh.empty());
    CHECK_FALSE(m.en.empty());
    CHECK(m.en.find(std::string("(") + code + ")") == std::string::npos); // not the fallback
  }
  CHECK(probe_error_message("empty").zh == "文件是空的（0 字节）");
  CHECK(probe_error_message("not-media").en ==
        "not a video or audio file (perhaps another file with a renamed extension)");
}

TEST_CASE("core::probe_error_hint says what to do; an unknown code still gets words")
{
  CHECK(probe_error_hint("not-found").en == "Check the path.");
  CHECK(probe_error_hint("not-media").zh == "用剪辑软件重新导出为 MP4 (H.264/AAC)。");
  const Text unknown = probe_error_message("libav-42");
  CHECK(unknown.zh == "文件无法解析（libav-42）");
  CHECK(unknown.en == "cannot be parsed (libav-42)");
}
