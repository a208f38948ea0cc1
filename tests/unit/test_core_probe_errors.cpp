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

TEST_CASE("probe_error_actual and truncated_text: the 实际 words of a damaged file")
{
  using mpcheck::probe_error_actual;
  using mpcheck::truncated_text;
  CHECK(probe_error_actual("corrupt").zh == "已损坏");
  CHECK(probe_error_actual("not-found").zh == "不存在");
  CHECK(probe_error_actual("weird").zh == "weird");
  const auto index = truncated_text("the index points to byte 5000 but the file ends at byte 1200");
  CHECK(index.zh == "索引标明到第 5000 字节，但文件在第 1200 字节就结束了");
  CHECK(index.en == "the index points to byte 5000 but the file ends at byte 1200");
  CHECK(truncated_text("the 'mdat' box ends at byte 900 but the file ends at byte 100").zh ==
        "“mdat” 数据块标明到第 900 字节，但文件在第 100 字节就结束了");
  CHECK(truncated_text("the Matroska segment ends at byte 9 but the file ends at byte 8").zh ==
        "Matroska 段标明到第 9 字节，但文件在第 8 字节就结束了");
  CHECK(truncated_text("the last transport packet is incomplete (cut mid-packet)").zh ==
        "最后一个传输包不完整（在包的中间被截断）");
  CHECK(truncated_text("").zh == "不完整");
}
