#include "mpcheck/rules/yaml_reader.hpp"
#include "mpcheck/util/join.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/units.hpp"

namespace mpcheck::rules {

namespace {

using util::join;

// Code points in a UTF-8 string (continuation bytes do not count).
int count_characters(std::string_view text)
{
  int count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++count;
  return count;
}

// True when `text` holds a control character no rule or manifest value has a use for (NUL,
// escape, …): tab and line breaks are fine.
bool has_control_character(const std::string& text)
{
  return std::any_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
  });
}

// The 1-based line of a document marker ("---" or "..." at the start of a line) that ends the
// first document, or 0. A "---" before any content only opens the first document.
int second_document_line(std::string_view text)
{
  bool content = false;
  int number = 0;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    const bool marker = (line.starts_with("---") || line.starts_with("...")) &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
    if (marker && (content || line.starts_with("...")))
      return number;
    const size_t first = line.find_first_not_of(" \t");
    if (!marker && first != std::string_view::npos && line[first] != '#' && line[0] != '%')
      content = true;
    start = end + 1;
  }
  return 0;
}

// Line `number` (1-based) of `text`, without its line break; empty past the end.
std::string_view line_text(std::string_view text, int number)
{
  size_t start = 0;
  for (int l = 1; l < number; ++l) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      return {};
    start = end + 1;
  }
  std::string_view line = text.substr(start, text.find('\n', start) - start);
  if (line.ends_with('\r'))
    line.remove_suffix(1);
  return line;
}

} // namespace

const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key)
{
  for (const auto& entry : entries)
    if (entry.key == key)
      return &entry;
  return nullptr;
}

YamlReader::YamlReader(std::string file, std::string_view text, Lang lang)
    : m_file(std::move(file)), m_text(text), m_lang(lang)
{
  if (m_text.starts_with("\xEF\xBB\xBF")) // a UTF-8 byte order mark (Windows editors)
    m_text.remove_prefix(3);
}

YAML::Node YamlReader::parse() const
{
  if (const std::size_t bad = naming::first_invalid_byte(m_text); bad != std::string_view::npos) {
    const std::string_view before = m_text.substr(0, bad);
    const int line = int(std::count(before.begin(), before.end(), '\n')) + 1;
    const int column = count_characters(before.substr(before.rfind('\n') + 1)) + 1;
    throw RuleError(m_file, line, column,
                    say(ReaderProblem::not_utf8(static_cast<unsigned char>(m_text[bad]))));
  }
  try {
    // Not YAML::LoadAll: yaml-cpp 0.7 loops for ever, allocating, on some broken texts
    // (",\x04", found by fuzz_rules). A second document is found from its marker line.
    if (const int line = second_document_line(m_text); line > 0)
      throw RuleError(m_file, line, 1,
                      say(ReaderProblem::of(ReaderProblem::Kind::second_document)));
    YAML::Node root = YAML::Load(std::string(m_text));
    reject_control_characters(root);
    return root;
  } catch (const YAML::ParserException& e) {
    YAML::Node at;
    const YAML::Mark mark = e.mark;
    // A node carries no settable mark, so compute the position from the mark directly.
    int line = mark.line >= 0 ? mark.line + 1 : 0;
    int column = mark.column >= 0 ? mark.column + 1 : 0;
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) <= m_text.size()) {
      const std::string_view before = m_text.substr(0, mark.pos);
      const std::size_t line_start = before.rfind('\n') + 1; // npos + 1 == 0
      column = count_characters(before.substr(line_start)) + 1;
    }
    // The slip behind it, most often a key's colon in the line or the two before.
    for (int l = std::max(1, line - 2); l <= line; ++l)
      if (const auto slip = colon_slip(line_text(m_text, l)))
        throw RuleError(m_file, l, slip->column,
                        say(ReaderProblem::colon_slip(slip->key, slip->chinese)));
    // A Tab in the indentation looks aligned in an editor, and yaml-cpp names it only in some
    // layouts ("end of map not found" in others): said wherever it is behind the error.
    for (int l = std::max(1, line - 2); l <= line; ++l) {
      const std::string_view text = line_text(m_text, l);
      const size_t indent = text.find_first_not_of(" \t");
      const size_t tab = text.substr(0, indent).find('\t');
      if (tab != std::string_view::npos)
        throw RuleError(m_file, l, int(tab) + 1,
                        say(ReaderProblem::syntax("illegal tab when looking for indentation")));
    }
    throw RuleError(m_file, line, column, say(ReaderProblem::syntax(e.msg)));
  }
}

void YamlReader::reject_control_characters(const YAML::Node& node) const
{
  if (node.IsScalar() && has_control_character(node.Scalar()))
    fail(node, say(ReaderProblem::control_character(found_of(node))));
  if (node.IsSequence())
    for (const auto& item : node)
      reject_control_characters(item);
  if (node.IsMap())
    for (const auto& item : node) {
      reject_control_characters(item.first);
      reject_control_characters(item.second);
    }
}

std::pair<int, int> YamlReader::position(const YAML::Node& node) const
{
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0)
    return {0, 0};
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) > m_text.size())
    return {mark.line + 1, mark.column + 1};
  const std::string_view before = m_text.substr(0, mark.pos);
  const std::size_t line_start = before.rfind('\n') + 1;
  return {mark.line + 1, count_characters(before.substr(line_start)) + 1};
}

void YamlReader::fail(const YAML::Node& node, const std::string& message) const
{
  const auto [line, column] = position(node);
  throw RuleError(m_file, line, column, message);
}

void YamlReader::fail(const Entry& entry, const std::string& message) const
{
  // An empty value has no useful position of its own (yaml-cpp puts it on the next line).
  fail(entry.value.IsNull() ? entry.key_node : entry.value, message);
}

void YamlReader::fail(const Origin& at, const std::string& message) const
{
  throw RuleError(m_file, at.line, at.column, message);
}

Origin YamlReader::origin_at(const Entry& entry, const Origin& block) const
{
  Origin origin = block;
  std::tie(origin.line, origin.column) = position(entry.key_node);
  return origin;
}

std::string YamlReader::unknown(const Text& what, std::string_view word,
                                const std::vector<std::string>& candidates) const
{
  return say(ReaderProblem::unknown(ReaderProblem::Kind::unknown_word, what, std::string(word),
                                    candidates));
}

std::vector<Entry> YamlReader::entries(const YAML::Node& map, const Text& what) const
{
  if (!map.IsMap())
    mismatch(map, what, map);
  std::vector<Entry> out;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar())
      mismatch(it->first, Expected::key, it->first);
    const std::string& key = it->first.Scalar();
    for (const auto& seen : out)
      if (seen.key == key)
        fail(it->first, say(ReaderProblem::duplicate_key(key, position(seen.key_node).first)));
    out.push_back({key, it->first, it->second});
  }
  return out;
}

std::vector<Entry> YamlReader::entries(const YAML::Node& map, const Text& what,
                                       const std::vector<std::string>& known) const
{
  auto out = entries(map, what);
  for (const auto& entry : out)
    if (std::find(known.begin(), known.end(), entry.key) == known.end())
      fail(entry.key_node, say(ReaderProblem::unknown(ReaderProblem::Kind::unknown_key,
                                                      {"键", "key"}, entry.key, known)));
  return out;
}

std::vector<YAML::Node> YamlReader::items(const Entry& entry) const
{
  if (!entry.value.IsSequence())
    return {entry.value};
  std::vector<YAML::Node> out;
  for (const auto& item : entry.value)
    out.push_back(item);
  return out;
}

void YamlReader::mismatch(const YAML::Node& at, const Expectation& expected,
                          const YAML::Node& found) const
{
  fail(at, say(ReaderProblem::mismatch(expected, found_of(found))));
}

void YamlReader::mismatch(const Entry& entry, const Expectation& expected) const
{
  fail(entry, say(ReaderProblem::mismatch(expected, found_of(entry.value))));
}

const std::string& YamlReader::scalar(const Entry& entry, const Expectation& expected) const
{
  if (!entry.value.IsScalar())
    mismatch(entry, expected);
  return entry.value.Scalar();
}

std::string YamlReader::string(const Entry& entry) const
{
  return scalar(entry, Expectation(Expected::string));
}

std::string YamlReader::string(const YAML::Node& node, const Entry& owner) const
{
  return scalar({owner.key, owner.key_node, node}, Expectation(Expected::string));
}

std::vector<std::string> YamlReader::strings(const Entry& entry) const
{
  std::vector<std::string> out;
  for (const auto& item : items(entry)) {
    if (!item.IsScalar())
      mismatch(entry.value.IsSequence() && !item.IsNull() ? item : entry.value, Expected::strings,
               item);
    out.push_back(item.Scalar());
  }
  return out;
}

bool YamlReader::boolean(const Entry& entry) const
{
  const std::string& text = scalar(entry, Expectation(Expected::boolean));
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  mismatch(entry, Expected::boolean);
}

int YamlReader::integer(const Entry& entry, int min, int max) const
{
  const Expectation expected(min, max);
  const std::string& text = scalar(entry, expected);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
    mismatch(entry, expected);
  return value;
}

double YamlReader::number(const Entry& entry) const
{
  const std::string& text = scalar(entry, Expectation(Expected::number));
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    mismatch(entry, Expected::number);
  return value;
}

namespace {

// The value of `entry` read by `parse`, or a failure "expected EXPECTED, found ...".
template <class Parse>
auto parsed(const YamlReader& reader, const Entry& entry, Parse parse, Expected expected)
{
  if (auto value = parse(reader.scalar(entry, Expectation(expected))))
    return *value;
  reader.mismatch(entry, expected);
}

} // namespace

double YamlReader::seconds(const Entry& entry) const
{
  return parsed(*this, entry, parse_duration, Expected::seconds);
}

int64_t YamlReader::bitrate(const Entry& entry) const
{
  return parsed(*this, entry, parse_bitrate, Expected::bit_rate);
}

double YamlReader::loudness(const Entry& entry) const
{
  return parsed(*this, entry, parse_loudness, Expected::loudness);
}

double YamlReader::fraction(const Entry& entry) const
{
  return parsed(*this, entry, parse_percent, Expected::percentage);
}

Rational YamlReader::frame_rate(const Entry& entry) const
{
  return parsed(*this, entry, parse_frame_rate, Expected::frame_rate);
}

Rational YamlReader::aspect_ratio(const Entry& entry) const
{
  return parsed(*this, entry, parse_aspect_ratio, Expected::aspect_ratio);
}

Size YamlReader::size(const Entry& entry) const
{
  return parsed(*this, entry, parse_size, Expected::pixel_size);
}

Date YamlReader::date(const Entry& entry) const
{
  return parsed(*this, entry, parse_date, Expected::date);
}

Text YamlReader::text(const Entry& entry) const
{
  if (entry.value.IsScalar())
    return {entry.value.Scalar(), ""};
  if (!entry.value.IsMap())
    mismatch(entry, Expected::text);
  Text out;
  const Text what{"含 zh 和 en 的一组“键: 值”", "a map with zh and en"};
  for (const auto& item : entries(entry.value, what, {"zh", "en"}))
    (item.key == "zh" ? out.zh : out.en) = string(item);
  if (out.zh.empty())
    fail(entry, say(ReaderProblem::of(ReaderProblem::Kind::missing_zh)));
  return out;
}

Severity YamlReader::severity(const Entry& entry) const
{
  static const std::vector<std::string> names = {"error", "warning", "manual", "info"};
  return *parse_severity(names[choice(entry, {"级别", "severity"}, names)]);
}

std::size_t YamlReader::choice(const Entry& entry, const Text& what,
                               const std::vector<std::string>& names) const
{
  const std::string& text = scalar(entry, Expectation(names));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (text == names[i])
      return i;
  fail(entry, say(ReaderProblem::unknown(ReaderProblem::Kind::unknown_choice, what, text, names)));
}

Found YamlReader::found_of(const YAML::Node& node)
{
  if (node.IsSequence())
    return {Found::Kind::list, ""};
  if (node.IsMap())
    return {Found::Kind::map, ""};
  if (!node.IsScalar())
    return {Found::Kind::nothing, ""};
  return {Found::Kind::value, node.Scalar()};
}

std::string YamlReader::found(const YAML::Node& node)
{
  if (node.IsSequence())
    return "a list";
  if (node.IsMap())
    return "a map";
  if (!node.IsScalar())
    return "nothing";
  return "'" + node.Scalar() + "'";
}

std::string YamlReader::describe(const YAML::Node& node)
{
  if (node.IsScalar())
    return node.Scalar();
  std::vector<std::string> parts;
  if (node.IsSequence()) {
    for (const auto& item : node)
      parts.push_back(describe(item));
    return "[" + join(parts, ", ") + "]";
  }
  if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      parts.push_back(describe(it->first) + ": " + describe(it->second));
    return "{" + join(parts, ", ") + "}";
  }
  return "";
}

} // namespace mpcheck::rules
