#include "mpcheck/pack/job.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/manifest/lecture_record.hpp"
#include "mpcheck/naming/junk.hpp"
#include "mpcheck/pack/forms.hpp"
#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/outputs.hpp"
#include "mpcheck/pack/space.hpp"
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/scan/walk.hpp"
#include "mpcheck/util/join.hpp"

namespace mpcheck::pack {

namespace {

namespace fs = std::filesystem;

std::string say(Lang lang, const std::string& zh, const std::string& en)
{
  return lang == Lang::en ? en : zh;
}

Text symlink_outside(const std::string& link)
{
  return {"file.symlink-outside：链接指向源文件夹之外（" + (link.empty() ? "不存在的位置" : link) +
              "），不会复制。请删除该链接，把真正的文件复制进源文件夹",
          "file.symlink-outside: a link leading out of the source folder (to " +
              (link.empty() ? "nowhere" : link) +
              "); never copied. Delete the link and copy the real file into the source folder"};
}

// Usage errors about where pack would write (exit 2): the output folder inside SRC (or SRC
// inside it), or a regular file; --zip or -o inside SRC, inside OUT, equal to a file pack
// reads, or an existing file without --force.
std::string output_problem(const Request& request, const Prepared& prepared)
{
  const Lang lang = request.lang;
  if (is_inside(request.out, request.src) || is_inside(request.src, request.out))
    return say(lang, "输出目录不能在源目录里，源目录也不能在输出目录里",
               "the output folder must not be inside the source, nor the source inside it");
  std::error_code ec;
  if (fs::exists(request.out, ec) && !fs::is_directory(request.out, ec))
    return say(
        lang, fmt::format("--out {}：不是文件夹（是一个文件）；请给出U盘或一个文件夹", request.out),
        fmt::format("--out {}: not a folder (it is a file); give the drive or a folder",
                    request.out));
  OutputGuard guard;
  guard.read_only = {request.src};
  guard.read_only_name = {"源文件夹", "the source folder"};
  guard.out_dir = request.out;
  if (prepared.manifest)
    guard.sources.push_back(prepared.manifest->file);
  if (fs::is_regular_file(request.rules, ec))
    guard.sources.push_back(request.rules);
  for (const auto& f : prepared.plan.files)
    guard.read_files.push_back(f.source);
  guard.replace = request.force;
  const bool report_to_file = !request.report.empty() && request.report != "-";
  if (!request.zip.empty() && report_to_file &&
      fs::weakly_canonical(fs::absolute(request.zip), ec) ==
          fs::weakly_canonical(fs::absolute(request.report), ec))
    return say(lang, "--zip 和 -o 不能是同一个文件", "--zip and -o must not be the same file");
  if (std::string problem = pack::output_problem(guard, "--zip", request.zip, lang);
      !problem.empty())
    return problem;
  return pack::output_problem(guard, "-o", request.report, lang);
}

// `path` absolute and lexically normal, with no system call: the walk and the plan name the
// same file by the same text (links are resolved later, by resolve_sources).
std::string real_path(const std::string& path, const fs::path& cwd)
{
  const fs::path p(path);
  return (p.is_absolute() ? p : cwd / p).lexically_normal().string();
}

// Where in works.yaml a document left out goes: under `documents:` when its name names a
// document of the unit's (情况报告-单位.docx), else the places the rule set's documents of its
// format have (a work's script:, the unit's documents:), and which forms pack makes itself.
Text document_place(const SubmissionFile& f, const rules::RuleSet& rules)
{
  for (const auto& doc : rules.documents)
    if (doc.per == rules::DocumentScope::unit && !manifest::is_generated_form(doc.kind) &&
        rules.names_document(doc, f.name))
      return {"要提交的话，写在 works.yaml 的 documents 下：" + doc.kind + ": " + f.path,
              "to submit it, list it under documents: " + doc.kind + ": " + f.path};
  std::vector<std::string> zh, en, unit_kinds, forms;
  for (const auto& doc : rules.documents) {
    if (manifest::is_generated_form(doc.kind)) {
      forms.push_back(doc.kind);
      continue;
    }
    if (!doc.takes_extension(f.extension))
      continue;
    if (doc.per == rules::DocumentScope::unit) {
      unit_kinds.push_back(doc.kind);
      continue;
    }
    const std::string key = manifest::work_file_key(doc.kind);
    if (key.empty())
      continue;
    const std::string names = doc.kind + (doc.aliases.empty() ? "" : "、" + doc.aliases.front());
    zh.push_back("写在作品的 files 下：" + key + ":（" + names + "）");
    en.push_back("list it under the work's files: " + key + ": (" + util::join(doc.names(), ", ") +
                 ")");
  }
  if (!unit_kinds.empty()) {
    zh.push_back("单位的" + util::join(unit_kinds, "、") + "写在 works.yaml 的 documents 下（如 " +
                 unit_kinds.front() + ": 文件的路径）");
    en.push_back("the unit's " + util::join(unit_kinds, ", ") + " under documents (" +
                 unit_kinds.front() + ": PATH)");
  }
  Text out = zh.empty() ? Text{"通知没有要求这种文档", "the notice asks for no such document"}
                        : Text{"要提交的话，" + util::join(zh, "；或"),
                               "to submit it, " + util::join(en, "; or ")};
  if (!forms.empty()) {
    out.zh += "；" + util::join(forms, "、") + "由 pack 生成";
    out.en += "; pack makes the forms (" + util::join(forms, ", ") + ")";
  }
  return out;
}

Text left_out_reason(const SubmissionFile& f, bool from_manifest, const rules::RuleSet& rules)
{
  if (f.kind == FileKind::junk)
    return {"系统或软件留下的文件，不提交", "left by the system or an app; never submitted"};
  if (naming::in_fix_originals(f.path))
    return {"mpcheck fix 保留的原文件（修复后的文件代替了它），不提交",
            "an original mpcheck fix kept (the fixed file replaced it); never submitted"};
  if (from_manifest && f.kind == FileKind::document) {
    const Text place = document_place(f, rules);
    return {"works.yaml 里没有写到它；" + place.zh, "works.yaml does not name it; " + place.en};
  }
  if (from_manifest && f.kind == FileKind::other)
    return {"works.yaml 里没有写到它；不是视频、音频、图片或文档，不提交",
            "works.yaml does not name it; not a video, audio, picture or document: never "
            "submitted"};
  if (from_manifest) { // the key its kind goes under, in the work's files
    const Text key =
        f.kind == FileKind::image ? Text{"poster:（海报）或 qr:（二维码）", "poster: or qr:"}
        : f.kind == FileKind::courseware
            ? Text{"courseware:（课件）", "courseware:"}
            : Text{"video:（只有一个版本时），或 subtitled:（有字幕版）和 clean:（无字幕版）",
                   "video: (a single version), or subtitled: and clean: (the two versions)"};
    return {"works.yaml 里没有写到它；要提交的话，写在作品的 files 下：" + key.zh,
            "works.yaml does not name it; to submit it, list it under the work's files: " + key.en};
  }
  if (is_document_kind(f.kind)) {
    std::string kinds, per_work = "解说词";
    for (const auto& doc : rules.documents) {
      kinds += (kinds.empty() ? "" : "、") + doc.kind;
      if (doc.per == rules::DocumentScope::work)
        per_work = doc.kind;
    }
    return {"不是通知要求的文档（" + kinds + "）；若它是其中之一，请按“作品名-" + per_work +
                "-报送单位”改名，或写进 works.yaml",
            "not a document the notice asks for (" + kinds +
                "); if it is one of them, rename "
                "it 作品名-TYPE-报送单位, or describe it in works.yaml"};
  }
  return {"无法归类（不是视频、音频、图片或文档）；要提交的话，请写 works.yaml",
          "of no role (not a video, audio, picture or document); to submit it, describe it in "
          "works.yaml"};
}

// Applies --forms to the forms the unit filled in and lists every file of SRC that stays off
// the drive. From a manifest, a form in SRC that works.yaml does not name is still the unit's
// (kept unless --forms generate); from the names, the plan carries it already.
void sort_material(Prepared& prepared, const Submission& names, const rules::RuleSet& rules,
                   FormsMode mode)
{
  const bool from_manifest = prepared.manifest.has_value();
  auto& files = prepared.plan.files;
  const Text replaced = {"--forms generate：以生成的表格代替",
                         "--forms generate: the generated form replaces it"};
  const fs::path cwd = fs::current_path();
  std::map<std::string, size_t> planned_at; // source path → index in files
  for (size_t i = 0; i < files.size(); ++i)
    planned_at.emplace(real_path(files[i].source, cwd), i);
  const std::string manifest_file = from_manifest ? real_path(prepared.manifest->file, cwd) : "";
  std::set<size_t> dropped;
  for (const auto& f : names.files) {
    const std::string real = real_path(f.abs_path, cwd);
    const auto at = planned_at.find(real);
    const layout::PlannedFile* planned = at == planned_at.end() ? nullptr : &files[at->second];
    // The kind by the name it lands under: works.yaml's `documents:` names a form by its kind.
    const std::string kind = !is_document_kind(f.kind) ? ""
                             : planned
                                 ? form_kind(rules, fs::path(planned->dest).filename().string())
                                 : form_kind(rules, f.name);
    // A form of the unit's (not a work's document that works.yaml names).
    const bool unit_form = !kind.empty() && (!planned || planned->work.empty());
    if (unit_form && mode == FormsMode::generate) {
      if (planned)
        dropped.insert(at->second);
      prepared.left_out.push_back({f.path, replaced});
      continue;
    }
    if (planned || real == manifest_file)
      continue;
    if (unit_form) { // from a manifest that does not name it: still the unit's form
      files.push_back({f.abs_path, layout::folder_prefix(rules, kind) + f.name, kind, ""});
      continue;
    }
    prepared.left_out.push_back({f.path, left_out_reason(f, from_manifest, rules)});
  }
  for (auto i = dropped.rbegin(); i != dropped.rend(); ++i)
    files.erase(files.begin() + std::ptrdiff_t(*i));
  for (const auto& f : files)
    if (f.work.empty() && !form_kind(rules, fs::path(f.dest).filename()).empty())
      prepared.kept_forms.push_back(f.dest);
}

// The 授课记录 pack is to generate with a cell the notice asks for still empty: a manifest
// error at the lecture, as for a value still TODO, rather than a blank record handed over.
// The cells only the form has are said beside the forms generated.
void vet_lecture_record(Prepared& prepared, const rules::RuleSet& rules, const Request& request,
                        Lang lang)
{
  if (!generates_lecture_record(rules, prepared.plan, request.forms))
    return;
  if (!prepared.manifest) { // the names only: one blank record, to fill in by hand
    const std::string init = "mpcheck init " + checks::shell_quote(request.src) + " --rules " +
                             checks::shell_quote(request.rules);
    prepared.form_gaps.push_back(
        say(lang,
            "没有 works.yaml，授课记录是一张空白表：请手工填写，或运行 " + init +
                " 写出 works.yaml，在 lectures 下填好每次讲课后再打包",
            "no works.yaml, so the 授课记录 is a blank form: fill it in by hand, or run " + init +
                " --lang en to write works.yaml and fill in each lecture under lectures before "
                "packing"));
    return;
  }
  const manifest::Manifest& m = *prepared.manifest;
  std::vector<rules::RuleError> problems;
  for (const manifest::RecordGap& gap : manifest::record_gaps(m, rules)) {
    rules::RuleError error = manifest::gap_error(gap, m.file, lang);
    if (gap.required)
      problems.push_back(std::move(error));
    else
      prepared.form_gaps.push_back(error.what());
  }
  if (!problems.empty())
    throw manifest::ManifestError(std::move(problems), m.text, lang);
}

} // namespace

Material read_material(const std::string& src, const std::string& manifest_path,
                       const std::string& unit, const rules::RuleSet& rules, Lang lang,
                       bool with_names)
{
  Material material;
  const std::string path =
      !manifest_path.empty() ? manifest_path : (fs::path(src) / "works.yaml").string();
  std::error_code ec;
  if (!manifest_path.empty() || fs::exists(path, ec)) {
    // Throws RuleError with FILE:LINE:COL, also for a source outside SRC.
    material.manifest = manifest::load_manifest(path, rules, src, lang);
    if (!unit.empty() && unit != material.manifest->unit)
      throw rules::RuleError(
          path, 0, 0,
          say(lang, "清单的报送单位“" + material.manifest->unit + "”与 --unit“" + unit + "”不同",
              "the manifest's unit '" + material.manifest->unit + "' differs from --unit '" + unit +
                  "'"));
    material.unit = material.manifest->unit;
    if (!with_names)
      return material;
  } else {
    material.unit = unit;
  }
  // Names only: the media are probed once, on the drive, by the check after.
  material.names = gather::assemble(scan::walk({src}), {}, rules);
  if (material.unit.empty()) {
    // No works.yaml and no --unit: the unit the works' names carry (most of them), so that
    // the forms are 汇总表-钟楼区委组织部.docx, not 汇总表-.docx.
    std::map<std::string, int> count;
    for (const Work& w : material.names.works)
      if (!w.unit.empty() && ++count[w.unit] > count[material.unit])
        material.unit = w.unit;
  }
  return material;
}

Prepared prepare(const Request& request, const rules::RuleSet& rules)
{
  Prepared prepared;
  const Lang lang = request.lang;
  std::error_code ec;
  if (!fs::is_directory(request.src, ec)) {
    prepared.status = Prepared::Status::usage;
    prepared.error =
        say(lang,
            fs::exists(request.src, ec)
                ? fmt::format("{}：不是文件夹；pack 要的是放着单位材料的文件夹", request.src)
                : fmt::format("{}：这个文件夹不存在", request.src),
            fs::exists(request.src, ec)
                ? fmt::format("{}: not a folder; pack takes the folder of the unit's material",
                              request.src)
                : fmt::format("{}: no such folder", request.src));
    return prepared;
  }
  try {
    Material material = read_material(request.src, request.manifest, request.unit, rules, lang,
                                      /*with_names=*/true);
    prepared.manifest = std::move(material.manifest);
    prepared.unit = material.unit;
    if (prepared.manifest) {
      prepared.plan = layout::plan_from_manifest(*prepared.manifest, rules);
    } else {
      prepared.plan = layout::plan_from_submission(material.names, rules, request.unit);
      for (const auto& p : material.names.problems)
        if (p.error == "symlink-outside") // never opened, never copied
          prepared.plan.problems.push_back({p.path, symlink_outside(p.link)});
    }
    sort_material(prepared, material.names, rules, request.forms);
    vet_lecture_record(prepared, rules, request, lang);
  } catch (const rules::RuleError& e) {
    prepared.status = Prepared::Status::usage;
    prepared.error = e.what();
    return prepared;
  }
  resolve_sources(prepared.plan, request.src, prepared.links);
  if (std::string problem = output_problem(request, prepared); !problem.empty()) {
    prepared.status = Prepared::Status::usage;
    prepared.error = problem;
    return prepared;
  }
  if (!prepared.plan.problems.empty()) {
    prepared.status = Prepared::Status::refused;
    return prepared;
  }
  try {
    prepared.plan.generated = generate_forms(rules, prepared.manifest, prepared.unit, prepared.plan,
                                             request.as_of, request.forms);
  } catch (const std::exception& e) {
    prepared.status = Prepared::Status::runtime;
    prepared.error = e.what();
    return prepared;
  }
  // A form names its unit (授课记录-第一党支部.docx, the 党支部 cell): with no unit known
  // (no --unit, no works.yaml, names without one) it would be "授课记录-.docx" with that cell
  // empty (QA R4). Said before anything is written.
  if (prepared.unit.empty() && !prepared.plan.generated.empty()) {
    prepared.status = Prepared::Status::usage;
    prepared.error = say(
        lang,
        fmt::format(
            "不知道报送单位：生成的{}需要写上单位名称，文件名里也看不出单位。请加 "
            "--unit 单位全称（或在 works.yaml 里写 unit:）后再运行",
            form_kind(rules, fs::path(prepared.plan.generated.front().dest).filename().string())),
        fmt::format("the submitting unit is not known: the form to generate ({}) names it, and "
                    "no file name does. Add --unit with the unit's full name (or unit: in "
                    "works.yaml) and run again",
                    prepared.plan.generated.front().dest));
  }
  return prepared;
}

ExecuteResult dry_run(const Prepared& prepared, const std::string& out, bool clean)
{
  ExecuteOptions options;
  options.dry_run = true;
  options.clean = clean;
  return execute(prepared.plan, out, options);
}

std::string removed_text(const std::vector<std::string>& removed, bool dry, Lang lang)
{
  if (removed.empty())
    return "";
  std::string out = lang == Lang::en
                        ? fmt::format("{} {} files this pack does not produce (--clean):\n",
                                      dry ? "Would remove" : "Removed", removed.size())
                        : fmt::format("{}删除 {} 个不是这次打包产生的文件（--clean）：\n",
                                      dry ? "将" : "已", removed.size());
  for (const std::string& path : removed)
    out += "  " + report::single_line(path) + "\n";
  return out;
}

std::string plan_text(const Prepared& prepared, const ExecuteResult& dry, Lang lang)
{
  std::string out =
      say(lang, "打包计划（试运行，未写入任何文件）：\n", "Plan (dry run, nothing written):\n");
  out += links_text(prepared.links, lang);
  for (const auto& f : prepared.plan.files)
    out += fmt::format("  {}\n→ {}\n", report::single_line(f.source), report::single_line(f.dest));
  return out + contents_text(prepared, lang) + removed_text(dry.extra, true, lang);
}

std::string contents_text(const Prepared& prepared, Lang lang)
{
  std::string out;
  if (!prepared.left_out.empty()) {
    out += say(lang, fmt::format("未打包的源文件（{} 个）：\n", prepared.left_out.size()),
               fmt::format("Source files left out ({}):\n", prepared.left_out.size()));
    for (const auto& l : prepared.left_out)
      out += fmt::format(fmt::runtime(lang == Lang::en ? "  {}: {}\n" : "  {}：{}\n"),
                         report::single_line(l.path), l.why.in(lang));
  }
  if (!prepared.kept_forms.empty()) {
    out +=
        say(lang, "单位填写的表格（原样保留）：\n", "The unit's own forms (kept as they are):\n");
    for (const auto& dest : prepared.kept_forms)
      out += "  " + report::single_line(dest) + "\n";
  }
  if (!prepared.plan.generated.empty()) {
    out += say(lang, "生成的表格（请核对、盖章）：\n", "Forms generated (check, then seal):\n");
    for (const auto& g : prepared.plan.generated)
      out += "  " + report::single_line(g.dest) + "\n";
  }
  if (!prepared.form_gaps.empty()) {
    out += say(lang, "生成的授课记录里的空栏：\n", "Empty cells of the generated 授课记录:\n");
    for (const auto& gap : prepared.form_gaps)
      out += "  " + report::single_line(gap) + "\n";
  }
  return out;
}

// Hands each video of `plan` to `early` as soon as it is on the drive: alone, or with the
// other version of its programme once both are there.
std::function<void(const std::string&)> hand_over(const layout::PackPlan& plan,
                                                  gather::EarlyAnalyses& early)
{
  struct Versions {
    std::string subtitled, clean;
    int in_place = 0;
  };
  auto roles = std::make_shared<std::map<std::string, std::pair<std::string, std::string>>>();
  auto pairs = std::make_shared<std::map<std::string, Versions>>();
  for (const layout::PlannedFile& f : plan.files) {
    roles->emplace(f.dest, std::pair{f.role, f.work});
    if (f.role == "subtitled")
      (*pairs)[f.work].subtitled = f.dest;
    else if (f.role == "clean")
      (*pairs)[f.work].clean = f.dest;
  }
  return [roles, pairs, &early](const std::string& dest) {
    const auto it = roles->find(dest);
    if (it == roles->end())
      return;
    const auto& [role, work] = it->second;
    if (role == "video" || role == "episode") {
      early.single(dest);
    } else if (role == "subtitled" || role == "clean") {
      Versions& v = (*pairs)[work];
      if (++v.in_place == 2 && !v.subtitled.empty() && !v.clean.empty())
        early.pair(v.subtitled, v.clean);
    }
  };
}

Packed execute_and_check(const layout::PackPlan& plan, const std::string& out,
                         ExecuteOptions options, gather::RunOptions check,
                         const rules::RuleSet& rules, Lang lang,
                         const std::function<void()>& before_check)
{
  Packed packed;
  // The videos are analysed while the copy goes on (each from the drive, once it is there),
  // so the check at the end mostly collects what is done.
  // Small documents are classified from the bytes written (not with --verify: then the check
  // reads the drive back, as the copy did).
  std::optional<gather::EarlyAnalyses> early;
  if (!options.dry_run) {
    early.emplace(out, gather::analyze_options(check), check.jobs);
    if (check.decode)
      options.on_in_place = hand_over(plan, *early);
    if (!options.verify)
      options.on_small_file = [&early](const std::string& dest, std::string_view bytes) {
        early->written(dest, bytes);
      };
    check.known = &*early;
  }
  options.make_report = [&](const std::vector<FileResult>& files,
                            const std::string& manifest_text) -> std::optional<std::string> {
    if (before_check)
      before_check();
    // Pack hashed every file as it wrote it (or has its digest from the resume state, re-read
    // with --verify): the check verifies the manifest with those digests, reading nothing
    // again.
    for (const auto& f : files)
      if (!f.sha256.empty())
        check.known_sha256.emplace(f.dest, f.sha256);
    check.pending_manifest = manifest_text;
    packed.report = gather::run_check(out, rules, check);
    return report::check_text(packed.report, {lang, false, false});
  };
  packed.result = execute(plan, out, options);
  return packed;
}

std::string packed_text(const Packed& packed, const Prepared& prepared, const std::string& out,
                        Lang lang)
{
  const auto& files = packed.result.files;
  const auto copied = size_t(
      std::count_if(files.begin(), files.end(), [](const FileResult& f) { return f.copied; }));
  return links_text(prepared.links, lang) + contents_text(prepared, lang) +
         removed_text(packed.result.extra, false, lang) +
         say(lang,
             fmt::format("已打包到 {}：复制 {} 个文件（{} 个已在目标盘上且未改动，不再复制），清单 "
                         "manifest-sha256.txt。\n\n",
                         out, copied, files.size() - copied),
             fmt::format("Packed into {}: {} files copied ({} already on the target and unchanged, "
                         "not copied again), "
                         "manifest-sha256.txt.\n\n",
                         out, copied, files.size() - copied));
}

} // namespace mpcheck::pack
