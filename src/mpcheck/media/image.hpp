#pragma once
// Poster and still-image probing: header facts of JPEG and PNG files (format, pixel size, colour
// mode, density) read through libjpeg, libexif and libpng without decoding any pixel.

#include <cstddef>
#include <string>

#include "mpcheck/core/facts.hpp"

namespace mpcheck::media {

// Reads the header facts of the JPEG or PNG file at `path`, reading only its first few MiB.
// Returns true and fills `out`; otherwise returns false and fills `error`:
//   "unreadable"    the file could not be opened or read (detail: strerror text),
//   "not-image"     no JPEG or PNG signature (an empty file included),
//   "corrupt-image" a JPEG or PNG signature, but the header cannot be read.
bool probe_image(const std::string& path, ImageFacts& out, ProbeError& error);

// Same as probe_image, from `size` bytes in memory (the start of a file is enough). Never
// prints, never aborts, whatever the bytes. Density comes from the first source that holds a
// valid one: JPEG Exif IFD0, then JFIF, then the Photoshop ResolutionInfo resource; PNG pHYs.
bool probe_image_bytes(const unsigned char* data, size_t size, ImageFacts& out, ProbeError& error);

// True when `data` starts with a JPEG (FF D8 FF) or a complete 8-byte PNG signature.
bool looks_like_image(const unsigned char* data, size_t size);

} // namespace mpcheck::media
