#pragma once
// The words for each ProbeError code (core/facts.hpp): what it means for the user's file, in
// plain words, and what to do. Used by the checks (media.*, image.*) and by probe's report.

#include <string>

#include "mpcheck/core/lang.hpp"

namespace mpcheck {

// What a ProbeError code means for the user's file, in plain words, and what to do.
Text probe_error_message(const std::string& code);
Text probe_error_hint(const std::string& code);

// A ProbeError code as a report's 实际 (found) value: a few plain words ("已损坏", "不存在");
// the code itself for one the table does not know.
Text probe_error_actual(const std::string& code);

// MediaFacts::truncated_detail (English, from media/probe.cpp: "the index points to byte N but
// the file ends at byte M", …) in both languages; "不完整"/"truncated" for an empty one.
Text truncated_text(const std::string& detail);

} // namespace mpcheck
