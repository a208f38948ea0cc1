#pragma once
// `mpcheck fix`, the I/O part: carries a plan (fix/plan.hpp) out with the FFmpeg libraries in
// the process — libavformat to demux and mux, libavcodec to decode and encode (libx264, AAC),
// libavfilter for the picture (transpose, bwdif, zscale/tonemap, scale + pad, fps, setsar)
// and the sound (aresample, volume) — on the model of FFmpeg's doc/examples/transcode.c and
// remux.c. Never runs the ffmpeg program.

#include <cstdint>
#include <functional>
#include <string>

#include "mpcheck/fix/plan.hpp"

namespace mpcheck::fix {

// How far a conversion is: input bytes read of the input's size.
using TranscodeProgress = std::function<void(int64_t bytes_read, int64_t bytes_total)>;

// Writes `plan.source` converted by `plan` to `out_path` as an MP4 with its index first
// (movflags +faststart). Returns "" or what went wrong (libav's words, for developers);
// on failure `out_path` may hold a partial file: the caller writes to a temporary name.
std::string transcode(const Plan& plan, const std::string& out_path,
                      const TranscodeProgress& progress = {});

} // namespace mpcheck::fix
