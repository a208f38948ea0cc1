// libFuzzer target: the Matroska segment size reader (media/matroska), on the first bytes
// of a file as probe reads them (4 KiB).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "mpcheck/media/matroska.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::optional<uint64_t> end = mpcheck::media::matroska_segment_end(data, size);
  // EBML ID (4) + header size (>= 1) + Segment ID (4) + segment size (>= 1).
  if (end && *end < 10)
    std::abort();
  return 0;
}
