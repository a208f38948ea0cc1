#pragma once
// What mpcheck measures on decoded pictures, on small grey copies of them (pure: no libav,
// no I/O). media/analyze.cpp decodes and downscales; the checks judge what these return.

#include <cstdint>
#include <string>
#include <vector>

#include "mpcheck/core/facts.hpp"

namespace mpcheck::media {

// A picture's luma (Y), box-downscaled, as the stream's code values.
struct Luma {
  double time_s = 0; // presentation time from the stream's start
  int width = 0, height = 0;
  bool full_range = false;     // 0–255 (JPEG range); false: 16–235 (TV range)
  std::vector<uint8_t> pixels; // width × height, row-major
};

// Box-downscales a luma plane to `out_width` columns (the height keeps the aspect, even).
// `bytes_per_sample` 1 or 2 (little-endian); `shift` brings the samples to 8 bits (10-bit: 2).
Luma downscale_luma(const uint8_t* plane, int linesize, int width, int height, int bytes_per_sample,
                    int shift, int out_width);

// The share of pixels darker than ffmpeg blackdetect's default level (10 % of the luma range
// above black), and whether the picture counts as black (at least 98 % of them, as
// blackdetect's default picture threshold).
double black_fraction(const Luma& picture);
bool is_black(const Luma& picture);

// Mean squared difference of rows [row_begin, row_end) of two pictures of the same size.
double mean_squared_difference(const Luma& a, const Luma& b, int row_begin, int row_end);
// PSNR in dB for a mean squared difference (99 for identical pictures).
double psnr_from_mse(double mse);

// The share of pixels of rows [row_begin, row_end) on a strong edge (text strokes).
double edge_density(const Luma& picture, int row_begin, int row_end);

// The scan type the pictures show, from idet's multi-frame verdicts over the bursts:
// "unknown" with fewer than 8 decided pictures; "interlaced" when more than half comb AND
// one field order dominates (at least `dominant_share` of the combing pictures) — real
// fields come in one order; evidence split between both is sharp edges in motion (a small
// progressive picture), not fields: "progressive"; otherwise "progressive".
inline constexpr double dominant_field_order_share = 0.8;
std::string scan_from_idet(int tff, int bff, int progressive);

// True when `more` further pictures, whatever idet says of each (top field first, bottom
// field first, progressive or undetermined), cannot change scan_from_idet's verdict: the
// bursts still to run can be left out. Exact (every outcome is tried).
bool scan_settled(int tff, int bff, int progressive, int more);

// Compares the samples of two versions (matched by time, within `tolerance_s`).
PairComparison compare_pair(const std::vector<Luma>& subtitled, const std::vector<Luma>& clean,
                            double tolerance_s);

// The times (s) to sample a video of `duration_s`: a grid of power-of-two seconds with at
// most `max_samples` points (grids of different lengths nest, so two versions of one
// programme whose durations differ slightly still share their times), each moved to the
// nearest keyframe within half a step when `keyframes` (sorted, s) are known — a keyframe
// decodes alone.
std::vector<double> plan_sample_times(double duration_s, const std::vector<double>& keyframes,
                                      int max_samples = 16);

// The times to sample both versions of a programme: the same grid, each point moved to the
// keyframe (of either file, within half a step) that costs least to decode in both — the
// frames from each file's keyframe at or before it. Two exports of one project often share
// their GOPs (then every sample is a keyframe in both); when they do not, a sample is a
// keyframe of one and close after a keyframe of the other.
std::vector<double> plan_pair_times(double duration_s, const std::vector<double>& keyframes_a,
                                    const std::vector<double>& keyframes_b, int max_samples = 16);

} // namespace mpcheck::media
