#pragma once
// The check catalogue of SPEC §6: every stable check id with its default severity. Findings
// carry these ids; rule sets may change a severity, reports group by id, users waive by id.

#include <optional>
#include <string_view>
#include <vector>

#include "mpcheck/core/finding.hpp"

namespace mpcheck::rules {

struct CheckInfo {
  std::string_view id;         // "video.resolution"
  Severity default_severity;   // as SPEC §6 gives it
  std::string_view meaning;    // one line in English, from SPEC §6
  std::string_view meaning_zh; // the same in Chinese
};

// Every check id of SPEC §6 except the open family manual.*, in catalogue order.
const std::vector<CheckInfo>& known_check_ids();

// The catalogue entry for `id`, or nullptr (also for manual.* ids, which rule sets define).
const CheckInfo* find_check(std::string_view id);

// True for a well-formed manual item id: "manual." then lowercase words of a-z and 0-9 joined
// by single hyphens ("manual.title-card").
bool is_manual_check_id(std::string_view id);

// "error" → Severity::error, likewise "warning", "manual", "info"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view name);

} // namespace mpcheck::rules
