// libFuzzer target: poster and QR image headers (media/image: JPEG through libjpeg with the
// Exif IFD0 through libexif, JFIF and Photoshop density; PNG through libpng). Never decodes
// pixels. Contract: never prints, never aborts; a success has a format and a pixel size.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "mpcheck/media/image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  mpcheck::ImageFacts facts;
  mpcheck::ProbeError error;
  const bool ok = mpcheck::media::probe_image_bytes(data, size, facts, error);
  if (ok && (facts.format.empty() || facts.width <= 0 || facts.height <= 0))
    std::abort();
  if (!ok && error.code.empty())
    std::abort();
  (void)mpcheck::media::looks_like_image(data, size);
  return 0;
}
