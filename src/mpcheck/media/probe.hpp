#pragma once
// probe(path) → MediaFacts: the only code that talks to libavformat/libavcodec for
// container-level facts. Never decodes pictures or sound.

#include <string>
#include <vector>

#include "mpcheck/core/facts.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::media {

struct ProbeOptions {
  // Demux every video packet when the container has no index (TS, Matroska) to measure the
  // bit rate and frame timing. Off: header facts only.
  bool scan_packets = true;
};

// Probes one file. Never throws for bad input: problems land in MediaFacts::error and
// MediaFacts::truncated.
MediaFacts probe(const std::string& path, const ProbeOptions& options = {});

// Probes `size` bytes in memory as probe() probes a file of those bytes called `name` (the
// name only helps libavformat guess the format and names the facts): the same code, reading
// through a custom AVIOContext. Nothing else is opened. For the fuzz target and tests.
MediaFacts probe_bytes(const unsigned char* data, size_t size, const std::string& name,
                       const ProbeOptions& options = {});

// Probes many files on `jobs` threads (0: all cores); results in the order of `paths`.
std::vector<MediaFacts> probe_all(const std::vector<std::string>& paths, int jobs,
                                  const ProbeOptions& options = {});

} // namespace mpcheck::media
