// subtitles.*: checks/subtitles.cpp on hand-built pairs (a work's subtitled and clean
// versions) and the PairComparison values the deep analysis would leave.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& unit = changzhou_unit;
const std::string& sub_name = changzhou_sub;

} // namespace

TEST_CASE("checks: subtitles.pair-missing")
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"奋斗者之歌"});
  b.file(sub_name, good_video());
  CHECK(paths_of(run(b, changzhou()), "subtitles.pair-missing") ==
        std::vector<std::string>{sub_name});
}

TEST_CASE("checks: subtitles.pair-missing sends pack's material to works.yaml")
{
  const auto hint_of = [](const std::string& name, bool material) {
    TreeBuilder b;
    b.changzhou_layout(unit, {"奋斗者之歌"});
    b.file("作品/" + name, good_video());
    Submission s = b.build(changzhou());
    s.root = "材料";
    checks::Options options;
    options.as_of = Date{2024, 9, 1};
    options.material = material;
    for (const auto& f : checks::run_all(s, changzhou(), options))
      if (f.check == "subtitles.pair-missing")
        return f.hint;
    return Text{};
  };
  const std::string pack =
      "然后重新打包：mpcheck pack \"材料\" --rules \"changzhou-2024\" --out \"U盘\"";
  // A drive: the names the versions end in (a file beside the other is packed by its name).
  const Text drive = hint_of("奋斗者之歌-微视频-" + unit + "（有字幕）.mp4", false);
  CHECK(drive.zh.starts_with("报送两个版本，文件名分别以“（有字幕）”和“（无字幕）”结尾。"));
  CHECK(drive.zh.find("mpcheck pack") == std::string::npos);
  // pack's material: the works.yaml key of the missing version, then pack again.
  const Text subtitled = hint_of("奋斗者之歌-微视频-" + unit + "（有字幕）.mp4", true);
  CAPTURE(subtitled.zh);
  CHECK(subtitled.zh.starts_with("从剪辑工程导出无字幕版，放进素材文件夹；pack 只打包 works.yaml "
                                 "里写到的文件，放在旁边不写进去的不会打包：在 works.yaml 这个作品"
                                 "的 files 下加一行 clean: 无字幕版文件的路径"));
  CHECK(subtitled.zh.find(pack) != std::string::npos);
  CHECK(subtitled.zh.find("文件名分别以") == std::string::npos);
  CHECK(subtitled.en.starts_with("Export the clean version from the editing project into the "
                                 "material folder; pack packs only the files works.yaml lists"));
  CHECK(hint_of("奋斗者之歌-微视频-" + unit + "（无字幕）.mp4", true)
            .zh.find("加一行 subtitled: 有字幕版文件的路径（无字幕版写在 clean: 下") !=
        std::string::npos);
  const Text bare = hint_of("奋斗者之歌-微视频-" + unit + ".mp4", true);
  CHECK(bare.zh.find("从剪辑工程导出另一个版本") == 0);
  CHECK(
      bare.zh.find("把 video: 换成 subtitled:（这个文件有字幕时）或 clean:（没有字幕时），再加一行 "
                   "clean: 或 subtitled:，写另一个版本文件的路径") != std::string::npos);
}

TEST_CASE("checks: loose files of one work are compared as a pair")
{
  TreeBuilder tb;
  MediaFacts longer = good_video(200);
  tb.file("奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4", good_video())
      .file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", longer);
  Submission sub = tb.build(changzhou());
  sub.scope = Scope::files;
  CHECK(ids(run_sub(sub)) == std::vector<std::string>{"subtitles.pair-mismatch"});
}

TEST_CASE("checks (deep): subtitles.pair-mismatch and subtitles.not-burned")
{
  const std::string unit = "钟楼区委组织部";
  const std::string sub = "作品/初心-微视频-" + unit + "（有字幕）.mp4";
  const std::string clean = "作品/初心-微视频-" + unit + "（无字幕）.mp4";
  auto findings_for = [&](const PairComparison& c, double clean_seconds = 180) {
    TreeBuilder b;
    b.changzhou_layout(unit, {"初心"}).file(sub, analysed()).file(clean, analysed(clean_seconds));
    Submission s = b.build(changzhou());
    REQUIRE(s.pairs.size() == 1);
    s.pairs[0].compared = true;
    s.pairs[0].comparison = c;
    return checks::run_all(s, changzhou(), {Date{2024, 9, 1}, "", false});
  };
  PairComparison burned;
  burned.samples = 12;
  burned.psnr_outside_band = 38;
  burned.band_top = 150;
  burned.band_bottom = 170;
  burned.band_samples = 9;
  burned.edges_subtitled = 0.9;
  burned.edges_clean = 0.2;
  CHECK(problems(findings_for(burned)) == 0);

  PairComparison other = burned;
  other.psnr_outside_band = 15;
  CHECK(paths_of(findings_for(other), "subtitles.pair-mismatch") == std::vector<std::string>{sub});
  CHECK(paths_of(findings_for(burned, 181), "subtitles.pair-mismatch") ==
        std::vector<std::string>{sub});
  CHECK(paths_of(findings_for(burned, 180.04), "subtitles.pair-mismatch").empty()); // one frame

  PairComparison twins;
  twins.samples = 12;
  twins.psnr_outside_band = 99;
  twins.identical_share = 1;
  auto findings = findings_for(twins);
  REQUIRE(paths_of(findings, "subtitles.not-burned") == std::vector<std::string>{sub});
  PairComparison swapped = burned;
  swapped.edges_clean = 1.2;
  findings = findings_for(swapped);
  REQUIRE(paths_of(findings, "subtitles.not-burned") == std::vector<std::string>{sub});
  // Nothing is claimed without decoded samples (--fast).
  PairComparison none;
  CHECK(problems(findings_for(none)) == 0);
}

TEST_CASE("checks (deep): the pair's sound: present, audible, as long and as loud in both")
{
  const std::string unit = "钟楼区委组织部";
  const std::string sub = "作品/初心-微视频-" + unit + "（有字幕）.mp4";
  const std::string clean = "作品/初心-微视频-" + unit + "（无字幕）.mp4";
  PairComparison burned;
  burned.samples = 12;
  burned.psnr_outside_band = 38;
  burned.band_top = 150;
  burned.band_bottom = 170;
  burned.band_samples = 9;
  burned.edges_subtitled = 0.9;
  burned.edges_clean = 0.2;
  auto mismatches = [&](const MediaFacts& a, const MediaFacts& b) {
    TreeBuilder t;
    t.changzhou_layout(unit, {"初心"}).file(sub, a).file(clean, b);
    Submission s = t.build(changzhou());
    REQUIRE(s.pairs.size() == 1);
    s.pairs[0].compared = true;
    s.pairs[0].comparison = burned;
    std::vector<Finding> out;
    for (auto& f : checks::run_all(s, changzhou(), {Date{2024, 9, 1}, "", false}))
      if (f.check == "subtitles.pair-mismatch")
        out.push_back(f);
    return out;
  };
  const MediaFacts good = analysed();
  CHECK(mismatches(good, good).empty());
  // The subtitled version is silent: an error on it, whatever the pictures say.
  MediaFacts silent = analysed();
  silent.deep->loudness_lufs = -70;
  silent.deep->true_peak_dbtp = -144;
  auto found = mismatches(silent, good);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == sub);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].message.zh.find("有字幕版是静音的") != std::string::npos);
  // Both silent: not a mismatch (audio.silent says it).
  CHECK(mismatches(silent, silent).empty());
  // The clean version has no audio stream (also under --fast: no deep facts needed).
  MediaFacts mute = good;
  mute.audio.clear();
  mute.deep.reset();
  MediaFacts fast = good;
  fast.deep.reset();
  found = mismatches(fast, mute);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == clean);
  CHECK(found[0].message.en.find("the clean version has no sound") != std::string::npos);
  // Sound one frame longer is the same; two frames is not.
  MediaFacts longer = analysed();
  longer.deep->audio_duration_s = 180.04;
  CHECK(mismatches(good, longer).empty());
  longer.deep->audio_duration_s = 180.08;
  found = mismatches(good, longer);
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual.en == "the sound lasts differently: subtitled 180.000 s, clean 180.080 s");
  // Loudness within 3 LU is one mix; 5 LU apart is not.
  MediaFacts quieter = analysed();
  quieter.deep->loudness_lufs = -25.5;
  CHECK(mismatches(good, quieter).empty());
  quieter.deep->loudness_lufs = -28;
  found = mismatches(good, quieter);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.en.find("5.0 LU apart") != std::string::npos);
}

TEST_CASE("checks (deep): text in the clean version is a swap, an error naming that file")
{
  const std::string unit = "钟楼区委组织部";
  const std::string sub = "作品/初心-微视频-" + unit + "（有字幕）.mp4";
  const std::string clean = "作品/初心-微视频-" + unit + "（无字幕）.mp4";
  TreeBuilder t;
  t.changzhou_layout(unit, {"初心"}).file(sub, analysed()).file(clean, analysed());
  Submission s = t.build(changzhou());
  REQUIRE(s.pairs.size() == 1);
  s.pairs[0].compared = true;
  s.pairs[0].comparison.samples = 12;
  s.pairs[0].comparison.psnr_outside_band = 38;
  s.pairs[0].comparison.band_samples = 9;
  s.pairs[0].comparison.edges_subtitled = 0.2;
  s.pairs[0].comparison.edges_clean = 0.9;
  const auto findings = checks::run_all(s, changzhou(), {Date{2024, 9, 1}, "", false});
  REQUIRE(paths_of(findings, "subtitles.not-burned") == std::vector<std::string>{sub});
  const Finding& f = *std::find_if(findings.begin(), findings.end(), [](const Finding& x) {
    return x.check == "subtitles.not-burned";
  });
  CHECK(f.severity == Severity::error);
  CHECK(f.message.zh.find("初心-微视频-" + unit + "（无字幕）.mp4”里") != std::string::npos);
}

TEST_CASE("checks (deep): subtitles.not-burned is an error when the pictures are the same")
{
  const std::string unit = "钟楼区委组织部";
  const std::string sub = "作品/初心-微视频-" + unit + "（有字幕）.mp4";
  const std::string clean = "作品/初心-微视频-" + unit + "（无字幕）.mp4";
  auto not_burned = [&](const PairComparison& c, bool compared, bool same_bytes) {
    TreeBuilder b;
    b.changzhou_layout(unit, {"初心"}).file(sub, analysed()).file(clean, analysed());
    Submission s = b.build(changzhou());
    REQUIRE(s.pairs.size() == 1);
    s.pairs[0].compared = compared;
    s.pairs[0].comparison = c;
    if (same_bytes)
      for (auto& f : s.files)
        if (f.kind == FileKind::video)
          f.sha256 = std::string(64, 'a');
    std::vector<Finding> out;
    for (auto& f : checks::run_all(s, changzhou(), {Date{2024, 9, 1}, "", false}))
      if (f.check == "subtitles.not-burned")
        out.push_back(f);
    return out;
  };
  PairComparison twins;
  twins.samples = 12;
  twins.psnr_outside_band = 99;
  twins.identical_share = 1;
  // The same pictures at every sample: an error.
  auto found = not_burned(twins, true, false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].message.zh.find("画面完全相同") != std::string::npos);
  // The same bytes: an error, also under --fast (nothing decoded).
  found = not_burned(PairComparison{}, false, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].actual.en.find("identical bytes") != std::string::npos);
  // Nearly the same pictures (a re-encode) and no text: still only a warning.
  PairComparison close = twins;
  close.psnr_outside_band = 40;
  close.identical_share = 0.5;
  found = not_burned(close, true, false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  // Different bytes under --fast: nothing claimed.
  CHECK(not_burned(PairComparison{}, false, false).empty());
}
