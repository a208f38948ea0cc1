#include "mpcheck/rules/check_ids.hpp"

#include <algorithm>

#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules {

const std::vector<CheckInfo>& known_check_ids()
{
  using enum Severity;
  static const std::vector<CheckInfo> checks = {
#define MPCHECK_CHECK_INFO(name, id, family, severity, rule_keys, meaning, meaning_zh)             \
  {id, #family, severity, rule_keys, meaning, meaning_zh},
      MPCHECK_CHECK_TABLE(MPCHECK_CHECK_INFO)
#undef MPCHECK_CHECK_INFO
  };
  return checks;
}

const CheckInfo* find_check(std::string_view id)
{
  for (const auto& check : known_check_ids())
    if (check.id == id)
      return &check;
  return nullptr;
}

bool is_manual_check_id(std::string_view id)
{
  constexpr std::string_view prefix = "manual.";
  if (!id.starts_with(prefix) || id.size() == prefix.size())
    return false;
  id.remove_prefix(prefix.size());
  if (id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos)
    return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return true;
}

namespace {

// "video.*" for every first word of the catalogue's ids, and "manual.*".
std::vector<std::string> waivable_families()
{
  std::vector<std::string> out{"manual.*"};
  for (const auto& check : known_check_ids()) {
    std::string family(check.id.substr(0, check.id.find('.')));
    family += ".*";
    if (std::find(out.begin(), out.end(), family) == out.end())
      out.push_back(family);
  }
  return out;
}

} // namespace

bool is_waivable(std::string_view pattern)
{
  if (find_check(pattern) || is_manual_check_id(pattern))
    return true;
  const auto families = waivable_families();
  return std::find(families.begin(), families.end(), pattern) != families.end();
}

std::optional<std::string> closest_waivable(std::string_view pattern)
{
  std::vector<std::string> candidates;
  for (const auto& check : known_check_ids())
    candidates.emplace_back(check.id);
  for (auto& family : waivable_families())
    candidates.push_back(std::move(family));
  return closest_match(pattern, candidates);
}

std::optional<Severity> parse_severity(std::string_view name)
{
  for (Severity s : {Severity::error, Severity::warning, Severity::manual, Severity::info})
    if (name == severity_name(s))
      return s;
  return std::nullopt;
}

} // namespace mpcheck::rules
