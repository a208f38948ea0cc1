#pragma once
// `mpcheck fix`, the I/O part: carries a plan (fix/plan.hpp) out with the FFmpeg libraries in
// the process — libavformat to demux and mux, libavcodec to decode and encode (libx264, AAC),
// libavfilter for the picture (transpose, bwdif, zscale/tonemap, scale + pad, fps, setsar)
// and the sound (aresample, volume) — on the model of FFmpeg's doc/examples/transcode.c and
// remux.c. Never runs the ffmpeg program.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/fix/plan.hpp"

namespace mpcheck::fix {

// How far a conversion is: input bytes read of the input's size.
using TranscodeProgress = std::function<void(int64_t bytes_read, int64_t bytes_total)>;

// What a remux copied, per output stream in the order written: the packets' count and a
// murmur3-128 digest over each packet's size, key flag and bytes. The proof that an output
// holds the very packets of its source (docs/fix.md, "The proof").
struct PacketDigest {
  struct Stream {
    int64_t packets = 0;
    std::array<uint8_t, 16> hash{};
    bool operator==(const Stream&) const = default;
  };
  std::vector<Stream> streams;
  bool operator==(const PacketDigest&) const = default;
};

// Writes `plan.source` converted by `plan` to `out_path` as an MP4 with its index first
// (movflags +faststart). Returns "" or what went wrong (libav's words, for developers);
// on failure `out_path` may hold a partial file: the caller writes to a temporary name.
// With `digest`, a remux (plan.remux_only()) digests the packets it copies.
std::string transcode(const Plan& plan, const std::string& out_path,
                      const TranscodeProgress& progress = {}, PacketDigest* digest = nullptr);

// What a failure transcode() returned means for the clerk's file, and what to do, in words:
// its first word is the step that failed ("open: …", "open libx264: …"). Empty for a failure
// of writing that the caller words from its errno (a full or read-only disk, no permission).
// The libraries' words are not in it: the caller adds them as the technical detail.
Text transcode_failure_meaning(std::string_view error);

// The packets of `path` read back (demuxed, nothing decoded) and digested as transcode does;
// nullopt when it cannot be read.
std::optional<PacketDigest> digest_packets(const std::string& path);

} // namespace mpcheck::fix
