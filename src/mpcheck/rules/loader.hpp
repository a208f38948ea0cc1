#pragma once
// Reads rule sets: a built-in id (rules/*.yaml compiled in) or a YAML file, validated with
// errors that point at the spot (FILE:LINE:COL: MESSAGE). The language: rules/README.md.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::rules {

// A rule file that cannot be used. what() is "FILE:LINE:COL: MESSAGE" (line and column
// 1-based, column in characters), "FILE: MESSAGE" without a position, or just MESSAGE
// without a file.
class RuleError : public std::runtime_error {
public:
  RuleError(std::string file, int line, int column, std::string message);

  const std::string& file() const { return m_file; }       // as given; "" for no file
  int line() const { return m_line; }                      // 1-based; 0 when unknown
  int column() const { return m_column; }                  // 1-based; 0 when unknown
  const std::string& message() const { return m_message; } // without the position

private:
  std::string m_file;
  int m_line;
  int m_column;
  std::string m_message;
};

// A --rules value that is neither a built-in rule set nor a file (what() in English, with the
// closest id); the command line says it in the user's language from id() and known().
class UnknownRuleSet : public RuleError {
public:
  UnknownRuleSet(std::string id, std::vector<std::string> known, std::string message)
      : RuleError("", 0, 0, std::move(message)), m_id(std::move(id)), m_known(std::move(known))
  {
  }
  const std::string& id() const { return m_id; }
  const std::vector<std::string>& known() const { return m_known; } // the built-in ids

private:
  std::string m_id;
  std::vector<std::string> m_known;
};

// Parses and validates the rule set in `yaml`; `file_name` is used in messages and kept in
// RuleSet::file. Throws RuleError on YAML syntax errors, unknown keys (with a suggestion),
// wrong types, and bad values (unknown check ids, unknown categories, min > max, ...).
// The reader's own problems (a wrong type, an unknown key, ...) are worded in `lang`.
RuleSet load_rules_text(std::string_view yaml, std::string_view file_name, Lang lang = Lang::zh);

// Loads the built-in rule set with id `id_or_path` (see embedded_rule_sets()), or else the
// YAML file at that path. Throws RuleError as load_rules_text does, and when there is
// neither such a built-in set nor a readable file.
RuleSet load_rules(const std::string& id_or_path, Lang lang = Lang::zh);

// Ids of the built-in rule sets, sorted.
std::vector<std::string> builtin_rule_set_ids();

// Warnings for `rules lint` about a rule set that loads: requirements without a source
// sentence, a source not found in `notice_text` (when given; whitespace is ignored in the
// comparison), an id that differs from the file name, manual items without English text,
// document kinds or work file kinds no layout folder holds. Each is
// "FILE:LINE:COL: warning: MESSAGE".
std::vector<std::string> lint_rules(const RuleSet& rules, std::string_view notice_text = {});

} // namespace mpcheck::rules
