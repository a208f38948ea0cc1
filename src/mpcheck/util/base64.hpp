#pragma once
// Base64 (RFC 4648, with padding): for pictures embedded in the HTML report.

#include <string>
#include <string_view>

namespace mpcheck {

std::string base64_encode(std::string_view bytes);

} // namespace mpcheck
