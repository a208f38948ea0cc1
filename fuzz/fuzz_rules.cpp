// libFuzzer target: a rule file (rules/README.md), as `--rules FILE` and `rules lint` read it.
// Contract: load_rules_text throws RuleError and nothing else; a set that loads can be linted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mpcheck/rules/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const mpcheck::rules::RuleSet rules = mpcheck::rules::load_rules_text(text, "fuzz.yaml");
    (void)mpcheck::rules::lint_rules(rules, text);
  } catch (const mpcheck::rules::RuleError&) {
    // a rule file mpcheck refuses, with a position: the expected outcome
  }
  return 0;
}
