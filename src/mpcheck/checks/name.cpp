// name.*: the 作品名-分类-报送单位 pattern, categories, units, and what Windows/FAT accept.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/naming/draft_marks.hpp"
#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/work_name.hpp"

namespace mpcheck::checks {

namespace {

// The naming pattern as the report shows it: in Chinese words (作品名-分类-报送单位), the
// rule set's placeholders in English ({title}-{category}-{unit}).
Text pattern_text(const Context& ctx)
{
  const std::string pattern = ctx.rules.naming && !ctx.rules.naming->pattern.empty()
                                  ? ctx.rules.naming->pattern
                                  : "{title}-{category}-{unit}";
  std::string zh = pattern;
  for (const auto& [placeholder, word] :
       {std::pair{"{title}", "作品名"}, std::pair{"{category}", "分类"},
        std::pair{"{unit}", "报送单位"}})
    for (size_t at; (at = zh.find(placeholder)) != std::string::npos;)
      zh.replace(at, std::string_view(placeholder).size(), word);
  return {zh, pattern};
}

// The parts of example_name, placeholders included.
naming::WorkName example_name_parts(const Context& ctx, const SubmissionFile& file)
{
  const auto& n = file.work_name->name;
  naming::WorkName ex = n;
  // A name rename cannot read is named by hand or from works.yaml, whose title init writes
  // without the draft marks (初心如磐（定稿） → 初心如磐): the example agrees with both.
  if (!naming::understood(*file.work_name))
    ex.title = naming::strip_draft_marks(ex.title).title;
  if (ex.title.empty())
    ex.title = "作品名";
  if (ex.category.empty() || file.work_name->problem == "unknown-category")
    ex.category = "分类"; // not the first category: it may ask what this work is not (≥ 10 min)
  if (ex.unit.empty())
    ex.unit = ctx.options.unit.empty() ? "报送单位" : ctx.options.unit;
  if (ex.extension.empty())
    ex.extension = file.extension.empty() ? ".mp4" : file.extension;
  return ex;
}

// The draft or version mark example_name_parts leaves out of the title ("（定稿）"), or "".
std::string draft_mark(const SubmissionFile& file)
{
  if (naming::understood(*file.work_name))
    return "";
  return naming::strip_draft_marks(file.work_name->name.title).removed;
}

std::string example_name(const Context& ctx, const SubmissionFile& file)
{
  const naming::WorkName ex = example_name_parts(ctx, file);
  return naming::format_work_name(ex, ctx.rules.variant_suffix(ex.category, ex.variant));
}

Text pattern_problem(const naming::ParseResult& r)
{
  if (r.problem == "separator")
    return {"分隔符用了“" + r.separator + "”，应使用半角连字符“-”",
            "the parts are separated by '" + r.separator + "' instead of the ASCII hyphen '-'"};
  if (r.problem == "parts")
    return {"文件名应为“作品名-分类-报送单位”三部分，用“-”隔开",
            "the name must have three parts, 作品名-分类-报送单位, separated by '-'"};
  if (r.problem == "empty-part")
    return {"文件名中有空的部分（连续的“-”或开头结尾的“-”）",
            "a part of the name is empty (two '-' in a row, or '-' at the start or end)"};
  return {"文件名没有扩展名", "the name has no extension"};
}

// A unit's name the example leaves as 报送单位, counted as 10 Chinese characters (钟楼区委组织部
// is 7, XX市（区）委组织部 8).
constexpr size_t assumed_unit_bytes = 30;

// The example name `ex` once its placeholders are filled (the longest category for 分类, a
// unit of assumed_unit_bytes for 报送单位) runs past naming::max_name_bytes: how many bytes the
// title may keep, else nullopt.
std::optional<size_t> title_budget(const Context& ctx, const naming::WorkName& ex,
                                   const std::string& example)
{
  size_t category = ex.category.size();
  if (ex.category == "分类")
    for (const auto& c : ctx.rules.categories)
      category = std::max(category, c.name.size());
  const size_t unit = ex.unit == "报送单位" ? assumed_unit_bytes : ex.unit.size();
  const size_t rest =
      example.size() - ex.title.size() - ex.category.size() - ex.unit.size() + category + unit;
  if (ex.title.size() + rest <= naming::max_name_bytes)
    return std::nullopt;
  return rest < naming::max_name_bytes ? naming::max_name_bytes - rest : 0;
}

void pattern(const Context& ctx, const SubmissionFile& file)
{
  const naming::ParseResult& r = *file.work_name;
  if (r.ok)
    return;
  const rules::Origin* origin = &ctx.rules.naming->origin;
  if (r.problem == "unknown-category") {
    if (Finding* f = ctx.sink.add(ids::name_category, origin, file.path, ctx.work_of(file))) {
      std::string names;
      for (const auto& c : ctx.rules.categories)
        names += (names.empty() ? "" : "、") + c.name;
      f->expected = names;
      f->actual = r.name.category;
      f->message = {"分类“" + r.name.category + "”不是通知规定的分类之一",
                    "the category '" + r.name.category + "' is not one of the notice's categories"};
      f->hint = {"把分类改为：" + names + "。", "Use one of: " + names + "."};
    }
    return;
  }
  if (Finding* f = ctx.sink.add(ids::name_pattern, origin, file.path, ctx.work_of(file))) {
    f->expected = pattern_text(ctx);
    f->actual = file.name;
    f->message = pattern_problem(r);
    // Without its category a video is not held to its category's picture, rate and length
    // rules: say so, lest the clerk take the silence for a pass.
    if (file.kind == FileKind::video && ctx.rules.category_decides()) {
      f->message.zh += "；名字里读不出分类，所以还没有按分类检查这个视频的分辨率、帧率、码率和时长";
      f->message.en += "; its category cannot be read from the name, so the video has not been "
                       "checked against its category's resolution, frame rate, bit rate and "
                       "length";
    }
    const std::string ex = example_name(ctx, file);
    std::string categories;
    for (const auto& c : ctx.rules.categories)
      categories += (categories.empty() ? "" : "、") + c.name;
    const bool placeholder = ex.find("-分类-") != std::string::npos;
    // mpcheck rename renames only a name it understands (look-alike separators): offered for
    // those alone, lest it answer "rename it by hand" (exit 1).
    const bool renamable = naming::understood(r);
    f->hint = {
        "改名为类似“" + ex + "”" +
            (placeholder && !categories.empty() ? "，分类是 " + categories + " 之一" : "") +
            (renamable ? "（可用 mpcheck rename 批量改名）" : "") + "，再检查一次。",
        "Rename it like '" + ex + "'" +
            (placeholder && !categories.empty() ? ", the category one of " + categories : "") +
            (renamable ? " (mpcheck rename does it in bulk)" : "") + ", then check again."};
    if (const std::string mark = draft_mark(file); !mark.empty()) {
      f->hint.zh +=
          "文件名里的“" + mark + "”是草稿或版本字样，不写进作品名（mpcheck init 也不写）。";
      f->hint.en += " '" + mark +
                    "' in the file name is a draft or version mark, left out of "
                    "the title (as mpcheck init leaves it out).";
    }
    if (const auto budget = title_budget(ctx, example_name_parts(ctx, file), ex)) {
      f->hint.zh += fmt::format("作品名太长：填入分类和报送单位后，文件名会超过 {} 字节（文件系统"
                                "的上限，pack 写不下）；请把作品名缩短到约 {} 个汉字以内。",
                                naming::max_name_bytes, *budget / 3);
      f->hint.en += fmt::format(" The title is too long: with the category and the unit filled "
                                "in, the name would pass {} bytes (the file system's limit; pack "
                                "cannot write it); shorten the title to about {} Chinese "
                                "characters.",
                                naming::max_name_bytes, *budget / 3);
    }
  }
}

void unit_mismatch(const Context& ctx, const SubmissionFile& file, const std::string& want,
                   bool from_option)
{
  const std::string& got = file.work_name->name.unit;
  if (got == want)
    return;
  if (Finding* f =
          ctx.sink.add(ids::name_unit, &ctx.rules.naming->origin, file.path, ctx.work_of(file))) {
    f->expected = want;
    f->actual = got;
    f->message = from_option
                     ? Text{"报送单位“" + got + "”与 --unit 指定的“" + want + "”不一致",
                            "the unit '" + got + "' differs from --unit '" + want + "'"}
                     : Text{"报送单位“" + got + "”与其他文件的“" + want + "”不一致",
                            "the unit '" + got + "' differs from the other files' '" + want + "'"};
    f->hint = {"统一使用报送单位全称“" + want + "”。",
               "Use the unit's full name '" + want + "' everywhere."};
  }
}

// The unit most names carry (ties: the first seen).
std::string majority_unit(const Context& ctx)
{
  std::map<std::string, int> counts;
  std::string best;
  int best_count = 0;
  for (const auto& file : ctx.sub.files)
    if (file.work_name && (file.work_name->ok || file.work_name->problem == "unknown-category")) {
      const int n = ++counts[file.work_name->name.unit];
      if (n > best_count) {
        best = file.work_name->name.unit;
        best_count = n;
      }
    }
  return best;
}

Text fs_problem_text(const naming::NameProblem& p)
{
  if (p.code == "characters")
    return {"含有 Windows/U盘不允许的字符：" + p.detail,
            "contains characters Windows and FAT drives forbid: " + p.detail};
  if (p.code == "trailing")
    return {"名称以点或空格结尾，Windows 会出错",
            "the name ends with a dot or a space; Windows mangles it"};
  if (p.code == "reserved")
    return {"名称是 Windows 保留名（" + p.detail + "）",
            "the name is reserved on Windows (" + p.detail + ")"};
  if (p.code == "utf8")
    return {"名称不是有效的 UTF-8 编码（可能是 GBK 乱码）",
            "the name is not valid UTF-8 (perhaps GBK bytes)"};
  if (p.code == "length")
    return {"名称超过 255 个字符（UTF-16）", "the name is longer than 255 UTF-16 units"};
  return {"名称不是 Unicode NFC 规范形式（在苹果电脑上创建的名字常见）",
          "the name is not in Unicode NFC (common for names made on a Mac)"};
}

rules::CheckId check_for_code(const std::string& code)
{
  if (code == "length")
    return ids::name_length;
  if (code == "normalization")
    return ids::name_normalization;
  return ids::name_characters;
}

void name_problems(const Context& ctx, const std::string& raw_name, const std::string& path,
                   const std::string& work)
{
  for (const naming::NameProblem& p : naming::check_file_name(raw_name))
    if (Finding* f = ctx.sink.add(check_for_code(p.code), nullptr, path, work)) {
      f->expected = p.code == "normalization"
                        ? Text{"NFC（字符的标准写法）", "NFC (the standard form of characters)"}
                        : Text{"Windows 和U盘能用的文件名", "a name Windows and USB drives take"};
      f->actual = p.detail.empty() ? p.code : p.detail;
      f->message = fs_problem_text(p);
      // rename mends a name it can read as 作品名-分类-报送单位; any other is the clerk's.
      f->hint = {"改名，去掉或换掉这些字符；名字是“作品名-分类-报送单位”格式时，mpcheck rename "
                 "会替你改。",
                 "Rename it without them; for a name of the form 作品名-分类-报送单位, mpcheck "
                 "rename does it for you."};
    }
}

// The characters the notice refuses in file names (naming.forbidden_characters), beyond what
// Windows/FAT refuse: checked in the file's own name.
void notice_forbidden(const Context& ctx, const SubmissionFile& file)
{
  if (!ctx.rules.naming || ctx.rules.naming->forbidden_characters.empty())
    return;
  const std::string found =
      naming::notice_forbidden_in(file.name, ctx.rules.naming->forbidden_characters);
  if (found.empty())
    return;
  if (Finding* f = ctx.sink.add(rules::ids::name_characters, &ctx.rules.naming->origin, file.path,
                                ctx.work_of(file))) {
    f->expected = "不含 " + ctx.rules.naming->forbidden_characters;
    f->actual = found;
    f->message = {"文件名含有通知不允许的字符：" + found,
                  "the name holds characters the notice does not allow: " + found};
    f->hint = {"去掉这些字符后重命名（mpcheck rename 会自动处理）。",
               "Remove them and rename the file (mpcheck rename does it for you)."};
  }
}

// Each component of the path as it is on disk (before NFC): the file's name, and each folder
// once however many files it holds (reported under the folder's own path). Loose files: the
// name only (the folders they were given from go on no drive).
void file_system_rules(const Context& ctx, const SubmissionFile& file,
                       std::set<std::string>& folders_seen)
{
  for (size_t slash = ctx.whole_drive() ? file.raw_path.find('/') : std::string::npos;
       slash != std::string::npos; slash = file.raw_path.find('/', slash + 1)) {
    const std::string folder = file.raw_path.substr(0, slash);
    if (!folders_seen.insert(folder).second)
      continue;
    const size_t start = folder.rfind('/');
    name_problems(ctx, folder.substr(start == std::string::npos ? 0 : start + 1),
                  naming::to_nfc(naming::replace_invalid_utf8(folder)), "");
  }
  const size_t last = file.raw_path.rfind('/');
  name_problems(ctx, file.raw_path.substr(last == std::string::npos ? 0 : last + 1), file.path,
                ctx.work_of(file));
  notice_forbidden(ctx, file);
  if (ctx.whole_drive() && naming::path_too_long(file.path))
    if (Finding* f = ctx.sink.add(ids::name_length, nullptr, file.path, ctx.work_of(file))) {
      // Counted from the drive's root, as the clerk sees the path; the limit leaves room for
      // the `E:\` Windows puts in front (naming::path_too_long).
      const size_t most = naming::default_path_limit - naming::drive_prefix_units;
      const size_t units = naming::utf16_length(file.path);
      f->expected = Text{fmt::format("≤ {} 个字符", most), fmt::format("≤ {} characters", most)};
      f->actual = Text{fmt::format("{} 个字符", units), fmt::format("{} characters", units)};
      f->message = {fmt::format("路径太长（从U盘根目录算起 {} 个字符，最多 {} 个），Windows "
                                "可能无法打开或复制",
                                units, most),
                    fmt::format("the path is too long ({} characters from the drive's root, at "
                                "most {}); Windows may fail to open or copy it",
                                units, most)};
      f->hint = {
          fmt::format("把文件夹名或文件名缩短至少 {} 个字符。", units - most),
          fmt::format("Shorten the folder or file names by at least {} characters.", units - most)};
    }
}

void collisions(const Context& ctx)
{
  std::vector<std::string> paths;
  for (const auto& file : ctx.sub.files)
    paths.push_back(file.raw_path);
  for (const auto& group : naming::find_collisions(paths))
    for (const auto& path : group)
      if (Finding* f = ctx.sink.add(ids::name_collision, nullptr, naming::to_nfc(path))) {
        f->expected = Text{"唯一的名称", "a unique name"};
        std::string others;
        for (const auto& p : group)
          if (p != path)
            others += (others.empty() ? "" : ", ") + naming::to_nfc(p);
        f->actual = others;
        f->message = {"与“" + others + "”在 Windows/U盘上是同一个名字（不区分大小写）",
                      "the same name as '" + others +
                          "' on Windows and FAT drives (case-insensitive)"};
        f->hint = {"给其中一个改名。", "Rename one of them."};
      }
}

// The extensions allowed for `file`, or nullptr when the rules allow any.
const std::vector<std::string>* allowed_extensions(const Context& ctx, const SubmissionFile& file,
                                                   const rules::Origin*& origin)
{
  const rules::CategoryRules& cat = ctx.rules_for(file);
  if ((file.kind == FileKind::video || file.kind == FileKind::audio) && cat.media.extensions) {
    origin = &cat.media.extensions->origin;
    return &cat.media.extensions->value;
  }
  if (file.kind == FileKind::document || file.kind == FileKind::courseware)
    for (const auto& doc : ctx.rules.documents)
      if (file.name.find(doc.kind) != std::string::npos && !doc.extensions.empty()) {
        origin = &doc.origin;
        return &doc.extensions;
      }
  return nullptr;
}

// A file of sound only where the work must be a video (its category's kinds do not take
// audio): converting its format would give a video container without a picture.
bool sound_only_where_video_is_wanted(const Context& ctx, const SubmissionFile& file)
{
  return file.kind == FileKind::audio && !file.facts.video && !file.facts.audio.empty() &&
         !ctx.rules_for(file).takes("audio");
}

void extension(const Context& ctx, const SubmissionFile& file)
{
  const rules::Origin* origin = nullptr;
  const std::vector<std::string>* allowed = allowed_extensions(ctx, file, origin);
  if (!allowed || allowed->empty() ||
      std::find(allowed->begin(), allowed->end(), file.extension) != allowed->end())
    return;
  if (Finding* f = ctx.sink.add(ids::name_extension, origin, file.path, ctx.work_of(file))) {
    std::string list;
    for (const auto& e : *allowed)
      list += (list.empty() ? "" : " ") + e;
    f->expected = list;
    f->actual = file.extension.empty() ? Text{"(无)", "(none)"} : Text(file.extension);
    f->message = {"扩展名“" + f->actual.zh + "”不符合要求（应为 " + list + "）",
                  "the extension '" + f->actual.zh + "' is not allowed (expected " + list + ")"};
    f->hint = {
        "用软件另存为要求的格式；只改扩展名不会改变文件格式。",
        "Save or export it in the required format; renaming the extension does not convert it."};
    // A video where MP4 is wanted: mpcheck fix writes it as .mp4. Where container.format is
    // reported too, its commands (a lossless remux) do both: said so, not a second way (QA N7:
    // "save it in another program" here, a command there).
    if (file.kind == FileKind::video && file.facts.video &&
        std::find(allowed->begin(), allowed->end(), ".mp4") != allowed->end()) {
      const rules::MediaRules& media = ctx.rules_for(file).media;
      const bool container_wrong =
          media.containers && file.facts.container &&
          std::find(media.containers->value.begin(), media.containers->value.end(),
                    file.facts.container->format) == media.containers->value.end();
      if (container_wrong)
        f->hint = {"用同一文件“文件格式”那一条（container.format）的命令转换：它同时把扩展名"
                   "改成 .mp4（只改扩展名不会改变文件格式）。",
                   "Convert it with the command container.format gives: it also makes the "
                   "extension .mp4 (renaming the extension does not convert it)."};
      else if (const auto material = material_fix(ctx, file))
        f->hint = {"转换成 MP4：" + material->zh, "Convert it to MP4: " + material->en};
      else if (media.containers && file.facts.container) // the format is right, the name not
        f->hint = {"文件的实际格式（" + file.facts.container->format +
                       "）符合要求，只是扩展名不对：把扩展名改成 .mp4 即可，或用：" +
                       mpcheck_fix_command(ctx, file) + "（自动修复并复查）",
                   "The file's real format (" + file.facts.container->format +
                       ") is right, only its extension is not: rename it to .mp4, or run: " +
                       mpcheck_fix_command(ctx, file) + " (it fixes and checks again)"};
      else
        f->hint = {"转换成 MP4（只改扩展名不会改变文件格式）：" + mpcheck_fix_command(ctx, file) +
                       "（自动修复并复查）",
                   "Convert it to MP4 (renaming the extension does not convert it): " +
                       mpcheck_fix_command(ctx, file) + " (it converts and checks again)"};
    }
    if (sound_only_where_video_is_wanted(ctx, file))
      f->hint = {"这个文件只有声音：另存为 " + list +
                     " 也不会有画面；请报送从剪辑软件导出的成片视频（见 video.missing）。",
                 "The file holds sound only: saved as " + list +
                     " it would still have no picture; hand in the finished video as exported "
                     "from the editing program (see video.missing)."};
  }
}

} // namespace

void check_name(const Context& ctx)
{
  const std::string unit = ctx.options.unit.empty() ? majority_unit(ctx) : ctx.options.unit;
  std::set<std::string> folders_seen;
  for (const auto& file : ctx.sub.files) {
    if (file.kind == FileKind::junk)
      continue;
    file_system_rules(ctx, file, folders_seen);
    extension(ctx, file);
    if (!ctx.rules.naming || !file.work_name)
      continue;
    pattern(ctx, file);
    const bool parsed = file.work_name->ok || file.work_name->problem == "unknown-category";
    if (parsed && !unit.empty())
      unit_mismatch(ctx, file, unit, !ctx.options.unit.empty());
  }
  collisions(ctx);
}

} // namespace mpcheck::checks
