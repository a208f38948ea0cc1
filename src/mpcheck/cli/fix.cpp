// mpcheck fix PATH… --rules R [--unit U] [--out DIR | --in-place] [--dry-run] [--trim]
//              [--pillarbox] [--quiet] [--no-color] [--lang zh|en] [-j N] [-o FILE]
// Checks each PATH, plans the least work that makes each failing video pass (fix/plan.hpp),
// prints the plan, carries it out in-process (fix/transcode.hpp), checks every output again
// with the same rules and prints before/after for each finding (docs/fix.md).
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/progress.hpp"
#include "mpcheck/core/system_errors.hpp"
#include "mpcheck/fix/apply.hpp"
#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/report/words.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/util/date.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::cli {

namespace {

namespace fs = std::filesystem;

struct FixCommand {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string rules;
  std::string unit;
  std::string out;
  bool in_place = false;
  bool dry_run = false;
  bool trim = false;
  bool pillarbox = false;
};

// One video to fix: its plan, where it came from and where it goes.
struct Item {
  fix::Plan plan;
  std::vector<Finding> before; // its findings before
  fix::Destination dest;
  std::string error; // the conversion failed
  std::vector<Finding> after;
  std::optional<DeepFacts> after_deep; // the output's decoded facts (re-measured)
  bool rechecked = false;
  // The proof of a remux (docs/fix.md, "The proof"): what decoding learnt of the source, the
  // digest of the packets copied, and whether the output read back holds the same.
  std::optional<DeepFacts> source_deep;
  std::optional<std::pair<std::string, std::string>> pair_sources; // subtitled, clean
  std::optional<PairComparison> pair_comparison;
  fix::PacketDigest digest;
  bool converted = false; // the conversion waits under its temporary name
  bool proven = false;
  bool withdrawn = false;     // failed the re-check: the output removed, the original back
  std::string withdraw_error; // … or why that could not be done
};

std::string pick(Lang lang, const Text& t)
{
  return lang == Lang::en ? t.en : t.zh;
}

std::string pick(Lang lang, const char* zh, const char* en)
{
  return lang == Lang::en ? en : zh;
}

const rules::MediaRules& media_rules(const Submission& sub, const SubmissionFile& file,
                                     const rules::RuleSet& rules)
{
  return rules.rules_for(file.work >= 0 ? sub.works[size_t(file.work)].category : "").media;
}

fs::path normal_absolute(const std::string& path)
{
  return fs::absolute(path).lexically_normal();
}

// The folder a drive target names.
fs::path drive_base(const gather::Target& target)
{
  const fs::path root = normal_absolute(target.paths.front());
  return root.has_filename() ? root : root.parent_path();
}

// Whether the target judges `file` by the name pack gives it (pack's material, works.yaml).
bool judged(const gather::Target& target, const SubmissionFile& file)
{
  return target.judged_as.count(gather::judged_key(file.abs_path)) > 0;
}

// The works.yaml of pack's material that lists `source`: the nearest one above it.
std::string material_works(const fs::path& source)
{
  std::error_code ec;
  for (fs::path dir = source.parent_path(); dir.has_relative_path(); dir = dir.parent_path())
    if (fs::is_regular_file(dir / "works.yaml", ec))
      return (dir / "works.yaml").string();
  return "";
}

// Where the fixed file of `file` goes, and with --in-place where its original goes.
fix::Destination destination(const FixCommand& cmd, const gather::Target& target,
                             const SubmissionFile& file, const std::string& out_name)
{
  fix::Destination d;
  const fs::path source(file.abs_path);
  if (!cmd.in_place) {
    const fs::path rel = target.scope == Scope::drive ? fs::path(file.path).parent_path() : "";
    d.final_path = (fs::path(cmd.out) / rel / out_name).lexically_normal().string();
    return d;
  }
  d.final_path = (source.parent_path() / out_name).string();
  if (target.scope == Scope::drive) {
    const fs::path base = drive_base(target);
    // Where the file really is below the folder (a file of pack's material is judged by its
    // name on the drive, but its original is kept where it was).
    const fs::path rel = normal_absolute(file.abs_path).lexically_relative(base);
    d.original_to = (base.parent_path() / fix::originals_folder / base.filename() / rel)
                        .lexically_normal()
                        .string();
    d.works_yaml = gather::works_yaml_of(target);
  } else {
    d.original_to = (source.parent_path() / fix::originals_folder / source.filename()).string();
    if (judged(target, file))
      d.works_yaml = material_works(normal_absolute(file.abs_path));
  }
  return d;
}

// pack's material (a folder holding works.yaml, or files a works.yaml above them lists): each
// file works.yaml lists is judged by the name pack gives it on the drive, so that fix mends
// what pack's check of the drive reports — 红色记忆（有字幕）.mp4 says no category, works.yaml
// does. Throws the manifest's RuleError (a works.yaml pack would refuse).
void judge_material(gather::Targets& planned, const rules::RuleSet& rules, Lang lang)
{
  std::map<std::string, std::map<std::string, std::string>> plans; // works.yaml → source → dest
  const auto plan_of = [&](const std::string& works) -> const std::map<std::string, std::string>& {
    if (const auto it = plans.find(works); it != plans.end())
      return it->second;
    const manifest::Manifest manifest = manifest::load_manifest(works, rules, "", lang);
    std::map<std::string, std::string> dests;
    for (const auto& f : layout::plan_from_manifest(manifest, rules).files)
      dests[gather::judged_key(f.source)] = f.dest;
    return plans.emplace(works, std::move(dests)).first->second;
  };
  for (auto& target : planned.targets) {
    if (target.scope == Scope::drive) {
      if (const std::string works = gather::works_yaml_of(target); !works.empty())
        target.judged_as = plan_of(works);
      continue;
    }
    for (const std::string& path : target.paths) {
      const std::string source = gather::judged_key(path);
      const std::string works = material_works(source);
      if (works.empty())
        continue;
      const auto& dests = plan_of(works);
      if (const auto it = dests.find(source); it != dests.end()) // loose files: by name alone
        target.judged_as[source] = fs::path(it->second).filename().string();
    }
  }
}

// How a file of the target is named to the user: its path as the check names it, or for a
// file judged by its name on the drive, where it really is (below the folder, or as given).
std::string shown_path(const gather::Target& target, const SubmissionFile& file)
{
  if (!judged(target, file))
    return file.path;
  const fs::path real = normal_absolute(file.abs_path);
  if (target.scope == Scope::drive)
    return real.lexically_relative(drive_base(target)).string();
  return real.lexically_relative(fs::current_path()).string();
}

bool named(const std::vector<fix::Blocker>& list, const std::string& check)
{
  return std::any_of(list.begin(), list.end(),
                     [&](const fix::Blocker& b) { return b.check == check; });
}

// A video of no known category where the category decides what to make of it: check held
// it to no picture rule, so its silence is no pass (docs/fix.md). Stands under the name
// finding that says so (name.category for a category none of the notice's, else
// name.pattern).
std::optional<fix::Blocker> unknown_category(const checks::CheckReport& report,
                                             const SubmissionFile& file,
                                             const rules::RuleSet& rules)
{
  const Submission& sub = report.submission;
  const std::string category = file.work >= 0 ? sub.works[size_t(file.work)].category : "";
  const bool named_category =
      std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
        return f.path == file.path && f.check == "name.category";
      });
  return fix::unknown_category(rules, category, named_category ? "name.category" : "name.pattern");
}

// What the check before found to do: the plans, and the files of pack's material that
// works.yaml does not list (pack leaves them off the drive, so fix leaves them alone).
struct Planned {
  std::vector<Item> items;
  std::vector<std::string> unlisted; // as shown: their path below the folder
};

// The plans of one checked target: every video with a finding fix acts on or an error it
// cannot mend, the two versions of a pair with the same settings (or both refused when they
// are not the same programme). In pack's material, only the files works.yaml lists: a file
// it does not list (a photo, an old draft) pack never packs, so it is named in `unlisted`,
// neither fixed nor refused (docs/fix.md).
std::vector<Item> plan_target(const FixCommand& cmd, const gather::Target& target,
                              const checks::CheckReport& report, const rules::RuleSet& rules,
                              std::vector<std::string>& unlisted)
{
  const Submission& sub = report.submission;
  fix::PlanOptions options{cmd.trim, cmd.pillarbox, cmd.unit};
  const bool material = !gather::works_yaml_of(target).empty();
  const auto listed = [&](const SubmissionFile& file) { return !material || judged(target, file); };
  std::vector<Item> items;
  std::vector<int> item_of(sub.files.size(), -1);
  for (size_t i = 0; i < sub.files.size(); ++i) {
    const SubmissionFile& file = sub.files[i];
    // A video and, to say it cannot be mended, an empty file named as one, or a picture or a
    // sound given as a work's video (初心-微视频-单位.jpg: check calls it video.missing).
    const bool empty_video = file.size == 0 && gather::kind_of_path(file.path) == FileKind::video;
    const bool no_video =
        std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
          return f.path == file.path && f.check == "video.missing" && f.severity == Severity::error;
        });
    if (file.kind != FileKind::video && !empty_video && !no_video)
      continue;
    Item item;
    item.plan =
        fix::plan_file(file, report.findings, rules, media_rules(sub, file, rules), options);
    if (file.kind == FileKind::video)
      if (auto blocker = unknown_category(report, file, rules))
        item.plan.blockers.push_back(std::move(*blocker));
    if (!item.plan.needed() && item.plan.complete())
      continue;
    if (!listed(file)) {
      unlisted.push_back(file.path);
      continue;
    }
    item.plan.path = shown_path(target, file);
    for (const auto& f : report.findings)
      if (f.path == file.path)
        item.before.push_back(f);
    item.dest = destination(cmd, target, file, item.plan.out_name);
    item.source_deep = file.facts.deep;
    item_of[i] = int(items.size());
    items.push_back(std::move(item));
  }
  for (const auto& pair : sub.pairs) {
    const int a = pair.subtitled >= 0 ? item_of[size_t(pair.subtitled)] : -1;
    const int b = pair.clean >= 0 ? item_of[size_t(pair.clean)] : -1;
    if (a >= 0 && b >= 0) {
      // Not the same programme, swapped names: neither version is converted.
      fix::Plan &pa = items[size_t(a)].plan, &pb = items[size_t(b)].plan;
      for (auto [from, to] : {std::pair{&pa, &pb}, std::pair{&pb, &pa}})
        for (const auto& blocker : std::vector<fix::Blocker>(from->blockers))
          if (fix::pair_blocker(blocker.check) && !named(to->blockers, blocker.check))
            to->blockers.push_back(blocker);
      fix::align_pair(pa, pb);
      if (pair.compared)
        for (const int i : {a, b}) {
          items[size_t(i)].pair_sources = {sub.files[size_t(pair.subtitled)].abs_path,
                                           sub.files[size_t(pair.clean)].abs_path};
          items[size_t(i)].pair_comparison = pair.comparison;
        }
    } else if (a >= 0 || b >= 0) {
      // The twin needs nothing itself, but a re-encoded version must stay its same programme.
      Item& lone = items[size_t(a >= 0 ? a : b)];
      const int twin = a >= 0 ? pair.clean : pair.subtitled;
      if (twin < 0 || !lone.plan.encode_video || !lone.plan.fixable() ||
          !listed(sub.files[size_t(twin)]))
        continue;
      const SubmissionFile& file = sub.files[size_t(twin)];
      Item item;
      item.plan =
          fix::plan_file(file, report.findings, rules, media_rules(sub, file, rules), options);
      item.plan.path = shown_path(target, file);
      fix::align_pair(lone.plan, item.plan);
      item.dest = destination(cmd, target, file, item.plan.out_name);
      items.push_back(std::move(item));
    }
  }
  return items;
}

// "：" in Chinese text, ": " in English.
const char* colon(Lang lang)
{
  return lang == Lang::en ? ": " : "：";
}

std::string finding_line(const Finding& f, Lang lang)
{
  return f.check + colon(lang) + pick(lang, f.message);
}

// The plan converts the file: nothing blocks it and there is work to do.
bool converts(const Item& item)
{
  return item.plan.fixable() && item.plan.needed();
}

std::string blocker_lines(const std::vector<fix::Blocker>& list, Lang lang)
{
  std::string out;
  for (const auto& b : list)
    out += "    " + b.check + colon(lang) + pick(lang, b.why) + "\n";
  return out;
}

// The files of pack's material works.yaml does not list, named once: left alone, as pack
// leaves them off the drive; they neither fail the fix nor count in its exit code.
std::string unlisted_text(const std::vector<std::string>& unlisted, Lang lang)
{
  if (unlisted.empty())
    return "";
  std::string out = pick(lang, "未列入 works.yaml，未处理（mpcheck pack 也不会打包它们）：",
                         "not listed in works.yaml, left alone (mpcheck pack does not pack them "
                         "either):") +
                    "\n";
  for (const auto& path : unlisted)
    out += "  " + report::single_line(path) + "\n";
  return out;
}

std::string plan_text(const Item& item, Lang lang)
{
  std::string out = report::single_line(item.plan.path) + "\n";
  for (const auto& f : item.before)
    if (fix::fixable_check(f.check) || named(item.plan.blockers, f.check) ||
        named(item.plan.left, f.check) || named(item.plan.warnings, f.check))
      out += "  " + pick(lang, "问题", "finding") + " " + finding_line(f, lang) + "\n";
  if (!item.plan.warnings.empty())
    out += "  " +
           pick(lang, "提醒（转换改不了，只是提醒，不影响修复和复查结果）：",
                "warnings (no conversion mends them; they do not stop the fix nor fail it):") +
           "\n" + blocker_lines(item.plan.warnings, lang);
  if (!item.plan.fixable()) {
    out += "  " + pick(lang, "无法自动修复：", "cannot be fixed:") + "\n";
    return out + blocker_lines(item.plan.blockers, lang);
  }
  if (!item.plan.left.empty()) {
    out +=
        "  " +
        pick(lang,
             item.plan.needed()
                 ? "这个文件会照常修复；但下面这些 fix 做不到，要自己处理，处理好之前作品仍不合格"
                   "（所以结束时退出码为 1）："
                 : "这个文件本身不需要转换；但下面这些 fix 做不到，要自己处理，处理好之前作品"
                   "仍不合格（所以退出码为 1）：",
             item.plan.needed()
                 ? "this file is fixed as planned; what follows fix cannot do and is left to "
                   "you, and until it is done the work does not pass (so the exit code is 1):"
                 : "this file itself needs no conversion; what follows fix cannot do and is "
                   "left to you, and until it is done the work does not pass (so the exit "
                   "code is 1):") +
        "\n" + blocker_lines(item.plan.left, lang);
    if (!item.plan.needed())
      return out;
  }
  if (item.plan.fixes == std::vector<std::string>{"pair"})
    out += "  " +
           pick(lang, "与另一个版本用同样的设置重新编码（保持同一节目）",
                "re-encoded with the other version's settings (the same programme)") +
           "\n";
  out += "  " + pick(lang, "计划：", "plan:") + "\n";
  for (const auto& step : fix::describe(item.plan))
    out += "    · " + pick(lang, step) + "\n";
  out += "  → " + report::single_line(item.dest.final_path) + "\n";
  if (!item.dest.original_to.empty())
    out += "  " + pick(lang, "原文件移到：", "original moved to: ") +
           report::single_line(item.dest.original_to) + "\n";
  return out;
}

bool blocking(const Finding& f)
{
  return f.severity == Severity::error;
}

// A raised sound measured again: its true peak passes the limit (a tenth of a dB of
// measuring tolerance).
bool peak_over(const Item& item)
{
  return item.plan.gain_db > 0 && item.after_deep && item.after_deep->audio_measured &&
         item.after_deep->true_peak_dbtp > fix::true_peak_limit + 0.1;
}

// A finding of the re-check that keeps the output from counting as fixed: an error, one the
// plan addressed, or one fix could act on (the work's missing version aside).
bool failing(const Item& item, const Finding& f)
{
  return !named(item.plan.left, f.check) &&
         (blocking(f) || fix::fixable_check(f.check) ||
          std::find(item.plan.fixes.begin(), item.plan.fixes.end(), f.check) !=
              item.plan.fixes.end());
}

// Fixed: the re-check finds no failing finding; a raised sound stays under the true-peak
// limit. Warnings (audio.missing where sound is only advised) are allowed.
bool passes(const Item& item)
{
  if (!item.error.empty() || !item.rechecked || peak_over(item))
    return false;
  return std::none_of(item.after.begin(), item.after.end(),
                      [&](const Finding& f) { return failing(item, f); });
}

// The sound measured again after a gain: its loudness and true peak, and plainly what is
// wrong when the limit or the rule's range could not be met.
std::string sound_text(const Item& item, Lang lang)
{
  if (item.plan.gain_db == 0 || !item.after_deep || !item.after_deep->audio_measured)
    return "";
  const DeepFacts& d = *item.after_deep;
  std::string out =
      lang == Lang::en
          ? fmt::format("  measured again: {:.1f} LUFS, true peak {:.1f} dBTP (limit {:g} dBTP)\n",
                        d.loudness_lufs, d.true_peak_dbtp, fix::true_peak_limit)
          : fmt::format("  重新测量：响度 {:.1f} LUFS，真峰值 {:.1f} dBTP（上限 {:g} dBTP）\n",
                        d.loudness_lufs, d.true_peak_dbtp, fix::true_peak_limit);
  if (peak_over(item))
    out += "  " +
           pick(lang, "真峰值超过上限：声音会失真，请在剪辑软件中压低最响的部分后重新导出",
                "the true peak passes the limit: the sound would distort; lower its loudest "
                "parts in the editor and export again") +
           "\n";
  else if (item.plan.loudness.limiter &&
           std::any_of(item.after.begin(), item.after.end(),
                       [](const Finding& f) { return f.check == "audio.loudness"; }))
    out += "  " +
           pick(lang,
                "限幅后响度仍不在规定范围：声音的峰太多太响，只调音量和限幅做不到而不失真；"
                "请在剪辑软件中压低这些峰（或整体加压缩）后重新导出",
                "after the limiter the loudness is still outside the rule's range: the peaks "
                "are too many and too loud for a gain and a limiter without distortion; lower "
                "them (or compress the sound) in the editor and export again") +
           "\n";
  return out;
}

// A failed conversion or write in plain words: a full disk, a read-only one, no permission,
// the original that could not be moved; what to do about it. The libraries' words (strerror)
// stay only for what is not recognised.
std::string failure_text(const Item& item, Lang lang)
{
  const std::string& raw = item.error;
  const bool en = lang == Lang::en;
  const bool original = raw.find("the original") != std::string::npos;
  const std::string folder =
      fs::path(original ? item.dest.original_to : item.dest.final_path).parent_path().string();
  const auto has = [&](int e) { return raw.find(std::strerror(e)) != std::string::npos; };
  std::string why;
  if (has(ENOSPC))
    why =
        en ? fmt::format("the disk of {} is full: free some space, or write elsewhere with "
                         "--out DIR",
                         folder)
           : fmt::format("{} 所在的磁盘满了：请腾出空间，或用 --out 目录 写到空间够的地方", folder);
  else if (has(EROFS))
    why = en ? fmt::format("{} is on a read-only disk (a USB drive's write-protect switch?): "
                           "make it writable, or write elsewhere with --out DIR",
                           folder)
             : fmt::format("{} 在只读的磁盘上（U盘的写保护开关打开了？）：请让它可以写入，或用 "
                           "--out 目录 写到别处",
                           folder);
  else if (has(EACCES) || has(EPERM))
    why = en ? fmt::format("no permission to write in {}: write elsewhere with --out DIR", folder)
             : fmt::format("没有在 {} 里写入的权限：请用 --out 目录 写到别处", folder);
  std::string head = original
                         ? pick(lang, "原文件无法移到“原始文件”：", "the original cannot be kept: ")
                         : pick(lang, "转换失败：", "conversion failed: ");
  if (!why.empty())
    return head + why;
  // Not a disk the clerk can free or unlock: what the failed step means for the file, the
  // libraries' own words kept after it for whoever is asked for help.
  std::string meaning = original ? "" : fix::transcode_failure_meaning(raw).in(lang);
  if (meaning.empty()) // moving or renaming a file, or updating works.yaml
    meaning =
        pick(lang, "文件没能放到位：请确认视频所在的文件夹可以写入，没有被其他程序占用，然后再试",
             "a file could not be put in place: check that the video's folder can be "
             "written to and no other program holds it, then retry");
  return head + meaning + pick(lang, "（技术细节：", " (technical detail: ") + raw +
         pick(lang, "）", ")");
}

std::string result_text(const Item& item, Lang lang)
{
  std::string out = report::single_line(item.plan.path) + " → " +
                    report::single_line(item.dest.final_path) + "\n";
  if (!item.error.empty())
    return out + "  " + failure_text(item, lang) + "\n";
  for (const auto& f : item.before) {
    if (!fix::fixable_check(f.check))
      continue;
    const auto it = std::find_if(item.after.begin(), item.after.end(),
                                 [&](const Finding& a) { return a.check == f.check; });
    const std::string was = pick(lang, f.actual);
    const std::string now =
        it == item.after.end() ? pick(lang, "符合", "passes") : pick(lang, it->actual);
    out += fmt::format("  {}{}{} {} → {} {}\n", f.check, colon(lang),
                       pick(lang, "修复前", "before"), was, pick(lang, "修复后", "after"), now);
  }
  for (const auto& f : item.after)
    if (std::none_of(item.before.begin(), item.before.end(),
                     [&](const Finding& b) { return b.check == f.check; }))
      out += fmt::format("  {} {}\n", pick(lang, "修复后仍有", "after:"), finding_line(f, lang));
  if (item.proven)
    out += "  " +
           pick(lang,
                "输出的每个数据包与原文件逐字节相同（已读回核对）：解码才能查的项目（响度、黑场、"
                "隔行、损坏…）沿用修复前对原文件的检查结果，其余项目重新检查",
                "every packet of the output is the source's, byte for byte (read back and "
                "compared): what decoding checks (loudness, black, interlace, damage…) is the "
                "source's result from before; the rest is checked again") +
           "\n";
  else if (!item.digest.streams.empty())
    out += "  " +
           pick(lang, "输出的数据包与原文件不完全相同：已完整解码复查",
                "the output's packets differ from the source's: checked again with decoding") +
           "\n";
  out += sound_text(item, lang);
  if (passes(item)) {
    out += "  " +
           (item.plan.left.empty()
                ? pick(lang, "已修复：复查通过", "fixed: passes the check again")
                : pick(lang, "这个文件已修复：复查通过；作品还不合格，见下面“仍需自己处理”",
                       "this file is fixed: it passes the check again; the work does not pass "
                       "yet, see \"still to be done by hand\" below")) +
           "\n";
    std::string warned;
    for (const auto& f : item.after)
      if (f.severity == Severity::warning && !named(item.plan.left, f.check))
        warned += "    " + finding_line(f, lang) + "\n";
    if (!warned.empty())
      out += "  " + pick(lang, "仍有提醒（不影响通过）：", "warnings left (they do not fail it):") +
             "\n" + warned;
  } else {
    out += "  " + pick(lang, "未修复：复查仍不通过：", "not fixed: the check still fails:") + "\n";
    for (const auto& f : item.after)
      if (failing(item, f))
        out += "    " + finding_line(f, lang) + "\n";
    if (peak_over(item))
      out += "    " + pick(lang, "真峰值超过上限", "the true peak passes the limit") + "\n";
    if (!item.rechecked)
      out += "    " + pick(lang, "输出无法复查", "the output could not be checked again") + "\n";
    if (item.withdrawn)
      out += "  " +
             (item.dest.original_to.empty()
                  ? pick(lang, "没有通过的输出已删除，不留在最终文件名下",
                         "the failing output was removed: nothing is left under its final name")
                  : pick(lang, "没有通过的输出已删除，原文件已放回原处",
                         "the failing output was removed and the original put back")) +
             "\n";
    else if (!item.withdraw_error.empty())
      out += "  " +
             pick(lang, "没有通过的输出无法撤回：", "the failing output cannot be withdrawn: ") +
             item.withdraw_error + "\n";
  }
  if (!item.plan.left.empty())
    out += "  " +
           pick(lang, "仍需自己处理（fix 做不到；处理好之前作品不合格，所以退出码为 1）：",
                "still to be done by hand (fix cannot do it; until it is done the work does not "
                "pass, so the exit code is 1):") +
           "\n" + blocker_lines(item.plan.left, lang);
  return out;
}

std::string canonical(const std::string& path)
{
  std::error_code ec;
  return fs::weakly_canonical(path, ec).string();
}

// What decoding learnt of remuxed sources, for their outputs: by the output's canonical path,
// and for a pair whose two versions were both remuxed, their comparison.
class ProvenAnalyses final : public gather::KnownAnalyses {
public:
  std::map<std::string, DeepFacts> facts;
  std::map<std::pair<std::string, std::string>, PairComparison> pairs;

  std::optional<gather::UnitAnalysis> take_unit(const SubmissionFile& first,
                                                const SubmissionFile* second,
                                                const std::function<void(double, double)>&) override
  {
    const std::string a = canonical(first.abs_path);
    const auto fa = facts.find(a);
    if (fa == facts.end())
      return std::nullopt;
    if (!second)
      return gather::UnitAnalysis{{fa->second}, std::nullopt};
    const std::string b = canonical(second->abs_path);
    const auto fb = facts.find(b);
    const auto pair = pairs.find({a, b});
    if (fb == facts.end() || pair == pairs.end())
      return std::nullopt; // decoded, so that the pair is compared
    return gather::UnitAnalysis{{fa->second, fb->second}, pair->second};
  }
};

// The proof of a remux: the output read back (demuxed, nothing decoded) holds the very
// packets copied from the source. What decoding learnt of the source then holds for it.
void prove_remuxes(std::vector<Item*>& done, ProvenAnalyses& proven)
{
  std::map<std::string, std::string> output_of; // the source's canonical path → the output's
  for (Item* item : done) {
    if (!item->plan.remux_only() || item->digest.streams.empty() || !item->source_deep)
      continue;
    const auto read_back = fix::digest_packets(item->dest.final_path);
    item->proven = read_back && *read_back == item->digest;
    if (!item->proven)
      continue;
    proven.facts[canonical(item->dest.final_path)] = *item->source_deep;
    output_of[canonical(item->plan.source)] = canonical(item->dest.final_path);
  }
  for (const Item* item : done) {
    if (!item->proven || !item->pair_sources || !item->pair_comparison)
      continue;
    const auto sub = output_of.find(canonical(item->pair_sources->first));
    const auto clean = output_of.find(canonical(item->pair_sources->second));
    if (sub != output_of.end() && clean != output_of.end())
      proven.pairs[{sub->second, clean->second}] = *item->pair_comparison;
  }
}

// Checks the outputs again with the same rules (the two versions of a work together, so that
// the pair is compared) and hands each item its findings. Outputs proven to hold their
// source's packets are not decoded again: they take the source's deep facts.
void recheck(std::vector<Item*>& done, const rules::RuleSet& rules, gather::RunOptions options)
{
  if (done.empty())
    return;
  gather::Target target{Scope::files, {}, {}};
  for (const Item* item : done)
    target.paths.push_back(item->dest.final_path);
  options.on_progress = {};
  ProvenAnalyses proven;
  prove_remuxes(done, proven);
  options.known = &proven;
  const checks::CheckReport report = gather::run_check(target, rules, options);
  for (Item* item : done) {
    std::error_code ec;
    for (const auto& file : report.submission.files) {
      if (!fs::equivalent(file.abs_path, item->dest.final_path, ec))
        continue;
      item->rechecked = true;
      item->after_deep = file.facts.deep;
      for (const auto& f : report.findings)
        if (f.path == file.path)
          item->after.push_back(f);
    }
  }
}

int usage_error(const std::string& zh, const std::string& en, Lang lang)
{
  print_error(lang == Lang::en ? en : zh);
  return exit_usage;
}

// The progress of one conversion (input bytes read) as the `index`-th of `total` files.
fix::TranscodeProgress bytes_progress(const ProgressCallback& draw, int index, int total)
{
  if (!draw)
    return {};
  return
      [draw, index, total, start = std::chrono::steady_clock::now()](int64_t read, int64_t size) {
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        draw(Progress{read, size, index, total, s});
      };
}

// One conversion into its temporary name; a remux digests its packets.
void convert_item(Item& item, const fix::TranscodeProgress& progress)
{
  item.error =
      fix::convert(item.plan, item.dest, progress, item.plan.remux_only() ? &item.digest : nullptr);
  item.converted = item.error.empty();
}

// Converts `todo` into their temporary names. Remuxes and sound-only conversions run `-j` at
// a time (each is one thread reading, copying packets or encoding AAC); re-encodes of the
// picture one at a time after them (libx264 and the decoders use every core themselves:
// two at once would only share the cores and double the memory).
void convert_items(const FixCommand& cmd, const std::vector<Item*>& todo)
{
  std::vector<Item*> light, heavy;
  for (Item* item : todo)
    (item->plan.encode_video ? heavy : light).push_back(item);
  const int jobs = jobs_or_all(cmd.common.jobs);
  if (light.size() > 1 && jobs > 1) {
    ProgressLine progress(cmd.common, {"已修复", "fixed"});
    ProgressMeter meter(progress.callback());
    std::vector<int64_t> sizes;
    int64_t total = 0;
    for (const Item* item : light) {
      std::error_code ec;
      const auto size = fs::file_size(item->plan.source, ec);
      sizes.push_back(ec ? 0 : int64_t(size));
      total += sizes.back();
    }
    meter.set_totals(int(light.size()), total);
    meter.advance(0, 0);
    parallel_for(light.size(), jobs, [&](size_t i) {
      convert_item(*light[i], {});
      meter.advance(sizes[i], 1);
    });
    progress.clear();
  } else {
    heavy.insert(heavy.begin(), light.begin(), light.end());
  }
  for (size_t i = 0; i < heavy.size(); ++i) {
    ProgressLine progress(cmd.common, {"已修复", "fixed"});
    convert_item(*heavy[i], bytes_progress(progress.callback(), int(i), int(heavy.size())));
    progress.clear();
  }
}

// The check before of every target (with the deep checks as `options` say), and its plans.
Planned check_and_plan(const FixCommand& cmd, const gather::Targets& planned,
                       const rules::RuleSet& rules, gather::RunOptions options, bool progress_line)
{
  Planned out;
  for (const auto& target : planned.targets) {
    std::optional<ProgressLine> progress;
    if (progress_line)
      progress.emplace(cmd.common, Text{"已检查", "checked"});
    options.on_progress = progress ? progress->callback() : ProgressCallback{};
    // pack's material: the hints of its findings (a missing version's, said under "left")
    // send to works.yaml, as check's of the same folder do.
    options.checks.material = !gather::works_yaml_of(target).empty();
    const checks::CheckReport report = gather::run_check(target, rules, options);
    if (progress)
      progress->clear();
    for (auto& item : plan_target(cmd, target, report, rules, out.unlisted))
      out.items.push_back(std::move(item));
  }
  return out;
}

// The output of `item` would be its source (--out names the source's own folder).
bool replaces_source(const Item& item)
{
  std::error_code ec;
  return item.dest.original_to.empty() &&
         fs::equivalent(item.plan.source, item.dest.final_path, ec);
}

// The check before, remuxes started early: a first look reads headers only (no decoding);
// when every video it finds to fix is a remux, the remuxes run into their temporary names
// while the deep check reads the sources on another thread — the deep facts computed once,
// before, and carried to the outputs by the proof after. The plans are then made again from
// the deep check: a remux they keep is committed as it is, one they change is dropped and
// done again. Otherwise (and with --in-place) the deep check runs first, alone.
Planned check_remuxing(const FixCommand& cmd, const gather::Targets& planned,
                       const rules::RuleSet& rules, const gather::RunOptions& options)
{
  // In place, the temporary files would appear inside the drive the deep check walks.
  if (cmd.in_place)
    return check_and_plan(cmd, planned, rules, options, true);
  gather::RunOptions headers = options;
  headers.decode = false;
  std::vector<Item> early = check_and_plan(cmd, planned, rules, headers, false).items;
  const bool remuxes =
      !early.empty() && std::all_of(early.begin(), early.end(), [&](const Item& i) {
        return converts(i) && i.plan.remux_only() && !replaces_source(i);
      });
  if (!remuxes)
    return check_and_plan(cmd, planned, rules, options, true);
  Planned deep_plans;
  std::exception_ptr failure;
  std::thread deep([&] {
    try {
      deep_plans = check_and_plan(cmd, planned, rules, options, false);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  std::vector<Item*> all;
  for (auto& item : early)
    all.push_back(&item);
  convert_items(cmd, all);
  for (auto& item : early)
    item.converted = item.error.empty();
  deep.join();
  if (failure)
    std::rethrow_exception(failure);
  for (auto& item : deep_plans.items) {
    const auto it = std::find_if(early.begin(), early.end(), [&](const Item& e) {
      return e.converted && e.plan.source == item.plan.source &&
             e.dest.final_path == item.dest.final_path;
    });
    if (it == early.end() || !converts(item) || !item.plan.remux_only())
      continue;
    item.converted = true;
    item.digest = it->digest;
    it->converted = false; // taken
  }
  for (const auto& e : early)
    if (e.converted)
      fix::discard(e.dest);
  return deep_plans;
}

// The folder at or above `path` that holds a drive manifest (a drive `mpcheck pack` made), or
// "".
std::string packed_drive_of(const std::string& path)
{
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  for (;;) {
    if (fs::is_regular_file(p / std::string(kDriveManifestName), ec))
      return p.string();
    if (p == p.parent_path() || p.empty())
      return "";
    p = p.parent_path();
  }
}

bool within(const fs::path& inner, const fs::path& outer)
{
  return std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first == outer.end();
}

// The folders 原始文件/ goes into with --in-place: beside a drive, beside loose files.
std::vector<fs::path> originals_parents(const gather::Targets& planned)
{
  std::vector<fs::path> out;
  for (const auto& target : planned.targets)
    for (const auto& path : target.paths) {
      const fs::path p = fs::absolute(path).lexically_normal();
      const fs::path base = p.has_filename() ? p : p.parent_path();
      out.push_back(base.parent_path());
    }
  return out;
}

// Why the outputs may not go where the command says (exit 2, before any work), or "".
// On a drive pack made, changing a file breaks its manifest; --out inside a folder being
// fixed puts the fixed files into the drive; --in-place needs 原始文件/ to be writable.
std::string placement_problem(const FixCommand& cmd, const gather::Targets& planned, Lang lang)
{
  const bool en = lang == Lang::en;
  if (cmd.in_place)
    for (const auto& target : planned.targets)
      for (const auto& path : target.paths)
        if (const std::string drive = packed_drive_of(path); !drive.empty()) {
          // The source folder is not recorded on the drive: a placeholder, said to be one.
          std::error_code ec;
          const Text repack = checks::repack_commands(
              "", drive, fs::is_regular_file(fs::path(drive) / ".mpcheck-pack-state", ec),
              cmd.rules, cmd.unit, cmd.pillarbox ? " --pillarbox" : "");
          return en ? fmt::format("{} is a drive packed by mpcheck pack (it has {}): fixing files "
                                  "on it would break the manifest (check would report "
                                  "file.hash-mismatch). {}",
                                  drive, kDriveManifestName, repack.en)
                    : fmt::format("{} 是 mpcheck pack 打包好的U盘（有 {}）：在U盘上直接修复会改动"
                                  "文件，清单就对不上了（检查会报 file.hash-mismatch）。{}",
                                  drive, kDriveManifestName, repack.zh);
        }
  if (!cmd.out.empty()) {
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(cmd.out, ec), ec);
    for (const auto& target : planned.targets) {
      if (target.scope != Scope::drive)
        continue;
      const fs::path root = fs::weakly_canonical(fs::absolute(target.paths.front(), ec), ec);
      if (within(out, root))
        return en ? fmt::format("--out {} is inside {}, the folder being fixed: the fixed files "
                                "would land in the drive (check would report layout.misplaced). "
                                "Choose a folder outside it, e.g. --out \"修复后\" on the desktop",
                                cmd.out, root.string())
                  : fmt::format("--out {} 在要修复的文件夹 {} 里：修复后的文件会混进U盘（检查会报 "
                                "layout.misplaced）。请把 --out 指到这个文件夹以外，例如桌面上的"
                                "“修复后”文件夹",
                                cmd.out, root.string());
    }
    if (const std::string drive = packed_drive_of(cmd.out); !drive.empty())
      return en ? fmt::format("--out {} is inside {}, a drive packed by mpcheck pack (it has {}): "
                              "files written there are not in its manifest (check would report "
                              "file.not-in-manifest). Choose a folder outside the drive",
                              cmd.out, drive, kDriveManifestName)
                : fmt::format("--out {} 在 mpcheck pack 打包好的U盘 {} 里（有 {}）：写进去的文件"
                              "不在清单里（检查会报 file.not-in-manifest）。请把 --out 指到U盘以外",
                              cmd.out, drive, kDriveManifestName);
  }
  if (cmd.in_place && !cmd.dry_run)
    for (const fs::path& parent : originals_parents(planned)) {
      const fs::path kept = parent / fix::originals_folder;
      std::error_code ec;
      const fs::path probe = fs::is_directory(kept, ec) ? kept : parent;
      if (::access(probe.c_str(), W_OK | X_OK) == 0)
        continue;
      const int e = errno;
      return en ? fmt::format("cannot make {} ({}): --in-place first moves each original there. "
                              "Write the fixed files elsewhere with --out DIR instead, e.g. --out "
                              "\"修复后\"",
                              kept.string(), system_error_text(e).en)
                : fmt::format("无法建立“{}”文件夹（{}：{}）：--in-place 要先把原文件移到那里保存。"
                              "请改用 --out 目录，把修复后的文件写到别处，例如 --out \"修复后\"",
                              kept.string(), parent.string(), system_error_text(e).zh);
    }
  return "";
}

// Why the planned outputs cannot be written (exit 2, before any work; the dry run too), or "":
// an output that would be its source, an original already kept in 原始文件/.
std::string destination_problem(const FixCommand& cmd, const std::vector<Item>& items, Lang lang)
{
  const bool en = lang == Lang::en;
  for (const auto& item : items) {
    if (!converts(item))
      continue;
    std::error_code ec;
    if (!cmd.out.empty() && replaces_source(item))
      return en ? fmt::format("the output would replace the original {}: --out is the folder "
                              "it is in. Choose another --out folder",
                              item.plan.source)
                : fmt::format("输出会覆盖原文件 {}：--out 就是它所在的文件夹。请换一个 --out 目录",
                              item.plan.source);
    if (!item.dest.original_to.empty() && fs::exists(item.dest.original_to, ec))
      return en ? fmt::format("an original is already kept at {} (an earlier fix): it is never "
                              "replaced, so nothing was changed. Move it away once you no longer "
                              "need it, or use --out DIR",
                              item.dest.original_to)
                : fmt::format("原文件已经保存过一份：{}（之前修复时留下的）。为了不覆盖它，这次什么"
                              "都没有改。确认不再需要后把它移走，或改用 --out 目录",
                              item.dest.original_to);
  }
  return "";
}

int run(const FixCommand& cmd)
{
  const Lang lang = cmd.common.language();
  if (!cmd.dry_run && cmd.out.empty() && !cmd.in_place)
    return usage_error(
        "请用 --out 目录 或 --in-place 说明修复后的文件放在哪里（或用 --dry-run 只看计划）",
        "say where the fixed files go: --out DIR or --in-place (or --dry-run to "
        "see the plan only)",
        lang);
  rules::RuleSet rules;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  gather::Targets planned = gather::plan_targets(cmd.paths);
  for (const auto& e : planned.errors)
    print_error(report::unread_text({e.path, e.error}, lang));
  if (std::any_of(planned.errors.begin(), planned.errors.end(),
                  [](const gather::PathError& e) { return e.usage(); }))
    return exit_usage;
  if (const std::string problem = placement_problem(cmd, planned, lang); !problem.empty()) {
    print_error(problem);
    return exit_usage;
  }
  try {
    judge_material(planned, rules, lang);
  } catch (const rules::RuleError& e) {
    print_error(std::string(e.what()) + pick(lang, "（未修复任何文件）", " (nothing fixed)"));
    return exit_usage;
  }
  gather::RunOptions options;
  options.checks.as_of = today();
  options.checks.unit = cmd.unit;
  options.jobs = cmd.common.jobs;
  options.decode = true;
  Planned plans = cmd.dry_run ? check_and_plan(cmd, planned, rules, options, true)
                              : check_remuxing(cmd, planned, rules, options);
  std::vector<Item>& items = plans.items;
  if (const std::string problem = destination_problem(cmd, items, lang); !problem.empty()) {
    for (const auto& item : items)
      if (item.converted)
        fix::discard(item.dest);
    print_error(problem);
    return exit_usage;
  }
  std::string text;
  if (items.empty())
    text += pick(lang, "没有需要修复的视频。\n", "No video needs fixing.\n");
  for (const auto& item : items)
    text += plan_text(item, lang);
  text += unlisted_text(plans.unlisted, lang);
  const bool blocked =
      std::any_of(items.begin(), items.end(), [](const Item& i) { return !i.plan.complete(); });
  if (cmd.dry_run) {
    if (!write_text(cmd.common, text))
      return exit_runtime;
    return planned.errors.empty() ? (blocked ? exit_findings : exit_ok) : exit_runtime;
  }
  std::vector<Item*> todo;
  for (auto& item : items)
    if (converts(item) && !item.converted)
      todo.push_back(&item);
  convert_items(cmd, todo);
  // Committed one after the other, in order: the originals' moves and works.yaml.
  std::vector<Item*> done;
  bool failed = false;
  for (auto& item : items) {
    if (!converts(item))
      continue;
    if (item.error.empty())
      item.error = fix::commit(item.plan, item.dest);
    if (item.error.empty())
      done.push_back(&item);
    else
      failed = true;
  }
  recheck(done, rules, options);
  // No output that fails the re-check stays under its final name.
  for (Item* item : done)
    if (!passes(*item)) {
      item->withdraw_error = fix::withdraw(item->plan, item->dest);
      item->withdrawn = item->withdraw_error.empty();
      failed = failed || !item->withdrawn;
    }
  if (std::any_of(items.begin(), items.end(), converts))
    text += "\n" + pick(lang, "复查：", "checked again:") + "\n";
  bool all_pass = true;
  for (const auto& item : items)
    if (converts(item)) {
      text += result_text(item, lang);
      all_pass = all_pass && passes(item);
    }
  if (!write_text(cmd.common, text))
    return exit_runtime;
  if (failed || !planned.errors.empty())
    return exit_runtime;
  return all_pass && !blocked ? exit_ok : exit_findings;
}

} // namespace

void add_fix_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<FixCommand>();
  CLI::App* sub = app.add_subcommand(
      "fix", "Turn refused videos into compliant ones (remux or re-encode in-process), and check "
             "them again");
  sub->add_option("paths", cmd->paths, "Drives, unit folders or video files")->required();
  sub->add_option("--rules", cmd->rules, "Built-in rule set id (mpcheck rules list) or a YAML file")
      ->required();
  sub->add_option("--unit", cmd->unit, "The submitting unit (报送单位) the fixed names carry");
  auto* out = sub->add_option("--out", cmd->out, "Write the fixed files into DIR");
  auto* in_place = sub->add_flag(
      "--in-place", cmd->in_place,
      "Replace each file by its fixed version; the original moves to 原始文件/ beside the drive");
  out->excludes(in_place);
  sub->add_flag("--dry-run", cmd->dry_run, "Print the plan only; write nothing");
  sub->add_flag("--trim", cmd->trim, "Cut what runs past the rule's longest duration");
  sub->add_flag("--pillarbox", cmd->pillarbox,
                "Place portrait pictures on a landscape canvas (black bars at the sides)");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
