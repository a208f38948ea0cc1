// audio.*: checks/audio.cpp on hand-built facts: a missing track, silence and loudness from the
// deep analysis, and the baselines that hold under any notice.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks (liaoning): audio.missing")
{
  MediaFacts mute = good_video();
  mute.audio.clear();
  TreeBuilder b;
  b.file("无声.mp4", mute).file("有声.mp4", good_video());
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  CHECK(paths_of(findings, "audio.missing") == std::vector<std::string>{"无声.mp4"});
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

TEST_CASE("checks (baseline): no sound, silence under any notice")
{
  MediaFacts f = analysed();
  for (const char* id : {"audio.missing", "audio.silent"})
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
  // The rule set's severity map raises a baseline.
  const rules::RuleSet strict = rules::load_rules_text(
      "id: strict\ntitle: strict\nseverity:\n  audio.silent: error\n  video.hdr: off\n",
      "strict.yaml");
  found = baseline(silent, "audio.silent", strict);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
}
