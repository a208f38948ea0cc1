#pragma once
// Internal to the loader: the parsers of each part of a rule file. Each reads YAML entries
// into the RuleSet (or a category draft), records a Clause per requirement, and throws
// RuleError at the offending key or value.

#include <map>
#include <string>
#include <vector>

#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/rules/yaml_reader.hpp"

namespace mpcheck::rules::detail {

// What the parsers share: the reader for errors, the rule set being filled.
struct Context {
  const YamlReader& reader;
  RuleSet& rules;

  // Records the requirement at `entry` for `rules show` and lint.
  void clause(std::string_view check, const std::string& scope, const Entry& entry,
              const Origin& origin) const;
};

// Bit rate and loudness keys as written, resolved into ranges when a category is finished.
struct RangeDraft {
  std::optional<Requirement<int64_t>> bitrate, min_bitrate, max_bitrate;
  std::optional<Requirement<double>> bitrate_tolerance; // relative when `relative_tolerance`
  bool relative_tolerance = true;
  std::optional<Requirement<double>> min_loudness, max_loudness;
};

// A category while it is read: `works:` rules first, then the category's own keys on top.
struct CategoryDraft {
  CategoryRules rules;
  RangeDraft ranges;
  std::map<std::string, int> set_here; // key → line, for keys set at this level
};

// The block keys every requirement block has.
inline const std::vector<std::string> block_keys = {"source", "note", "severity"};

// `keys` after the block keys.
std::vector<std::string> with_block_keys(std::vector<std::string> keys);

// The source, note and severity of a block, positioned at `block`.
Origin block_origin(const YamlReader& reader, const YAML::Node& block,
                    const std::vector<Entry>& entries);

// Keys of a category map (works: without name and aliases).
std::vector<std::string> category_keys(bool named);

// Reads a category's entries (`named`) or works:' entries on top of `draft`.
void parse_category(const Context& ctx, const YAML::Node& node, CategoryDraft& draft, bool named);

// Resolves ranges and checks min <= max; the draft's rules are final afterwards.
void finish_category(const Context& ctx, CategoryDraft& draft);

// A deadline: a date, or a block {date, source, note, severity}; records its clause
// (submission.deadline, scope `scope`: "" for the rule set's, a document kind for a document's).
Requirement<Date> parse_deadline(const Context& ctx, const Entry& entry, const std::string& scope);

void parse_documents(const Context& ctx, const Entry& entry);
void parse_layout(const Context& ctx, const Entry& entry);
void parse_naming(const Context& ctx, const Entry& entry);
void parse_quotas(const Context& ctx, const Entry& entry);
void parse_manual(const Context& ctx, const Entry& entry);
void parse_not_checked(const Context& ctx, const Entry& entry);
void parse_severity(const Context& ctx, const Entry& entry);

// Category names (and aliases) in the rule set, for suggestions.
std::vector<std::string> category_names(const RuleSet& rules);
// The canonical name of category `name` (or alias), failing at `at` when there is none.
std::string canonical_category(const Context& ctx, const YAML::Node& at, const std::string& name);

} // namespace mpcheck::rules::detail
