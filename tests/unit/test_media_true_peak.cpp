// media/true_peak: the oversampled peak, and that skipping quiet blocks changes nothing.
#include "mpcheck/media/true_peak.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace mpcheck::media;

namespace {

// Stereo: `hz` at `amplitude` from phase `phase`, the right channel at half the level.
std::vector<float> tone(double hz, double amplitude, double phase, size_t frames, int rate = 48000)
{
  std::vector<float> out(frames * 2);
  for (size_t i = 0; i < frames; ++i) {
    const double v = amplitude * std::sin(2 * M_PI * hz * double(i) / rate + phase);
    out[2 * i] = float(v);
    out[2 * i + 1] = float(v / 2);
  }
  return out;
}

double db(double v)
{
  return 20 * std::log10(v);
}

// Every block oversampled: what the meter would give without its shortcut.
double full_true_peak(const std::vector<float>& x, int rate = 48000)
{
  TruePeakMeter all(2, rate, false);
  for (size_t i = 0; i < x.size() / 2; i += 1024) {
    const size_t n = std::min<size_t>(1024, x.size() / 2 - i);
    all.add(x.data() + 2 * i, n);
  }
  return all.peak();
}

} // namespace

TEST_CASE("a quarter-rate sine sampled between its crests: the true peak is the crest")
{
  // 12 kHz at 48 kHz from 45°: every sample is at ±0.707 of the crest (−3 dB).
  const auto x = tone(12000, 0.5, M_PI / 4, 48000);
  TruePeakMeter m(2, 48000);
  m.add(x.data(), 48000);
  CHECK(db(m.sample_peak()) == doctest::Approx(db(0.5) - 3.01).epsilon(0.001));
  CHECK(std::abs(db(m.peak()) - db(0.5)) < 0.2);
  CHECK(m.factor() == 4);
}

TEST_CASE("a low tone: true peak and sample peak agree")
{
  const auto x = tone(440, 0.25, 0, 48000);
  TruePeakMeter m(2, 48000);
  m.add(x.data(), 48000);
  CHECK(std::abs(db(m.peak()) - db(0.25)) < 0.01);
}

TEST_CASE("quiet blocks are not oversampled, and the peak is the one of oversampling all")
{
  // Loud for 0.5 s, then 20 dB quieter for 4.5 s, in blocks of 1024 as AAC decodes them.
  auto x = tone(9000, 0.5, 0.3, 24000);
  const auto quiet = tone(9000, 0.05, 0.3, 216000);
  x.insert(x.end(), quiet.begin(), quiet.end());
  TruePeakMeter m(2, 48000);
  for (size_t i = 0; i < x.size() / 2; i += 1024)
    m.add(x.data() + 2 * i, std::min<size_t>(1024, x.size() / 2 - i));
  CHECK(m.oversampled_frames() <= 25 * 1024);
  CHECK(m.peak() == full_true_peak(x));
  CHECK(m.gain() > 1.2);
  CHECK(m.gain() < 2.0);
}

TEST_CASE("inside a loud block, the stretches between a low tone's crests are not oversampled")
{
  // 100 Hz at a steady level: every 1024-frame block reaches the crest, but in each 10 ms
  // period stretches of 64 frames stay under crest / gain and cannot raise the peak.
  const auto x = tone(100, 0.5, 0.1, 48000);
  TruePeakMeter m(2, 48000);
  for (size_t i = 0; i < x.size() / 2; i += 1024)
    m.add(x.data() + 2 * i, std::min<size_t>(1024, x.size() / 2 - i));
  CHECK(m.oversampled_frames() < 48000 * 3 / 4);
  CHECK(m.peak() == full_true_peak(x));
  // A tone that changes quickly (speech-like: two partials, the level swinging) likewise.
  std::vector<float> voice(2 * 96000);
  for (size_t i = 0; i < 96000; ++i) {
    const double t = double(i) / 48000;
    const double v = (0.25 * std::sin(2 * M_PI * 220 * t) + 0.08 * std::sin(2 * M_PI * 1330 * t)) *
                     (0.55 + 0.45 * std::sin(2 * M_PI * 0.31 * t));
    voice[2 * i] = float(v);
    voice[2 * i + 1] = float(0.9 * v);
  }
  TruePeakMeter v(2, 48000);
  for (size_t i = 0; i < 96000; i += 1024)
    v.add(voice.data() + 2 * i, std::min<size_t>(1024, 96000 - i));
  CHECK(v.peak() == full_true_peak(voice));
}

TEST_CASE("a late loud block is still found")
{
  auto x = tone(9000, 0.05, 0.3, 216000);
  const auto loud = tone(11000, 0.5, 0.7, 2000);
  x.insert(x.end(), loud.begin(), loud.end());
  TruePeakMeter m(2, 48000);
  for (size_t i = 0; i < x.size() / 2; i += 1024)
    m.add(x.data() + 2 * i, std::min<size_t>(1024, x.size() / 2 - i));
  CHECK(m.peak() > 0.49);
  CHECK(m.peak() == full_true_peak(x));
}

TEST_CASE("rates: 2× at 96 kHz, none at 192 kHz; silence is 0")
{
  CHECK(TruePeakMeter(2, 96000).factor() == 2);
  TruePeakMeter high(1, 192000);
  CHECK(high.factor() == 1);
  const std::vector<float> x{0.1f, -0.7f, 0.2f};
  high.add(x.data(), 3);
  CHECK(high.peak() == doctest::Approx(0.7));
  TruePeakMeter silent(2, 48000);
  const std::vector<float> zeros(2048, 0.0f);
  silent.add(zeros.data(), 1024);
  CHECK(silent.peak() == 0);
}
