#pragma once
// Renders a check report: JSON (schema mpcheck-report/1, SPEC §7, man page) and the text a
// clerk reads, grouped by work then file, in Chinese or English.

#include <string>

#include "mpcheck/check/run.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

std::string check_json(const check::CheckReport& report, Lang lang);

struct TextStyle {
  Lang lang = Lang::zh;
  bool color = false;
  bool quiet = false; // errors and warnings only, no manual list
};
std::string check_text(const check::CheckReport& report, const TextStyle& style);

// Columns a string takes on a terminal: CJK and full-width characters count 2.
int display_width(const std::string& utf8);

} // namespace mpcheck::report
