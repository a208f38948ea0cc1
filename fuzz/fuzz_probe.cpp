// libFuzzer target: probe (media/probe) on bytes in memory, through the same code as a file
// (a custom AVIOContext): the ISO box walk, the Matroska size, libavformat's demuxers and
// parsers, the packet scan and the timing arithmetic. libav* itself is not instrumented, so
// coverage guides through mpcheck's code only; its crashes are still caught by ASan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "mpcheck/media/probe.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const mpcheck::MediaFacts facts = mpcheck::media::probe_bytes(data, size, "fuzz");
  // Every probe says what the file is, or why it cannot tell.
  if (facts.kind.empty() || (facts.kind == "unknown" && !facts.error))
    std::abort();
  return 0;
}
