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
  double block = 0;
  for (size_t i = 0; i < n; ++i)
    block = std::max(block, double(std::abs(samples[i])));
  m_sample_peak = std::max(m_sample_peak, block);
  double reach = block; // what the interpolated values of this block can draw on
  for (float h : m_history)
    reach = std::max(reach, double(std::abs(h)));
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
// over a contiguous copy of the channel (the history, then the block).
// Built for AVX2 too where the CPU has it (picked at load time): the inner loop is 8 floats
// wide instead of 4.
__attribute__((target_clones("avx2", "default"))) void
TruePeakMeter::oversample(const float* samples, size_t frames)
{
  m_oversampled += frames;
  const size_t ch = size_t(m_channels), h = size_t(m_delay - 1);
  std::vector<float> x(h + frames), acc(frames);
  float peak = 0;
  for (size_t c = 0; c < ch; ++c) {
    for (size_t i = 0; i < h; ++i)
      x[i] = m_history[i * ch + c];
    for (size_t i = 0; i < frames; ++i)
      x[h + i] = samples[i * ch + c];
    for (const auto& w : m_phases) {
      std::fill(acc.begin(), acc.end(), 0.0f);
      for (size_t t = 0; t < w.size(); ++t) {
        const float wt = w[t];
        if (wt == 0.0f)
          continue;
        const float* from = x.data() + h - t;
        for (size_t i = 0; i < frames; ++i)
          acc[i] += wt * from[i];
      }
      for (size_t i = 0; i < frames; ++i)
        peak = std::max(peak, std::abs(acc[i]));
    }
  }
  m_peak = std::max(m_peak, double(peak));
}

} // namespace mpcheck::media
