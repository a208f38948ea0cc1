#include "mpcheck/manifest/works.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/yaml_reader.hpp"
#include "mpcheck/util/date.hpp"
#include "mpcheck/util/excerpt.hpp"
#include "mpcheck/util/join.hpp"
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

bool is_generated_form(std::string_view kind)
{
  return std::find(generated_forms.begin(), generated_forms.end(), kind) != generated_forms.end();
}

std::string work_file_key(std::string_view kind)
{
  return kind == "解说词" ? "script" : kind == "课件" ? "courseware" : "";
}

std::vector<Lecture> lectures_of(const Manifest& m)
{
  if (!m.lectures.empty())
    return m.lectures;
  std::vector<Lecture> out;
  for (const Work& w : m.works) {
    Lecture l{w.speaker,   w.position, w.title,
              w.date,      w.audience, w.content.empty() ? w.summary : w.content,
              w.discussion};
    l.line = w.line;
    l.column = w.column;
    out.push_back(std::move(l));
  }
  return out;
}

std::string Manifest::resolve(const std::string& path) const
{
  if (path.empty() || fs::path(path).is_absolute())
    return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

namespace {

// Each problem as "FILE:LINE:COL: MESSAGE", its line and a caret under the spot; the second and
// later ones start "mpcheck：错误：" ("mpcheck: error: ") as the first does once printed; then how
// many there are.
std::string render(const std::vector<rules::RuleError>& problems, std::string_view text, Lang lang)
{
  std::string out;
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const auto& p = problems[i];
    // A title or path quoted in the message keeps its line breaks out of the line.
    if (i > 0)
      out += std::string(error_prefix(lang)) + single_line(p.what());
    else
      out += single_line(p.message());
    out += "\n" + excerpt_at(text, p.line(), p.column());
  }
  const std::string file = problems.front().file();
  out += error_prefix(lang);
  out += lang == Lang::en ? fmt::format("{}: {} problem{} to fix", file, problems.size(),
                                        problems.size() == 1 ? "" : "s")
                          : fmt::format("{}：共 {} 处要改", file, problems.size());
  return out;
}

std::vector<rules::RuleError> in_file_order(std::vector<rules::RuleError> problems)
{
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::pair(a.line(), a.column()) < std::pair(b.line(), b.column());
  });
  return problems;
}

} // namespace

ManifestError::ManifestError(std::vector<rules::RuleError> problems, std::string_view text,
                             Lang lang)
    : ManifestError(in_file_order(std::move(problems)), text, lang, 0)
{
}

ManifestError::ManifestError(std::vector<rules::RuleError> sorted, std::string_view text, Lang lang,
                             int)
    : rules::RuleError(sorted.front().file(), sorted.front().line(), sorted.front().column(),
                       render(sorted, text, lang)),
      m_problems(std::move(sorted))
{
}

namespace {

const std::vector<std::string> top_keys = {"unit",     "contact",   "phone",    "works",
                                           "lectures", "lecturers", "documents"};
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

// What each map of the file is, for "expected …, found …".
const Text what_manifest{"清单（一组“键: 值”：unit、contact、phone、works …）",
                         "the works manifest (a map: unit, contact, phone, works …)"};
const Text what_work{"一个作品（一组“键: 值”：title、category、files …）",
                     "a work (a map: title, category, files …)"};
const Text what_files{"作品的文件（一组“键: 值”：video、subtitled、clean …）",
                      "the files of a work (a map: video, subtitled, clean …)"};
const Text what_episode{"一集的两个版本（一组“键: 值”：subtitled、clean）",
                        "an episode's two versions (a map: subtitled, clean)"};
const Text what_lecture{"一次讲课（一组“键: 值”：speaker、title、date …）",
                        "a lecture (a map: speaker, title, date …)"};
const Text what_documents{
    "单位的文档（一组“文档: 路径”，如 情况报告: 文本/情况报告.docx）",
    "the unit's documents (a map KIND: PATH, such as 情况报告: 情况报告.docx)"};
const Text what_lecturer{"一位宣讲员（一组“键: 值”：name、gender、born …）",
                         "a lecturer (a map: name, gender, born …)"};

std::vector<std::string> category_names(const rules::RuleSet& rules)
{
  std::vector<std::string> names;
  for (const auto& c : rules.categories)
    names.push_back(c.name);
  return names;
}

struct Parser {
  const YamlReader& reader;
  const rules::RuleSet& rules;
  Manifest& manifest;
  const FileExists& exists;
  const SourceBound& bound;
  std::vector<rules::RuleError>& problems; // every one found, not only the first

  std::string say(const std::string& zh, const std::string& en) const
  {
    return bound.lang == Lang::en ? en : zh;
  }

  // Runs one step of the reading; a problem in it is noted and the reading goes on with the next
  // step, so that one run shows every problem of the file.
  template <class Step> void attempt(Step&& step) const
  {
    try {
      step();
    } catch (const rules::RuleError& e) {
      problems.push_back(e);
    }
  }

  void note(const YAML::Node& at, const std::string& message) const
  {
    attempt([&] { reader.fail(at, message); });
  }

  // The entries of a map whose keys are in `known`; each unknown key is a problem (with the
  // closest known key) and is left out, the others are read.
  std::vector<Entry> entries(const YAML::Node& map, const Text& what,
                             const std::vector<std::string>& known) const
  {
    std::vector<Entry> out;
    for (Entry& e : reader.entries(map, what)) {
      if (std::find(known.begin(), known.end(), e.key) != known.end()) {
        out.push_back(std::move(e));
        continue;
      }
      note(e.key_node, reader.say(rules::ReaderProblem::unknown(
                           rules::ReaderProblem::Kind::unknown_key, {"键", "key"}, e.key, known)));
    }
    return out;
  }

  // Fails on a value `mpcheck init` left for a person to fill in.
  void refuse_todo(const Entry& e, const std::string& value, const std::string& hint = "") const
  {
    if (value.starts_with("TODO"))
      reader.fail(e.value,
                  say("'" + e.key + "' 还是 TODO：请填写（mpcheck init 留给您填的）" + hint,
                      "'" + e.key +
                          "' is still TODO: fill it in (mpcheck init left it "
                          "for you)" +
                          hint));
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
    refuse_todo(e, out,
                say("，写上文件的路径（相对于 works.yaml 所在的文件夹）",
                    "; give the file's path (relative to the folder of works.yaml)"));
    confine(e.value, out);
    const std::string base = manifest.base_dir.empty() ? "." : manifest.base_dir;
    if (!exists(manifest.resolve(out)))
      reader.fail(e.value,
                  say("找不到文件 '" + out + "'（相对路径从 " + base + " 算起）",
                      "file '" + out + "' not found (relative paths start at " + base + ")"));
  }

  // One episode's file: a path inside SRC that exists.
  std::string episode_file(const YAML::Node& item, const Entry& owner) const
  {
    std::string path = reader.string(item, owner);
    confine(item, path);
    if (!exists(manifest.resolve(path)))
      reader.fail(item, say("找不到文件 '" + path + "'", "file '" + path + "' not found"));
    return path;
  }

  // `episodes:` — one file per episode, or, for a series whose every episode comes in two
  // versions, `{subtitled: …, clean: …}` per episode; not both kinds in one list.
  void episodes(const Entry& f, WorkFiles& files) const
  {
    const std::vector<YAML::Node> items = reader.items(f);
    const bool pairs = !items.empty() && items.front().IsMap();
    for (const YAML::Node& item : items)
      attempt([&] {
        if (item.IsMap() != pairs)
          reader.fail(item,
                      say("episodes 里要么每集一个文件，要么每集都写 {subtitled: …, clean: …}，"
                          "不能混写",
                          "episodes lists either one file per episode or "
                          "{subtitled: …, clean: …} for every episode, not both"));
        if (!pairs) {
          files.episodes.push_back(episode_file(item, f));
          return;
        }
        std::string subtitled, clean;
        for (const Entry& v : entries(item, what_episode, {"subtitled", "clean"}))
          (v.key == "subtitled" ? subtitled : clean) = episode_file(v.value, v);
        if (subtitled.empty() || clean.empty())
          reader.fail(item, say("每集要写 subtitled 和 clean 两个版本",
                                "each episode needs both 'subtitled' and 'clean'"));
        files.episodes.push_back(subtitled);
        files.clean_episodes.push_back(clean);
      });
  }

  void files(const Entry& e, Work& w) const
  {
    for (const Entry& f : entries(e.value, what_files, file_keys)) {
      WorkFiles& files = w.files;
      if (f.key == "episodes") {
        episodes(f, files);
        continue;
      }
      std::string* slot = f.key == "subtitled"    ? &files.subtitled
                          : f.key == "clean"      ? &files.clean
                          : f.key == "video"      ? &files.video
                          : f.key == "poster"     ? &files.poster
                          : f.key == "qr"         ? &files.qr
                          : f.key == "courseware" ? &files.courseware
                                                  : &files.script;
      attempt([&] { source(f, *slot); });
    }
    if (w.files.subtitled.empty() != w.files.clean.empty())
      reader.fail(e, say("成对的作品要同时给出 'subtitled'（有字幕）和 'clean'（无字幕）",
                         "a pair needs both 'subtitled' and 'clean'"));
  }

  // Spaces around a title (" 丁 " in quotes) are a slip, not part of the name: they would
  // begin the file name (" 丁 -微视频-….mp4").
  static std::string trimmed(std::string text)
  {
    static const std::vector<std::string> spaces = {" ", "\t", "\u3000"};
    for (bool again = true; again;) {
      again = false;
      for (const std::string& sp : spaces) {
        if (text.starts_with(sp)) {
          text.erase(0, sp.size());
          again = true;
        }
        if (text.ends_with(sp)) {
          text.erase(text.size() - sp.size());
          again = true;
        }
      }
    }
    return text;
  }

  // What check_file_name's codes mean, in words.
  std::string name_problem(const naming::NameProblem& p) const
  {
    const bool zh = bound.lang != Lang::en;
    const std::string detail = p.detail.empty() ? "" : (zh ? "：" : ": ") + p.detail;
    if (p.code == "characters")
      return (zh ? "含有 Windows/U盘不允许的字符" : "characters Windows and FAT drives forbid") +
             detail;
    if (p.code == "trailing")
      return zh ? "以点或空格结尾" : "it ends with a dot or a space";
    if (p.code == "reserved")
      return (zh ? "是 Windows 的保留名" : "a name Windows reserves") + detail;
    return zh ? "是空的" : "it is empty";
  }

  void title(const Entry& e, Work& w) const
  {
    w.title = trimmed(naming::to_nfc(reader.string(e)));
    refuse_todo(e, w.title);
    for (const auto& p : naming::check_file_name(w.title + ".mp4"))
      if (p.code == "characters" || p.code == "trailing" || p.code == "reserved" ||
          p.code == "empty")
        reader.fail(
            e.value,
            say("作品名 '" + w.title + "' 不能用作 Windows 或U盘上的文件名（" + name_problem(p) +
                    "）；建议改为 '" + naming::sanitize_title(w.title) + "'",
                "the title '" + w.title + "' cannot be a file name on Windows or a USB drive (" +
                    name_problem(p) + "); suggestion: '" + naming::sanitize_title(w.title) + "'"));
    const std::string refused = rules.naming ? rules.naming->forbidden_characters : "";
    const std::string found = naming::notice_forbidden_in(w.title, refused);
    if (!found.empty())
      reader.fail(e.value,
                  say("作品名 '" + w.title + "' 含有通知不允许出现在名字里的字符（" + found +
                          "）；建议改为 '" + naming::sanitize_title(w.title, refused) + "'",
                      "the title '" + w.title + "' holds characters the notice does not " +
                          "allow in names (" + found + "); suggestion: '" +
                          naming::sanitize_title(w.title, refused) + "'"));
  }

  void category(const Entry& e, Work& w) const
  {
    const std::string name = reader.string(e);
    w.category = name; // a work with a wrong category is not also one without a category
    std::string list;
    for (const auto& c : category_names(rules))
      list += (list.empty() ? "" : say("、", ", ")) + c;
    refuse_todo(e, name, say("，可选：", "; one of: ") + list);
    const rules::CategoryRules* cat = rules.category(name);
    if (!rules.categories.empty() && !cat) {
      const auto best = closest_match(name, category_names(rules));
      reader.fail(e.value,
                  best ? say("未知的分类 '" + name + "'，您是不是要写 '" + *best + "'？",
                             "unknown category '" + name + "', did you mean '" + *best + "'?")
                       : say("未知的分类 '" + name + "'；可选：" + list,
                             "unknown category '" + name + "'; one of: " + list));
    }
    w.category = cat ? cat->name : name;
  }

  // The longest name pack gives the work's files (作品名-分类-单位（有字幕）（第N集）.mp4) must fit
  // in naming::max_name_bytes, what every file system holds (ext4 counts bytes; a Chinese character
  // is 3): said at the title, before anything is written, not as a write error on the drive.
  void refuse_overlong_name(const Entry& e, const Work& w) const
  {
    if (w.title.empty() || w.title.starts_with("TODO") || !rules.naming)
      return;
    naming::WorkName name{w.title, w.category, manifest.unit, {}, {}, ".mp4"};
    size_t bytes = 0;
    for (const auto variant : {naming::Variant::subtitled, naming::Variant::clean}) {
      name.variant = variant;
      bytes = std::max(
          bytes, naming::format_work_name(name, rules.variant_suffix(w.category, variant)).size());
    }
    if (w.files.episodes.size() > 1)
      bytes += std::string("（第10集）").size();
    if (bytes <= naming::max_name_bytes)
      return;
    const size_t over = bytes - naming::max_name_bytes;
    const std::string most = std::to_string(naming::max_name_bytes);
    note(e.value, say("作品名太长：按通知的命名格式，作品的文件名会有 " + std::to_string(bytes) +
                          " 字节，U盘和电脑的文件名最多 " + most + " 字节；请把作品名缩短至少 " +
                          std::to_string((over + 2) / 3) + " 个汉字",
                      "the title is too long: named as the notice asks, the work's file name "
                      "would have " +
                          std::to_string(bytes) + " bytes, and file systems hold at most " + most +
                          "; shorten the title by at least " + std::to_string((over + 2) / 3) +
                          " Chinese characters"));
  }

  Work work(const YAML::Node& node) const
  {
    Work w;
    std::tie(w.line, w.column) = reader.position(node);
    const std::vector<Entry> given = entries(node, what_work, work_keys);
    for (const Entry& e : given)
      attempt([&] {
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
      });
    // The count the forms print (总集数) and the episodes listed must agree: "5 集" with
    // three files is a series missing two, or a count mistyped.
    const rules::Entry* count = rules::find_entry(given, "episodes");
    if (count && !w.files.episodes.empty() && w.episodes != int(w.files.episodes.size()))
      note(count->value,
           say("写的是 " + std::to_string(w.episodes) + " 集，但 files 的 episodes 列出了 " +
                   std::to_string(w.files.episodes.size()) +
                   " 个文件：两者应一致（汇总表按这里的集数填写）",
               "says " + std::to_string(w.episodes) + " episodes, but files: episodes lists " +
                   std::to_string(w.files.episodes.size()) +
                   " files: the two must agree (the forms print this count)"));
    if (const rules::Entry* t = rules::find_entry(given, "title"))
      refuse_overlong_name(*t, w);
    // A key given with a wrong value is not also missing: its own problem says it.
    if (w.title.empty() && !rules::find_entry(given, "title"))
      note(node, say("作品需要 'title'（作品名）", "a work needs a 'title'"));
    if (w.category.empty() && !rules::find_entry(given, "category") && !rules.categories.empty())
      note(node, say("作品 '" + w.title + "' 需要 'category'（分类）",
                     "the work '" + w.title + "' needs a 'category'"));
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
    refuse_todo(e, *slot);
  }

  // A text value into `out` (kept even when still TODO: the work is then not also "without" it).
  void text(const Entry& e, std::string& out) const
  {
    out = reader.string(e);
    refuse_todo(e, out);
  }

  // A lecture's day: YYYY-MM-DD, a real calendar day (the forms print it 2019年6月12日).
  void day(const Entry& e, std::string& out) const
  {
    text(e, out);
    if (!parse_date(out))
      reader.fail(e.value,
                  say("'" + e.key + "' 应是日期 YYYY-MM-DD（如 2019-06-12），而不是 '" + out + "'",
                      "'" + e.key + "' must be a day YYYY-MM-DD (2019-06-12), not '" + out + "'"));
  }

  Lecture lecture(const YAML::Node& node) const
  {
    Lecture l;
    std::tie(l.line, l.column) = reader.position(node);
    const std::vector<Entry> given = entries(node, what_lecture, lecture_keys);
    for (const Entry& e : given)
      attempt([&] {
        if (e.key == "date")
          return day(e, l.date);
        std::string* slot = e.key == "speaker"    ? &l.speaker
                            : e.key == "position" ? &l.position
                            : e.key == "title"    ? &l.title
                            : e.key == "audience" ? &l.audience
                            : e.key == "content"  ? &l.content
                                                  : &l.discussion;
        text(e, *slot);
      });
    if (l.speaker.empty() && !rules::find_entry(given, "speaker"))
      note(node, say("讲课记录需要 'speaker'（讲课人姓名）", "a lecture needs a 'speaker'"));
    return l;
  }

  // 出生年月: YYYY-MM (the form prints it 1975年3月).
  void month(const Entry& e, std::string& out) const
  {
    text(e, out);
    if (out.size() != 7 || out[4] != '-' || !parse_date(out + "-01"))
      reader.fail(e.value, say("'born' 应是年月 YYYY-MM（如 1975-03），而不是 '" + out + "'",
                               "'born' must be a month YYYY-MM (1975-03), not '" + out + "'"));
  }

  Lecturer lecturer(const YAML::Node& node) const
  {
    Lecturer p;
    p.line = reader.position(node).first;
    const std::vector<Entry> given = entries(node, what_lecturer, lecturer_keys);
    for (const Entry& e : given)
      attempt([&] {
        if (e.key == "born")
          return month(e, p.born);
        std::string* slot = e.key == "name"       ? &p.name
                            : e.key == "gender"   ? &p.gender
                            : e.key == "unit"     ? &p.unit
                            : e.key == "position" ? &p.position
                                                  : &p.phone;
        text(e, *slot);
        if (e.key == "gender" && p.gender != "男" && p.gender != "女")
          reader.fail(e.value, say("'gender' 应是 男 或 女，而不是 '" + p.gender + "'",
                                   "'gender' must be 男 or 女, not '" + p.gender + "'"));
      });
    if (p.name.empty() && !rules::find_entry(given, "name"))
      note(node, say("宣讲员需要 'name'（姓名）", "a lecturer needs a 'name'"));
    return p;
  }

  void unit(const Entry& e) const
  {
    manifest.unit = naming::to_nfc(reader.string(e));
    refuse_todo(e, manifest.unit);
    for (const auto& p : naming::check_file_name(manifest.unit))
      if (p.code == "characters" || p.code == "trailing" || p.code == "reserved")
        reader.fail(
            e.value,
            say("报送单位 '" + manifest.unit + "' 不能用在文件名里（" + p.code + "）",
                "the unit '" + manifest.unit + "' cannot be part of a file name (" + p.code + ")"));
  }

  // The kinds `documents:` takes: the rule set's documents of the whole unit.
  std::vector<std::string> unit_kinds(bool with_aliases) const
  {
    std::vector<std::string> out;
    for (const auto& d : rules.documents)
      if (d.per == rules::DocumentScope::unit)
        for (const std::string& name : with_aliases ? d.names() : std::vector{d.kind})
          out.push_back(name);
    return out;
  }

  // The rule of a `documents:` key: a per-unit document of the rule set (its kind or an alias).
  const rules::DocumentRule& unit_document_rule(const Entry& d) const
  {
    const std::string name = naming::to_nfc(d.key);
    const rules::DocumentRule* rule = rules.document_rule(name);
    if (rule && rule->per == rules::DocumentScope::work) {
      const std::string key = work_file_key(rule->kind);
      reader.fail(
          d.key_node,
          say("“" + name + "”是每个作品各自的文档，不写在 documents 下" +
                  (key.empty() ? "" : "：写在这个作品的 files 下 " + key + ": 文件的路径"),
              "'" + name + "' belongs to each work, not under documents" +
                  (key.empty() ? "" : ": list it under the work's files as " + key + ": PATH")));
    }
    if (rule)
      return *rule;
    std::string list;
    for (const std::string& kind : unit_kinds(false))
      list += (list.empty() ? "" : say("、", ", ")) + kind;
    if (list.empty())
      reader.fail(d.key_node,
                  say("通知没有要求单位报送作品以外的文档：documents 下不能写“" + name + "”",
                      "the notice asks the unit for no document outside the works: '" + name +
                          "' cannot be under documents"));
    const auto best = closest_match(name, unit_kinds(true));
    reader.fail(d.key_node,
                best
                    ? say("通知没有叫“" + name + "”的文档，您是不是要写“" + *best +
                              "”？documents 下可写：" + list,
                          "the notice names no document '" + name + "', did you mean '" + *best +
                              "'? documents takes: " + list)
                    : say("通知没有叫“" + name + "”的文档；documents 下可写：" + list,
                          "the notice names no document '" + name + "'; documents takes: " + list));
  }

  // One `KIND: PATH` of `documents:`: a per-unit document of the rule set, once, a file inside
  // SRC with an extension its rule takes.
  void unit_document(const Entry& d) const
  {
    const rules::DocumentRule& rule = unit_document_rule(d);
    for (const UnitDocument& other : manifest.documents)
      if (other.kind == rule.kind)
        reader.fail(d.key_node, say("“" + rule.kind + "”写了两次（第一次在第 " +
                                        std::to_string(other.line) + " 行）",
                                    "'" + rule.kind + "' is listed twice (first at line " +
                                        std::to_string(other.line) + ")"));
    UnitDocument doc{rule.kind, "", reader.position(d.key_node).first};
    // Listed before its path is read: a second entry of the kind says "twice", not more.
    manifest.documents.push_back(doc);
    source(d, manifest.documents.back().path);
    if (rule.takes_extension(fs::path(manifest.documents.back().path).extension().string()))
      return;
    const std::string allowed = util::join(rule.extensions, " ");
    reader.fail(d.value, say("通知要的" + rule.kind + "是 " + allowed + " 文件，而“" +
                                 manifest.documents.back().path + "”不是",
                             "the notice asks for the " + rule.kind + " as a " + allowed +
                                 " file, and '" + manifest.documents.back().path + "' is not one"));
  }

  void top(const Entry& e) const
  {
    if (e.key == "documents") {
      for (const Entry& d : reader.entries(e.value, what_documents))
        attempt([&] { unit_document(d); });
      return;
    }
    if (e.key == "unit")
      return unit(e);
    if (e.key == "contact" || e.key == "phone") {
      std::string& slot = e.key == "contact" ? manifest.contact : manifest.phone;
      slot = reader.string(e);
      return refuse_todo(e, slot);
    }
    if (e.key == "lectures") {
      for (const YAML::Node& item : reader.items(e))
        attempt([&] { manifest.lectures.push_back(lecture(item)); });
      return;
    }
    if (e.key == "lecturers") {
      for (const YAML::Node& item : reader.items(e))
        attempt([&] { manifest.lecturers.push_back(lecturer(item)); });
      return;
    }
    for (const YAML::Node& item : reader.items(e))
      attempt([&] {
        Work w = work(item);
        for (const Work& other : manifest.works)
          if (!w.title.empty() && !w.title.starts_with("TODO") && // said as TODO already
              other.title == w.title && other.category == w.category)
            reader.fail(item, say("作品 '" + w.title + "' 列了两次（第一次在第 " +
                                      std::to_string(other.line) + " 行）",
                                  "the work '" + w.title + "' is listed twice (first at line " +
                                      std::to_string(other.line) + ")"));
        manifest.works.push_back(std::move(w));
      });
  }
};

} // namespace

Manifest parse_manifest(std::string_view yaml, std::string_view file_name,
                        const std::string& base_dir, const rules::RuleSet& rules,
                        const FileExists& exists, const SourceBound& bound)
{
  const YamlReader reader{std::string(file_name), yaml, bound.lang};
  std::vector<rules::RuleError> problems;
  Manifest m;
  m.file = std::string(file_name);
  m.text = std::string(yaml);
  m.base_dir = base_dir;
  const Parser parser{reader, rules, m, exists, bound, problems};
  try {
    const YAML::Node root = reader.parse();
    bool has_unit = false;
    for (const Entry& e : parser.entries(root, what_manifest, top_keys)) {
      has_unit = has_unit || e.key == "unit";
      parser.attempt([&] { parser.top(e); });
    }
    if (!has_unit)
      parser.note(
          root, parser.say("清单需要 'unit'（报送单位）", "the manifest needs 'unit' (报送单位)"));
  } catch (const rules::RuleError& e) { // YAML syntax, not UTF-8, not a map: nothing more to read
    problems.push_back(e);
  }
  if (!problems.empty())
    throw ManifestError(std::move(problems), yaml, bound.lang);
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

namespace {

// Where the comment of a works.yaml line starts ('#' at its start or after a space, outside a
// quoted scalar), or npos.
size_t comment_start(std::string_view line)
{
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool after_space = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t';
    if (quote == '"' && c == '\\')
      ++i; // an escape: the next character is the scalar's
    else if (quote && c == quote)
      quote = 0; // '' inside single quotes closes and reopens: the same to us
    else if (!quote && (c == '"' || c == '\'') &&
             (after_space || std::string_view(":[{,").find(line[i - 1]) != std::string_view::npos))
      quote = c;
    else if (!quote && c == '#' && after_space)
      return i;
  }
  return std::string_view::npos;
}

bool name_boundary_before(std::string_view s, size_t at)
{
  return at == 0 || std::string_view("\"' \t/:{[,").find(s[at - 1]) != std::string_view::npos;
}

bool name_boundary_after(std::string_view s, size_t end)
{
  return end == s.size() || std::string_view("\"' \t,}]\r").find(s[end]) != std::string_view::npos;
}

// `content` with each whole `old_name` replaced by `new_name`; `changed` set when one was.
std::string replace_name(std::string content, const std::string& old_name,
                         const std::string& new_name, bool& changed)
{
  for (size_t at = content.find(old_name); at != std::string::npos;
       at = content.find(old_name, at)) {
    if (name_boundary_before(content, at) && name_boundary_after(content, at + old_name.size())) {
      content.replace(at, old_name.size(), new_name);
      changed = true;
      at += new_name.size();
    } else {
      at += old_name.size();
    }
  }
  return content;
}

// Whether `comment` ("# TODO：…") is a TODO that names the file `name` (init quotes it “…” in
// Chinese, '…' in English).
bool todo_naming(std::string_view comment, const std::string& name)
{
  if (comment.empty())
    return false;
  std::string_view rest = comment.substr(1);
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  return rest.starts_with("TODO") && (comment.find("“" + name + "”") != std::string_view::npos ||
                                      comment.find("'" + name + "'") != std::string_view::npos);
}

} // namespace

std::string rename_in_manifest(std::string_view text, const std::string& old_name,
                               const std::string& new_name)
{
  if (old_name.empty() || old_name == new_name)
    return std::string(text);
  struct Line {
    std::string content, comment, end;
  };
  std::vector<Line> lines;
  bool changed = false;
  for (size_t start = 0; start < text.size();) {
    const size_t newline = text.find('\n', start);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(start, end - start);
    const size_t hash = comment_start(line);
    Line& l = lines.emplace_back();
    l.content = replace_name(std::string(line.substr(0, std::min(hash, line.size()))), old_name,
                             new_name, changed);
    l.comment = hash == std::string_view::npos ? "" : std::string(line.substr(hash));
    l.end = newline == std::string_view::npos ? "" : "\n";
    start = end + l.end.size();
  }
  if (!changed)
    return std::string(text);
  std::string out;
  for (auto& l : lines) {
    // A trailing TODO about the old file goes, with the spaces before it; a comment on a line
    // of its own stays (it is no entry's).
    const bool trailing = l.content.find_first_not_of(" \t") != std::string::npos;
    if (trailing && todo_naming(l.comment, old_name)) {
      l.comment.clear();
      while (!l.content.empty() && (l.content.back() == ' ' || l.content.back() == '\t'))
        l.content.pop_back();
    }
    out += l.content + l.comment + l.end;
  }
  return out;
}

} // namespace mpcheck::manifest
