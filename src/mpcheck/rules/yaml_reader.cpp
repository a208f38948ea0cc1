#include "mpcheck/rules/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/units.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules {

namespace {

std::string join(const std::vector<std::string>& words, std::string_view separator)
{
  std::string out;
  for (const auto& word : words)
    out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

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

} // namespace

const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key)
{
  for (const auto& entry : entries)
    if (entry.key == key)
      return &entry;
  return nullptr;
}

YamlReader::YamlReader(std::string file, std::string_view text)
    : m_file(std::move(file)), m_text(text)
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
                    fmt::format("the file is not UTF-8 text (byte 0x{:02X}); it was probably saved "
                                "as GBK/ANSI: save it again as UTF-8 (记事本：另存为 → 编码 UTF-8)",
                                static_cast<unsigned char>(m_text[bad])));
  }
  try {
    // Not YAML::LoadAll: yaml-cpp 0.7 loops for ever, allocating, on some broken texts
    // (",\x04", found by fuzz_rules). A second document is found from its marker line.
    if (const int line = second_document_line(m_text); line > 0)
      throw RuleError(m_file, line, 1,
                      "a second YAML document ('---'): a file holds one rule set or manifest");
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
    throw RuleError(m_file, line, column, "YAML syntax error: " + e.msg);
  }
}

void YamlReader::reject_control_characters(const YAML::Node& node) const
{
  if (node.IsScalar() && has_control_character(node.Scalar()))
    fail(node, "a control character (such as NUL or escape) in " + found(node) +
                   ": names and texts cannot hold one");
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

std::vector<Entry> YamlReader::entries(const YAML::Node& map, std::string_view what) const
{
  if (!map.IsMap())
    fail(map, "expected " + std::string(what) + ", found " + found(map));
  std::vector<Entry> out;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar())
      fail(it->first, "expected a key, found " + found(it->first));
    const std::string& key = it->first.Scalar();
    for (const auto& seen : out)
      if (seen.key == key)
        fail(it->first, "duplicate key '" + key + "' (first at line " +
                            std::to_string(position(seen.key_node).first) + ")");
    out.push_back({key, it->first, it->second});
  }
  return out;
}

std::vector<Entry> YamlReader::entries(const YAML::Node& map, std::string_view what,
                                       const std::vector<std::string>& known) const
{
  auto out = entries(map, what);
  for (const auto& entry : out) {
    if (std::find(known.begin(), known.end(), entry.key) != known.end())
      continue;
    if (closest_match(entry.key, known))
      fail(entry.key_node, unknown_message("key", entry.key, known));
    fail(entry.key_node, "unknown key '" + entry.key + "'; known keys here: " + join(known, ", "));
  }
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

const std::string& YamlReader::scalar(const Entry& entry, std::string_view expected) const
{
  if (!entry.value.IsScalar())
    fail(entry, "expected " + std::string(expected) + ", found " + found(entry.value));
  return entry.value.Scalar();
}

std::string YamlReader::string(const Entry& entry) const
{
  return scalar(entry, "a string");
}

std::string YamlReader::string(const YAML::Node& node, const Entry& owner) const
{
  return scalar({owner.key, owner.key_node, node}, "a string");
}

std::vector<std::string> YamlReader::strings(const Entry& entry) const
{
  std::vector<std::string> out;
  for (const auto& item : items(entry)) {
    if (!item.IsScalar())
      fail(entry.value.IsSequence() && !item.IsNull() ? item : entry.value,
           "expected a string or a list of strings, found " + found(item));
    out.push_back(item.Scalar());
  }
  return out;
}

bool YamlReader::boolean(const Entry& entry) const
{
  const std::string& text = scalar(entry, "true or false");
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  fail(entry, "expected true or false, found " + found(entry.value));
}

int YamlReader::integer(const Entry& entry, int min, int max) const
{
  const std::string expected =
      "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  const std::string& text = scalar(entry, expected);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
    fail(entry, "expected " + expected + ", found " + found(entry.value));
  return value;
}

double YamlReader::number(const Entry& entry) const
{
  const std::string& text = scalar(entry, "a number");
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    fail(entry, "expected a number, found " + found(entry.value));
  return value;
}

namespace {

// The value of `entry` read by `parse`, or a failure "expected EXPECTED, found ...".
template <class Parse>
auto parsed(const YamlReader& reader, const Entry& entry, Parse parse, std::string_view expected)
{
  if (auto value = parse(reader.scalar(entry, expected)))
    return *value;
  reader.fail(entry,
              "expected " + std::string(expected) + ", found " + YamlReader::found(entry.value));
}

} // namespace

double YamlReader::seconds(const Entry& entry) const
{
  return parsed(*this, entry, parse_duration, "a number of seconds such as 480 or \"8min\"");
}

int64_t YamlReader::bitrate(const Entry& entry) const
{
  return parsed(*this, entry, parse_bitrate, "a bit rate such as 8000000 or \"8Mbps\"");
}

double YamlReader::loudness(const Entry& entry) const
{
  return parsed(*this, entry, parse_loudness, "a loudness in LUFS such as -23");
}

double YamlReader::fraction(const Entry& entry) const
{
  return parsed(*this, entry, parse_percent, "a percentage such as \"10%\"");
}

Rational YamlReader::frame_rate(const Entry& entry) const
{
  return parsed(*this, entry, parse_frame_rate, "a frame rate such as 25 or \"30000/1001\"");
}

Rational YamlReader::aspect_ratio(const Entry& entry) const
{
  return parsed(*this, entry, parse_aspect_ratio, "an aspect ratio such as \"16:9\"");
}

Size YamlReader::size(const Entry& entry) const
{
  return parsed(*this, entry, parse_size, "a pixel size such as \"1920x1080\"");
}

Date YamlReader::date(const Entry& entry) const
{
  return parsed(*this, entry, parse_date, "a date such as 2024-09-05");
}

Text YamlReader::text(const Entry& entry) const
{
  if (entry.value.IsScalar())
    return {entry.value.Scalar(), ""};
  if (!entry.value.IsMap())
    fail(entry, "expected a string or a map with zh and en, found " + found(entry.value));
  Text out;
  for (const auto& item : entries(entry.value, "a map with zh and en", {"zh", "en"}))
    (item.key == "zh" ? out.zh : out.en) = string(item);
  if (out.zh.empty())
    fail(entry, "missing 'zh': the Chinese text is required");
  return out;
}

Severity YamlReader::severity(const Entry& entry) const
{
  static const std::vector<std::string> names = {"error", "warning", "manual", "info"};
  return *parse_severity(names[choice(entry, "severity", names)]);
}

std::size_t YamlReader::choice(const Entry& entry, std::string_view what,
                               const std::vector<std::string>& names) const
{
  const std::string& text = scalar(entry, "one of: " + join(names, ", "));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (text == names[i])
      return i;
  if (closest_match(text, names))
    fail(entry, unknown_message(what, text, names));
  fail(entry, unknown_message(what, text, names) + " (expected one of: " + join(names, ", ") + ")");
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
