#pragma once
// The one thing mpcheck reads of a Matroska/WebM file itself: the size its Segment declares,
// to tell a cut copy (libavformat plays what is there and says nothing). Pure: bytes in.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace mpcheck::media {

// Where the Segment of the Matroska file starting with `head` (its first `size` bytes) says
// the file ends: the EBML header, then the Segment's ID and declared size. nullopt when the
// bytes are not Matroska, the head is too short to reach the Segment's size, a size is
// malformed, or the size is "unknown" (live recordings such as Chrome's MediaRecorder).
std::optional<uint64_t> matroska_segment_end(const unsigned char* head, size_t size);

} // namespace mpcheck::media
