#pragma once
// Internal to the loader: reading a YAML tree with errors at the right line and column.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/rules/reader_words.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::rules {

// One key: value pair of a YAML map, in file order.
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

// The entry with key `key`, or nullptr.
const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key);

// Reads one rule file or works.yaml; every failure is a RuleError at FILE:LINE:COL. `text` must
// outlive the reader (a UTF-8 byte order mark is skipped). Its own problems (a wrong type, an
// unknown key, ...) are worded in `lang` by reader_words.hpp.
class YamlReader {
public:
  YamlReader(std::string file, std::string_view text, Lang lang = Lang::zh);

  // The file name used in messages.
  const std::string& file() const { return m_file; }
  // The language of the messages.
  Lang lang() const { return m_lang; }
  // A problem worded in lang().
  std::string say(const ReaderProblem& problem) const { return reader_message(problem, m_lang); }
  // "unknown WHAT 'word'" with the closest candidate, in lang().
  std::string unknown(const Text& what, std::string_view word,
                      const std::vector<std::string>& candidates) const;

  // The document's root node (null for an empty text); throws RuleError on a YAML syntax
  // error ("YAML syntax error: <yaml-cpp's message>"), at the first byte that is not UTF-8
  // (a file saved as GBK), at a second document, and at a value holding a control character.
  YAML::Node parse() const;

  // Throws RuleError at `node` (its key's position is better for an empty value).
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const;
  [[noreturn]] void fail(const Entry& entry, const std::string& message) const;
  // Throws RuleError at the position recorded in `at`.
  [[noreturn]] void fail(const Origin& at, const std::string& message) const;

  // 1-based line and column (in characters) of `node`; {0, 0} when unknown.
  std::pair<int, int> position(const YAML::Node& node) const;

  // An Origin at the key of `entry`, with the block's source, note and severity.
  Origin origin_at(const Entry& entry, const Origin& block) const;

  // The entries of `map`, in file order. Fails on a non-map ("expected WHAT, found ..."),
  // on non-string or duplicate keys, and on keys not in `known` (with a suggestion).
  std::vector<Entry> entries(const YAML::Node& map, const Text& what,
                             const std::vector<std::string>& known) const;
  // As above for maps whose keys are data (category names, check ids): any key is taken.
  std::vector<Entry> entries(const YAML::Node& map, const Text& what) const;

  // The items of a list; a single non-list value counts as a list of one.
  std::vector<YAML::Node> items(const Entry& entry) const;

  // Typed values. Each fails with "expected ..., found ..." at the value.
  std::string string(const Entry& entry) const;
  std::string string(const YAML::Node& node, const Entry& owner) const;
  std::vector<std::string> strings(const Entry& entry) const; // a string or a list of strings
  bool boolean(const Entry& entry) const;
  int integer(const Entry& entry, int min, int max) const; // both bounds included
  double number(const Entry& entry) const;
  double seconds(const Entry& entry) const;
  int64_t bitrate(const Entry& entry) const;
  double loudness(const Entry& entry) const;
  double fraction(const Entry& entry) const; // "10%" → 0.10
  Rational frame_rate(const Entry& entry) const;
  Rational aspect_ratio(const Entry& entry) const;
  Size size(const Entry& entry) const;
  Date date(const Entry& entry) const;
  Text text(const Entry& entry) const; // a string (Chinese) or a map {zh, en}
  Severity severity(const Entry& entry) const;

  // One of `names` (fails with "unknown WHAT 'x', did you mean 'y'?"); returns its index.
  std::size_t choice(const Entry& entry, const Text& what,
                     const std::vector<std::string>& names) const;

  // The scalar of `entry`, or a failure "expected EXPECTED, found ...".
  const std::string& scalar(const Entry& entry, const Expectation& expected) const;
  // Throws "expected EXPECTED, found <what `found` is>" in lang() at `at`.
  [[noreturn]] void mismatch(const YAML::Node& at, const Expectation& expected,
                             const YAML::Node& found) const;
  [[noreturn]] void mismatch(const Entry& entry, const Expectation& expected) const;

  // What a node is: its scalar, a list, a map or nothing.
  static Found found_of(const YAML::Node& node);
  // "'abc'", "a list", "a map" or "nothing": what a node is, for "found ..." in English messages.
  static std::string found(const YAML::Node& node);
  // A node as the rule author wrote it, flow style: "8min", "[mp4, mov]", "{max: 2}".
  static std::string describe(const YAML::Node& node);

private:
  void reject_control_characters(const YAML::Node& node) const;

  std::string m_file;
  std::string_view m_text;
  Lang m_lang;
};

} // namespace mpcheck::rules
