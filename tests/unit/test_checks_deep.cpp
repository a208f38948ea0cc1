// The deep checks on hand-built facts: what DeepFacts and PairComparison values raise.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

namespace {

const rules::RuleSet& liaoning()
{
  static const rules::RuleSet r = rules::load_rules("liaoning-2023");
  return r;
}

const rules::RuleSet& changzhou()
{
  static const rules::RuleSet r = rules::load_rules("changzhou-2024");
  return r;
}

const checks::Options liaoning_day{Date{2023, 6, 10}, "", false};

MediaFacts analysed(double seconds = 180)
{
  MediaFacts f = good_video(seconds);
  f.video->duration_s = seconds;
  DeepFacts d;
  d.samples = 12;
  d.scan_content = "progressive";
  d.audio_measured = true;
  d.loudness_lufs = -23;
  d.true_peak_dbtp = -3;
  d.audio_duration_s = seconds;
  f.deep = d;
  return f;
}

std::vector<Finding> one_file(const MediaFacts& f)
{
  TreeBuilder b;
  b.file("课.mp4", f);
  return run(b, liaoning(), liaoning_day);
}

const std::vector<std::string> the_file{"课.mp4"};

} // namespace

TEST_CASE("checks (deep): a clean analysis raises nothing")
{
  CHECK(problems(one_file(analysed())) == 0);
}

TEST_CASE("checks (deep): video.black at 2 s, at either end, or all black")
{
  MediaFacts f = analysed();
  f.deep->black_lead_s = 1.96;
  CHECK(paths_of(one_file(f), "video.black").empty());
  f.deep->black_lead_s = 2.0;
  CHECK(paths_of(one_file(f), "video.black") == the_file);
  f.deep->black_lead_s = 0;
  f.deep->black_tail_s = 3;
  const auto tail = one_file(f);
  REQUIRE(paths_of(tail, "video.black") == the_file);
  CHECK(tail[0].message.en.find("3.0 s of black at the end") != std::string::npos);
  CHECK(tail[0].hint.en.find("-to 177.00") != std::string::npos);
  f.deep->black_tail_s = 0;
  f.deep->all_black = true;
  CHECK(paths_of(one_file(f), "video.black") == the_file);
}

TEST_CASE("checks (deep): video.scan from the pictures, with the flag")
{
  // Changzhou wants 25P.
  const std::string path = "作品/初心-微视频-钟楼区委组织部（有字幕）.mp4";
  auto scan_findings = [&](const MediaFacts& f) {
    TreeBuilder b;
    b.file(path, f);
    std::vector<Finding> out;
    for (auto& finding : run(b, changzhou()))
      if (finding.check == "video.scan")
        out.push_back(finding);
    return out;
  };
  MediaFacts f = analysed();
  CHECK(scan_findings(f).empty());
  f.deep->scan_content = "interlaced";
  const auto content = scan_findings(f);
  REQUIRE(content.size() == 1);
  CHECK(content[0].actual.en == "interlaced pictures flagged progressive");
  CHECK(content[0].hint.en.find("bwdif") != std::string::npos);
  // Flagged interlaced, progressive pictures: still an error (players deinterlace by the
  // flag), said plainly, and the fix does not deinterlace.
  f.video->scan = "tff";
  f.deep->scan_content = "progressive";
  const auto flagged = scan_findings(f);
  REQUIRE(flagged.size() == 1);
  CHECK(flagged[0].message.en.find("only the export flagged them") != std::string::npos);
  CHECK(flagged[0].hint.en.find("bwdif") == std::string::npos);
  f.deep->scan_content = "unknown";
  REQUIRE(scan_findings(f).size() == 1);
  CHECK(scan_findings(f)[0].hint.en.find("bwdif") != std::string::npos);
}

TEST_CASE("checks (deep): audio.silent and audio.loudness")
{
  MediaFacts f = analysed();
  f.deep->loudness_lufs = -70;
  f.deep->true_peak_dbtp = -144;
  auto findings = one_file(f);
  CHECK(paths_of(findings, "audio.silent") == the_file);
  CHECK(paths_of(findings, "audio.loudness").empty());
  CHECK(findings[0].severity == Severity::error);
  // Too quiet, and too loud, against Liaoning's −36…−8 LUFS.
  f.deep->loudness_lufs = -40;
  findings = one_file(f);
  CHECK(paths_of(findings, "audio.silent").empty());
  REQUIRE(paths_of(findings, "audio.loudness") == the_file);
  CHECK(findings[0].hint.en.find("+17 dB") != std::string::npos);
  f.deep->loudness_lufs = -5;
  CHECK(paths_of(one_file(f), "audio.loudness") == the_file);
  // A clip shorter than 400 ms has no integrated loudness: its peak decides.
  f.deep->loudness_lufs = -70;
  f.deep->audio_duration_s = 0.3;
  f.deep->true_peak_dbtp = -20;
  CHECK(problems(one_file(f)) == 0);
  // A long gap is a warning, a short one nothing.
  f = analysed();
  f.deep->silences = {{10, 19}, {40, 52}};
  findings = one_file(f);
  REQUIRE(paths_of(findings, "audio.silent") == the_file);
  CHECK(findings[0].severity == Severity::warning);
  CHECK(findings[0].actual.en == "silent: 40.0–52.0 s");
}

TEST_CASE("checks (deep): media.decode-error, not for truncated files")
{
  MediaFacts f = analysed();
  f.deep->video_decode_errors = 3;
  auto findings = one_file(f);
  REQUIRE(paths_of(findings, "media.decode-error") == the_file);
  CHECK(findings[0].actual.en == "3 picture and 0 sound decode errors");
  f.truncated = true;
  CHECK(paths_of(one_file(f), "media.decode-error").empty());
  f = analysed();
  f.deep->error = "no-pictures";
  CHECK(paths_of(one_file(f), "media.decode-error") == the_file);
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

TEST_CASE("checks (deep): video.scan says idet's counts and the dominant order")
{
  TreeBuilder b;
  MediaFacts f = analysed();
  f.deep->scan_content = "interlaced";
  f.deep->idet_tff = 58;
  f.deep->idet_bff = 2;
  f.deep->idet_progressive = 4;
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", f);
  const auto findings = run(b, changzhou());
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& x) { return x.check == "video.scan"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.en.find("top field first 58, bottom field first 2, progressive 4; 97% top "
                            "field first") != std::string::npos);
  CHECK(it->message.zh.find("顶场优先占 97%") != std::string::npos);
}

TEST_CASE("checks (deep): video.black leaves out the missing end of a truncated file")
{
  MediaFacts f = analysed();
  f.deep->black_tail_s = 60;
  f.truncated = true;
  CHECK(paths_of(one_file(f), "video.black").empty());
  f.deep->black_lead_s = 3; // the start is there: still reported, the end is not mentioned
  const auto findings = one_file(f);
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& x) { return x.check == "video.black"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.en.find("at the end") == std::string::npos);
}

namespace {

// Findings of `check` for one file under Changzhou (whose notice says nothing of sound,
// colour or timing): the baselines.
std::vector<Finding> baseline(const MediaFacts& f, const std::string& check,
                              const rules::RuleSet& rules = changzhou())
{
  TreeBuilder b;
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", f);
  std::vector<Finding> out;
  for (auto& finding : run(b, rules))
    if (finding.check == check)
      out.push_back(finding);
  return out;
}

} // namespace

TEST_CASE("checks (baseline): no sound, silence, HDR, 10-bit, variable timing under any notice")
{
  MediaFacts f = analysed();
  for (const char* id : {"audio.missing", "audio.silent", "video.hdr", "video.bit-depth",
                         "video.variable-frame-rate"})
    CHECK(baseline(f, id).empty());
  // No audio stream: a warning where the notice says nothing, an error where it asks.
  MediaFacts mute = analysed();
  mute.audio.clear();
  auto found = baseline(mute, "audio.missing");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  found = baseline(mute, "audio.missing", liaoning()); // audio_required: true
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  // A silent track likewise.
  MediaFacts silent = analysed();
  silent.deep->loudness_lufs = -70;
  silent.deep->true_peak_dbtp = -144;
  found = baseline(silent, "audio.silent");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  // The rule set's severity map raises a baseline, or switches it off.
  const rules::RuleSet strict = rules::load_rules_text(
      "id: strict\ntitle: strict\nseverity:\n  audio.silent: error\n  video.hdr: off\n",
      "strict.yaml");
  found = baseline(silent, "audio.silent", strict);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  // HLG 10-bit, as an Android phone records it.
  MediaFacts hlg = analysed();
  hlg.video->color_primaries = "bt2020";
  hlg.video->color_transfer = "arib-std-b67";
  hlg.video->color_matrix = "bt2020nc";
  hlg.video->bit_depth = 10;
  hlg.video->pix_fmt = "yuv420p10le";
  found = baseline(hlg, "video.hdr");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].actual.en == "HLG high dynamic range (bt2020/arib-std-b67)");
  CHECK(found[0].hint.en.find("tonemap") != std::string::npos);
  CHECK(baseline(hlg, "video.hdr", strict).empty());
  found = baseline(hlg, "video.bit-depth");
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual.en == "10-bit (yuv420p10le)");
  // BT.2020 without an HDR transfer is wide gamut; BT.709 is nothing.
  MediaFacts wide = analysed();
  wide.video->color_primaries = "bt2020";
  wide.video->color_transfer = "bt2020-10";
  found = baseline(wide, "video.hdr");
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual.en.find("wide gamut") != std::string::npos);
  wide.video->color_primaries = wide.video->color_transfer = "bt709";
  CHECK(baseline(wide, "video.hdr").empty());
  // Variable timing where the notice sets no frame rate (Liaoning): still a warning.
  MediaFacts vfr = analysed();
  vfr.video->constant_frame_rate = false;
  vfr.video->frame_duration_min_s = 0.016;
  vfr.video->frame_duration_max_s = 0.050;
  found = baseline(vfr, "video.variable-frame-rate", liaoning());
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].expected.en == "constant frame rate");
  // A phone's millisecond of jitter is not variable timing.
  vfr.video->frame_duration_min_s = 0.033;
  vfr.video->frame_duration_max_s = 0.034;
  CHECK(baseline(vfr, "video.variable-frame-rate", liaoning()).empty());
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
