#include "mpcheck/report/check_report.hpp"

#include <doctest/doctest.h>

#include "mpcheck/rules/loader.hpp"

TEST_CASE("report::display_width counts CJK as two columns")
{
  using mpcheck::report::display_width;
  CHECK(display_width("abc") == 3);
  CHECK(display_width("作品") == 4);
  CHECK(display_width("✗ 错误") == 6);
  CHECK(display_width("（有字幕）") == 10);
  CHECK(display_width("e\xcc\x81") == 1); // e + combining acute
}

namespace {

mpcheck::Finding finding(const std::string& check, const std::string& hint)
{
  mpcheck::Finding f;
  f.check = check;
  f.path = "作品/甲.mp4";
  f.work = "甲";
  f.message = mpcheck::Text(check + " 不对", check + " wrong");
  if (!hint.empty())
    f.hint = mpcheck::Text(hint);
  return f;
}

} // namespace

TEST_CASE("report::check_text puts each fix under its finding; findings with one fix share it")
{
  using namespace mpcheck;
  static const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  checks::CheckReport r;
  r.rules = &rules;
  r.as_of = Date{2024, 9, 1};
  Work w;
  w.title = "甲";
  r.submission.works.push_back(w);
  r.findings = {finding("video.frame-rate", "ffmpeg A"), finding("name.pattern", "改名 B"),
                finding("video.bitrate", "ffmpeg A"), finding("audio.loudness", "")};
  const std::string text = report::check_text(r, {Lang::zh, false, false});
  const auto at = [&](const std::string& s) {
    const auto p = text.find(s);
    REQUIRE_MESSAGE(p != std::string::npos, s << " not in\n" << text);
    return p;
  };
  // frame-rate and bit-rate together, then their one fix; then the name and its fix
  CHECK(at("video.frame-rate") < at("video.bitrate"));
  CHECK(at("video.bitrate") < at("→ 怎么改: ffmpeg A"));
  CHECK(at("→ 怎么改: ffmpeg A") < at("name.pattern"));
  CHECK(at("name.pattern") < at("→ 怎么改: 改名 B"));
  CHECK(at("→ 怎么改: 改名 B") < at("audio.loudness"));
  CHECK(text.find("ffmpeg A") == text.rfind("ffmpeg A")); // once
}
