// libFuzzer target: document inspection (media/document): the signature and, for zips, the
// directory (libzip) that tells a real .docx/.pptx/.odt from a renamed or damaged file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "mpcheck/media/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const mpcheck::DocumentFacts facts = mpcheck::media::probe_document_bytes(data, size);
  if (facts.format.empty() || (!facts.valid && facts.problem.empty()))
    std::abort();
  return 0;
}
