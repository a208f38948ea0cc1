// document.*: the forms, texts and courseware the notice asks for, and whether each really
// is a document of its format (a renamed or damaged .docx is not).
#include <algorithm>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/manifest/works.hpp"

namespace mpcheck::checks {

namespace {

bool is_document(const SubmissionFile& f)
{
  return f.kind == FileKind::document || f.kind == FileKind::courseware;
}

bool names_kind(const Context& ctx, const rules::DocumentRule& rule, const SubmissionFile& f)
{
  return ctx.rules.names_document(rule, f.name);
}

std::string folder_of(const Context& ctx, const rules::DocumentRule& rule)
{
  const rules::FolderRule* folder = ctx.rules.folder_for(rule.kind);
  return folder ? ctx.sub.base + folder->name : "";
}

// The unit that hands the submission in: --unit, else the unit the works' names carry; "".
std::string submitting_unit(const Context& ctx)
{
  if (!ctx.options.unit.empty())
    return ctx.options.unit;
  for (const auto& work : ctx.sub.works)
    if (!work.unit.empty())
      return work.unit;
  return "";
}

// "（报送截止 2019-06-30）" when the document has its own deadline, and, when the unit is not
// known, which units must hand it in.
Text conditions(const rules::DocumentRule& rule, bool unit_known)
{
  Text out;
  if (rule.deadline) {
    out.zh += "（报送截止 " + rule.deadline->value.str() + "）";
    out.en += " (due by " + rule.deadline->value.str() + ")";
  }
  if (!rule.units.empty() && !unit_known) {
    std::string zh, en;
    for (const auto& word : rule.units) {
      zh += (zh.empty() ? "" : "、") + word;
      en += (en.empty() ? "" : ", ") + word;
    }
    out.zh += "；仅" + zh + "报送，其他单位请用 --unit 写明本单位名称";
    out.en += "; asked of " + en + " only: other units give their name with --unit";
  }
  return out;
}

// Where works.yaml names a document of this rule, for pack to put it on the drive: a work's
// `script` (its 解说词) or `courseware` (its 课件); the unit's own documents under
// `documents:`, but for the forms pack fills in itself. Empty where no key names it.
Text works_yaml_place(const rules::DocumentRule& rule)
{
  if (rule.per == rules::DocumentScope::unit) {
    if (manifest::is_generated_form(rule.kind))
      return {};
    return {"用 works.yaml 打包时，在 works.yaml 的 documents 下写上 " + rule.kind + ": " +
                rule.kind + "文件的路径。",
            " Packing from works.yaml: name it under documents as " + rule.kind + ": PATH."};
  }
  const std::string key = manifest::work_file_key(rule.kind);
  if (key.empty())
    return {};
  return {"用 works.yaml 打包时，在这个作品的 files 下写上 " + key + ": " + rule.kind +
              "文件的路径。",
          " Packing from works.yaml: name it under the work's files as " + key + ": PATH."};
}

void missing(const Context& ctx, const rules::DocumentRule& rule, const Work* work)
{
  const std::string ext = rule.extensions.empty() ? ".docx" : rule.extensions.front();
  const std::string known = submitting_unit(ctx); // --unit, else the one the works' names carry
  const std::string unit = known.empty() ? "报送单位" : known;
  const std::string example =
      work ? work->title + "-" + rule.kind + "-" + unit + ext : rule.kind + "-" + unit + ext;
  if (Finding* f = ctx.sink.add(ids::document_missing, &rule.origin, folder_of(ctx, rule),
                                work ? work->title : "")) {
    const Text more = conditions(rule, !submitting_unit(ctx).empty());
    f->expected = rule.kind;
    f->actual = "—";
    f->message =
        work ? Text{"作品“" + work->title + "”缺少" + rule.kind + more.zh,
                    "the work '" + work->title + "' has no " + rule.kind + more.en}
             : Text{"缺少" + rule.kind + more.zh, "the " + rule.kind + " is missing" + more.en};
    const std::string where = folder_of(ctx, rule);
    const Text place = works_yaml_place(rule);
    f->hint = {"添加“" + example + "”" + (where.empty() ? "" : "，放在“" + where + "”文件夹") +
                   "。" + place.zh,
               "Add '" + example + "'" + (where.empty() ? "" : " in the folder '" + where + "'") +
                   "." + place.en};
  }
}

// What the file really is, as a report's 实际 (found) value: "PDF 文档", "不是文档", "已损坏的
// ZIP".
Text document_actual(const DocumentFacts& doc)
{
  if (doc.problem == "not-document")
    return {"不是文档（无法识别的格式）", "not a document (unknown format)"};
  if (doc.problem == "empty")
    return {"空文件", "an empty file"};
  if (doc.problem == "unreadable")
    return {"无法读取", "unreadable"};
  if (doc.problem == "corrupt-zip")
    return {"已损坏的 ZIP 压缩包", "a damaged ZIP archive"};
  if (doc.problem == "no-main-part")
    return {"缺少正文部分的 Office 文件", "an Office file without its main part"};
  static const std::vector<std::pair<std::string, Text>> formats = {
      {"ole2",
       {"旧版 Office 文件（.doc/.ppt/.xls/WPS）", "an old Office file (.doc/.ppt/.xls/WPS)"}},
      {"ooxml", {"新版 Office 文件", "an Office Open XML file"}},
      {"zip", {"ZIP 压缩包", "a ZIP archive"}},
      {"pdf", {"PDF 文档", "a PDF document"}},
      {"rtf", {"RTF 文档", "an RTF document"}}};
  for (const auto& [format, words] : formats)
    if (doc.format == format)
      return words;
  return Text{doc.format + (doc.problem.empty() ? "" : " (" + doc.problem + ")")};
}

void format(const Context& ctx, const SubmissionFile& file)
{
  if (!file.facts.document || file.size == 0)
    return;
  const DocumentFacts& doc = *file.facts.document;
  const auto allowed = formats_for_extension(file.extension);
  if (allowed.empty() ||
      (doc.valid && std::find(allowed.begin(), allowed.end(), doc.format) != allowed.end()))
    return;
  if (Finding* f = ctx.sink.add(ids::document_format, nullptr, file.path, ctx.work_of(file))) {
    f->expected = file.extension;
    f->actual = document_actual(doc);
    f->message = {"文件不是真正的 " + file.extension + " 文档（可能是改了扩展名或已损坏）",
                  "not a real " + file.extension + " document (a renamed or damaged file)"};
    const bool slides = file.extension == ".ppt" || file.extension == ".pptx";
    const bool sheet = file.extension == ".xls" || file.extension == ".xlsx";
    const std::string app_zh = slides  ? "PowerPoint/WPS 演示"
                               : sheet ? "Excel/WPS 表格"
                                       : "Word/WPS";
    const std::string app_en = slides  ? "PowerPoint or WPS"
                               : sheet ? "Excel or WPS"
                                       : "Word or WPS";
    f->hint = {"用 " + app_zh + " 打开原文件，“另存为” " + file.extension + " 格式。",
               "Open the original in " + app_en + " and 'Save As' " + file.extension + "."};
  }
}

// Whether document `f` is the text of `work`: its name's title is the work's title — the
// whole title, not a part of it ("不忘初心-解说词-…" is not 初心's, nor is a text whose unit
// 钟楼区委组织部 contains a work called 钟楼). A name the parser could not split (a look-alike
// separator, a missing part) counts when it begins with the title followed by a separator.
bool names_work(const SubmissionFile& f, const Work& work)
{
  if (f.document_name && !f.document_name->title.empty())
    return f.document_name->title == work.title;
  const std::string_view name = f.name;
  if (work.title.empty() || !name.starts_with(work.title))
    return false;
  const std::string_view rest = name.substr(work.title.size());
  for (const std::string_view separator : {"-", "－", "—", "–", "_", " ", "　", "（", "(", "."})
    if (rest.starts_with(separator))
      return true;
  return false;
}

bool applies_to(const rules::DocumentRule& rule, const Work& work)
{
  return rule.categories.empty() || std::find(rule.categories.begin(), rule.categories.end(),
                                              work.category) != rule.categories.end();
}

} // namespace

const SubmissionFile* find_document(const Context& ctx, const rules::DocumentRule& rule,
                                    const Work* work)
{
  const auto it =
      std::find_if(ctx.sub.files.begin(), ctx.sub.files.end(), [&](const SubmissionFile& f) {
        if (!is_document(f))
          return false;
        const bool kind =
            names_kind(ctx, rule, f) || (rule.kind == "课件" && f.kind == FileKind::courseware &&
                                         rule.takes_extension(f.extension));
        return kind && (!work || names_work(f, *work));
      });
  return it == ctx.sub.files.end() ? nullptr : &*it;
}

void check_document(const Context& ctx)
{
  const std::string unit = submitting_unit(ctx);
  // A folder that could not be read may hold the document: not called missing (file.unreadable
  // names the folder, and fails the drive).
  const bool unseen = ctx.any_folder_unread();
  for (const auto& rule : ctx.rules.documents) {
    if (!rule.required || !rule.required_of(unit) || !ctx.whole_drive() || unseen)
      continue;
    if (rule.per == rules::DocumentScope::unit) {
      if (!find_document(ctx, rule, nullptr))
        missing(ctx, rule, nullptr);
      continue;
    }
    for (const auto& work : ctx.sub.works)
      if (applies_to(rule, work) && !find_document(ctx, rule, &work))
        missing(ctx, rule, &work);
  }
  for (const auto& file : ctx.sub.files)
    if (is_document(file))
      format(ctx, file);
}

} // namespace mpcheck::checks
