#include "mpcheck/manifest/guess.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "mpcheck/manifest/lecture_record.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/naming/draft_marks.hpp"
#include "mpcheck/naming/work_name.hpp"
#include "mpcheck/util/date.hpp"
#include "mpcheck/util/join.hpp"

namespace mpcheck::manifest {

namespace {

constexpr const char* todo = "TODO";

struct Guess {
  std::string title, category;
  std::string unclear; // the file name the pattern does not explain; the title is then the clerk's
  std::string draft; // the draft marks taken off the file's title ("（定稿）"), said in a comment
  std::string subtitled, clean, video, poster, qr, script, courseware;
  std::map<int, std::string> episodes;
  std::map<int, std::string> clean_episodes; // a series of pairs: each episode's clean version
  double seconds = 0;
  std::string day; // YYYY-MM-DD the recording says it was made (its creation_time), or ""
};

bool has_non_ascii(const std::string& text)
{
  return std::any_of(text.begin(), text.end(), [](char c) { return (unsigned char)c >= 0x80; });
}

// Title and category from a name the pattern explains (naming::understood); the title alone
// from a name that is one Chinese phrase (党课录像.mp4); nullopt for any other name, whose
// title is the clerk's to write: VID_20240801_123456.mp4 is no work called "VID", and a
// camera's IMG_0001 or 20240801_123456 is no title either.
std::optional<std::pair<std::string, std::string>> title_category(const SubmissionFile& f)
{
  if (!f.work_name)
    return std::nullopt;
  const naming::ParseResult& r = *f.work_name;
  // A rule set without a naming pattern takes the whole stem as the title: a camera's or a
  // phone's name (VID_001, DSC_0012, MVI_3301) is no title; a title with its category is.
  if (naming::understood(r) && (has_non_ascii(r.name.title) || !r.name.category.empty()))
    return std::pair{r.name.title, r.name.category};
  if (r.problem == "parts" && has_non_ascii(r.name.title))
    return std::pair{r.name.title, std::string()};
  return std::nullopt;
}

bool name_has(const SubmissionFile& f, std::initializer_list<const char*> words)
{
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return f.name.find(w) != std::string::npos; });
}

Guess& work_for(std::vector<Guess>& works, const std::string& title, const std::string& category)
{
  for (auto& w : works)
    if (w.title == title)
      return w;
  Guess& w = works.emplace_back();
  w.title = title;
  w.category = category;
  return w;
}

// A file name without its extension.
std::string stem_of(const std::string& name)
{
  const size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Whether `longer` is `base` followed by a version word only ("VID_1_字幕版", "VID_1（纯净版）"
// after "VID_1"): the two versions of one programme from a phone or an editor, named by hand.
bool version_of(const std::string& longer, const std::string& base)
{
  if (base.empty() || longer.size() <= base.size() || !longer.starts_with(base))
    return false;
  std::string rest = longer.substr(base.size());
  for (const char* strip : {"-", "_", " ", "（", "）", "(", ")", "【", "】", "[", "]", "－", "＿"})
    for (size_t at; (at = rest.find(strip)) != std::string::npos;)
      rest.erase(at, std::char_traits<char>::length(strip));
  for (const char* word : {"字幕版", "有字幕", "有字幕版", "无字幕", "无字幕版", "纯净版"})
    if (rest == word)
      return true;
  return false;
}

// The work of an unclear file that is the other version of `f` (one named like `f` plus a
// version word, or the reverse), or nullptr.
Guess* other_version(std::vector<Guess>& works, const SubmissionFile& f)
{
  const std::string mine = stem_of(f.name);
  for (auto& w : works) {
    if (!w.title.empty() || w.unclear.empty() || !w.episodes.empty())
      continue;
    const std::string theirs = stem_of(w.unclear);
    if (version_of(mine, theirs) || version_of(theirs, mine))
      return &w;
  }
  return nullptr;
}

// Where a media file goes in the works: its title, version and episode.
using Place = std::tuple<std::string, naming::Variant, int>;

Place place_of(const SubmissionFile& f, const std::string& title)
{
  return {title, f.work_name ? f.work_name->name.variant : naming::Variant::none, f.episode};
}

// How many media files would take each place with their titles' draft marks stripped.
std::map<Place, int> stripped_places(const Submission& sub)
{
  std::map<Place, int> count;
  for (const auto& f : sub.files)
    if (f.kind == FileKind::video || f.kind == FileKind::audio)
      if (const auto named = title_category(f))
        ++count[place_of(f, naming::strip_draft_marks(named->first).title)];
  return count;
}

// The title of `f` without its draft marks (naming::strip_draft_marks: 初心如磐（定稿） →
// 初心如磐), and what was taken; the title as it is when another file would then take the same
// place (初心如磐.mp4 beside 初心如磐 - 副本.mp4: two files, two works, as before).
naming::DraftStrip suggested_title(const SubmissionFile& f, const std::string& title,
                                   const std::map<Place, int>& places)
{
  naming::DraftStrip strip = naming::strip_draft_marks(title);
  const auto it = places.find(place_of(f, strip.title));
  if (strip.removed.empty() || it == places.end() || it->second > 1)
    return {title, ""};
  return strip;
}

// The day of a container's creation_time ("2024-05-01T08:00:00.000000Z" → "2024-05-01"), ""
// when it states none or no real day. UTC: a recording made just after midnight in China says
// the day before, which the clerk checks (请核对).
std::string recorded_day(const std::string& creation_time)
{
  const std::string day = creation_time.substr(0, 10);
  return day.size() == 10 && parse_date(day) ? day : "";
}

void add_media(std::vector<Guess>& works, const SubmissionFile& f,
               const std::map<Place, int>& places)
{
  auto named = title_category(f);
  std::string draft;
  if (named) {
    naming::DraftStrip strip = suggested_title(f, named->first, places);
    named->first = std::move(strip.title);
    draft = std::move(strip.removed);
  }
  // Two versions named by hand ("VID_1.mp4" and "VID_1_字幕版.mp4") make one work; the video
  // without a version word becomes the other version (guess_manifest).
  Guess* found = !named && f.episode <= 0 ? other_version(works, f) : nullptr;
  if (!named && !found)
    works.emplace_back().unclear = f.name;
  Guess& w = found ? *found : named ? work_for(works, named->first, named->second) : works.back();
  if (w.category.empty() && named)
    w.category = named->second;
  if (w.draft.empty())
    w.draft = draft;
  if (f.facts.container && f.facts.container->duration_known)
    w.seconds = std::max(w.seconds, f.facts.container->duration_s);
  if (f.facts.container && w.day.empty())
    w.day = recorded_day(f.facts.container->creation_time);
  const auto variant = f.work_name ? f.work_name->name.variant : naming::Variant::none;
  if (f.episode > 0 && variant == naming::Variant::clean)
    w.clean_episodes[f.episode] = f.path;
  else if (f.episode > 0)
    w.episodes[f.episode] = f.path;
  else if (variant == naming::Variant::subtitled)
    w.subtitled = f.path;
  else if (variant == naming::Variant::clean)
    w.clean = f.path;
  else
    w.video = f.path;
}

// The one work a document's name begins (奋斗者之歌解说词.docx for the work "奋斗者之歌 最终版",
// whose video was named so): the name without its extension and the type word, at least two
// Chinese characters, the start of exactly one work's title; else none.
Guess* work_named_by_start(std::vector<Guess>& works, const SubmissionFile& f)
{
  std::string core = f.name.substr(0, f.name.size() - f.extension.size());
  for (const char* word : {"解说词", "创意说明", "文稿", "讲稿", "二维码", "海报", "课件"})
    if (const auto at = core.find(word); at != std::string::npos)
      core.erase(at, std::string(word).size());
  while (!core.empty() && (core.back() == '-' || core.back() == '_' || core.back() == ' '))
    core.pop_back();
  if (core.size() < 6 || !has_non_ascii(core))
    return nullptr;
  Guess* found = nullptr;
  for (auto& w : works)
    if (w.title.starts_with(core)) {
      if (found)
        return nullptr; // two works begin so: the clerk says which
      found = &w;
    }
  return found;
}

void attach_other(std::vector<Guess>& works, const SubmissionFile& f)
{
  Guess* by_start = nullptr;
  if (std::none_of(works.begin(), works.end(), [&](const Guess& w) {
        return !w.title.empty() && f.name.find(w.title) != std::string::npos;
      }))
    by_start = work_named_by_start(works, f);
  for (auto& w : works) {
    if (w.title.empty() || (&w != by_start && f.name.find(w.title) == std::string::npos))
      continue;
    if (f.kind == FileKind::image)
      (name_has(f, {"二维码", "QR", "qr"}) ? w.qr : w.poster) = f.path;
    else if (f.kind == FileKind::courseware)
      w.courseware = f.path;
    else if (name_has(f, {"解说词", "创意说明", "文稿", "讲稿"}))
      w.script = f.path;
    return;
  }
}

std::string majority_unit(const Submission& sub)
{
  std::map<std::string, int> count;
  for (const auto& f : sub.files)
    if (f.work_name && f.work_name->ok)
      ++count[f.work_name->name.unit];
  auto it = std::max_element(count.begin(), count.end(),
                             [](auto& a, auto& b) { return a.second < b.second; });
  return it == count.end() ? "" : it->first;
}

// `text` with control characters blanked, for a YAML comment.
std::string one_line(std::string text)
{
  std::replace_if(
      text.begin(), text.end(), [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; }, ' ');
  return text;
}

void emit_file(std::string& out, const char* key, const std::string& path)
{
  if (!path.empty())
    out += fmt::format("      {}: {}\n", key, yaml_quote(path));
}

// The Chinese or the English of a comment init writes.
const char* say(Lang lang, const char* zh, const char* en)
{
  return lang == Lang::en ? en : zh;
}

// Whether a missing document of `rule` fails the submission (required, not only an info):
// init then writes its key with a TODO value, which pack refuses until it is filled.
bool must_hand_in(const rules::DocumentRule& rule)
{
  return rule.required && (!rule.origin.severity || *rule.origin.severity == Severity::error ||
                           *rule.origin.severity == Severity::warning);
}

// ".pptx/.ppt/.dps": the extensions a document of `rule` may have.
std::string extensions_of(const rules::DocumentRule& rule)
{
  return rule.extensions.empty() ? ".docx" : util::join(rule.extensions, "/");
}

// The documents the rule set asks of each work that a key of files names (courseware:,
// script:): the file found, else a line for the clerk — `KEY: "TODO"` where the notice
// requires it of this work, a comment where it is only wished for (not required, an info) or
// asked of some categories while this work's is not known yet. No line for a document the
// rule set does not ask for.
void emit_work_documents(std::string& out, const Guess& w, const rules::RuleSet& rules, Lang lang)
{
  const rules::CategoryRules* category = rules.category(w.category);
  std::vector<std::string> written;
  for (const auto& doc : rules.documents) {
    const std::string key = work_file_key(doc.kind);
    if (doc.per != rules::DocumentScope::work || key.empty() ||
        std::find(written.begin(), written.end(), key) != written.end())
      continue;
    const bool some_categories = !doc.categories.empty();
    if (some_categories && category &&
        std::find(doc.categories.begin(), doc.categories.end(), category->name) ==
            doc.categories.end())
      continue; // not asked of this work's category
    written.push_back(key);
    const std::string& path = key == "courseware" ? w.courseware : w.script;
    if (!path.empty())
      emit_file(out, key.c_str(), path);
    else if (must_hand_in(doc) && (!some_categories || category))
      out += fmt::format(fmt::runtime(say(lang,
                                          "      {}: \"TODO\"   # TODO：{}的文件（{}），"
                                          "通知要求{}都有\n",
                                          "      {}: \"TODO\"   # TODO: the {} file ({}), "
                                          "which the notice asks of {}\n")),
                         key, doc.kind, extensions_of(doc),
                         some_categories ? say(lang, "每部", "every ") + category->name
                                         : say(lang, "每部作品", "every work"));
    else
      out += fmt::format(fmt::runtime(say(lang,
                                          "      # {}: \"{}{}\"   # TODO：有{}时去掉行首的 # "
                                          "并填写\n",
                                          "      # {}: \"{}{}\"   # TODO: remove the # and fill "
                                          "it in when there is a {}\n")),
                         key, doc.kind, doc.extensions.empty() ? ".docx" : doc.extensions.front(),
                         doc.kind);
  }
  // A file init found although the rule set asks no such document: listed all the same.
  if (std::find(written.begin(), written.end(), "courseware") == written.end())
    emit_file(out, "courseware", w.courseware);
  if (std::find(written.begin(), written.end(), "script") == written.end())
    emit_file(out, "script", w.script);
}

// The unit's own documents the rule set asks of `unit` and pack does not make itself
// (焦作's 情况报告 of a 县/市/区委宣传部), under `documents:`: the file whose name names the
// kind when the folder has one, else `KIND: "TODO"` for the clerk to fill. A document asked
// of some units only, while the unit is not known yet, or only wished for, is a comment.
void emit_unit_documents(std::string& out, const Submission& sub, const rules::RuleSet& rules,
                         const std::string& unit, Lang lang)
{
  std::string lines;
  bool active = false;
  for (const auto& doc : rules.documents) {
    if (doc.per != rules::DocumentScope::unit || is_generated_form(doc.kind) ||
        !doc.required_of(unit))
      continue;
    std::string found;
    for (const auto& f : sub.files)
      if (is_document_kind(f.kind) && rules.names_document(doc, f.name)) {
        found = f.path;
        break;
      }
    if (!found.empty()) {
      lines += fmt::format("  {}: {}\n", doc.kind, yaml_quote(found));
      active = true;
      continue;
    }
    std::string asked_of;
    for (const auto& word : doc.units)
      asked_of += (asked_of.empty() ? "" : say(lang, "、", ", ")) + word;
    const std::string named = doc.kind + "-" + (unit.empty() ? "报送单位" : unit) +
                              (doc.extensions.empty() ? ".docx" : doc.extensions.front());
    if (must_hand_in(doc) && (doc.units.empty() || !unit.empty())) {
      lines += fmt::format(fmt::runtime(say(lang,
                                            "  {}: \"TODO\"   # TODO：{}的文件（{}），"
                                            "打包后名为“{}”\n",
                                            "  {}: \"TODO\"   # TODO: the {} file ({}), "
                                            "packed as '{}'\n")),
                           doc.kind, doc.kind, extensions_of(doc), named);
      active = true;
    } else if (!doc.units.empty() && unit.empty()) {
      lines += fmt::format(fmt::runtime(say(lang,
                                            "#   {}: \"TODO\"   # TODO：仅{}报送；"
                                            "是这类单位时去掉行首的 # 并填写\n",
                                            "#   {}: \"TODO\"   # TODO: asked of {} only; "
                                            "remove the # and fill it in if you are one\n")),
                           doc.kind, asked_of);
    } else {
      lines += fmt::format(fmt::runtime(say(lang,
                                            "#   {}: \"TODO\"   # TODO：有{}时去掉行首的 # "
                                            "并填写\n",
                                            "#   {}: \"TODO\"   # TODO: remove the # and fill "
                                            "it in when there is a {}\n")),
                           doc.kind, doc.kind);
    }
  }
  if (lines.empty())
    return;
  out += std::string(active ? "" : "# ") + "documents:" +
         say(lang, "   # 单位的文档（不属于哪个作品），路径同作品的文件\n",
             "   # the unit's documents (of no single work); paths as for the works' files\n") +
         lines;
}

// Whether the notice asks a work of `category` for both versions (subtitled and clean):
// `yes` for its category (or, the category not known yet, for every one), `no`, or `maybe`:
// for some categories (`categories` names them) while this work's is not known yet.
struct PairsAsked {
  enum Answer { no, maybe, yes } answer = no;
  std::vector<std::string> categories; // 微视频: those that ask for both, for `maybe`
};

PairsAsked pairs_asked(const rules::RuleSet& rules, const std::string& category)
{
  const auto asks = [](const rules::CategoryRules& c) {
    return c.variants && c.variants->required;
  };
  if (const rules::CategoryRules* known = rules.category(category))
    return {asks(*known) ? PairsAsked::yes : PairsAsked::no, {}};
  if (rules.categories.empty())
    return {asks(rules.works) ? PairsAsked::yes : PairsAsked::no, {}};
  PairsAsked out;
  bool every = true;
  for (const auto& c : rules.categories) {
    if (!c.takes("video"))
      continue;
    if (asks(c))
      out.categories.push_back(c.name);
    else
      every = false;
  }
  out.answer = out.categories.empty() ? PairsAsked::no
               : every                ? PairsAsked::yes
                                      : PairsAsked::maybe;
  return out;
}

// The one video found of a work the notice asks both versions of, and a TODO for the other
// (pack refuses it until filled): the found file under the key of its version when its name
// says it (字幕版, 纯净版: naming::Variant), else under subtitled:, with the comment saying
// that init could not tell.
void emit_one_of_two(std::string& out, const Guess& w, Lang lang)
{
  const bool clean_found = !w.clean.empty();
  const bool unmarked = !w.video.empty();
  std::string todo_line =
      fmt::format("{}   ", yaml_quote(todo)) +
      say(lang, "# TODO：通知要求有字幕和无字幕两个版本，这里填另一个版本的文件",
          "# TODO: the notice asks for a subtitled and a clean version; the other version's "
          "file goes here");
  if (unmarked)
    todo_line += say(lang,
                     "（文件名看不出上一行的文件是哪个版本：它没有字幕的话，把这两行开头的 "
                     "subtitled 和 clean 对调）",
                     " (the name does not say which version the file above is: if it has no "
                     "subtitles, swap subtitled and clean at the start of these two lines)");
  else
    todo_line += clean_found ? say(lang, "（有字幕版）", " (the subtitled one)")
                             : say(lang, "（无字幕版）", " (the clean one)");
  const std::string found = yaml_quote(clean_found ? w.clean : unmarked ? w.video : w.subtitled);
  out += "      subtitled: " + (clean_found ? todo_line : found) + "\n";
  out += "      clean: " + (clean_found ? found : todo_line) + "\n";
}

// The versions of a work under files: the two found, or one with its twin to fill in where
// the notice asks for both (video: is a work of one version: pack names it without a mark,
// and check then misses the other); a single file elsewhere under video:, with, while the
// category is not known yet and only some ask for both, a TODO saying what to change.
void emit_versions(std::string& out, const Guess& w, const rules::RuleSet& rules, Lang lang)
{
  const int found = !w.subtitled.empty() + !w.clean.empty() + !w.video.empty();
  if (found != 1) {
    emit_file(out, "subtitled", w.subtitled);
    emit_file(out, "clean", w.clean);
    emit_file(out, "video", w.video);
    return;
  }
  const PairsAsked asked = pairs_asked(rules, w.category);
  if (asked.answer == PairsAsked::yes) {
    emit_one_of_two(out, w, lang);
    return;
  }
  // One version alone is a work of one version: a lone subtitled: or clean: pack refuses.
  const std::string& path = !w.video.empty()       ? w.video
                            : !w.subtitled.empty() ? w.subtitled
                                                   : w.clean;
  out += fmt::format("      video: {}", yaml_quote(path));
  if (asked.answer == PairsAsked::maybe) {
    const std::string which =
        !w.subtitled.empty()
            ? say(lang,
                  "把 video 改成 subtitled（文件名说这是有字幕版），再加一行 clean: 无字幕版的文件",
                  "Change video to subtitled (the name says it is the subtitled one) and add "
                  "a line clean: (the clean file)")
        : !w.clean.empty()
            ? say(lang,
                  "把 video 改成 clean（文件名说这是无字幕版），再加一行 subtitled: 有字幕版的文件",
                  "Change video to clean (the name says it is the clean one) and add a line "
                  "subtitled: (the subtitled file)")
            : say(lang,
                  "文件名看不出这是哪个版本：它有字幕的话把 video 改成 subtitled，再加一行 clean: "
                  "无字幕版的文件；没有字幕的话把 video 改成 clean，再加一行 subtitled: "
                  "有字幕版的文件",
                  "The name does not say which version this is: with subtitles, change video to "
                  "subtitled and add a line clean: (the clean file); without, change video "
                  "to clean and add a line subtitled: (the subtitled file)");
    out += fmt::format(
        fmt::runtime(say(lang, "   # TODO：分类是{}的话，通知要求有字幕和无字幕两个版本。{}",
                         "   # TODO: if the category is {}, the notice asks for a "
                         "subtitled and a clean version. {}")),
        fmt::join(asked.categories, say(lang, "、", " or ")), which);
  }
  out += "\n";
}

void emit_work(std::string& out, const Guess& w, const rules::RuleSet& rules, Lang lang)
{
  if (w.unclear.empty() && !w.draft.empty()) // the clerk checks what init left out
    out += fmt::format(fmt::runtime(say(lang,
                                        "  - title: {}   # 请核对：文件名里的“{}”是草稿或版本字样，"
                                        "没有写进作品名\n",
                                        "  - title: {}   # check: '{}' in the file name is a draft "
                                        "or version mark, left out of the title\n")),
                       yaml_quote(w.title), one_line(w.draft));
  else if (w.unclear.empty())
    out += fmt::format("  - title: {}\n", yaml_quote(w.title));
  else if (!rules.naming || rules.categories.empty()) // no pattern: the name is just no title
    out += fmt::format(
        fmt::runtime(say(lang, "  - title: {}   # TODO：作品名（文件名“{}”看不出作品名）\n",
                         "  - title: {}   # TODO: the title (the file name '{}' "
                         "does not tell it)\n")),
        yaml_quote(todo), one_line(w.unclear));
  else
    out += fmt::format(
        fmt::runtime(say(lang,
                         "  - title: {}   # TODO：作品名（文件名“{}”不是“作品名-分类-报送单位”）\n",
                         "  - title: {}   # TODO: the title (the file name '{}' is not "
                         "title-category-unit)\n")),
        yaml_quote(todo), one_line(w.unclear));
  if (rules.categories.empty())
    ; // the notice sets no categories
  else if (w.category.empty() || !rules.category(w.category))
    out += fmt::format(
        "    category: {}   {}\n", yaml_quote(todo),
        say(lang, "# TODO：填上面列出的分类之一", "# TODO: one of the categories listed above"));
  else
    out += fmt::format("    category: {}\n", yaml_quote(rules.category(w.category)->name));
  out += "    files:\n";
  emit_versions(out, w, rules, lang);
  // A series of pairs when every episode has its clean version too.
  const bool pairs =
      !w.episodes.empty() && std::all_of(w.episodes.begin(), w.episodes.end(), [&](const auto& e) {
        return w.clean_episodes.count(e.first) > 0;
      });
  if (!w.episodes.empty())
    out += "      episodes:\n";
  for (const auto& [n, path] : w.episodes)
    out += pairs ? fmt::format("        - {{subtitled: {}, clean: {}}}\n", yaml_quote(path),
                               yaml_quote(w.clean_episodes.at(n)))
                 : fmt::format("        - {}\n", yaml_quote(path));
  for (const auto& [n, path] : w.clean_episodes)
    if (!pairs) // a clean version without its subtitled one, or the other way round
      out += lang == Lang::en
                 ? "      # TODO: episode " + std::to_string(n) + "'s clean version " +
                       yaml_quote(path) +
                       " has no subtitled twin, or some episodes lack theirs: list every "
                       "episode as {subtitled: …, clean: …}\n"
                 : "      # TODO：第 " + std::to_string(n) + " 集的无字幕版 " + yaml_quote(path) +
                       " 没有对应的有字幕版，或有的集缺一个版本：每集都写成 {subtitled: …, clean: "
                       "…}\n";
  emit_file(out, "poster", w.poster);
  emit_file(out, "qr", w.qr);
  emit_work_documents(out, w, rules, lang);
  const int episodes = w.episodes.empty() ? 1 : int(w.episodes.size());
  out += fmt::format("    episodes: {}\n", episodes);
  if (w.seconds > 0)
    out += fmt::format("    minutes_per_episode: {:.2f}   {}\n", w.seconds / 60.0,
                       say(lang, "# 实测", "# measured"));
  out += "    producer: \"TODO\"   # 制作单位\n    creators: \"TODO\"   # 主创人员\n    summary: "
         "\"TODO\"    # 内容简介\n";
}

// Commented templates of the lists only some notices' forms read: the lectures of 焦作's
// 统计表 (any number, outside the works' quota) and the people of its 师资库统计表.
void emit_form_lists(std::string& out, const rules::RuleSet& rules, Lang lang)
{
  if (rules.document_rule("统计表"))
    out += std::string(say(lang,
                           "# 统计表列出本单位党员的每一次讲课（不只是参赛作品）；\n"
                           "# 去掉行首的 # 后填写：\n",
                           "# The 统计表 lists every lecture of the unit's members (not only the "
                           "contest works);\n# remove the # to fill it in:\n")) +
           "# lectures:\n"
           "#   - speaker: 李明              # 讲课人姓名\n"
           "#     position: 支部书记         # 职务\n"
           "#     title: 我和我的祖国         # 微党课题目\n"
           "#     date: 2019-06-12           # 讲课日期（YYYY-MM-DD；表上印作 2019年6月12日）\n"
           "#     audience: \"45\"             # 听课人数\n";
  if (rules.document_rule("师资库统计表"))
    out +=
        std::string(say(lang, "# 师资库统计表（县市区委宣传部）列出宣讲员；去掉行首的 # 后填写：\n",
                        "# The 师资库统计表 (县市区委宣传部) lists the lecturers; remove the # "
                        "to fill it in:\n")) +
        "# lecturers:\n"
        "#   - name: 王芳                 # 姓名\n"
        "#     gender: 女                 # 性别（男或女）\n"
        "#     born: 1982-11              # 出生年月（YYYY-MM）\n"
        "#     unit: 民主街道党工委        # 单位\n"
        "#     position: 组织委员          # 职务\n"
        "#     phone: \"13900000000\"       # 手机号\n";
}

// The branch plan's 授课记录: one lecture per work, each cell the form has as a line of its
// own — the theme and the day guessed from the work (请核对), the rest TODO.
void emit_lecture_record(std::string& out, const std::vector<Guess>& works,
                         const rules::RuleSet& rules, Lang lang)
{
  if (!wants_lecture_record(rules) || works.empty())
    return;
  out += say(lang,
             "# 授课记录：打包时按下面每一条生成授课记录（每部作品一条；另有讲课可照样加一条）。\n",
             "# 授课记录: pack fills in one record per entry below (one per work; add one for any "
             "other lecture).\n");
  out += "lectures:\n";
  for (const Guess& w : works) {
    const bool titled = w.unclear.empty();
    out += fmt::format("  - title: {}   {}\n", yaml_quote(titled ? w.title : todo),
                       titled ? say(lang, "# 授课主题（取自作品名，请核对）",
                                    "# theme (the work's title: check it)")
                              : say(lang, "# TODO：授课主题（同上面这部作品的作品名）",
                                    "# TODO: the theme (as the work's title above)"));
    out +=
        fmt::format("    date: {}   {}\n", yaml_quote(w.day.empty() ? todo : w.day),
                    w.day.empty() ? say(lang, "# TODO：授课时间（YYYY-MM-DD，如 2024-05-01）",
                                        "# TODO: the day (YYYY-MM-DD, e.g. 2024-05-01)")
                                  : say(lang, "# 授课时间（取自录像文件里记下的拍摄日期，请核对）",
                                        "# the day (as the recording says it was made: "
                                        "check it)"));
    out +=
        say(lang,
            "    speaker: \"TODO\"   # TODO：授课人姓名\n"
            "    # position: 支部书记   # 授课人的职务（可不写；写了表上印作“姓名（职务）”）\n"
            "    content: \"TODO\"   # TODO：主要内容（讲了哪些要点）\n"
            "    audience: \"TODO\"   # TODO：参与人员（如：第一党小组全体党员（12人））\n"
            "    discussion: \"TODO\"   # TODO：讨论交流情况（大家谈了什么体会、建议）\n",
            "    speaker: \"TODO\"   # TODO: the speaker's name\n"
            "    # position: 支部书记   # the speaker's post (optional; printed \"name (post)\")\n"
            "    content: \"TODO\"   # TODO: the main points of the lesson\n"
            "    audience: \"TODO\"   # TODO: who took part (第一党小组全体党员（12人）)\n"
            "    discussion: \"TODO\"   # TODO: how the discussion went\n");
  }
}

} // namespace

std::string yaml_quote(const std::string& text)
{
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (u < 0x20 || u == 0x7f)
      out += fmt::format("\\x{:02x}", u);
    else
      out += c;
  }
  return out + "\"";
}

std::string guess_manifest(const Submission& sub, const rules::RuleSet& rules,
                           const std::string& unit, Lang lang)
{
  std::vector<Guess> works;
  const std::map<Place, int> places = stripped_places(sub);
  for (const auto& f : sub.files)
    if (f.kind == FileKind::video || f.kind == FileKind::audio)
      add_media(works, f, places);
  // A work with one marked version and a video without a version word: that video is the
  // other version ("党课录像.mp4" beside "党课录像-纯净版.mp4").
  for (auto& w : works)
    if (!w.video.empty() && w.subtitled.empty() != w.clean.empty()) {
      (w.subtitled.empty() ? w.subtitled : w.clean) = w.video;
      w.video.clear();
    }
  for (const auto& f : sub.files)
    if (f.kind == FileKind::image || f.kind == FileKind::document || f.kind == FileKind::courseware)
      attach_other(works, f);
  const std::string u = unit.empty() ? majority_unit(sub) : unit;
  std::string out = fmt::format(fmt::runtime(say(lang, "# works.yaml — {}（{}）报送作品清单。\n",
                                                 "# works.yaml — 报送作品清单 for {} ({}).\n")),
                                rules.title.zh, rules.id);
  out += fmt::format(
      fmt::runtime(
          say(lang,
              "# 由 `mpcheck init` 生成：把每个 TODO 换成实际内容，然后运行 "
              "`mpcheck pack 本文件夹 --rules {} --out U盘`（“U盘”换成U盘或一个空文件夹）。\n",
              "# Written by `mpcheck init`; replace every TODO, then run `mpcheck pack "
              "THIS-FOLDER --rules {} --out USB-DRIVE` (the drive, or an empty folder).\n")),
      rules.id);
  out += say(lang, "# 路径相对于本文件所在的文件夹。写法见 man mpcheck 的 WORKS MANIFEST 一节。\n",
             "# Paths are relative to this file's folder. Language: man mpcheck, section WORKS "
             "MANIFEST.\n");
  if (!rules.categories.empty()) {
    out += say(lang, "# 可选分类：", "# Categories:");
    for (const auto& c : rules.categories)
      out += " " + c.name;
    out += "\n";
  }
  out += fmt::format(
      "unit: {}{}\n", yaml_quote(u.empty() ? todo : u),
      u.empty() ? say(lang, "   # TODO：报送单位全称", "   # TODO: 报送单位 (the unit)") : "");
  out += "contact: \"TODO\"   # 联系人\nphone: \"TODO\"     # 联系电话\n";
  emit_unit_documents(out, sub, rules, u, lang);
  out += "works:\n";
  for (const auto& w : works)
    emit_work(out, w, rules, lang);
  if (works.empty())
    out += say(lang, "  []   # 没有找到视频：请手工添加作品\n",
               "  []   # no video found: add the works by hand\n");
  emit_form_lists(out, rules, lang);
  emit_lecture_record(out, works, rules, lang);
  return out;
}

} // namespace mpcheck::manifest
