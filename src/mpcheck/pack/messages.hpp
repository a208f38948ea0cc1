#pragma once
// What each of execute()'s error codes (execute.hpp) means to the user, in both languages:
// what happened, naming the file, and what to do. Pure.

#include <string>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::pack {

// The message for ExecuteResult's `code` and `detail` (an unknown code reads as a write
// failure: a drive error, or the drive was unplugged).
Text error_text(const std::string& code, const std::string& detail);

} // namespace mpcheck::pack
