#include "mpcheck/media/matroska.hpp"

#include <cstring>

namespace mpcheck::media {

namespace {

// An EBML variable-length integer at `p` (at most `n` bytes): its value and length; length 0
// when malformed. `unknown` is set for the reserved all-ones value ("size unknown").
size_t read_vint(const unsigned char* p, size_t n, uint64_t& value, bool& unknown)
{
  if (n == 0 || p[0] == 0)
    return 0;
  size_t len = 1;
  while (len <= 8 && !(p[0] & (0x80 >> (len - 1))))
    ++len;
  if (len > 8 || len > n)
    return 0;
  value = p[0] & (0xff >> len);
  bool all_ones = value == (0xffu >> len);
  for (size_t i = 1; i < len; ++i) {
    value = value << 8 | p[i];
    all_ones = all_ones && p[i] == 0xff;
  }
  unknown = all_ones;
  return len;
}

} // namespace

std::optional<uint64_t> matroska_segment_end(const unsigned char* head, size_t size)
{
  static const unsigned char ebml_id[] = {0x1a, 0x45, 0xdf, 0xa3};
  static const unsigned char segment_id[] = {0x18, 0x53, 0x80, 0x67};
  if (size < 8 || std::memcmp(head, ebml_id, 4) != 0)
    return std::nullopt;
  uint64_t header_size = 0;
  bool unknown = false;
  const size_t len = read_vint(head + 4, size - 4, header_size, unknown);
  const uint64_t seg = 4 + len + header_size;
  if (len == 0 || unknown || seg + 4 >= size || std::memcmp(head + seg, segment_id, 4) != 0)
    return std::nullopt;
  uint64_t segment_size = 0;
  const size_t seg_len = read_vint(head + seg + 4, size - seg - 4, segment_size, unknown);
  if (seg_len == 0 || unknown)
    return std::nullopt;
  return seg + 4 + seg_len + segment_size;
}

} // namespace mpcheck::media
