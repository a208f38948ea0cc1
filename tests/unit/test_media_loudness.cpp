// media/loudness: EBU R128 on generated sound, against the test signals of EBU Tech 3341
// and 3342 (a 1 kHz stereo sine at −23 dBFS reads −23.0 LUFS).
#include "mpcheck/media/loudness.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace mpcheck;
using namespace mpcheck::media;

namespace {

// Stereo 1 kHz sine segments: {seconds, dBFS}, fed in blocks of 1024 frames.
LoudnessMeter sine(const std::vector<std::pair<double, double>>& segments, int rate = 48000,
                   std::vector<double> weights = {1, 1})
{
  LoudnessMeter m(weights, rate);
  std::vector<float> x;
  size_t n = 0;
  for (auto [seconds, dbfs] : segments) {
    const double a = dbfs <= -200 ? 0 : std::pow(10.0, dbfs / 20);
    for (size_t i = 0; i < size_t(seconds * rate); ++i, ++n) {
      const float v = float(a * std::sin(2 * M_PI * 1000 * double(n) / rate));
      for (size_t c = 0; c < weights.size(); ++c)
        x.push_back(v);
    }
  }
  const size_t ch = weights.size(), frames = x.size() / ch;
  for (size_t i = 0; i < frames; i += 1024)
    m.add(x.data() + i * ch, std::min<size_t>(1024, frames - i));
  return m;
}

} // namespace

TEST_CASE("EBU Tech 3341: a 1 kHz stereo sine at -23 dBFS is -23.0 LUFS, at -33 dBFS -33.0")
{
  CHECK(sine({{20, -23}}).integrated() == doctest::Approx(-23.0).epsilon(0.0043)); // ±0.1 LU
  CHECK(sine({{20, -33}}).integrated() == doctest::Approx(-33.0).epsilon(0.003));
  CHECK(sine({{20, -23}}, 44100).integrated() == doctest::Approx(-23.0).epsilon(0.0043));
  // The momentary loudness of the steady part too; the first blocks count the silence before.
  const LoudnessMeter m = sine({{5, -23}});
  REQUIRE(m.momentary().size() == 50);
  CHECK(m.momentary()[10] == doctest::Approx(-23.0).epsilon(0.0043));
  CHECK(m.momentary()[0] < m.momentary()[3]);
  CHECK(m.block_seconds() == doctest::Approx(0.1));
}

TEST_CASE("EBU Tech 3342: 20 s at -20 dBFS then 20 s at -30 dBFS is a range of 10 LU")
{
  const LoudnessMeter m = sine({{20, -20}, {20, -30}});
  CHECK(m.range() == doctest::Approx(10.0).epsilon(0.1)); // ±1 LU
  // 10 LU under: both halves pass the relative gate (−10 LU under their mean, −32.6 LUFS).
  CHECK(m.integrated() == doctest::Approx(-20 + 10 * std::log10(0.55)).epsilon(0.005));
  // 20 LU under: the quiet half is gated out.
  CHECK(sine({{20, -20}, {20, -40}}).integrated() == doctest::Approx(-20.0).epsilon(0.005));
}

TEST_CASE("digital silence: -70 LUFS, momentary -inf, no range; too short to gate: -70")
{
  const LoudnessMeter m = sine({{3, -300}});
  CHECK(m.integrated() == -70);
  CHECK(m.range() == 0);
  CHECK(std::isinf(m.momentary().back()));
  CHECK(sine({{0.3, -10}}).integrated() == -70); // under 400 ms: no gating block
}

TEST_CASE("weights: LFE does not count, surround channels count 1.41 times")
{
  const double front = sine({{10, -23}}, 48000, {1, 1}).integrated();
  CHECK(sine({{10, -23}}, 48000, {1, 1, 0}).integrated() == doctest::Approx(front));
  const double surround = sine({{10, -23}}, 48000, {1, 1, 1.41, 1.41}).integrated();
  CHECK(surround - front == doctest::Approx(10 * std::log10(2 + 2 * 1.41) - 10 * std::log10(2)));
}

TEST_CASE("quiet stretches: from the first quiet block to the first loud one, the last to the end")
{
  const double q = -80, l = -20;
  const std::vector<double> m{l, q, q, q, l, q, q, q, q, q};
  const auto s = quiet_stretches(m, 0.1, -60, 0.25, 1.05);
  REQUIRE(s.size() == 2);
  CHECK(s[0].start_s == doctest::Approx(0.1));
  CHECK(s[0].end_s == doctest::Approx(0.4));
  CHECK(s[1].start_s == doctest::Approx(0.5));
  CHECK(s[1].end_s == doctest::Approx(1.05));
  CHECK(quiet_stretches(m, 0.1, -60, 0.35, 1.05).size() == 1);
  CHECK(quiet_stretches({}, 0.1, -60, 0.35, 1.0).empty());
}
