#include "mpcheck/rules/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/rules/detail/parse.hpp"
#include "mpcheck/rules/embedded.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules {

using detail::CategoryDraft;
using detail::Context;
using rules::Entry;
using rules::find_entry;
using rules::YamlReader;

namespace {

std::string where(const std::string& file, int line, int column)
{
  if (file.empty())
    return "";
  if (line <= 0)
    return file + ": ";
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

const std::vector<std::string>& top_keys()
{
  static const std::vector<std::string> keys = {
      "schema",   "id",     "title",       "document",  "issuer", "notice_date",
      "deadline", "works",  "categories",  "documents", "layout", "naming",
      "quotas",   "manual", "not_checked", "severity"};
  return keys;
}

void parse_id(const YamlReader& reader, const YAML::Node& root, const Entry* entry, RuleSet& rules)
{
  if (!entry)
    reader.fail(root, "missing required key 'id'");
  rules.id = reader.string(*entry);
  const bool valid =
      !rules.id.empty() && rules.id.front() != '-' &&
      rules.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  if (!valid)
    reader.fail(*entry, "expected an id of a-z, 0-9 and - such as changzhou-2024, found " +
                            YamlReader::found(entry->value));
}

void parse_schema(const YamlReader& reader, const Entry& entry)
{
  if (reader.string(entry) != "mpcheck-rules/1")
    reader.fail(entry, "unsupported schema " + YamlReader::found(entry.value) +
                           " (this mpcheck reads mpcheck-rules/1)");
}

void parse_identity(const Context& ctx, const YAML::Node& root, const std::vector<Entry>& entries)
{
  const YamlReader& r = ctx.reader;
  RuleSet& rules = ctx.rules;
  parse_id(r, root, find_entry(entries, "id"), rules);
  const Entry* title = find_entry(entries, "title");
  if (!title)
    r.fail(root, "missing required key 'title'");
  rules.title = r.text(*title);
  for (const auto& entry : entries) {
    if (entry.key == "schema")
      parse_schema(r, entry);
    else if (entry.key == "document")
      rules.document = r.string(entry);
    else if (entry.key == "issuer")
      rules.issuer = r.string(entry);
    else if (entry.key == "notice_date")
      rules.notice_date = r.date(entry);
    else if (entry.key == "deadline")
      ctx.rules.deadline = detail::parse_deadline(ctx, entry, "");
  }
}

void check_date(const Context& ctx, const std::optional<Requirement<Date>>& deadline)
{
  const auto& notice = ctx.rules.notice_date;
  if (deadline && notice && deadline->value < *notice)
    ctx.reader.fail(deadline->origin, "deadline " + deadline->value.str() +
                                          " is before notice_date " + notice->str());
}

void check_dates(const Context& ctx)
{
  check_date(ctx, ctx.rules.deadline);
  for (const auto& document : ctx.rules.documents)
    check_date(ctx, document.deadline);
}

void check_new_category(const Context& ctx, const YAML::Node& node, const CategoryRules& category)
{
  std::vector<std::string> names = category.aliases;
  names.push_back(category.name);
  for (const auto& name : names)
    if (ctx.rules.category(name))
      ctx.reader.fail(node, "duplicate category '" + name + "'");
}

void parse_categories(const Context& ctx, const Entry& entry, const CategoryDraft& works)
{
  if (!entry.value.IsSequence())
    ctx.reader.fail(entry,
                    "expected a list of categories, found " + YamlReader::found(entry.value));
  for (const auto& node : entry.value) {
    CategoryDraft draft = works;
    draft.set_here.clear();
    detail::parse_category(ctx, node, draft, true);
    detail::finish_category(ctx, draft);
    check_new_category(ctx, node, draft.rules);
    ctx.rules.categories.push_back(std::move(draft.rules));
  }
}

void parse_works(const Context& ctx, const std::vector<Entry>& entries)
{
  CategoryDraft works;
  if (const Entry* entry = find_entry(entries, "works"))
    detail::parse_category(ctx, entry->value, works, false);
  if (const Entry* entry = find_entry(entries, "categories"))
    parse_categories(ctx, *entry, works);
  detail::finish_category(ctx, works);
  ctx.rules.works = std::move(works.rules);
}

// The sections that refer to categories, documents or manual items, in dependency order.
void parse_sections(const Context& ctx, const std::vector<Entry>& entries)
{
  using Parser = void (*)(const Context&, const Entry&);
  static const std::vector<std::pair<std::string_view, Parser>> parsers = {
      {"documents", detail::parse_documents}, {"layout", detail::parse_layout},
      {"naming", detail::parse_naming},       {"quotas", detail::parse_quotas},
      {"manual", detail::parse_manual},       {"not_checked", detail::parse_not_checked},
      {"severity", detail::parse_severity}};
  for (const auto& [key, parse] : parsers)
    if (const Entry* entry = find_entry(entries, key))
      parse(ctx, *entry);
}

std::string read_file(const std::string& path)
{
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw RuleError(path, 0, 0, "is a directory, not a rule file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw RuleError(path, 0, 0, std::string("cannot read the rule file: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof())
    throw RuleError(path, 0, 0, "cannot read the rule file");
  return text.str();
}

bool looks_like_path(const std::string& text)
{
  return text.find('/') != std::string::npos || text.ends_with(".yaml") || text.ends_with(".yml");
}

[[noreturn]] void unknown_rule_set(const std::string& id)
{
  const auto ids = builtin_rule_set_ids();
  std::string message = unknown_message("rule set", id, ids);
  if (!closest_match(id, ids)) {
    message += " (built-in:";
    for (const auto& known : ids)
      message += " " + known;
    message += "; or give the path of a .yaml file)";
  }
  throw UnknownRuleSet(id, ids, message);
}

} // namespace

RuleError::RuleError(std::string file, int line, int column, std::string message)
    : std::runtime_error(where(file, line, column) + message), m_file(std::move(file)),
      m_line(line), m_column(column), m_message(std::move(message))
{
}

RuleSet load_rules_text(std::string_view yaml, std::string_view file_name, Lang lang)
{
  const YamlReader reader{std::string(file_name), yaml, lang};
  const YAML::Node root = reader.parse();
  if (root.IsNull())
    throw RuleError(std::string(file_name), 0, 0, "the rule file is empty");
  const auto entries = reader.entries(
      root, {"顶层的一组“键: 值”（id、title …）", "a map of rule set keys at the top level"},
      top_keys());
  RuleSet rules;
  rules.file = file_name;
  const Context ctx{reader, rules};
  parse_identity(ctx, root, entries);
  parse_works(ctx, entries);
  parse_sections(ctx, entries);
  check_dates(ctx);
  return rules;
}

RuleSet load_rules(const std::string& id_or_path, Lang lang)
{
  for (const auto& set : embedded_rule_sets())
    if (set.id == id_or_path)
      return load_rules_text(set.yaml, std::string(set.id) + ".yaml", lang);
  std::error_code error;
  if (!std::filesystem::exists(id_or_path, error) && !looks_like_path(id_or_path))
    unknown_rule_set(id_or_path);
  return load_rules_text(read_file(id_or_path), id_or_path, lang);
}

std::vector<std::string> builtin_rule_set_ids()
{
  std::vector<std::string> ids;
  for (const auto& set : embedded_rule_sets())
    ids.emplace_back(set.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

} // namespace mpcheck::rules
