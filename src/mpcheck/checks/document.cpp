// document.*: the forms, texts and courseware the notice asks for, and whether each really
// is a document of its format (a renamed or damaged .docx is not).
#include <algorithm>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/media/document.hpp"

namespace mpcheck::checks {

namespace {

using check::FileKind;
using check::SubmissionFile;

bool is_document(const SubmissionFile& f)
{
  return f.kind == FileKind::document || f.kind == FileKind::courseware;
}

bool names_kind(const rules::DocumentRule& rule, const SubmissionFile& f)
{
  if (f.name.find(rule.kind) != std::string::npos)
    return true;
  return std::any_of(rule.aliases.begin(), rule.aliases.end(),
                     [&](const std::string& a) { return f.name.find(a) != std::string::npos; });
}

bool has_allowed_extension(const rules::DocumentRule& rule, const SubmissionFile& f)
{
  return rule.extensions.empty() || std::find(rule.extensions.begin(), rule.extensions.end(),
                                              f.extension) != rule.extensions.end();
}

// A document of `rule`'s kind, for `work` when given: its name carries the kind (or, for
// courseware, its extension says so) and the work's title.
bool present(const Context& ctx, const rules::DocumentRule& rule, const check::Work* work)
{
  return std::any_of(ctx.sub.files.begin(), ctx.sub.files.end(), [&](const SubmissionFile& f) {
    if (!is_document(f))
      return false;
    const bool kind =
        names_kind(rule, f) ||
        (rule.kind == "课件" && f.kind == FileKind::courseware && has_allowed_extension(rule, f));
    return kind && (!work || f.name.find(work->title) != std::string::npos);
  });
}

std::string folder_of(const Context& ctx, const rules::DocumentRule& rule)
{
  const rules::FolderRule* folder = ctx.rules.folder_for(rule.kind);
  return folder ? ctx.sub.base + folder->name : "";
}

void missing(const Context& ctx, const rules::DocumentRule& rule, const check::Work* work)
{
  const std::string ext = rule.extensions.empty() ? ".docx" : rule.extensions.front();
  const std::string unit = ctx.options.unit.empty() ? "报送单位" : ctx.options.unit;
  const std::string example =
      work ? work->title + "-" + rule.kind + "-" + unit + ext : rule.kind + "-" + unit + ext;
  if (Finding* f = ctx.sink.add("document.missing", &rule.origin, folder_of(ctx, rule),
                                work ? work->title : "")) {
    f->expected = rule.kind;
    f->actual = "—";
    f->message = work ? Text{"作品“" + work->title + "”缺少" + rule.kind,
                             "the work '" + work->title + "' has no " + rule.kind}
                      : Text{"缺少" + rule.kind, "the " + rule.kind + " is missing"};
    const std::string where = folder_of(ctx, rule);
    f->hint = {
        "添加“" + example + "”" + (where.empty() ? "" : "，放在“" + where + "”文件夹") + "。",
        "Add '" + example + "'" + (where.empty() ? "" : " in the folder '" + where + "'") + "."};
  }
}

void format(const Context& ctx, const SubmissionFile& file)
{
  if (!file.facts.document || file.size == 0)
    return;
  const DocumentFacts& doc = *file.facts.document;
  const auto allowed = media::formats_for_extension(file.extension);
  if (allowed.empty() ||
      (doc.valid && std::find(allowed.begin(), allowed.end(), doc.format) != allowed.end()))
    return;
  if (Finding* f = ctx.sink.add("document.format", nullptr, file.path, ctx.work_of(file))) {
    f->expected = file.extension;
    f->actual = doc.format + (doc.problem.empty() ? "" : " (" + doc.problem + ")");
    f->message = {"文件不是真正的 " + file.extension + " 文档（可能是改了扩展名或已损坏）",
                  "not a real " + file.extension + " document (a renamed or damaged file)"};
    f->hint = {"用 Word/WPS 打开原文件，“另存为” " + file.extension + " 格式。",
               "Open the original in Word or WPS and 'Save As' " + file.extension + "."};
  }
}

bool applies_to(const rules::DocumentRule& rule, const check::Work& work)
{
  return rule.categories.empty() || std::find(rule.categories.begin(), rule.categories.end(),
                                              work.category) != rule.categories.end();
}

} // namespace

void check_document(const Context& ctx)
{
  for (const auto& rule : ctx.rules.documents) {
    if (!rule.required || !ctx.whole_drive()) // loose files: no forms expected
      continue;
    if (rule.per == rules::DocumentScope::unit) {
      if (!present(ctx, rule, nullptr))
        missing(ctx, rule, nullptr);
      continue;
    }
    for (const auto& work : ctx.sub.works)
      if (applies_to(rule, work) && !present(ctx, rule, &work))
        missing(ctx, rule, &work);
  }
  for (const auto& file : ctx.sub.files)
    if (is_document(file))
      format(ctx, file);
}

} // namespace mpcheck::checks
