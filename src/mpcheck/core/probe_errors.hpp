#pragma once
// The words for each ProbeError code (core/facts.hpp): what it means for the user's file, in
// plain words, and what to do. Used by the checks (media.*, image.*) and by probe's report.

#include <string>

#include "mpcheck/core/lang.hpp"

namespace mpcheck {

// What a ProbeError code means for the user's file, in plain words, and what to do.
Text probe_error_message(const std::string& code);
Text probe_error_hint(const std::string& code);

} // namespace mpcheck
