// fix/plan.cpp: which steps a set of findings needs (remux, re-encode picture or sound, none),
// what cannot be fixed, the pair's shared settings, the picture's filter graph, the name.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"
#include "mpcheck/fix/plan.hpp"

using namespace test;

namespace {

// The plan for the clean version of a Changzhou pair whose clean file has `clean` facts.
// The plan of the clean version of a Changzhou pair in `sub`, given `findings`.
fix::Plan plan_of_clean(const Submission& sub, const std::vector<Finding>& findings,
                        const fix::PlanOptions& options)
{
  for (const auto& f : sub.files)
    if (f.path == changzhou_clean)
      return fix::plan_file(f, findings, changzhou(), changzhou().rules_for("微视频").media,
                            options);
  FAIL("no clean version");
  return {};
}

fix::Plan plan_for(MediaFacts clean, fix::PlanOptions options = {})
{
  const Submission sub = pair_with(std::move(clean)).build(changzhou());
  return plan_of_clean(sub, run_sub(sub), options);
}

bool fixes(const fix::Plan& p, const std::string& id)
{
  return std::find(p.fixes.begin(), p.fixes.end(), id) != p.fixes.end();
}

} // namespace

TEST_CASE("fix plan: a compliant video needs nothing")
{
  const fix::Plan p = plan_for(good_video());
  CHECK_FALSE(p.needed());
  CHECK(p.fixable());
}

TEST_CASE("fix plan: 720p is re-encoded to the rule's canvas, rate and CBR bit rate")
{
  MediaFacts f = good_video();
  f.video->width = f.video->display_width = 1280;
  f.video->height = f.video->display_height = 720;
  const fix::Plan p = plan_for(f);
  CHECK(fixes(p, "video.resolution"));
  CHECK(p.encode_video);
  CHECK_FALSE(p.encode_audio); // AAC already: copied
  CHECK(p.video.width == 1920);
  CHECK(p.video.height == 1080);
  CHECK(p.video.frame_rate == Rational{25, 1});
  CHECK(p.video.bitrate == 8000000);
  CHECK_FALSE(p.video.deinterlace);
}

TEST_CASE("fix plan: QuickTime with H.264 and AAC is remuxed, not re-encoded")
{
  MediaFacts f = good_video();
  f.container->format = "mov";
  f.container->brand = "qt";
  const fix::Plan p = plan_for(f);
  CHECK(fixes(p, "container.format"));
  CHECK(p.remux_only());
  CHECK(fix::describe(p).front().en.find("remux") != std::string::npos);
}

TEST_CASE("fix plan: a container of codecs MP4 does not carry is re-encoded")
{
  MediaFacts f = good_video();
  f.container->format = "mov";
  f.video->codec = "prores";
  f.audio.front().codec = "pcm_s16le";
  const fix::Plan p = plan_for(f);
  CHECK(p.encode_video);
  CHECK(p.encode_audio);
}

TEST_CASE("fix plan: a passing MP4 whose index is at the end is left alone")
{
  MediaFacts f = good_video();
  f.container->faststart = false;
  const fix::Plan p = plan_for(f);
  CHECK_FALSE(p.needed());
  CHECK(p.complete());
}

namespace {

// The plan of the clean version of a good Changzhou pair given these findings of its own.
fix::Plan plan_with(const std::vector<Finding>& findings, fix::PlanOptions options = {})
{
  return plan_of_clean(pair_with(good_video()).build(changzhou()), findings, options);
}

Finding finding(const std::string& check, Severity severity = Severity::error)
{
  Finding f;
  f.check = check;
  f.severity = severity;
  f.path = changzhou_clean;
  return f;
}

} // namespace

TEST_CASE("fix plan: a warning no conversion mends does not stop the rest of the fix")
{
  const fix::Plan p =
      plan_with({finding("video.frame-rate"), finding("audio.missing", Severity::warning)});
  CHECK(p.fixable());
  CHECK(p.complete());
  CHECK(p.encode_video);
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings.front().check == "audio.missing");
  // Alone, the warning is nothing to fix: the file is left as it is.
  const fix::Plan alone = plan_with({finding("audio.missing", Severity::warning)});
  CHECK_FALSE(alone.needed());
  CHECK(alone.complete());
  // As an error it still refuses the file.
  const fix::Plan refused = plan_with({finding("video.frame-rate"), finding("audio.missing")});
  CHECK_FALSE(refused.fixable());
  CHECK(refused.blockers.front().check == "audio.missing");
}

TEST_CASE("fix plan: the pair's own problems and a missing picture cannot be fixed")
{
  for (const char* id : {"subtitles.pair-mismatch", "subtitles.not-burned", "video.missing"}) {
    CAPTURE(id);
    const fix::Plan p = plan_with({finding("container.format"), finding(id)});
    REQUIRE_FALSE(p.fixable());
    CHECK(p.blockers.front().check == id);
    CHECK_FALSE(p.blockers.front().why.zh.empty());
  }
  CHECK(fix::pair_blocker("subtitles.pair-mismatch"));
  CHECK_FALSE(fix::pair_blocker("subtitles.pair-missing"));
}

TEST_CASE("fix plan: a truncated file cannot be fixed, and says to find the original")
{
  MediaFacts f = good_video();
  f.truncated = true;
  const fix::Plan p = plan_for(f);
  REQUIRE_FALSE(p.fixable());
  CHECK(p.blockers.front().check == "media.truncated");
  CHECK(p.blockers.front().why.zh.find("原始文件") != std::string::npos);
}

TEST_CASE("fix plan: portrait is refused unless --pillarbox, which makes a landscape canvas")
{
  MediaFacts f = good_video();
  f.video->width = f.video->display_width = 1080;
  f.video->height = f.video->display_height = 1920;
  const fix::Plan refused = plan_for(f);
  REQUIRE_FALSE(refused.fixable());
  CHECK(refused.blockers.back().why.en.find("--pillarbox") != std::string::npos);
  // Named by the finding check reported, not by an id it never showed.
  CHECK(refused.blockers.back().check == "video.resolution");
  const fix::Plan p = plan_for(f, {false, true, ""});
  CHECK(p.fixable());
  CHECK(p.video.width == 1920);
  CHECK(p.video.height == 1080);
}

TEST_CASE("fix plan: a rotated recording shown landscape is turned upright")
{
  MediaFacts f = good_video();
  f.video->width = 1080;
  f.video->height = 1920;
  f.video->rotation = 90;
  const fix::Plan p = plan_for(f);
  REQUIRE(p.fixable());
  CHECK(p.video.rotation == 90);
  CHECK(fix::video_filter(p.video).find("transpose=clock") != std::string::npos);
}

TEST_CASE("fix plan: too long needs --trim, which cuts inside the limit")
{
  const fix::Plan refused = plan_for(good_video(9 * 60));
  REQUIRE_FALSE(refused.fixable());
  CHECK(refused.blockers.front().check == "duration.max");
  const fix::Plan p = plan_for(good_video(9 * 60), {true, false, ""});
  REQUIRE(p.fixable());
  REQUIRE(p.trim_s);
  CHECK(*p.trim_s < 8 * 60);
  CHECK(*p.trim_s > 8 * 60 - 1);
}

TEST_CASE("fix plan: audio.loudness re-encodes the sound only, with the gain to -23 LUFS")
{
  const TreeBuilder b = [] {
    TreeBuilder t;
    MediaFacts f = analysed();
    f.deep->loudness_lufs = -50;
    t.file("课-微党课-单位.mp4", f);
    return t;
  }();
  const Submission sub = b.build(liaoning());
  const auto findings = checks::run_all(sub, liaoning(), liaoning_day);
  const fix::Plan p =
      fix::plan_file(sub.files.front(), findings, liaoning(), liaoning().rules_for("").media, {});
  CHECK(fixes(p, "audio.loudness"));
  CHECK(p.encode_audio);
  CHECK_FALSE(p.encode_video);
  CHECK(p.gain_db == doctest::Approx(27.0));
}

TEST_CASE("fix plan: a pair is re-encoded together with the same settings")
{
  fix::Plan a, b;
  a.encode_video = true;
  a.fixes = {"video.resolution"};
  a.video.width = 1920;
  a.video.height = 1080;
  a.video.frame_rate = {25, 1};
  a.gain_db = 3;
  fix::align_pair(a, b);
  CHECK(b.encode_video);
  CHECK(b.video == a.video);
  CHECK(b.gain_db == 3);
  CHECK(b.needed());
}

TEST_CASE("fix plan: the picture's filter graph")
{
  fix::VideoSettings v;
  v.width = 1920;
  v.height = 1080;
  v.frame_rate = {25, 1};
  v.sar = {4, 3};
  v.deinterlace = true;
  const std::string f = fix::video_filter(v);
  CHECK(f.starts_with("bwdif=mode=send_frame,"));
  CHECK(f.find("scale=trunc(iw*sar/2)*2:ih,setsar=1") != std::string::npos);
  CHECK(f.find("force_original_aspect_ratio=decrease") != std::string::npos);
  CHECK(f.find("pad=1920:1080:(ow-iw)/2:(oh-ih)/2") != std::string::npos);
  CHECK(f.find("fps=25/1") != std::string::npos);
  CHECK(f.ends_with("format=yuv420p"));
  v.sar = {1, 1};
  v.deinterlace = false;
  CHECK(fix::video_filter(v).find("bwdif") == std::string::npos);
  CHECK(fix::video_filter(v).find("iw*sar") == std::string::npos);
}

TEST_CASE("fix plan: the output takes the compliant name, .mp4")
{
  TreeBuilder t;
  t.file("作品/奋斗者之歌_微视频_钟楼区委组织部（有字幕）.MOV", good_video());
  t.file("作品/VID_20240801.mov", good_video());
  const Submission sub = t.build(changzhou());
  CHECK(fix::output_name(sub.files[0], changzhou(), "") ==
        "奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4");
  CHECK(fix::output_name(sub.files[0], changzhou(), "新北区委组织部") ==
        "奋斗者之歌-微视频-新北区委组织部（有字幕）.mp4");
  CHECK(fix::output_name(sub.files[1], changzhou(), "") == "VID_20240801.mp4");
}

TEST_CASE("fix plan: a missing version of a pair is said, and the present version still fixed")
{
  TreeBuilder t;
  MediaFacts f = good_video();
  f.video->width = f.video->display_width = 1280;
  f.video->height = f.video->display_height = 720;
  t.file(changzhou_sub, f);
  const Submission sub = t.build(changzhou());
  const auto findings = run_sub(sub);
  REQUIRE(std::any_of(findings.begin(), findings.end(),
                      [](const Finding& x) { return x.check == "subtitles.pair-missing"; }));
  const fix::Plan p = fix::plan_file(sub.files.front(), findings, changzhou(),
                                     changzhou().rules_for("微视频").media, {});
  CHECK(p.fixable()); // the present version is converted
  CHECK_FALSE(p.complete());
  CHECK(p.encode_video);
  REQUIRE(p.left.size() == 1);
  CHECK(p.left.front().check == "subtitles.pair-missing");
  CHECK(p.left.front().why.zh.find("做不出缺少的那个") != std::string::npos);
}

TEST_CASE("fix plan: a raised sound stays under the true-peak limit")
{
  const rules::LoudnessRange range{-36.0, -8.0};
  // Peaks low enough: the whole gain, no limiter.
  fix::LoudnessGain g = fix::loudness_gain(-40, -20, range);
  CHECK(g.gain_db == doctest::Approx(17));
  CHECK_FALSE(g.capped);
  CHECK_FALSE(g.limiter);
  // The gain capped at the headroom when that still lands 1 LU inside the range.
  g = fix::loudness_gain(-40, -6, range);
  CHECK(g.capped);
  CHECK(g.gain_db == doctest::Approx(5));
  CHECK(g.expected_lufs == doctest::Approx(-35).epsilon(0.03));
  // Not enough headroom: the full gain and the limiter, which must press 14.5 dB.
  g = fix::loudness_gain(-37.5, -1.9, range);
  CHECK(g.limiter);
  CHECK(g.gain_db == doctest::Approx(14.5));
  CHECK(g.reduction_db == doctest::Approx(-1.9 + 14.5 - fix::limiter_ceiling));
  // Lowering never needs a limit.
  g = fix::loudness_gain(-5, -0.1, range);
  CHECK(g.gain_db == doctest::Approx(-18));
  CHECK_FALSE(g.limiter);

  fix::Plan p;
  p.encode_audio = true;
  p.gain_db = g.gain_db;
  CHECK(fix::audio_filter(p).find("alimiter") == std::string::npos);
  p.loudness.limiter = true;
  const std::string f = fix::audio_filter(p);
  CHECK(f.find("aresample=192000,alimiter=limit=0.8414:") != std::string::npos);
  CHECK(f.find("level=false") != std::string::npos);
  CHECK(f.ends_with("aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo"));
  CHECK(fix::describe(p).size() == 3);
}

TEST_CASE("fix plan: a video of no known category is refused where the category decides")
{
  // Changzhou: 微视频 asks 1920x1080/25P/8 Mbps, 纪录片 nothing — the check held a video of no
  // category to no picture rule, so fix must not call it fine.
  CHECK(changzhou().category_decides());
  const auto none = fix::unknown_category(changzhou(), "", "name.pattern");
  REQUIRE(none);
  CHECK(none->check == "name.pattern");
  CHECK(none->why.zh.find("名字里读不出分类") != std::string::npos);
  CHECK(none->why.zh.find("典型事迹片、纪录片、培训片、文艺片、微视频") != std::string::npos);
  const auto other = fix::unknown_category(changzhou(), "宣传片", "name.category");
  REQUIRE(other);
  CHECK(other->why.zh.find("“宣传片”不是其中之一") != std::string::npos);
  CHECK_FALSE(fix::unknown_category(changzhou(), "微视频", "name.pattern"));
  CHECK_FALSE(fix::unknown_category(changzhou(), "纪录片", "name.pattern"));
  // No categories (liaoning-2023): every video is held to the one set of rules.
  CHECK_FALSE(liaoning().category_decides());
  CHECK_FALSE(fix::unknown_category(liaoning(), "", "name.pattern"));
}
