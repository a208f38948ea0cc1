#include "mpcheck/manifest/works.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/yaml_reader.hpp"
#include "mpcheck/util/date.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::manifest {

namespace fs = std::filesystem;
using rules::Entry;
using rules::YamlReader;

bool is_within(const std::string& path, const std::string& root)
{
  const fs::path p(path), r(root);
  return std::mismatch(r.begin(), r.end(), p.begin(), p.end()).first == r.end();
}

std::string Manifest::resolve(const std::string& path) const
{
  if (path.empty() || fs::path(path).is_absolute())
    return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

namespace {

const std::vector<std::string> top_keys = {"unit",  "contact",  "phone",
                                           "works", "lectures", "lecturers"};
const std::vector<std::string> work_keys = {
    "title",    "category",  "files",    "episodes", "minutes_per_episode",
    "producer", "creators",  "summary",  "type",     "platform",
    "reach",    "speaker",   "position", "date",     "audience",
    "content",  "discussion"};
const std::vector<std::string> lecture_keys = {"speaker",  "position", "title",     "date",
                                               "audience", "content",  "discussion"};
const std::vector<std::string> lecturer_keys = {"name", "gender",   "born",
                                                "unit", "position", "phone"};
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
  const SourceBound& bound;

  std::string say(const std::string& zh, const std::string& en) const
  {
    return bound.lang == Lang::en ? en : zh;
  }

  // Refuses a source path that is absolute or leads, links resolved, out of the root:
  // works.yaml must not put any file of the machine on the drive.
  void confine(const YAML::Node& at, const std::string& path) const
  {
    if (path.empty())
      return; // "not found" says it
    if (fs::path(path).is_absolute())
      reader.fail(at,
                  say("不接受绝对路径 '" + path + "'：请写相对于源文件夹 " + bound.root + " 的路径",
                      "absolute path '" + path +
                          "' refused: give the path relative to "
                          "the source folder " +
                          bound.root));
    if (bound.root.empty())
      return;
    const std::string lexical = manifest.resolve(path);
    const std::string real = bound.real_path ? bound.real_path(lexical) : lexical;
    if (is_within(real, bound.root))
      return;
    const bool link = is_within(lexical, bound.root);
    reader.fail(at, say("'" + path + "' " + (link ? "是指向 " + real + " 的链接，" : "") +
                            "不在源文件夹 " + bound.root +
                            " 之内：mpcheck 只读取源文件夹里的文件。请把文件复制进源文件夹，"
                            "并写相对路径",
                        "'" + path + "' " + (link ? "is a link to " + real + ", " : "") +
                            "outside the source folder " + bound.root +
                            ": mpcheck reads only files inside it. Copy the file into the "
                            "source folder and give its relative path"));
  }

  void source(const Entry& e, std::string& out) const
  {
    out = reader.string(e);
    confine(e.value, out);
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
          confine(item, files.episodes.back());
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
    const std::string refused = rules.naming ? rules.naming->forbidden_characters : "";
    const std::string found = naming::notice_forbidden_in(w.title, refused);
    if (!found.empty())
      reader.fail(e.value, "the title '" + w.title + "' holds characters the notice does not " +
                               "allow in names (" + found + "); suggestion: '" +
                               naming::sanitize_title(w.title, refused) + "'");
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
    if (e.key == "date")
      return day(e, w.date);
    std::string* slot = e.key == "producer"     ? &w.producer
                        : e.key == "creators"   ? &w.creators
                        : e.key == "summary"    ? &w.summary
                        : e.key == "type"       ? &w.new_media_type
                        : e.key == "platform"   ? &w.platform
                        : e.key == "reach"      ? &w.reach
                        : e.key == "speaker"    ? &w.speaker
                        : e.key == "position"   ? &w.position
                        : e.key == "content"    ? &w.content
                        : e.key == "discussion" ? &w.discussion
                                                : &w.audience;
    *slot = reader.string(e);
    refuse_todo(reader, e, *slot);
  }

  std::string text(const Entry& e) const
  {
    std::string out = reader.string(e);
    refuse_todo(reader, e, out);
    return out;
  }

  // A lecture's day: YYYY-MM-DD, a real calendar day (the forms print it 2019年6月12日).
  void day(const Entry& e, std::string& out) const
  {
    out = text(e);
    if (!parse_date(out))
      reader.fail(e.value,
                  say("'" + e.key + "' 应是日期 YYYY-MM-DD（如 2019-06-12），而不是 '" + out + "'",
                      "'" + e.key + "' must be a day YYYY-MM-DD (2019-06-12), not '" + out + "'"));
  }

  Lecture lecture(const YAML::Node& node) const
  {
    Lecture l;
    l.line = reader.position(node).first;
    for (const Entry& e : reader.entries(node, "a lecture", lecture_keys)) {
      if (e.key == "date") {
        day(e, l.date);
        continue;
      }
      std::string* slot = e.key == "speaker"    ? &l.speaker
                          : e.key == "position" ? &l.position
                          : e.key == "title"    ? &l.title
                          : e.key == "audience" ? &l.audience
                          : e.key == "content"  ? &l.content
                                                : &l.discussion;
      *slot = text(e);
    }
    if (l.speaker.empty())
      reader.fail(node, say("讲课记录需要 'speaker'（讲课人姓名）", "a lecture needs a 'speaker'"));
    return l;
  }

  // 出生年月: YYYY-MM (the form prints it 1975年3月).
  void month(const Entry& e, std::string& out) const
  {
    out = text(e);
    if (out.size() != 7 || out[4] != '-' || !parse_date(out + "-01"))
      reader.fail(e.value, say("'born' 应是年月 YYYY-MM（如 1975-03），而不是 '" + out + "'",
                               "'born' must be a month YYYY-MM (1975-03), not '" + out + "'"));
  }

  Lecturer lecturer(const YAML::Node& node) const
  {
    Lecturer p;
    p.line = reader.position(node).first;
    for (const Entry& e : reader.entries(node, "a lecturer", lecturer_keys)) {
      if (e.key == "born") {
        month(e, p.born);
        continue;
      }
      std::string* slot = e.key == "name"       ? &p.name
                          : e.key == "gender"   ? &p.gender
                          : e.key == "unit"     ? &p.unit
                          : e.key == "position" ? &p.position
                                                : &p.phone;
      *slot = text(e);
      if (e.key == "gender" && p.gender != "男" && p.gender != "女")
        reader.fail(e.value, say("'gender' 应是 男 或 女，而不是 '" + p.gender + "'",
                                 "'gender' must be 男 or 女, not '" + p.gender + "'"));
    }
    if (p.name.empty())
      reader.fail(node, say("宣讲员需要 'name'（姓名）", "a lecturer needs a 'name'"));
    return p;
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
                        const FileExists& exists, const SourceBound& bound)
{
  const YamlReader reader{std::string(file_name), yaml};
  const YAML::Node root = reader.parse();
  Manifest m;
  m.file = std::string(file_name);
  m.base_dir = base_dir;
  const Parser parser{reader, rules, m, exists, bound};
  for (const Entry& e : reader.entries(root, "the works manifest", top_keys)) {
    if (e.key == "unit")
      parser.unit(e);
    else if (e.key == "contact" || e.key == "phone") {
      (e.key == "contact" ? m.contact : m.phone) = reader.string(e);
      refuse_todo(reader, e, e.key == "contact" ? m.contact : m.phone);
    } else if (e.key == "lectures") {
      for (const YAML::Node& item : reader.items(e))
        m.lectures.push_back(parser.lecture(item));
    } else if (e.key == "lecturers") {
      for (const YAML::Node& item : reader.items(e))
        m.lecturers.push_back(parser.lecturer(item));
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

Manifest load_manifest(const std::string& path, const rules::RuleSet& rules,
                       const std::string& root, Lang lang)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw rules::RuleError(path, 0, 0, "cannot read the file");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::string base = fs::path(path).parent_path().string();
  if (base.empty())
    base = ".";
  SourceBound bound;
  std::error_code ec;
  // The root with its links resolved; the base made absolute so sources compare with it.
  bound.root = fs::weakly_canonical(fs::absolute(root.empty() ? base : root), ec).string();
  while (bound.root.size() > 1 && bound.root.ends_with('/'))
    bound.root.pop_back();
  bound.real_path = [](const std::string& p) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(p), ec).string();
  };
  bound.lang = lang;
  return parse_manifest(
      text, path, fs::absolute(base).lexically_normal().string(), rules,
      [](const std::string& p) {
        std::error_code ec;
        return fs::is_regular_file(p, ec);
      },
      bound);
}

} // namespace mpcheck::manifest
