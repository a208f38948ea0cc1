// fix/transcode.cpp's conversion itself runs end to end in tests/cli/test_fix.py (it needs
// real videos); here, what its failures mean for the clerk.
#include "mpcheck/fix/transcode.hpp"

#include <doctest/doctest.h>

using mpcheck::Lang;
using mpcheck::fix::transcode_failure_meaning;

TEST_CASE("fix::transcode_failure_meaning words each failed step for the clerk")
{
  // What transcode() returns: its step, then libav's words.
  const auto unreadable =
      transcode_failure_meaning("open: Invalid data found when processing input");
  CHECK(unreadable.in(Lang::zh).find("读不懂这个视频") != std::string::npos);
  CHECK(unreadable.in(Lang::en).find("cannot read this video") != std::string::npos);
  CHECK(unreadable.in(Lang::zh).find("Invalid data") == std::string::npos); // detail: the caller's
  CHECK(transcode_failure_meaning("no decoder for the stream").zh == unreadable.zh);
  CHECK(transcode_failure_meaning("stream info: End of file").zh == unreadable.zh);

  const auto encoder = transcode_failure_meaning("open libx264: Unknown error occurred");
  CHECK(encoder.in(Lang::zh).find("libx264") != std::string::npos);
  CHECK(encoder.zh != unreadable.zh); // "open libx264" is not "open"
  CHECK(transcode_failure_meaning("libx264 is not available in libavcodec").zh == encoder.zh);
  CHECK(transcode_failure_meaning("no AAC encoder").zh == encoder.zh);

  const auto writing = transcode_failure_meaning("write header: Input/output error");
  CHECK(writing.in(Lang::zh).find("新文件写不出来") != std::string::npos);
  CHECK(transcode_failure_meaning("write: Input/output error").zh == writing.zh);

  const auto internal = transcode_failure_meaning("filter graph config: Invalid argument");
  CHECK(internal.in(Lang::zh).find("原文件没有改动") != std::string::npos);
  CHECK(transcode_failure_meaning("encode: Invalid argument").zh == internal.zh);

  // Not a step of transcode (a rename, works.yaml): the caller words it.
  CHECK(transcode_failure_meaning("/u/作品/a.mp4: Input/output error").empty());
  CHECK(transcode_failure_meaning("openness: x").empty());
}
