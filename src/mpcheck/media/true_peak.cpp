#include "mpcheck/media/true_peak.hpp"

#include <algorithm>
#include <cmath>

namespace mpcheck::media {

namespace {

constexpr int taps = 49;

int oversampling_factor(int sample_rate)
{
  return sample_rate < 96000 ? 4 : sample_rate < 192000 ? 2 : 1;
}

// Frames interpolated at a time when skipping: a stretch between the crests of a loud tone
// is skipped too (1.3 ms at 48 kHz).
constexpr size_t stretch = 64;

// The largest |x[i]|, eight lanes at a time (a loop the compiler vectorizes).
float largest_magnitude(const float* x, size_t n)
{
  float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (size_t l = 0; l < 8; ++l)
      lanes[l] = std::max(lanes[l], std::abs(x[i + l]));
  for (; i < n; ++i)
    lanes[0] = std::max(lanes[0], std::abs(x[i]));
  return *std::max_element(lanes, lanes + 8);
}

} // namespace

TruePeakMeter::TruePeakMeter(int channels, int sample_rate, bool skip_quiet)
    : m_channels(std::max(1, channels)), m_factor(oversampling_factor(sample_rate)),
      m_delay((taps + m_factor - 1) / m_factor), m_skip_quiet(skip_quiet)
{
  // Phase 0 passes the samples through (x[n - delay/2]): it is the sample peak, taken apart.
  m_phases.assign(size_t(m_factor), std::vector<float>(size_t(m_delay), 0.0f));
  for (int j = 0; j < taps; ++j) {
    const double m = double(j) - double(taps - 1) / 2.0;
    double c = std::abs(m) > 1e-6 ? std::sin(m * M_PI / m_factor) / (m * M_PI / m_factor) : 1.0;
    c *= 0.5 * (1 - std::cos(2 * M_PI * j / (taps - 1)));
    m_phases[size_t(j % m_factor)][size_t(j / m_factor)] = float(std::abs(c) > 1e-6 ? c : 0.0);
  }
  m_phases.erase(m_phases.begin()); // phase 0
  m_gain = 1;
  for (const auto& w : m_phases) {
    double sum = 0;
    for (float c : w)
      sum += std::abs(double(c));
    m_gain = std::max(m_gain, sum);
  }
  m_history.assign(size_t(m_delay - 1) * size_t(m_channels), 0.0f);
}

void TruePeakMeter::add(const float* samples, size_t frames)
{
  if (frames == 0)
    return;
  const size_t n = frames * size_t(m_channels);
  const double block = largest_magnitude(samples, n);
  m_sample_peak = std::max(m_sample_peak, block);
  // What the interpolated values of this block can draw on.
  const double reach =
      std::max(block, double(largest_magnitude(m_history.data(), m_history.size())));
  if (!m_phases.empty() && (!m_skip_quiet || reach * m_gain > m_peak))
    oversample(samples, frames);
  m_peak = std::max(m_peak, block);
  // Keep the last delay - 1 frames (of the history and this block) for the next block.
  const size_t keep = m_history.size();
  if (n >= keep) {
    std::copy(samples + (n - keep), samples + n, m_history.begin());
  } else {
    std::rotate(m_history.begin(), m_history.begin() + ptrdiff_t(n), m_history.end());
    std::copy(samples, samples + n, m_history.end() - ptrdiff_t(n));
  }
}

// Every interpolated value of the block, channel by channel: y_p[i] = Σ_t w_p[t] x[i - t]
// over a contiguous copy of the channel (the history, then the block). When skipping, the
// same bound as for blocks is taken per stretch of `stretch` frames: a stretch whose values,
// with the 12 before it, stay under the peak found so far divided by the gain is left out.
// Built for AVX2 too where the CPU has it (picked at load time): the inner loop is 8 floats
// wide instead of 4.
__attribute__((target_clones("avx2", "default"))) void
TruePeakMeter::oversample(const float* samples, size_t frames)
{
  const size_t ch = size_t(m_channels), h = size_t(m_delay - 1);
  std::vector<float> x(h + frames), acc(std::min(frames, stretch));
  float peak = float(m_peak);
  size_t interpolated = 0;
  for (size_t c = 0; c < ch; ++c) {
    for (size_t i = 0; i < h; ++i)
      x[i] = m_history[i * ch + c];
    for (size_t i = 0; i < frames; ++i)
      x[h + i] = samples[i * ch + c];
    for (size_t from = 0; from < frames; from += stretch) {
      const size_t count = std::min(stretch, frames - from);
      // y[i] for i in [from, from + count) draws on x[from .. from + count + h).
      if (m_skip_quiet && double(largest_magnitude(x.data() + from, count + h)) * m_gain <= peak)
        continue;
      interpolated += count;
      for (const auto& w : m_phases) {
        std::fill(acc.begin(), acc.begin() + ptrdiff_t(count), 0.0f);
        for (size_t t = 0; t < w.size(); ++t) {
          const float wt = w[t];
          if (wt == 0.0f)
            continue;
          const float* in = x.data() + h + from - t;
          for (size_t i = 0; i < count; ++i)
            acc[i] += wt * in[i];
        }
        for (size_t i = 0; i < count; ++i)
          peak = std::max(peak, std::abs(acc[i]));
      }
    }
  }
  m_oversampled += (interpolated + ch - 1) / ch;
  m_peak = std::max(m_peak, double(peak));
}

} // namespace mpcheck::media
