#include "mpcheck/pack/job.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/pack/forms.hpp"
#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/outputs.hpp"
#include "mpcheck/pack/space.hpp"
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/scan/walk.hpp"

namespace mpcheck::pack {

namespace {

namespace fs = std::filesystem;

std::string say(Lang lang, const std::string& zh, const std::string& en)
{
  return lang == Lang::en ? en : zh;
}

bool inside(const fs::path& child, const fs::path& parent)
{
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(child, ec), p = fs::weakly_canonical(parent, ec);
  return std::mismatch(p.begin(), p.end(), c.begin(), c.end()).first == p.end();
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
  if (inside(request.out, request.src) || inside(request.src, request.out))
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
  return material;
}

Prepared prepare(const Request& request, const rules::RuleSet& rules)
{
  Prepared prepared;
  const Lang lang = request.lang;
  try {
    Material material = read_material(request.src, request.manifest, request.unit, rules, lang);
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
    prepared.plan.generated =
        generate_forms(rules, prepared.manifest, prepared.unit, prepared.plan, request.as_of);
  } catch (const std::exception& e) {
    prepared.status = Prepared::Status::runtime;
    prepared.error = e.what();
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
    out += "  " + path + "\n";
  return out;
}

std::string plan_text(const Prepared& prepared, const ExecuteResult& dry, Lang lang)
{
  std::string out =
      say(lang, "打包计划（试运行，未写入任何文件）：\n", "Plan (dry run, nothing written):\n");
  out += links_text(prepared.links, lang);
  for (const auto& f : prepared.plan.files)
    out += fmt::format("  {}\n→ {}\n", f.source, f.dest);
  for (const auto& g : prepared.plan.generated)
    out += fmt::format("  {} {}\n", say(lang, "生成", "generate"), g.dest);
  return out + removed_text(dry.extra, true, lang);
}

Packed execute_and_check(const layout::PackPlan& plan, const std::string& out,
                         ExecuteOptions options, gather::RunOptions check,
                         const rules::RuleSet& rules, Lang lang,
                         const std::function<void()>& before_check)
{
  Packed packed;
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

std::string packed_text(const Packed& packed, const std::vector<Link>& links,
                        const std::string& out, Lang lang)
{
  const auto& files = packed.result.files;
  const auto copied = size_t(
      std::count_if(files.begin(), files.end(), [](const FileResult& f) { return f.copied; }));
  return links_text(links, lang) + removed_text(packed.result.extra, false, lang) +
         say(lang,
             fmt::format("已打包到 {}：复制 {} 个文件（{} 个已存在且校验一致），清单 "
                         "manifest-sha256.txt。\n\n",
                         out, copied, files.size() - copied),
             fmt::format("Packed into {}: {} files copied ({} already there and verified), "
                         "manifest-sha256.txt.\n\n",
                         out, copied, files.size() - copied));
}

} // namespace mpcheck::pack
