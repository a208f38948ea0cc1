#pragma once
// analyze(path) → DeepFacts and sampled pictures: the only code that decodes pictures and
// sound. It decodes what the deep checks need and nothing more: the sampled pictures
// (keyframes where the index has them), short bursts of consecutive pictures for the
// interlace measure, the first and last seconds for black, and the main audio stream whole
// for loudness and silence. Never throws for bad input: problems land in DeepFacts.

#include <functional>
#include <string>
#include <vector>

#include "mpcheck/core/facts.hpp"
#include "mpcheck/media/picture.hpp"

namespace mpcheck::media {

struct AnalyzeOptions {
  int bursts = 4;            // interlace bursts, spread over the samples
  int burst_frames = 16;     // consecutive pictures per burst
  double edge_scan_s = 30;   // how far black is followed from the start and back from the end
  int sample_width = 320;    // columns of the grey copies kept for comparison
  double silence_lufs = -60; // momentary loudness below this is silence
  double min_silence_s = 2;  // shorter quiet stretches are not listed
  bool audio = true;         // decode the sound
  // Decode the sound on a thread of its own while the pictures are decoded: for a caller
  // with a core to spare (fewer videos than jobs). The facts are the same either way.
  bool sound_alongside = false;
  int thumbnails = 0; // colour thumbnails of that many samples, spread (HTML report)
  int thumbnail_width = 240;
  // Called from the decoding loops with how much of the analysis is done, 0 to 1 (the
  // pictures count for 80 %, the sound for the rest; it may step back a little when the
  // pictures seek); empty: not called. For the progress line during a long video.
  std::function<void(double done)> on_progress;
};

struct Analysis {
  DeepFacts facts;
  std::vector<Luma> samples; // the sampled pictures, in time order
};

// Where to sample: `choose` is called once the file is open and its first picture decoded,
// with its video duration and the keyframe times of its index (presentation times; empty
// when the container has none), and returns the times. For a pair, each version publishes
// its keyframes to the other and both choose the same times (gather/deep.cpp). It is not
// called when the video cannot be opened.
struct SamplePlan {
  std::function<std::vector<double>(double duration_s, const std::vector<double>& keyframes)>
      choose;
  // The samples are compared with another version's (a pair): every one is decoded. A video
  // on its own (false) decodes only the samples its bursts start from, unless thumbnails
  // are asked for (docs/deep-checks.md, "A video on its own").
  bool compared = true;
};

// The plan of a video on its own: plan_sample_times on its keyframes, not compared.
SamplePlan own_keyframes_plan();

Analysis analyze(const std::string& path, const SamplePlan& plan,
                 const AnalyzeOptions& options = {});

} // namespace mpcheck::media
