// libFuzzer target: works.yaml (man page, WORKS MANIFEST), read by `pack` against a built-in rule
// set. Contract: parse_manifest throws RuleError and nothing else. Source files "exist" unless
// their path says "missing", so both the found and the not-found paths are walked.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  static const mpcheck::rules::RuleSet rules = mpcheck::rules::load_rules("changzhou-2024");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)mpcheck::manifest::parse_manifest(
        text, "works.yaml", "/src", rules,
        [](const std::string& path) { return path.find("missing") == std::string::npos; });
  } catch (const mpcheck::rules::RuleError&) {
    // a manifest mpcheck refuses, with a position: the expected outcome
  }
  return 0;
}
