// `rules lint`: warnings about a rule set that loads but may not say what its notice says.
#include <set>

#include "mpcheck/rules/loader.hpp"

namespace mpcheck::rules {

namespace {

// Collects warnings as "FILE:LINE:COL: warning: MESSAGE", each at most once.
class Warnings {
public:
  explicit Warnings(const std::string& file) : m_file(file) {}

  void add(int line, int column, const std::string& message)
  {
    std::string text = m_file + ":";
    if (line > 0)
      text += std::to_string(line) + ":" + std::to_string(column) + ":";
    text += " warning: " + message;
    if (m_seen.insert(text).second)
      m_out.push_back(std::move(text));
  }
  void add(const Origin& at, const std::string& message) { add(at.line, at.column, message); }
  std::vector<std::string> take() { return std::move(m_out); }

private:
  std::string m_file;
  std::set<std::string> m_seen;
  std::vector<std::string> m_out;
};

// `text` without white space (ASCII, ideographic U+3000, no-break U+00A0): notices are
// copied from web pages and PDFs with spaces in odd places.
std::string squeeze(std::string_view text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE3\x80\x80") == 0 || text.compare(i, 2, "\xC2\xA0") == 0) {
      i += text[i] == '\xE3' ? 2 : 1;
      continue;
    }
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
      out += text[i];
  }
  return out;
}

std::string file_stem(const std::string& file)
{
  std::string name = file.substr(file.find_last_of('/') + 1);
  for (std::string_view ext : {".yaml", ".yml"})
    if (name.ends_with(ext))
      return name.substr(0, name.size() - ext.size());
  return name;
}

void lint_sources(const RuleSet& rules, Warnings& out)
{
  for (const auto& clause : rules.clauses)
    if (clause.origin.source.empty())
      out.add(clause.origin, "'" + clause.key + "' has no source sentence from the notice");
  for (const auto& category : rules.categories)
    if (category.origin.source.empty())
      out.add(category.origin,
              "category '" + category.name + "' has no source sentence from the notice");
}

// Every source sentence of the rule set with the position of its first use.
std::vector<std::pair<std::string, Origin>> all_sources(const RuleSet& rules)
{
  std::vector<std::pair<std::string, Origin>> out;
  const auto add = [&out](const Origin& origin) {
    if (!origin.source.empty())
      out.emplace_back(origin.source, origin);
  };
  for (const auto& category : rules.categories)
    add(category.origin);
  for (const auto& clause : rules.clauses)
    add(clause.origin);
  for (const auto& item : rules.not_checked)
    add(Origin{item.source, "", std::nullopt, item.line, item.column});
  return out;
}

void lint_notice(const RuleSet& rules, std::string_view notice_text, Warnings& out)
{
  const std::string notice = squeeze(notice_text);
  std::set<std::string> checked; // each sentence once, at its first use
  for (const auto& [source, origin] : all_sources(rules))
    if (checked.insert(source).second && notice.find(squeeze(source)) == std::string::npos)
      out.add(origin, "source not found in the notice: '" + source + "'");
}

void lint_layout(const RuleSet& rules, Warnings& out)
{
  if (!rules.layout)
    return;
  for (const auto& doc : rules.documents)
    if (!rules.folder_for(doc.kind))
      out.add(doc.origin, "document kind '" + doc.kind + "' has no folder in the layout");
  std::set<std::string> kinds(rules.works.kinds.begin(), rules.works.kinds.end());
  for (const auto& category : rules.categories)
    kinds.insert(category.kinds.begin(), category.kinds.end());
  for (const auto& kind : kinds)
    if (!rules.folder_for(kind))
      out.add(rules.layout->origin, "file kind '" + kind + "' has no folder in the layout");
}

} // namespace

std::vector<std::string> lint_rules(const RuleSet& rules, std::string_view notice_text)
{
  Warnings out(rules.file);
  if (!rules.file.empty() && file_stem(rules.file) != rules.id)
    out.add(0, 0,
            "id '" + rules.id + "' differs from the file name '" + file_stem(rules.file) + "'");
  lint_sources(rules, out);
  if (!notice_text.empty())
    lint_notice(rules, notice_text, out);
  for (const auto& item : rules.manual)
    if (item.text.en.empty())
      out.add(item.origin, "manual item '" + item.id + "' has no English text");
  lint_layout(rules, out);
  return out.take();
}

} // namespace mpcheck::rules
