#pragma once
// The top level of an ISO base media file (MP4, QuickTime, 3GP): the ftyp brands, where the
// index (moov) sits relative to the media data (mdat), and whether any box claims bytes past
// the end of the file. libavformat does not expose box order, so this walks the box headers
// (8 or 16 bytes each), never the payloads.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mpcheck::media {

// Reads up to `size` bytes at `offset` into `buffer`; returns the number read (0 at EOF/error).
using ReadAt = std::function<size_t(int64_t offset, unsigned char* buffer, size_t size)>;

struct IsoBoxSummary {
  bool is_iso = false;     // starts with a recognised top-level box
  std::string major_brand; // trailing spaces trimmed: "isom", "qt", "3gp5"
  std::vector<std::string> compatible_brands;
  bool has_moov = false;
  bool has_mdat = false;
  std::optional<bool> moov_before_mdat; // set when both were seen
  bool box_past_eof = false;            // a box's declared size runs past the end of the file
  std::string past_eof_box;             // its type, e.g. "mdat"
  int64_t declared_size = 0;            // where the boxes say the file should end
};

// Whether `type` is a box ISO files have at their top level (ftyp, moov, mdat, free, …): only
// such a box running past the end says "cut short"; a garbage type there is damage.
bool known_top_level(const std::string& type);

// Walks the top-level boxes of a file of `file_size` bytes.
IsoBoxSummary scan_top_level_boxes(const ReadAt& read, int64_t file_size);

} // namespace mpcheck::media
