#pragma once
// UTF-8 validity: file names on a drive may be anything; reports must be valid UTF-8.

#include <string>
#include <string_view>

namespace mpcheck {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every ill-formed byte replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

} // namespace mpcheck
