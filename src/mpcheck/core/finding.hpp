#pragma once
// A finding: one violation (or manual item) of a rule, found in a file, a work or the tree.
// Findings are output, not errors: errors of the run itself are reported separately.

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"

namespace mpcheck {

enum class Severity { error, warning, manual, info };

// "error", "warning", "manual", "info".
const char* severity_name(Severity s);

struct Finding {
  std::string check; // stable id of the check catalogue (rules/check_ids.cpp, man page CHECK IDS),
                     // e.g. "video.resolution", "manual.title-card"
  Severity severity = Severity::error;
  std::string path;   // relative to the checked root, '/'-separated, NFC; "" for the whole tree
  std::string work;   // the work's title when the finding belongs to a work, else ""
  Text expected;      // what the rule wants, e.g. "1920x1080", "≤ 8:00.000"
  Text actual;        // what was found, e.g. "1440x1080 (SAR 4:3)"
  Text message;       // plain words: what is wrong
  Text hint;          // how to fix it (for media: the exact ffmpeg command)
  std::string source; // the notice sentence the rule comes from, when known
};

} // namespace mpcheck
