// report/probe_report.cpp: what `mpcheck probe` prints, as JSON (mpcheck-probe/1) and text.
#include "mpcheck/report/probe_report.hpp"

#include <doctest/doctest.h>

#include "check_builder.hpp"
#include "mpcheck/core/probe_errors.hpp"

using namespace test;
using nlohmann::json;

TEST_CASE("report::probe_json: one object per file, the facts and the error in words")
{
  MediaFacts video = good_video(12.5);
  video.path = "/x/a.mp4";
  MediaFacts bad;
  bad.path = "/x/b.mp4";
  bad.size = 100;
  bad.error = ProbeError{"not-media", "Invalid data found when processing input"};
  const json j = json::parse(report::probe_json({video, bad}, Lang::en));
  CHECK(j["schema"] == "mpcheck-probe/1");
  REQUIRE(j["files"].size() == 2);
  const json& a = j["files"][0];
  CHECK(a["path"] == "/x/a.mp4");
  CHECK(a["kind"] == "video");
  CHECK(a["duration_s"] == 12.5);
  CHECK(a["video"]["codec"] == "h264");
  CHECK(a["video"]["width"] == 1920);
  CHECK(a["audio"]["codec"] == "aac");
  CHECK(a["error"].is_null());
  const json& b = j["files"][1];
  CHECK(b["video"].is_null());
  CHECK(b["error"]["code"] == "not-media");
  CHECK(b["error"]["message"] == probe_error_message("not-media").en);
  CHECK(b["error"]["detail"] == "Invalid data found when processing input");
  // Chinese by default.
  const json zh = json::parse(report::probe_json({bad}, Lang::zh));
  CHECK(zh["files"][0]["error"]["message"] == probe_error_message("not-media").zh);
}

TEST_CASE("report::probe_text: a block per file, saying a missing sound track")
{
  MediaFacts mute = good_video(12.5);
  mute.path = "/x/无声.mp4";
  mute.audio.clear();
  const std::string text = report::probe_text({mute}, Lang::en);
  CHECK(text.starts_with("/x/无声.mp4\n"));
  CHECK(text.find("mp4 (isom)") != std::string::npos);
  CHECK(text.find("12.500 s") != std::string::npos);
  CHECK(text.find("1920") != std::string::npos);
  const auto audio_line = text.find("\n  ", text.find("12.500 s"));
  CHECK(audio_line != std::string::npos);
  CHECK(report::probe_text({mute}, Lang::zh) != text);
}

TEST_CASE("report::probe_text in Chinese says the scan, the peak and the counts in words")
{
  MediaFacts v = good_video(2);
  v.path = "/x/隔行.mp4";
  v.video->scan = "tff";
  DeepFacts deep;
  deep.scan_content = "interlaced";
  deep.idet_tff = 48;
  v.deep = deep;
  const std::string zh = report::probe_text({v}, Lang::zh);
  CHECK(zh.find("隔行（顶场优先）") != std::string::npos);
  CHECK(zh.find("从画面看扫描方式：隔行（逐帧检测：顶场优先 48 帧") != std::string::npos);
  CHECK(zh.find("（峰值 ") != std::string::npos);
  for (const char* code : {"tff", "interlaced", "idet", "peak", "frames", "bytes", "faststart"})
    CHECK_MESSAGE(zh.find(code) == std::string::npos, code, "\n", zh);
  const std::string en = report::probe_text({v}, Lang::en);
  CHECK(en.find(", tff, ") != std::string::npos);
  CHECK(en.find("(peak ") != std::string::npos);
}
