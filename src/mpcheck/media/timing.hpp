#pragma once
// Frame timing and bit rate from packet timestamps and sizes (pure; no libav, no I/O).
// Fed one packet at a time in decode order, in memory bounded by the 1-second window.

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "mpcheck/util/rational.hpp"

namespace mpcheck::media {

struct TimingSummary {
  int64_t frame_count = 0;
  int64_t bytes = 0;
  double duration_s = 0;                   // first timestamp to last, plus one typical frame
  int64_t bitrate = 0;                     // bit/s over duration_s; 0 when unknown
  int64_t peak_bitrate = 0;                // bit/s: most bits inside any 1-second window
  std::optional<bool> constant_frame_rate; // nullopt with fewer than 2 frame intervals
  Rational frame_rate; // measured: frames per second when constant, else the most common interval
  Rational avg_frame_rate; // (frames - 1) over the timestamp span
  double min_interval_s = 0, max_interval_s = 0;
  int discontinuities = 0;               // timestamp jumps ignored (backwards or > 10 s)
  std::vector<int64_t> bytes_per_second; // the bit-rate curve: bytes in each second, from 0
};

class TimingAccumulator {
public:
  // `time_base` of the timestamps in seconds per tick (e.g. 1/90000).
  explicit TimingAccumulator(Rational time_base);

  // One packet: its decode timestamp in ticks and its size in bytes.
  void add(int64_t dts, int64_t size);
  TimingSummary summary() const;

private:
  void add_interval(int64_t delta);
  void slide_window(int64_t dts, int64_t size);
  void add_to_second(int64_t size);

  Rational m_time_base;
  int64_t m_count = 0;
  int64_t m_bytes = 0;
  int64_t m_first = 0;
  int64_t m_last = 0;
  int64_t m_span = 0; // sum of accepted intervals, in ticks
  int m_discontinuities = 0;
  std::map<int64_t, int64_t> m_intervals;           // interval in ticks → how many
  std::deque<std::pair<int64_t, int64_t>> m_window; // (dts, bytes) in the last second
  int64_t m_window_bytes = 0;
  int64_t m_peak_window_bytes = 0;
  std::vector<int64_t> m_seconds; // bytes per second of the stream's time
};

// True when all intervals lie within ±1 tick of one another (timestamp rounding).
bool intervals_constant(const std::map<int64_t, int64_t>& intervals);

} // namespace mpcheck::media
