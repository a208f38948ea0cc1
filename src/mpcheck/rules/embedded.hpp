#pragma once
// The rule sets of rules/*.yaml, compiled into the binary (see cmake/embed_rules.cmake).

#include <string_view>
#include <vector>

namespace mpcheck::rules {

struct EmbeddedRuleSet {
  std::string_view id;   // file name without .yaml, e.g. "changzhou-2024"
  std::string_view yaml; // the file's text
};

// Every rule set shipped with mpcheck, sorted by id.
const std::vector<EmbeddedRuleSet>& embedded_rule_sets();

} // namespace mpcheck::rules
