#include "mpcheck/media/matroska.hpp"

#include <vector>

#include <doctest/doctest.h>

using mpcheck::media::matroska_segment_end;

namespace {

using Bytes = std::vector<unsigned char>;

// EBML header of 4 payload bytes, then the Segment ID and `size_vint`.
Bytes head(const Bytes& size_vint)
{
  Bytes b = {0x1a, 0x45, 0xdf, 0xa3, 0x84, 'w', 'e', 'b', 'm', 0x18, 0x53, 0x80, 0x67};
  b.insert(b.end(), size_vint.begin(), size_vint.end());
  return b;
}

std::optional<uint64_t> end_of(const Bytes& b)
{
  return matroska_segment_end(b.data(), b.size());
}

} // namespace

TEST_CASE("media::matroska_segment_end reads the Segment's declared size")
{
  // 13 bytes before the size, 1 byte of size, 16 bytes of segment.
  CHECK(end_of(head({0x90})) == std::optional<uint64_t>(30));
  // An 8-byte size: 0x01 then 7 bytes.
  CHECK(end_of(head({0x01, 0, 0, 0, 0, 0, 0x01, 0x00})) == std::optional<uint64_t>(13 + 8 + 256));
  // A 2-byte size, 0x4000 | 1000.
  CHECK(end_of(head({0x43, 0xe8})) == std::optional<uint64_t>(13 + 2 + 1000));
}

TEST_CASE("media::matroska_segment_end: nothing for unknown sizes and other bytes")
{
  CHECK_FALSE(end_of(head({0xff}))); // size unknown (live)
  CHECK_FALSE(end_of(head({0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))); // unknown, 8 bytes
  CHECK_FALSE(end_of(head({0x00, 0x01}))); // a vint never starts 0x00
  CHECK_FALSE(end_of(head({0x43})));       // size cut short
  Bytes cut = head({0x90});
  cut.resize(12);
  CHECK_FALSE(end_of(cut)); // no size at all
  Bytes other = head({0x90});
  other[9] = 0x1f; // not the Segment ID
  CHECK_FALSE(end_of(other));
  other = head({0x90});
  other[0] = 0x00; // not EBML
  CHECK_FALSE(end_of(other));
  CHECK_FALSE(matroska_segment_end(nullptr, 0));
}
