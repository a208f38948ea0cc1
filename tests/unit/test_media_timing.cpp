#include "mpcheck/media/timing.hpp"

#include <cmath>

#include <doctest/doctest.h>

using mpcheck::Rational;
using mpcheck::media::TimingAccumulator;

namespace {

// n frames at a constant interval (ticks), each `bytes` long.
TimingAccumulator constant(Rational tb, int n, int64_t interval, int64_t bytes)
{
  TimingAccumulator acc(tb);
  for (int i = 0; i < n; ++i)
    acc.add(int64_t(i) * interval, bytes);
  return acc;
}

} // namespace

TEST_CASE("media::TimingAccumulator constant 25 fps")
{
  // 10 s at 25 fps in a 1/12800 time base (ffmpeg's MP4 default), 40000 bytes a frame.
  const auto s = constant({1, 12800}, 250, 512, 40000).summary();
  CHECK(s.frame_count == 250);
  CHECK(s.duration_s == doctest::Approx(10.0));
  CHECK(s.bitrate == 8000000);
  CHECK(s.peak_bitrate == 8000000);
  CHECK(s.constant_frame_rate == true);
  CHECK(s.frame_rate == Rational{25, 1});
  CHECK(s.avg_frame_rate == Rational{25, 1});
}

TEST_CASE("media::TimingAccumulator tolerates one tick of rounding")
{
  // 29.97 fps in a millisecond time base: intervals of 33 and 34 ticks.
  TimingAccumulator acc({1, 1000});
  for (int i = 0; i < 300; ++i)
    acc.add(std::llround(i * 1001.0 / 30.0), 1000);
  const auto s = acc.summary();
  CHECK(s.constant_frame_rate == true);
  CHECK(s.frame_rate == Rational{30000, 1001});
}

TEST_CASE("media::TimingAccumulator variable frame rate")
{
  TimingAccumulator acc({1, 90000});
  int64_t t = 0;
  for (int i = 0; i < 100; ++i) {
    acc.add(t, 1000);
    t += (i % 10 == 0) ? 7200 : 3600; // mostly 40 ms, every tenth 80 ms
  }
  const auto s = acc.summary();
  CHECK(s.constant_frame_rate == false);
  CHECK(s.frame_rate == Rational{25, 1}); // the most common interval
  CHECK(s.min_interval_s == doctest::Approx(0.04));
  CHECK(s.max_interval_s == doctest::Approx(0.08));
}

TEST_CASE("media::TimingAccumulator peak over a one-second window")
{
  TimingAccumulator acc({1, 25});
  // 4 s at 25 fps: one second of 100 kB frames inside 10 kB frames.
  for (int i = 0; i < 100; ++i)
    acc.add(i, (i >= 50 && i < 75) ? 100000 : 10000);
  const auto s = acc.summary();
  CHECK(s.peak_bitrate == 25 * 100000 * 8);
  CHECK(s.bitrate < s.peak_bitrate);
}

TEST_CASE("media::TimingAccumulator discontinuities are not intervals")
{
  TimingAccumulator acc({1, 90000});
  for (int i = 0; i < 50; ++i)
    acc.add(i * 3600, 1000);
  for (int i = 0; i < 50; ++i) // PCR reset: timestamps start again near 0
    acc.add(1000 + i * 3600, 1000);
  const auto s = acc.summary();
  CHECK(s.discontinuities == 1);
  CHECK(s.constant_frame_rate == true);
  CHECK(s.duration_s == doctest::Approx(4.0));
}

TEST_CASE("media::TimingAccumulator too few frames")
{
  CHECK_FALSE(constant({1, 25}, 2, 1, 100).summary().constant_frame_rate.has_value());
  const auto empty = TimingAccumulator({1, 25}).summary();
  CHECK(empty.frame_count == 0);
  CHECK(empty.bitrate == 0);
}

TEST_CASE("media::intervals_constant")
{
  CHECK(mpcheck::media::intervals_constant({{3600, 10}}));
  CHECK(mpcheck::media::intervals_constant({{3599, 1}, {3600, 10}, {3601, 1}}));
  CHECK_FALSE(mpcheck::media::intervals_constant({{3598, 1}, {3601, 1}}));
}

TEST_CASE("media::TimingAccumulator bytes_per_second: the bit-rate curve, jumps left out")
{
  mpcheck::media::TimingAccumulator acc({1, 90000});
  // 2.5 s at 25 fps: 1000 bytes a frame for the first second, then 3000.
  for (int i = 0; i < 63; ++i)
    acc.add(int64_t(i) * 3600, i < 25 ? 1000 : 3000);
  auto curve = acc.summary().bytes_per_second;
  REQUIRE(curve.size() == 3);
  CHECK(curve[0] == 25000);
  CHECK(curve[1] == 75000);
  CHECK(curve[2] == 39000); // 13 frames
  // A 100 s jump (a spliced stream) does not make a hundred empty seconds.
  acc.add(int64_t(62) * 3600 + 9000000, 500);
  curve = acc.summary().bytes_per_second;
  REQUIRE(curve.size() == 3);
  CHECK(curve[2] == 39500);
}
