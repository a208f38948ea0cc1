#include "mpcheck/media/timing.hpp"

#include <algorithm>
#include <cmath>

namespace mpcheck::media {

namespace {
constexpr int max_distinct_intervals = 4096; // bounds memory on hostile timestamps
constexpr double discontinuity_s = 10.0;
constexpr double max_seconds = 24 * 3600; // the bit-rate curve of a day at most
} // namespace

TimingAccumulator::TimingAccumulator(Rational time_base) : m_time_base(time_base) {}

void TimingAccumulator::add(int64_t dts, int64_t size)
{
  if (m_count > 0) {
    const int64_t delta = dts - m_last;
    const double delta_s = double(delta) * m_time_base.value();
    if (delta <= 0 || delta_s > discontinuity_s) {
      // A jump (PCR reset, spliced stream): not a frame interval; the window starts afresh.
      ++m_discontinuities;
      m_window.clear();
      m_window_bytes = 0;
    } else {
      add_interval(delta);
    }
  } else {
    m_first = dts;
  }
  m_last = dts;
  ++m_count;
  m_bytes += size;
  slide_window(dts, size);
  add_to_second(size);
}

void TimingAccumulator::add_to_second(int64_t size)
{
  const double at = double(m_span) * m_time_base.value(); // jumps left out, as in the span
  if (!(at >= 0) || at >= max_seconds)
    return;
  const size_t second = size_t(at);
  if (m_seconds.size() <= second)
    m_seconds.resize(second + 1, 0);
  m_seconds[second] += size;
}

void TimingAccumulator::add_interval(int64_t delta)
{
  m_span += delta;
  auto it = m_intervals.find(delta);
  if (it != m_intervals.end())
    ++it->second;
  else if (int(m_intervals.size()) < max_distinct_intervals)
    m_intervals.emplace(delta, 1);
}

void TimingAccumulator::slide_window(int64_t dts, int64_t size)
{
  if (!m_time_base.valid())
    return;
  // One second in ticks: den/num of the time base.
  const int64_t second = m_time_base.den / std::max<int64_t>(1, m_time_base.num);
  m_window.emplace_back(dts, size);
  m_window_bytes += size;
  while (!m_window.empty() && m_window.front().first <= dts - second) {
    m_window_bytes -= m_window.front().second;
    m_window.pop_front();
  }
  m_peak_window_bytes = std::max(m_peak_window_bytes, m_window_bytes);
}

bool intervals_constant(const std::map<int64_t, int64_t>& intervals)
{
  if (intervals.empty())
    return true;
  return intervals.rbegin()->first - intervals.begin()->first <= 2;
}

namespace {

int64_t most_common_interval(const std::map<int64_t, int64_t>& intervals)
{
  auto best = std::max_element(intervals.begin(), intervals.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == intervals.end() ? 0 : best->first;
}

} // namespace

TimingSummary TimingAccumulator::summary() const
{
  TimingSummary s;
  s.frame_count = m_count;
  s.bytes = m_bytes;
  s.discontinuities = m_discontinuities;
  s.bytes_per_second = m_seconds;
  const double tb = m_time_base.value();
  if (m_count == 0 || tb <= 0)
    return s;
  const int64_t typical = most_common_interval(m_intervals);
  // Each discontinuity hides one interval: count it as a typical one.
  s.duration_s = double(m_span + typical * (1 + m_discontinuities)) * tb;
  if (s.duration_s > 0) {
    s.bitrate = std::llround(double(m_bytes) * 8.0 / s.duration_s);
    // A clip shorter than a second: its peak is its bit rate.
    s.peak_bitrate = s.duration_s < 1.0 ? s.bitrate : m_peak_window_bytes * 8;
  }
  if (m_intervals.empty())
    return s;
  s.min_interval_s = double(m_intervals.begin()->first) * tb;
  s.max_interval_s = double(m_intervals.rbegin()->first) * tb;
  const int64_t intervals = m_count - 1 - m_discontinuities;
  s.constant_frame_rate =
      intervals >= 2 ? std::optional<bool>(intervals_constant(m_intervals)) : std::nullopt;
  const double avg = m_span > 0 ? double(intervals) / (double(m_span) * tb) : 0;
  s.avg_frame_rate = frame_rate_from_double(avg);
  s.frame_rate = s.constant_frame_rate.value_or(false)
                     ? s.avg_frame_rate
                     : frame_rate_from_double(1.0 / (double(typical) * tb));
  return s;
}

} // namespace mpcheck::media
