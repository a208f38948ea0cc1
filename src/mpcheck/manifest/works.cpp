#include "mpcheck/manifest/works.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/rules/detail/yaml_reader.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::manifest {

namespace fs = std::filesystem;
using rules::detail::Entry;
using rules::detail::YamlReader;

std::string Manifest::resolve(const std::string& path) const
{
  if (path.empty() || fs::path(path).is_absolute())
    return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

namespace {

const std::vector<std::string> top_keys = {"unit", "contact", "phone", "works"};
const std::vector<std::string> work_keys = {
    "title",    "category", "files",    "episodes", "minutes_per_episode",
    "producer", "creators", "summary",  "type",     "platform",
    "reach",    "speaker",  "position", "date",     "audience"};
const std::vector<std::string> file_keys = {"subtitled", "clean", "video",      "episodes",
                                            "poster",    "qr",    "courseware", "script"};

std::vector<std::string> category_names(const rules::RuleSet& rules)
{
  std::vector<std::string> names;
  for (const auto& c : rules.categories)
    names.push_back(c.name);
  return names;
}

// Fails on a value `mpcheck init` left for a person to fill in.
void refuse_todo(const YamlReader& reader, const Entry& e, const std::string& value)
{
  if (value.starts_with("TODO"))
    reader.fail(e.value,
                "'" + e.key + "' is still TODO: fill it in (mpcheck init left it for you)");
}

struct Parser {
  const YamlReader& reader;
  const rules::RuleSet& rules;
  Manifest& manifest;
  const FileExists& exists;

  void source(const Entry& e, std::string& out) const
  {
    out = reader.string(e);
    if (!exists(manifest.resolve(out)))
      reader.fail(e.value, "file '" + out + "' not found (relative paths start at " +
                               (manifest.base_dir.empty() ? "." : manifest.base_dir) + ")");
  }

  void files(const Entry& e, Work& w) const
  {
    for (const Entry& f : reader.entries(e.value, "the files of a work", file_keys)) {
      WorkFiles& files = w.files;
      if (f.key == "episodes") {
        for (const YAML::Node& item : reader.items(f)) {
          files.episodes.push_back(reader.string(item, f));
          if (!exists(manifest.resolve(files.episodes.back())))
            reader.fail(item, "file '" + files.episodes.back() + "' not found");
        }
        continue;
      }
      std::string* slot = f.key == "subtitled"    ? &files.subtitled
                          : f.key == "clean"      ? &files.clean
                          : f.key == "video"      ? &files.video
                          : f.key == "poster"     ? &files.poster
                          : f.key == "qr"         ? &files.qr
                          : f.key == "courseware" ? &files.courseware
                                                  : &files.script;
      source(f, *slot);
    }
    if (w.files.subtitled.empty() != w.files.clean.empty())
      reader.fail(e, "a pair needs both 'subtitled' and 'clean'");
  }

  void title(const Entry& e, Work& w) const
  {
    w.title = naming::to_nfc(reader.string(e));
    for (const auto& p : naming::check_file_name(w.title + ".mp4"))
      if (p.code == "characters" || p.code == "trailing" || p.code == "reserved" ||
          p.code == "empty")
        reader.fail(e.value, "the title '" + w.title +
                                 "' cannot be a file name on Windows or a USB drive (" + p.code +
                                 (p.detail.empty() ? "" : ": " + p.detail) + "); suggestion: '" +
                                 naming::sanitize_title(w.title) + "'");
  }

  void category(const Entry& e, Work& w) const
  {
    const std::string name = reader.string(e);
    refuse_todo(reader, e, name);
    const rules::CategoryRules* cat = rules.category(name);
    if (!rules.categories.empty() && !cat)
      reader.fail(e.value, unknown_message("category", name, category_names(rules)));
    w.category = cat ? cat->name : name;
  }

  Work work(const YAML::Node& node) const
  {
    Work w;
    w.line = reader.position(node).first;
    const auto entries = reader.entries(node, "a work", work_keys);
    for (const Entry& e : entries) {
      if (e.key == "title")
        title(e, w);
      else if (e.key == "category")
        category(e, w);
      else if (e.key == "files")
        files(e, w);
      else if (e.key == "episodes")
        w.episodes = reader.integer(e, 1, 10000);
      else if (e.key == "minutes_per_episode")
        w.minutes_per_episode = reader.number(e);
      else
        text_field(e, w);
    }
    if (w.title.empty())
      reader.fail(node, "a work needs a 'title'");
    if (w.category.empty() && !rules.categories.empty())
      reader.fail(node, "the work '" + w.title + "' needs a 'category'");
    return w;
  }

  void text_field(const Entry& e, Work& w) const
  {
    std::string* slot = e.key == "producer"   ? &w.producer
                        : e.key == "creators" ? &w.creators
                        : e.key == "summary"  ? &w.summary
                        : e.key == "type"     ? &w.new_media_type
                        : e.key == "platform" ? &w.platform
                        : e.key == "reach"    ? &w.reach
                        : e.key == "speaker"  ? &w.speaker
                        : e.key == "position" ? &w.position
                        : e.key == "date"     ? &w.date
                                              : &w.audience;
    *slot = reader.string(e);
    refuse_todo(reader, e, *slot);
  }

  void unit(const Entry& e) const
  {
    manifest.unit = naming::to_nfc(reader.string(e));
    refuse_todo(reader, e, manifest.unit);
    for (const auto& p : naming::check_file_name(manifest.unit))
      if (p.code == "characters" || p.code == "trailing" || p.code == "reserved")
        reader.fail(e.value, "the unit '" + manifest.unit + "' cannot be part of a file name (" +
                                 p.code + ")");
  }
};

} // namespace

Manifest parse_manifest(std::string_view yaml, std::string_view file_name,
                        const std::string& base_dir, const rules::RuleSet& rules,
                        const FileExists& exists)
{
  const YamlReader reader{std::string(file_name), yaml};
  const YAML::Node root = reader.parse();
  Manifest m;
  m.file = std::string(file_name);
  m.base_dir = base_dir;
  const Parser parser{reader, rules, m, exists};
  for (const Entry& e : reader.entries(root, "the works manifest", top_keys)) {
    if (e.key == "unit")
      parser.unit(e);
    else if (e.key == "contact" || e.key == "phone") {
      (e.key == "contact" ? m.contact : m.phone) = reader.string(e);
      refuse_todo(reader, e, e.key == "contact" ? m.contact : m.phone);
    } else
      for (const YAML::Node& item : reader.items(e)) {
        Work w = parser.work(item);
        for (const Work& other : m.works)
          if (other.title == w.title && other.category == w.category)
            reader.fail(item, "the work '" + w.title + "' is listed twice (first at line " +
                                  std::to_string(other.line) + ")");
        m.works.push_back(std::move(w));
      }
  }
  if (m.unit.empty())
    reader.fail(root, "the manifest needs 'unit' (报送单位)");
  return m;
}

Manifest load_manifest(const std::string& path, const rules::RuleSet& rules)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw rules::RuleError(path, 0, 0, "cannot read the file");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const std::string base = fs::path(path).parent_path().string();
  return parse_manifest(text, path, base, rules, [](const std::string& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
  });
}

} // namespace mpcheck::manifest
