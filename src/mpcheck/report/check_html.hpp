#pragma once
// The HTML report (--format html): one self-contained page, thumbnails embedded.

#include <span>
#include <string>

#include "mpcheck/checks/result.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

// The page for `report`, in `lang`. Thumbnails come from the deep checks
// (RunOptions::thumbnails); without them (--fast) each video says it was not decoded.
std::string check_html(const checks::CheckReport& report, Lang lang);
// Several reports (one per PATH) on one page: a band per report with its PATH and summary,
// then its sections.
std::string check_html(std::span<const checks::CheckReport> reports, Lang lang);

} // namespace mpcheck::report
