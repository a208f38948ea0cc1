#include "mpcheck/media/image.hpp"
namespace mpcheck::media {
bool probe_image(const std::string&, ImageFacts&, ProbeError& error) { error = {"not-image", ""}; return false; }
bool looks_like_image(const unsigned char*, size_t) { return false; }
}
