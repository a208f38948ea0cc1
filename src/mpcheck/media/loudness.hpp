#pragma once
// EBU R128 loudness (ITU-R BS.1770-4, EBU Tech 3341/3342), pure: no libav, no I/O.
// The samples are K-weighted (the standard's two biquads, their coefficients computed for
// the sample rate as libavfilter's ebur128 and libebur128 do) and their mean square summed
// per 100 ms; every measure is made of those sums, so each sample is touched once:
// momentary loudness = the last 4 sums (400 ms), the gating blocks of the integrated loudness
// = the same 400 ms every 100 ms (absolute gate −70 LUFS, relative gate −10 LU), the
// short-term loudness of the loudness range = the last 30 sums (3 s) every 100 ms (gates −70
// LUFS and −20 LU, 10th to 95th percentile). libavfilter's ebur128 measures the same way.

#include <cstddef>
#include <vector>

#include "mpcheck/core/facts.hpp"

namespace mpcheck::media {

class LoudnessMeter {
public:
  // One weight per channel of the interleaved samples: 1, 1.41 for the channels behind or
  // beside the listener, 0 for LFE.
  LoudnessMeter(std::vector<double> weights, int sample_rate);

  void add(const float* samples, size_t frames); // interleaved, any block size

  // LUFS of each 100 ms block, over the 400 ms that end with it (the samples before the
  // start count as silence); -inf for digital silence.
  const std::vector<double>& momentary() const { return m_momentary; }
  double block_seconds() const;
  double integrated() const; // LUFS; -70 when nothing passes the absolute gate
  double range() const;      // LU; 0 with fewer than two short-term blocks above the gates
  size_t frames() const { return m_frames; }

private:
  struct Biquad {
    double b0, b1, b2, a1, a2;
  };
  void block_done();

  std::vector<double> m_weights;
  int m_channels = 1;
  double m_rate = 48000;
  size_t m_block = 4800, m_in_block = 0, m_frames = 0;
  Biquad m_shelf{}, m_highpass{};
  std::vector<double> m_state;  // per channel: z1, z2 of each biquad
  double m_sum = 0;             // weighted sum of squares of the current block
  std::vector<double> m_blocks; // mean square of each 100 ms block
  std::vector<double> m_momentary, m_gating, m_short_term; // per 100 ms: LUFS, energies
};

// Stretches of at least `min_s` whose blocks are quieter than `threshold_lufs` (each block
// `block_s` long, from 0), the last closed at `end_s`.
std::vector<SilenceInterval> quiet_stretches(const std::vector<double>& momentary, double block_s,
                                             double threshold_lufs, double min_s, double end_s);

} // namespace mpcheck::media
