// rules/lint.cpp: what `mpcheck rules lint` warns about: every rule without its source
// sentence, a source sentence not in the notice, an id that differs from the file name.
#include "mpcheck/rules/loader.hpp"

#include <doctest/doctest.h>

#include "rules_testing.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace mpcheck;
using namespace mpcheck::rules;

namespace {

std::string read_text(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("rules::lint_rules every source sentence is found in its notice")
{
  const std::filesystem::path dir = MPCHECK_NOTICES_DIR;
  // The notices are part of the test data (../shared/notices, -DMPCHECK_NOTICES=…): without
  // them this case fails, it does not pass unread.
  REQUIRE_MESSAGE(std::filesystem::is_directory(dir),
                  "no notices at " << dir << " (cmake -DMPCHECK_NOTICES=DIR)");
  const std::vector<std::pair<std::string, std::string>> notices = {
      {"liaoning-2023", "001_f8128c483e7b636c.txt"},
      {"jiaozuo-2019", "002_cad5f88c07d9c357.txt"},
      {"changzhou-2024", "003_9c864a0f88354ecc.txt"},
      {"branch-everyone", "004_57123a450daa22d3.txt"}};
  for (const auto& [id, file] : notices) {
    CAPTURE(id);
    CHECK(lint_rules(load_rules(id), read_text(dir / file)).empty());
  }
  // And a sentence from another notice is reported.
  const auto warnings = lint_rules(load_rules("liaoning-2023"), read_text(dir / notices[2].second));
  CHECK_FALSE(warnings.empty());
  CHECK(warnings.front().starts_with("liaoning-2023.yaml:"));
}

TEST_CASE("rules::lint_rules warns about missing sources")
{
  const RuleSet rules =
      load_rules_text(with_head("works:\n  media:\n    max_duration: 8min\n"), "x.yaml");
  const auto warnings = lint_rules(rules, "时长不超过8分钟");
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "x.yaml: warning: id 't' differs from the file name 'x'");
  CHECK(warnings[1] ==
        "x.yaml:5:5: warning: 'max_duration' has no source sentence from the notice");

  const RuleSet sourced =
      load("works:\n  media:\n    source: 时长 不超过8分钟\n    max_duration: 8min\n"
           "    min_duration: 1min\n");
  CHECK(lint_rules(sourced, "时长不超过 8 分钟").empty()); // white space does not matter
  CHECK(lint_rules(sourced, "时长不超过9分钟") ==
        std::vector<std::string>{
            "t.yaml:6:5: warning: source not found in the notice: '时长 不超过8分钟'"});
}
