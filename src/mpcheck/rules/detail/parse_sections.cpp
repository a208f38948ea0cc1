// The submission-wide parts of a rule file: documents, layout, naming, quotas, manual items,
// sentences not checked, severity overrides.
#include <algorithm>
#include <unordered_map>

#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/detail/names.hpp"
#include "mpcheck/rules/detail/parse.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules::detail {

namespace {

const Entry& required_entry(const YamlReader& reader, const YAML::Node& node,
                            const std::vector<Entry>& entries, std::string_view key)
{
  const Entry* entry = find_entry(entries, key);
  if (!entry)
    reader.fail(node, "missing required key '" + std::string(key) + "'");
  return *entry;
}

// A list under `entry`, failing with "expected a list of WHAT" otherwise.
const YAML::Node& list(const YamlReader& reader, const Entry& entry, std::string_view what)
{
  if (!entry.value.IsSequence())
    reader.fail(entry, "expected a list of " + std::string(what) + ", found " +
                           YamlReader::found(entry.value));
  return entry.value;
}

// ---- documents ----

DocumentScope parse_per(const YamlReader& reader, const Entry& entry)
{
  return reader.choice(entry, {"文档范围", "document scope"}, {"unit", "work"}) == 0
             ? DocumentScope::unit
             : DocumentScope::work;
}

std::vector<std::string> categories_of(const Context& ctx, const Entry& entry)
{
  std::vector<std::string> out;
  for (const auto& item : ctx.reader.items(entry))
    out.push_back(canonical_category(ctx, item, ctx.reader.string(item, entry)));
  return out;
}

void parse_document_key(const Context& ctx, const Entry& item, DocumentRule& rule)
{
  if (item.key == "kind")
    rule.kind = ctx.reader.string(item);
  else if (item.key == "aliases")
    rule.aliases = ctx.reader.strings(item);
  else if (item.key == "per")
    rule.per = parse_per(ctx.reader, item);
  else if (item.key == "extensions")
    rule.extensions = extensions(ctx.reader, item);
  else if (item.key == "required")
    rule.required = ctx.reader.boolean(item);
  else if (item.key == "categories")
    rule.categories = categories_of(ctx, item);
  else if (item.key == "units")
    rule.units = ctx.reader.strings(item);
}

void check_document_names(const Context& ctx, const YAML::Node& node, const DocumentRule& rule)
{
  if (rule.kind.empty())
    ctx.reader.fail(node, "a document kind cannot be empty");
  std::vector<std::string> names = rule.aliases;
  names.push_back(rule.kind);
  for (const auto& name : names)
    if (ctx.rules.document_rule(name))
      ctx.reader.fail(node, "document kind '" + name + "' is defined twice");
}

// The clauses of a document in file order; its own deadline is read here, in its place.
void document_clauses(const Context& ctx, const std::vector<Entry>& entries, DocumentRule& rule)
{
  for (const auto& item : entries) {
    const Origin at = ctx.reader.origin_at(item, rule.origin);
    if (item.key == "kind" && rule.required)
      ctx.clause(ids::document_missing.str(), "", item, at);
    else if (item.key == "extensions")
      ctx.clause(ids::document_format.str(), "", item, at);
    else if (item.key == "deadline")
      rule.deadline = parse_deadline(ctx, item, rule.kind);
  }
}

void parse_document(const Context& ctx, const YAML::Node& node)
{
  static const std::vector<std::string> keys = with_block_keys(
      {"kind", "aliases", "per", "extensions", "required", "categories", "units", "deadline"});
  const auto entries =
      ctx.reader.entries(node, {"文档（一组“键: 值”）", "a document (a map)"}, keys);
  DocumentRule rule;
  rule.origin = block_origin(ctx.reader, node, entries);
  required_entry(ctx.reader, node, entries, "kind");
  for (const auto& item : entries)
    parse_document_key(ctx, item, rule);
  check_document_names(ctx, node, rule);
  document_clauses(ctx, entries, rule);
  ctx.rules.documents.push_back(std::move(rule));
}

// ---- layout ----

std::string canonical_kind(const Context& ctx, const Entry& item)
{
  const std::string text = ctx.reader.string(item);
  const auto& kinds = work_kinds().names;
  if (std::find(kinds.begin(), kinds.end(), text) != kinds.end())
    return text;
  if (const DocumentRule* doc = ctx.rules.document_rule(text))
    return doc->kind;
  std::vector<std::string> candidates = kinds;
  for (const auto& doc : ctx.rules.documents)
    candidates.push_back(doc.kind);
  ctx.reader.fail(item, ctx.reader.unknown({"文件种类", "file kind"}, text, candidates));
}

// A folder of the layout is one name right below the drive's root ("作品"): never a path
// that climbs out of it ("../x"), an absolute one, or nothing.
void check_folder_name(const Context& ctx, const Entry& entry, const std::string& name)
{
  if (name.empty() || name == "." || name == ".." || name.find_first_of("/\\") != std::string::npos)
    ctx.reader.fail(entry, "expected a folder name right below the drive's root, such as 作品, "
                           "found " +
                               YamlReader::found(entry.value) +
                               " (no '/', '\\', '.', '..' or empty name)");
}

void check_new_folder(const Context& ctx, const YAML::Node& node, const std::string& name)
{
  for (const auto& other : ctx.rules.layout->folders)
    if (other.name == name)
      ctx.reader.fail(node, "duplicate folder '" + name + "'");
}

void parse_holds(const Context& ctx, const Entry& item, FolderRule& folder)
{
  for (const auto& kind : ctx.reader.items(item))
    folder.holds.push_back(canonical_kind(ctx, {item.key, item.key_node, kind}));
  ctx.clause(ids::layout_misplaced.str(), "", item, ctx.reader.origin_at(item, folder.origin));
}

void parse_folder(const Context& ctx, const YAML::Node& node)
{
  const Origin& layout = ctx.rules.layout->origin;
  const auto entries = ctx.reader.entries(node, {"文件夹（一组“键: 值”）", "a folder (a map)"},
                                          {"name", "holds", "source", "note"});
  const Entry& name = required_entry(ctx.reader, node, entries, "name");
  FolderRule folder{ctx.reader.string(name), {}, block_origin(ctx.reader, node, entries)};
  if (folder.origin.source.empty())
    folder.origin.source = layout.source;
  check_folder_name(ctx, name, folder.name);
  check_new_folder(ctx, node, folder.name);
  ctx.clause(ids::layout_folder_missing.str(), "", name, ctx.reader.origin_at(name, layout));
  if (const Entry* holds = find_entry(entries, "holds"))
    parse_holds(ctx, *holds, folder);
  ctx.rules.layout->folders.push_back(std::move(folder));
}

// ---- naming ----

// Fails unless every {placeholder} of `entry`'s text is in `allowed` and all of `needed` occur.
std::string read_pattern(const YamlReader& reader, const Entry& entry,
                         const std::vector<std::string>& allowed,
                         const std::vector<std::string>& needed)
{
  const std::string text = reader.string(entry);
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    const std::string word =
        text.substr(open, close == std::string::npos ? close : close - open + 1);
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end())
      reader.fail(entry, reader.unknown({"占位符", "placeholder"}, word, allowed));
  }
  for (const auto& word : needed)
    if (text.find(word) == std::string::npos)
      reader.fail(entry, "'" + entry.key + "' must contain " + word);
  return text;
}

// The one form check, rename, init and pack read and write for `key`; another is refused at
// its position rather than silently ignored (rules/README.md, "naming").
std::string implemented_pattern(const YamlReader& r, const Entry& item, std::string text,
                                std::string_view implemented)
{
  if (text != implemented)
    r.fail(item.value, "'" + item.key + "' can only be \"" + std::string(implemented) +
                           "\" (the form every notice uses, and the only one mpcheck reads " +
                           "and writes names in); found \"" + text + "\"");
  return text;
}

void parse_naming_key(const Context& ctx, const Entry& item, NamingRules& naming)
{
  const YamlReader& r = ctx.reader;
  if (item.key == "pattern")
    naming.pattern = implemented_pattern(
        r, item, read_pattern(r, item, {"{title}", "{category}", "{unit}"}, {"{title}"}),
        "{title}-{category}-{unit}");
  else if (item.key == "unit_document_pattern")
    naming.unit_document_pattern = implemented_pattern(
        r, item, read_pattern(r, item, {"{kind}", "{unit}"}, {"{kind}"}), "{kind}-{unit}");
  else if (item.key == "work_document_pattern")
    naming.work_document_pattern = implemented_pattern(
        r, item, read_pattern(r, item, {"{title}", "{kind}", "{unit}"}, {"{title}", "{kind}"}),
        "{title}-{kind}-{unit}");
  else if (item.key == "episode_suffix")
    naming.episode_suffix = read_pattern(r, item, {"{n}"}, {"{n}"});
  else if (item.key == "forbidden_characters") {
    naming.forbidden_characters = r.string(item);
    if (naming.forbidden_characters.find('-') != std::string::npos)
      r.fail(item.value,
             "'forbidden_characters' cannot hold '-': it separates 作品名-分类-报送单位");
  }
}

void naming_clauses(const Context& ctx, const Entry& entry, const NamingRules& naming)
{
  const Origin at = ctx.reader.origin_at(entry, naming.origin);
  ctx.clause(ids::name_pattern.str(), "", entry, at);
  if (naming.pattern.find("{category}") != std::string::npos)
    ctx.clause(ids::name_category.str(), "", entry, at);
  if (naming.pattern.find("{unit}") != std::string::npos)
    ctx.clause(ids::name_unit.str(), "", entry, at);
}

// ---- quotas ----

CountRange parse_count_range(const Context& ctx, const Entry& entry)
{
  CountRange range;
  for (const auto& item : ctx.reader.entries(
           entry.value, {"含 min 和/或 max 的一组“键: 值”", "a map with min and/or max"},
           {"min", "max"}))
    (item.key == "min" ? range.min : range.max) =
        ctx.reader.integer(item, item.key == "min" ? 0 : 1, 100000);
  if (!range.min && !range.max)
    ctx.reader.fail(entry, "expected a map with min and/or max, found an empty map");
  if (range.min && range.max && *range.min > *range.max)
    ctx.reader.fail(entry, "min " + std::to_string(*range.min) + " is greater than max " +
                               std::to_string(*range.max));
  return range;
}

void parse_per_category(const Context& ctx, const Entry& entry, const Origin& block)
{
  auto& quotas = ctx.rules.quotas.per_category;
  for (const auto& item : ctx.reader.entries(
           entry.value, {"“分类: {min, max}”的一组", "a map of category: {min, max}"})) {
    const std::string name = canonical_category(ctx, item.key_node, item.key);
    for (const auto& [other, _] : quotas)
      if (other == name)
        ctx.reader.fail(item.key_node, "the quota of category '" + name + "' is already set");
    const Origin at = ctx.reader.origin_at(item, block);
    quotas.emplace_back(name, Requirement<CountRange>{parse_count_range(ctx, item), at});
    ctx.clause(ids::work_category_count.str(), name, item, at);
  }
}

std::optional<int> parse_max_works(const Context& ctx, const Entry& entry)
{
  if (entry.value.IsScalar() && entry.value.Scalar() == "unlimited")
    return std::nullopt;
  const std::string& text = ctx.reader.scalar(
      entry, Text{"不小于 1 的整数或 'unlimited'", "a whole number of at least 1 or 'unlimited'"});
  if (text.find_first_not_of("0123456789") != std::string::npos || text.empty() ||
      text.size() > 6 || std::stoi(text) < 1)
    ctx.reader.fail(entry, "expected a whole number of at least 1 or 'unlimited', found " +
                               YamlReader::found(entry.value));
  return std::stoi(text);
}

void parse_quota_key(const Context& ctx, const Entry& item, const Origin& block)
{
  Quotas& q = ctx.rules.quotas;
  const Origin at = ctx.reader.origin_at(item, block);
  if (item.key == "max_works") {
    q.max_works = Requirement<std::optional<int>>{parse_max_works(ctx, item), at};
    ctx.clause(ids::work_count.str(), "", item, at);
  } else if (item.key == "per_category") {
    parse_per_category(ctx, item, block);
  } else if (item.key == "min_series_episodes") {
    q.min_series_episodes = Requirement<int>{ctx.reader.integer(item, 2, 10000), at};
    ctx.clause(ids::work_episodes.str(), "", item, at);
  } else if (item.key == "max_age_years") {
    q.max_age_years = Requirement<int>{ctx.reader.integer(item, 1, 200), at};
    ctx.clause(ids::work_age.str(), "", item, at);
  }
}

// ---- manual items ----

// The line of each manual item id seen so far: a duplicate is found in one look-up, so that
// a rule file of many items is read in linear time.
using SeenIds = std::unordered_map<std::string, int>;

void parse_manual_id(const Context& ctx, const Entry& entry, ManualItem& item, SeenIds& seen)
{
  item.id = ctx.reader.string(entry);
  if (!is_manual_check_id(item.id))
    ctx.reader.fail(entry, "expected a manual item id such as manual.title-card, found " +
                               YamlReader::found(entry.value));
  const auto [it, fresh] = seen.emplace(item.id, ctx.reader.position(entry.key_node).first);
  if (!fresh)
    ctx.reader.fail(entry, "duplicate manual item id '" + item.id + "' (first at line " +
                               std::to_string(it->second) + ")");
}

void parse_manual_item(const Context& ctx, const YAML::Node& node, SeenIds& seen)
{
  static const std::vector<std::string> keys =
      with_block_keys({"id", "text", "scope", "categories"});
  const auto entries =
      ctx.reader.entries(node, {"人工确认项（一组“键: 值”）", "a manual item (a map)"}, keys);
  ManualItem item;
  item.origin = block_origin(ctx.reader, node, entries);
  const Entry& id = required_entry(ctx.reader, node, entries, "id");
  parse_manual_id(ctx, id, item, seen);
  item.text = ctx.reader.text(required_entry(ctx.reader, node, entries, "text"));
  for (const auto& entry : entries) {
    if (entry.key == "scope")
      item.scope = ctx.reader.choice(entry, {"范围", "scope"}, {"submission", "work"}) == 0
                       ? ManualScope::submission
                       : ManualScope::work;
    else if (entry.key == "categories")
      item.categories = categories_of(ctx, entry);
  }
  std::tie(item.origin.line, item.origin.column) = ctx.reader.position(id.key_node);
  ctx.clause(item.id, "", id, item.origin);
  ctx.rules.clauses.back().value = item.text.zh;
  ctx.rules.manual.push_back(std::move(item));
}

// ---- severity ----

std::optional<Severity> parse_override(const Context& ctx, const Entry& entry)
{
  static const std::vector<std::string> names = {"error", "warning", "manual", "info", "off"};
  const std::size_t index = ctx.reader.choice(entry, {"级别", "severity"}, names);
  if (names[index] == "off")
    return std::nullopt;
  return rules::parse_severity(names[index]);
}

void check_known_id(const Context& ctx, const Entry& entry)
{
  if (find_check(entry.key) || ctx.rules.manual_item(entry.key))
    return;
  if (entry.key.starts_with("manual."))
    ctx.reader.fail(entry.key_node,
                    "unknown check id '" + entry.key + "': no manual item has this id");
  std::vector<std::string> ids;
  for (const auto& check : known_check_ids())
    ids.emplace_back(check.id);
  for (const auto& item : ctx.rules.manual)
    ids.push_back(item.id);
  ctx.reader.fail(entry.key_node, ctx.reader.unknown({"检查编号", "check id"}, entry.key, ids));
}

} // namespace

void Context::clause(std::string_view check, const std::string& scope, const Entry& entry,
                     const Origin& origin) const
{
  rules.clauses.push_back(
      {std::string(check), scope, entry.key, YamlReader::describe(entry.value), origin});
}

std::vector<std::string> with_block_keys(std::vector<std::string> keys)
{
  keys.insert(keys.begin(), block_keys.begin(), block_keys.end());
  return keys;
}

Origin block_origin(const YamlReader& reader, const YAML::Node& block,
                    const std::vector<Entry>& entries)
{
  Origin origin;
  std::tie(origin.line, origin.column) = reader.position(block);
  for (const auto& entry : entries) {
    if (entry.key == "source")
      origin.source = reader.string(entry);
    else if (entry.key == "note")
      origin.note = reader.text(entry);
    else if (entry.key == "severity")
      origin.severity = reader.severity(entry);
  }
  return origin;
}

std::vector<std::string> category_names(const RuleSet& rules)
{
  std::vector<std::string> names;
  for (const auto& category : rules.categories) {
    names.push_back(category.name);
    names.insert(names.end(), category.aliases.begin(), category.aliases.end());
  }
  return names;
}

std::string canonical_category(const Context& ctx, const YAML::Node& at, const std::string& name)
{
  if (const CategoryRules* category = ctx.rules.category(name))
    return category->name;
  if (ctx.rules.categories.empty())
    ctx.reader.fail(at, "unknown category '" + name + "': this rule set defines no categories");
  ctx.reader.fail(at, ctx.reader.unknown({"分类", "category"}, name, category_names(ctx.rules)));
}

Requirement<Date> parse_deadline(const Context& ctx, const Entry& entry, const std::string& scope)
{
  Origin origin;
  Entry date{"deadline", entry.key_node, entry.value};
  if (entry.value.IsMap()) {
    const auto entries =
        ctx.reader.entries(entry.value, {"截止日期", "a deadline"}, with_block_keys({"date"}));
    origin = block_origin(ctx.reader, entry.value, entries);
    const Entry* found = find_entry(entries, "date");
    if (!found)
      ctx.reader.fail(entry.value, "missing required key 'date'");
    date.value = found->value;
  }
  origin = ctx.reader.origin_at(entry, origin);
  const Requirement<Date> deadline{ctx.reader.date(date), origin};
  ctx.clause(ids::submission_deadline.str(), scope, date, origin);
  return deadline;
}

void parse_documents(const Context& ctx, const Entry& entry)
{
  for (const auto& node : list(ctx.reader, entry, "documents"))
    parse_document(ctx, node);
}

void parse_layout(const Context& ctx, const Entry& entry)
{
  const auto entries = ctx.reader.entries(
      entry.value, {"目录结构（一组“键: 值”）", "a layout (a map)"}, {"source", "note", "folders"});
  ctx.rules.layout = LayoutRules{{}, block_origin(ctx.reader, entry.value, entries)};
  const Entry& folders = required_entry(ctx.reader, entry.value, entries, "folders");
  for (const auto& node : list(ctx.reader, folders, "folders"))
    parse_folder(ctx, node);
}

void parse_naming(const Context& ctx, const Entry& entry)
{
  static const std::vector<std::string> keys =
      with_block_keys({"pattern", "unit_document_pattern", "work_document_pattern",
                       "episode_suffix", "forbidden_characters"});
  const auto entries =
      ctx.reader.entries(entry.value, {"命名规则（一组“键: 值”）", "a naming map"}, keys);
  NamingRules naming{"",
                     "{kind}-{unit}",
                     "{title}-{kind}-{unit}",
                     "（第{n}集）",
                     "",
                     block_origin(ctx.reader, entry.value, entries)};
  const Entry& pattern_entry = required_entry(ctx.reader, entry.value, entries, "pattern");
  for (const auto& item : entries)
    parse_naming_key(ctx, item, naming);
  if (naming.pattern.find("{category}") != std::string::npos && ctx.rules.categories.empty())
    ctx.reader.fail(pattern_entry,
                    "the pattern uses {category} but this rule set defines no categories");
  naming_clauses(ctx, pattern_entry, naming);
  ctx.rules.naming = std::move(naming);
}

void parse_quotas(const Context& ctx, const Entry& entry)
{
  static const std::vector<std::string> keys =
      with_block_keys({"max_works", "per_category", "min_series_episodes", "max_age_years"});
  std::map<std::string, int> set_here;
  for (const auto& block : ctx.reader.items(entry)) {
    const auto entries =
        ctx.reader.entries(block, {"名额（一组“键: 值”）", "a quota block (a map)"}, keys);
    const Origin origin = block_origin(ctx.reader, block, entries);
    for (const auto& item : entries) {
      if (std::find(block_keys.begin(), block_keys.end(), item.key) != block_keys.end())
        continue;
      const auto [it, inserted] =
          set_here.emplace(item.key, ctx.reader.position(item.key_node).first);
      if (!inserted && item.key != "per_category")
        ctx.reader.fail(item.key_node,
                        "'" + item.key + "' is already set at line " + std::to_string(it->second));
      parse_quota_key(ctx, item, origin);
    }
  }
}

void parse_manual(const Context& ctx, const Entry& entry)
{
  SeenIds seen;
  for (const auto& item : ctx.rules.manual)
    seen.emplace(item.id, item.origin.line);
  for (const auto& node : list(ctx.reader, entry, "manual items"))
    parse_manual_item(ctx, node, seen);
}

void parse_not_checked(const Context& ctx, const Entry& entry)
{
  for (const auto& node : list(ctx.reader, entry, "sentences not checked")) {
    const auto entries = ctx.reader.entries(
        node, {"含 source 和 reason 的一组“键: 值”", "a map with source and reason"},
        {"source", "reason"});
    NotChecked item{ctx.reader.string(required_entry(ctx.reader, node, entries, "source")),
                    ctx.reader.text(required_entry(ctx.reader, node, entries, "reason"))};
    std::tie(item.line, item.column) = ctx.reader.position(node);
    ctx.rules.not_checked.push_back(std::move(item));
  }
}

void parse_severity(const Context& ctx, const Entry& entry)
{
  for (const auto& item :
       ctx.reader.entries(entry.value, {"“检查编号: 级别”的一组", "a map of check id: severity"})) {
    check_known_id(ctx, item);
    ctx.rules.severity_overrides[item.key] = parse_override(ctx, item);
  }
}

} // namespace mpcheck::rules::detail
