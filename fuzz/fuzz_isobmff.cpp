// libFuzzer target: the top-level ISO box walk (media/isobmff) over a whole file in memory.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "mpcheck/media/isobmff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const auto read = [&](int64_t offset, unsigned char* buffer, size_t n) -> size_t {
    if (offset < 0 || uint64_t(offset) >= size)
      return 0;
    const size_t got = std::min(n, size - size_t(offset));
    std::memcpy(buffer, data + offset, got);
    return got;
  };
  const mpcheck::media::IsoBoxSummary s = mpcheck::media::scan_top_level_boxes(read, int64_t(size));
  // What the summary promises: a box past the end names it and ends past the file.
  if (s.box_past_eof && (s.past_eof_box.size() != 4 || s.declared_size <= int64_t(size)))
    std::abort();
  // Only a box the format knows says "cut short" (a garbage one is damage, media.unreadable).
  if (s.box_past_eof && !mpcheck::media::known_top_level(s.past_eof_box))
    std::abort();
  if (s.declared_size < 0 || (!s.is_iso && (s.has_moov || s.has_mdat)))
    std::abort();
  return 0;
}
