#pragma once
// The true peak of sound (ITU-R BS.1770-4 annex 2), pure: no libav, no I/O. The samples are
// oversampled (4× below 96 kHz, 2× below 192 kHz) by a 49-tap Hann-windowed sinc, libebur128's
// interpolator. Only blocks that can raise the peak are oversampled: an interpolated value is
// a weighted sum of the 13 samples around it, so it is at most `gain()` (the largest sum of
// absolute weights of one phase, ~1.45 at 4×) times their largest magnitude; a block whose
// samples (with the 12 before it) stay below peak / gain() cannot raise the peak and only its
// sample peak is taken; inside a block that is oversampled, the same holds for each stretch
// of 64 frames (the quiet part of a loud tone's period). The result is the one oversampling
// every sample would give.

#include <cstddef>
#include <vector>

namespace mpcheck::media {

class TruePeakMeter {
public:
  // `skip_quiet` false: every block is oversampled (the reference the tests hold it to).
  TruePeakMeter(int channels, int sample_rate, bool skip_quiet = true);

  // Interleaved samples (`frames` × channels), in order; blocks of any size.
  void add(const float* samples, size_t frames);

  double peak() const { return m_peak; } // linear, full scale = 1
  double sample_peak() const { return m_sample_peak; }
  double gain() const { return m_gain; }
  // The cost: frames interpolated (summed over the channels, divided by their number).
  size_t oversampled_frames() const { return m_oversampled; }
  int factor() const { return m_factor; }

private:
  void oversample(const float* samples, size_t frames);

  int m_channels = 1, m_factor = 4, m_delay = 13;
  bool m_skip_quiet = true;
  std::vector<std::vector<float>> m_phases; // m_phases[p][k]: weight of x[n - k] for phase p
  double m_gain = 1;
  std::vector<float> m_history; // the last m_delay - 1 frames, interleaved (zeros at first)
  double m_peak = 0, m_sample_peak = 0;
  size_t m_oversampled = 0;
};

} // namespace mpcheck::media
