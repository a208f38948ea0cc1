#pragma once
// TEMPORARY stub until the image module lands.
#include <cstddef>
#include <string>
#include "mpcheck/core/facts.hpp"
namespace mpcheck::media {
bool probe_image(const std::string& path, ImageFacts& out, ProbeError& error);
bool looks_like_image(const unsigned char* data, size_t size);
}
