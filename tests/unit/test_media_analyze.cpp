#include "mpcheck/media/analyze.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace mpcheck;

namespace {

std::string fixture(const std::string& name)
{
  return std::string(MPCHECK_FIXTURES_DIR) + "/" + name;
}

media::Analysis analyze(const std::string& name, bool sound_alongside, bool compared)
{
  media::AnalyzeOptions options;
  options.sound_alongside = sound_alongside;
  media::SamplePlan plan = media::own_keyframes_plan();
  plan.compared = compared;
  return media::analyze(fixture(name), plan, options);
}

} // namespace

TEST_CASE("analyze on fixtures: the sound on a thread of its own measures what it does in turn")
{
  for (const char* name : {"h264-1080p25-8M.mp4", "h264-silent-audio.mp4", "h264-noaudio.mp4"}) {
    CAPTURE(name);
    const media::Analysis in_turn = analyze(name, false, true);
    const media::Analysis alongside = analyze(name, true, true);
    const DeepFacts &a = in_turn.facts, &b = alongside.facts;
    CHECK(a.error == b.error);
    CHECK(a.audio_measured == b.audio_measured);
    CHECK(a.loudness_lufs == b.loudness_lufs);
    CHECK(a.loudness_range_lu == b.loudness_range_lu);
    CHECK(a.true_peak_dbtp == b.true_peak_dbtp);
    CHECK(a.audio_duration_s == b.audio_duration_s);
    CHECK(a.audio_decode_errors == b.audio_decode_errors);
    CHECK(a.silences.size() == b.silences.size());
    CHECK(a.frames_decoded == b.frames_decoded);
    CHECK(a.scan_content == b.scan_content);
    CHECK(a.black_lead_s == b.black_lead_s);
    CHECK(a.black_tail_s == b.black_tail_s);
    CHECK(in_turn.samples.size() == alongside.samples.size());
  }
  // The silent fixture is silent either way; the one without sound measures none.
  CHECK(analyze("h264-silent-audio.mp4", true, false).facts.loudness_lufs == -70.0);
  CHECK_FALSE(analyze("h264-noaudio.mp4", true, false).facts.audio_measured);
}

TEST_CASE("analyze: an unreadable file fails the same way with the sound alongside")
{
  const media::Analysis a = analyze("not-media.mp4", true, false);
  CHECK_FALSE(a.facts.error.empty());
  CHECK_FALSE(a.facts.audio_measured);
  CHECK(a.samples.empty());
}
