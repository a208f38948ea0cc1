#include "mpcheck/rules/check_ids.hpp"

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

std::optional<Severity> parse_severity(std::string_view name)
{
  for (Severity s : {Severity::error, Severity::warning, Severity::manual, Severity::info})
    if (name == severity_name(s))
      return s;
  return std::nullopt;
}

} // namespace mpcheck::rules
