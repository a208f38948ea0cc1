#include "mpcheck/media/loudness.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mpcheck::media {

namespace {

double lufs(double energy)
{
  return energy > 0 ? -0.691 + 10 * std::log10(energy) : -HUGE_VAL;
}
double energy(double loudness)
{
  return std::pow(10.0, (loudness + 0.691) / 10.0);
}

// The mean energy of the blocks above `absolute` LUFS and above the relative gate `relative`
// LU under their mean; the blocks that pass, when `passed` is given.
double gated_mean(const std::vector<double>& blocks, double absolute, double relative,
                  std::vector<double>* passed = nullptr)
{
  const double floor = energy(absolute);
  double sum = 0;
  size_t n = 0;
  for (double e : blocks)
    if (e > floor) {
      sum += e;
      ++n;
    }
  if (n == 0)
    return 0;
  const double gate = std::max(floor, sum / double(n) * std::pow(10.0, relative / 10.0));
  sum = 0;
  n = 0;
  for (double e : blocks)
    if (e > gate) {
      sum += e;
      ++n;
      if (passed)
        passed->push_back(e);
    }
  return n ? sum / double(n) : 0;
}

} // namespace

LoudnessMeter::LoudnessMeter(std::vector<double> weights, int sample_rate)
    : m_weights(std::move(weights)), m_channels(std::max<int>(1, int(m_weights.size())))
{
  if (m_weights.empty())
    m_weights.assign(1, 1.0);
  const double rate = sample_rate > 0 ? sample_rate : 48000;
  m_rate = rate;
  m_block = size_t(std::max(1, (int(rate) + 5) / 10));
  // The K-weighting of BS.1770: a high shelf (+4 dB above ~1.7 kHz) and a high pass (38 Hz).
  double f0 = 1681.974450955533, gain = 3.999843853973347, q = 0.7071752369554196;
  double k = std::tan(M_PI * f0 / rate);
  const double vh = std::pow(10.0, gain / 20.0), vb = std::pow(vh, 0.4996667741545416);
  double a0 = 1 + k / q + k * k;
  m_shelf = {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
             2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = std::tan(M_PI * f0 / rate);
  a0 = 1 + k / q + k * k;
  m_highpass = {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  m_state.assign(size_t(m_channels) * 4, 0.0);
}

double LoudnessMeter::block_seconds() const
{
  return double(m_block) / m_rate;
}

namespace {

// The K-weighting of `frames` interleaved frames of CH channels (Direct form II transposed,
// the shelf then the high pass), adding each channel's squared output to sum[c]. The channels
// run side by side in one loop: each channel's filter is a chain of dependent steps, and two
// chains at once keep the processor busy (stereo, the usual case, takes half the time).
template <size_t CH, class Biquad>
void k_weight(const float* x, size_t frames, const Biquad& s, const Biquad& h, double* z,
              double* sum)
{
  double z1[CH], z2[CH], z3[CH], z4[CH], acc[CH];
  for (size_t c = 0; c < CH; ++c) {
    z1[c] = z[c * 4], z2[c] = z[c * 4 + 1], z3[c] = z[c * 4 + 2], z4[c] = z[c * 4 + 3];
    acc[c] = 0;
  }
  for (size_t i = 0; i < frames; ++i)
    for (size_t c = 0; c < CH; ++c) {
      const double in = double(x[i * CH + c]);
      const double y1 = s.b0 * in + z1[c];
      z1[c] = s.b1 * in - s.a1 * y1 + z2[c];
      z2[c] = s.b2 * in - s.a2 * y1;
      const double y2 = h.b0 * y1 + z3[c];
      z3[c] = h.b1 * y1 - h.a1 * y2 + z4[c];
      z4[c] = h.b2 * y1 - h.a2 * y2;
      acc[c] += y2 * y2;
    }
  for (size_t c = 0; c < CH; ++c) {
    z[c * 4] = z1[c], z[c * 4 + 1] = z2[c], z[c * 4 + 2] = z3[c], z[c * 4 + 3] = z4[c];
    sum[c] = acc[c];
  }
}

} // namespace

void LoudnessMeter::add(const float* samples, size_t frames)
{
  const size_t ch = size_t(m_channels);
  std::vector<double> sums(ch, 0.0);
  for (size_t done = 0; done < frames;) {
    const size_t take = std::min(frames - done, m_block - m_in_block);
    const float* x = samples + done * ch;
    if (ch == 1) {
      k_weight<1, Biquad>(x, take, m_shelf, m_highpass, m_state.data(), sums.data());
    } else if (ch == 2) {
      k_weight<2, Biquad>(x, take, m_shelf, m_highpass, m_state.data(), sums.data());
    } else {
      // Other layouts (5.1, …): a channel at a time, each through the mono kernel.
      std::vector<float> one(take);
      for (size_t c = 0; c < ch; ++c) {
        if (m_weights[c] == 0)
          continue;
        for (size_t i = 0; i < take; ++i)
          one[i] = x[i * ch + c];
        k_weight<1, Biquad>(one.data(), take, m_shelf, m_highpass, &m_state[c * 4], &sums[c]);
      }
    }
    for (size_t c = 0; c < ch; ++c)
      if (m_weights[c] != 0)
        m_sum += m_weights[c] * sums[c];
    done += take;
    m_in_block += take;
    m_frames += take;
    if (m_in_block == m_block)
      block_done();
  }
}

void LoudnessMeter::block_done()
{
  m_blocks.push_back(m_sum / double(m_block));
  m_sum = 0;
  m_in_block = 0;
  const size_t n = m_blocks.size();
  auto mean_of_last = [&](size_t count) {
    const size_t from = n > count ? n - count : 0;
    return std::accumulate(m_blocks.begin() + ptrdiff_t(from), m_blocks.end(), 0.0) / double(count);
  };
  const double m = mean_of_last(4);
  m_momentary.push_back(lufs(m));
  if (n >= 4)
    m_gating.push_back(m);
  if (n >= 30)
    m_short_term.push_back(mean_of_last(30));
}

double LoudnessMeter::integrated() const
{
  const double e = gated_mean(m_gating, -70, -10);
  return e > 0 ? std::max(-70.0, lufs(e)) : -70.0;
}

double LoudnessMeter::range() const
{
  std::vector<double> passed;
  gated_mean(m_short_term, -70, -20, &passed);
  if (passed.size() < 2)
    return 0;
  std::sort(passed.begin(), passed.end());
  const auto at = [&](double share) {
    return passed[size_t(std::lround(share * double(passed.size() - 1)))];
  };
  return lufs(at(0.95)) - lufs(at(0.10));
}

std::vector<SilenceInterval> quiet_stretches(const std::vector<double>& momentary, double block_s,
                                             double threshold_lufs, double min_s, double end_s)
{
  std::vector<SilenceInterval> out;
  double start = -1;
  auto close = [&](double at) {
    if (start >= 0 && at - start >= min_s)
      out.push_back({start, at});
    start = -1;
  };
  for (size_t i = 0; i < momentary.size(); ++i) {
    const double t = double(i) * block_s;
    if (momentary[i] < threshold_lufs) {
      if (start < 0)
        start = t;
    } else {
      close(t);
    }
  }
  close(end_s > 0 ? end_s : double(momentary.size()) * block_s);
  return out;
}

} // namespace mpcheck::media
