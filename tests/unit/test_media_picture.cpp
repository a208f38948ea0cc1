// media/picture: the measures on grey copies of pictures, on pictures made in the test.
#include "mpcheck/media/picture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace mpcheck;
using namespace mpcheck::media;

namespace {

Luma flat(int w, int h, uint8_t value, double time = 0)
{
  Luma l;
  l.width = w;
  l.height = h;
  l.time_s = time;
  l.pixels.assign(size_t(w) * size_t(h), value);
  return l;
}

// A picture with texture: a diagonal pattern that depends on `seed`.
Luma textured(int w, int h, int seed, double time = 0)
{
  Luma l = flat(w, h, 0, time);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      l.pixels[size_t(y * w + x)] =
          uint8_t(40 + (x * 7 + y * 13 + seed * 31 + (x * y) % (seed + 5)) % 170);
  return l;
}

// White text strokes with dark outlines in rows [top, top + 8) of a copy of `l`.
Luma with_caption(Luma l, int top)
{
  for (int y = top; y < top + 8; ++y)
    for (int x = l.width / 4; x < l.width * 3 / 4; ++x)
      l.pixels[size_t(y * l.width + x)] = (x / 3) % 2 ? 235 : 16;
  return l;
}

} // namespace

TEST_CASE("media::downscale_luma averages boxes, 8 and 16 bit")
{
  // 4x2 8-bit: left half 10, right half 30 → 2x1 (the height keeps the aspect, at least 2).
  const uint8_t plane8[] = {10, 10, 30, 30, 10, 10, 30, 30};
  Luma l = downscale_luma(plane8, 4, 4, 2, 1, 0, 2);
  CHECK(l.width == 2);
  CHECK(l.height == 2);
  CHECK(l.pixels == std::vector<uint8_t>{10, 30, 10, 30});
  // 10-bit little-endian samples 400 and 800 → 100 and 200 after the shift.
  const uint8_t plane10[] = {0x90, 0x01, 0x20, 0x03, 0x90, 0x01, 0x20, 0x03};
  l = downscale_luma(plane10, 4, 2, 2, 2, 2, 2);
  CHECK(l.pixels == std::vector<uint8_t>{100, 200, 100, 200});
  CHECK(downscale_luma(nullptr, 0, 0, 0, 1, 0, 320).pixels.empty());
}

TEST_CASE("media::black_fraction, is_black: blackdetect's levels, TV and full range")
{
  CHECK(is_black(flat(32, 18, 16))); // TV black
  CHECK(is_black(flat(32, 18, 37))); // below 16 + 10 % of 219
  CHECK_FALSE(is_black(flat(32, 18, 40)));
  Luma full = flat(32, 18, 24);
  full.full_range = true;
  CHECK(is_black(full)); // 10 % of 255
  Luma title = flat(100, 100, 16);
  for (int i = 0; i < 300; ++i) // 3 % bright: a caption on black is not black
    title.pixels[size_t(i)] = 200;
  CHECK(black_fraction(title) == doctest::Approx(0.97));
  CHECK_FALSE(is_black(title));
  CHECK_FALSE(is_black(Luma{}));
}

TEST_CASE("media::psnr_from_mse, mean_squared_difference, edge_density")
{
  CHECK(psnr_from_mse(0) == 99);
  CHECK(psnr_from_mse(65025.0) == doctest::Approx(0.0));
  CHECK(psnr_from_mse(6.5025) == doctest::Approx(40.0));
  const Luma a = flat(10, 10, 100), b = flat(10, 10, 110);
  CHECK(mean_squared_difference(a, b, 0, 10) == doctest::Approx(100.0));
  CHECK(mean_squared_difference(a, flat(10, 12, 100), 0, 10) == 0); // sizes differ
  CHECK(edge_density(flat(40, 20, 128), 0, 20) == 0);
  CHECK(edge_density(with_caption(flat(40, 20, 128), 6), 6, 14) > 0.3);
}

TEST_CASE("media::compare_pair: burned-in text, twins, another programme")
{
  std::vector<Luma> clean, subtitled, other;
  for (int i = 0; i < 6; ++i) {
    clean.push_back(textured(160, 90, i, 10.0 * i));
    // A cue on screen in four samples of six, in the bottom band (rows 76–83).
    subtitled.push_back(i % 3 ? with_caption(clean.back(), 76) : clean.back());
    other.push_back(textured(160, 90, i + 50, 10.0 * i));
  }
  SUBCASE("the same programme with subtitles")
  {
    const PairComparison c = compare_pair(subtitled, clean, 0.02);
    CHECK(c.samples == 6);
    CHECK(c.band_top >= 70);
    CHECK(c.band_top <= 76);
    CHECK(c.band_bottom >= 83);
    CHECK(c.band_samples == 4);
    CHECK(c.psnr_outside_band == 99);
    CHECK(c.edges_subtitled > c.edges_clean);
  }
  SUBCASE("identical twins: no band, every sample the same picture")
  {
    const PairComparison c = compare_pair(clean, clean, 0.02);
    CHECK(c.band_top == -1);
    CHECK(c.band_samples == 0);
    CHECK(c.identical_share == 1.0);
  }
  SUBCASE("another programme differs above any band")
  {
    const PairComparison c = compare_pair(subtitled, other, 0.02);
    CHECK(c.samples == 6);
    CHECK(c.psnr_outside_band < 16);
  }
  SUBCASE("samples are matched by time, within the tolerance")
  {
    std::vector<Luma> late = clean;
    for (Luma& l : late)
      l.time_s += 0.04;
    CHECK(compare_pair(subtitled, late, 0.02).samples == 0);
    CHECK(compare_pair(subtitled, late, 0.05).samples == 6);
  }
  SUBCASE("pictures of different sizes are not compared")
  {
    std::vector<Luma> small{textured(80, 45, 0, 0.0)};
    const PairComparison c = compare_pair({clean[0]}, small, 0.02);
    CHECK(c.size_differs);
    CHECK(c.samples == 0);
  }
}

TEST_CASE("media::plan_sample_times: nested power-of-two grids, moved to keyframes")
{
  // 8 minutes: a step of 32 s, at most 16 samples.
  const std::vector<double> eight = plan_sample_times(480, {});
  CHECK(eight.size() == 14);
  CHECK(eight.front() == 32);
  CHECK(eight.back() == 448);
  // A version 40 ms longer keeps the same grid; one twice as long uses every other point.
  CHECK(plan_sample_times(480.04, {}) == eight);
  const std::vector<double> sixteen = plan_sample_times(960, {});
  for (double t : sixteen)
    CHECK((std::find(eight.begin(), eight.end(), t) != eight.end() || t > 480));
  // Short videos: whole seconds; very short ones, the middle.
  CHECK(plan_sample_times(3, {}) == std::vector<double>{1, 2});
  CHECK(plan_sample_times(1, {}) == std::vector<double>{0.5});
  CHECK(plan_sample_times(0, {}).empty());
  // Keyframes every 10 s (shown 80 ms late): each point moves to the nearest within 16 s.
  std::vector<double> keys;
  for (int k = 0; k < 48; ++k)
    keys.push_back(10.0 * k + 0.08);
  const std::vector<double> snapped = plan_sample_times(480, keys);
  CHECK(snapped.size() == 14);
  CHECK(snapped.front() == doctest::Approx(30.08));
  for (double t : snapped)
    CHECK(std::find(keys.begin(), keys.end(), t) != keys.end());
}

TEST_CASE("media::plan_pair_times: keyframes both versions share, else the cheapest")
{
  // Shared GOPs (every 10 s): every sample is a keyframe of both.
  std::vector<double> tens;
  for (int k = 0; k < 48; ++k)
    tens.push_back(10.0 * k);
  const std::vector<double> shared = plan_pair_times(480, tens, tens);
  CHECK(shared.size() == 14);
  for (double t : shared)
    CHECK(std::find(tens.begin(), tens.end(), t) != tens.end());
  // A has keyframes every 4 s, B every 10 s: a keyframe of B (decoded alone) that is at most
  // 2 s after one of A is chosen over A's keyframes, which would cost B up to 10 s.
  std::vector<double> fours;
  for (int k = 0; k < 120; ++k)
    fours.push_back(4.0 * k);
  const std::vector<double> mixed = plan_pair_times(480, fours, tens);
  REQUIRE(mixed.size() == 14);
  for (double t : mixed) {
    CHECK(std::find(tens.begin(), tens.end(), t) != tens.end());
    CHECK(std::fmod(t, 4.0) <= 2.0);
  }
  // Nothing known of either: the plain grid; of one only: that one's keyframes.
  CHECK(plan_pair_times(480, {}, {}) == plan_sample_times(480, {}));
  CHECK(plan_pair_times(480, tens, {}) == plan_sample_times(480, tens));
}

TEST_CASE("media::plan_sample_times: long GOPs are sampled at their keyframes")
{
  // One minute, a keyframe every 10 s: the grid (every 4 s) would decode 2–8 s of pictures
  // for most samples (24 s of 60 in all); the keyframes themselves are sampled instead.
  std::vector<double> tens;
  for (int k = 0; k < 6; ++k)
    tens.push_back(10.0 * k);
  CHECK(plan_sample_times(60, tens) == std::vector<double>{10, 20, 30, 40, 50});
  // A keyframe every 2 s: the grid moves onto keyframes and decodes nothing more: kept.
  std::vector<double> twos;
  for (int k = 0; k < 30; ++k)
    twos.push_back(2.0 * k);
  CHECK(plan_sample_times(60, twos) == plan_sample_times(60, {}));
  // A 4-second clip with one keyframe: nothing to stand in, the grid stays (the analysis
  // decodes it once in order).
  CHECK(plan_sample_times(4, {0}) == std::vector<double>{1, 2, 3});
  // Many keyframes, far apart from the grid: at most 16 of them, spread, first and last kept.
  std::vector<double> odd;
  for (int k = 0; k < 100; ++k)
    odd.push_back(5.0 * k + 2.5);
  const std::vector<double> spread = plan_sample_times(500, odd);
  CHECK(spread.size() <= 16);
  for (double t : spread)
    CHECK(std::find(odd.begin(), odd.end(), t) != odd.end());

  // A pair sharing those 10-second GOPs: both sampled at the shared keyframes.
  CHECK(plan_pair_times(60, tens, tens) == std::vector<double>{10, 20, 30, 40, 50});
  // GOPs that share no keyframe past the start: the grid (moved onto either's keyframes)
  // stays, the same times in both.
  std::vector<double> shifted;
  for (int k = 0; k < 6; ++k)
    shifted.push_back(10.0 * k + 5);
  shifted.front() = 0;
  CHECK(plan_pair_times(60, tens, shifted).size() > 6);
  // Encoders that cut scenes two pictures apart (keyframes 80 ms later in one version): those
  // keyframes cost the other version two pictures each, and are sampled.
  std::vector<double> later;
  for (double k : tens)
    later.push_back(k == 0 ? 0 : k + 0.08);
  const std::vector<double> close = plan_pair_times(60, tens, later);
  CHECK(close.size() >= 4);
  CHECK(close.size() <= 10);
  for (double t : close)
    CHECK((std::find(tens.begin(), tens.end(), t) != tens.end() ||
           std::find(later.begin(), later.end(), t) != later.end()));
}

TEST_CASE("media::scan_from_idet: interlaced needs one dominant field order")
{
  CHECK(scan_from_idet(3, 2, 1) == "unknown");      // too few decided pictures
  CHECK(scan_from_idet(1, 0, 40) == "progressive"); // hardly any combing
  CHECK(scan_from_idet(60, 2, 2) == "interlaced");  // real fields: one order
  CHECK(scan_from_idet(1, 50, 3) == "interlaced");
  CHECK(scan_from_idet(40, 10, 0) == "interlaced"); // 80 %: the line
  // Moving sharp edges in a small progressive picture comb in both orders (a 320x180
  // testsrc2 clip over the bursts, and ffmpeg's idet over the whole of it).
  CHECK(scan_from_idet(16, 32, 0) == "progressive");
  CHECK(scan_from_idet(48, 43, 9) == "progressive");
}

TEST_CASE("media::scan_settled: the bursts left out are only those that cannot change the verdict")
{
  // Two bursts of 16 progressive pictures: 32 more, all combing in one order, would be half
  // of 64 — not more than half — so the verdict stays progressive.
  CHECK(scan_settled(0, 0, 32, 32));
  // One picture undetermined: 32 combing pictures would be more than half of 63.
  CHECK_FALSE(scan_settled(0, 0, 31, 32));
  CHECK(scan_settled(0, 0, 31, 16));
  // Interlaced after three bursts is not settled: 16 pictures of the other field order would
  // bring the dominant order under 80 % (48 of 64).
  CHECK_FALSE(scan_settled(48, 0, 0, 16));
  CHECK(scan_settled(60, 0, 0, 4));
  // Too few decided pictures yet: unknown can become anything.
  CHECK_FALSE(scan_settled(0, 0, 4, 16));
  // Nothing left to come: whatever it is, it is settled.
  CHECK(scan_settled(3, 2, 1, 0));
  // Fewer pictures to come never unsettle a verdict that more could not change.
  for (int tff = 0; tff <= 20; tff += 4)
    for (int prog = 0; prog <= 40; prog += 5)
      for (int more = 1; more <= 24; ++more)
        if (scan_settled(tff, 0, prog, more))
          CHECK(scan_settled(tff, 0, prog, more - 1));
}
