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

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/progress.hpp"
#include "mpcheck/fix/apply.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/report/terminal.hpp"
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
    const fs::path root = fs::absolute(target.paths.front()).lexically_normal();
    const fs::path base = root.has_filename() ? root : root.parent_path();
    d.original_to = (base.parent_path() / fix::originals_folder / base.filename() / file.path)
                        .lexically_normal()
                        .string();
    const fs::path works = base / "works.yaml";
    std::error_code ec;
    if (fs::is_regular_file(works, ec))
      d.works_yaml = works.string();
  } else {
    d.original_to = (source.parent_path() / fix::originals_folder / source.filename()).string();
  }
  return d;
}

// The plans of one checked target: every video with a finding fix acts on (or a faststart
// remux), the two versions of a pair with the same settings.
std::vector<Item> plan_target(const FixCommand& cmd, const gather::Target& target,
                              const checks::CheckReport& report, const rules::RuleSet& rules)
{
  const Submission& sub = report.submission;
  fix::PlanOptions options{cmd.trim, cmd.pillarbox, cmd.unit};
  std::vector<Item> items;
  std::vector<int> item_of(sub.files.size(), -1);
  for (size_t i = 0; i < sub.files.size(); ++i) {
    const SubmissionFile& file = sub.files[i];
    if (file.kind != FileKind::video)
      continue;
    Item item;
    item.plan =
        fix::plan_file(file, report.findings, rules, media_rules(sub, file, rules), options);
    if (!item.plan.needed() && item.plan.complete())
      continue;
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
      fix::align_pair(items[size_t(a)].plan, items[size_t(b)].plan);
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
      if (twin < 0 || !lone.plan.encode_video)
        continue;
      const SubmissionFile& file = sub.files[size_t(twin)];
      Item item;
      item.plan =
          fix::plan_file(file, report.findings, rules, media_rules(sub, file, rules), options);
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

bool named(const std::vector<fix::Blocker>& list, const std::string& check)
{
  return std::any_of(list.begin(), list.end(),
                     [&](const fix::Blocker& b) { return b.check == check; });
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

std::string plan_text(const Item& item, Lang lang)
{
  std::string out = item.plan.path + "\n";
  for (const auto& f : item.before)
    if (fix::fixable_check(f.check) || named(item.plan.blockers, f.check) ||
        named(item.plan.left, f.check))
      out += "  " + pick(lang, "问题", "finding") + " " + finding_line(f, lang) + "\n";
  if (!item.plan.fixable()) {
    out += "  " + pick(lang, "无法自动修复：", "cannot be fixed:") + "\n";
    return out + blocker_lines(item.plan.blockers, lang);
  }
  if (!item.plan.left.empty()) {
    out += "  " +
           pick(lang,
                item.plan.needed() ? "无法自动修复（这个文件仍照常修复）："
                                   : "无法自动修复（这个文件本身不需要转换）：",
                item.plan.needed() ? "cannot be fixed (this file is still mended):"
                                   : "cannot be fixed (this file itself needs no conversion):") +
           "\n" + blocker_lines(item.plan.left, lang);
    if (!item.plan.needed())
      return out;
  }
  if (item.plan.fixes == std::vector<std::string>{"faststart"})
    out += "  " +
           pick(lang, "索引（moov）在文件末尾：网页和部分播放器要下载完才能播放",
                "the index (moov) is at the end: browsers and some players must load the "
                "whole file first") +
           "\n";
  if (item.plan.fixes == std::vector<std::string>{"pair"})
    out += "  " +
           pick(lang, "与另一个版本用同样的设置重新编码（保持同一节目）",
                "re-encoded with the other version's settings (the same programme)") +
           "\n";
  out += "  " + pick(lang, "计划：", "plan:") + "\n";
  for (const auto& step : fix::describe(item.plan))
    out += "    · " + pick(lang, step) + "\n";
  out += "  → " + item.dest.final_path + "\n";
  if (!item.dest.original_to.empty())
    out += "  " + pick(lang, "原文件移到：", "original moved to: ") + item.dest.original_to + "\n";
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

// Fixed: the re-check finds no error, none of the findings the plan addressed and no
// finding fix could act on; a raised sound stays under the true-peak limit.
bool passes(const Item& item)
{
  if (!item.error.empty() || !item.rechecked || peak_over(item))
    return false;
  for (const auto& f : item.after)
    if (!named(item.plan.left, f.check) &&
        (blocking(f) || fix::fixable_check(f.check) ||
         std::find(item.plan.fixes.begin(), item.plan.fixes.end(), f.check) !=
             item.plan.fixes.end()))
      return false;
  return true;
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

std::string result_text(const Item& item, Lang lang)
{
  std::string out = item.plan.path + " → " + item.dest.final_path + "\n";
  if (!item.error.empty())
    return out + "  " + pick(lang, "转换失败：", "conversion failed: ") + item.error + "\n";
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
  out += "  " +
         (passes(item) ? pick(lang, "已修复：复查通过", "fixed: passes the check again")
                       : pick(lang, "未修复：复查仍不通过", "not fixed: the check still fails")) +
         "\n";
  if (!item.plan.left.empty())
    out += "  " + pick(lang, "仍需自己处理：", "still to be done by hand:") + "\n" +
           blocker_lines(item.plan.left, lang);
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
  gather::Target target{Scope::files, {}};
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

std::string path_error_text(const gather::PathError& e, Lang lang)
{
  return lang == Lang::en ? fmt::format("{}: cannot be read ({})", e.path, e.error)
                          : fmt::format("无法读取 {}（{}）", e.path, e.error);
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
  const int jobs = cmd.common.jobs > 0 ? cmd.common.jobs : default_jobs();
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
std::vector<Item> check_and_plan(const FixCommand& cmd, const gather::Targets& planned,
                                 const rules::RuleSet& rules, gather::RunOptions options,
                                 bool progress_line)
{
  std::vector<Item> items;
  for (const auto& target : planned.targets) {
    std::optional<ProgressLine> progress;
    if (progress_line)
      progress.emplace(cmd.common, Text{"已检查", "checked"});
    options.on_progress = progress ? progress->callback() : ProgressCallback{};
    const checks::CheckReport report = gather::run_check(target, rules, options);
    if (progress)
      progress->clear();
    for (auto& item : plan_target(cmd, target, report, rules))
      items.push_back(std::move(item));
  }
  return items;
}

// Whether `path` lies in a folder being checked (--out inside the drive): its temporary file
// would appear there while the deep check walks it.
bool inside_targets(const std::string& path, const gather::Targets& planned)
{
  const fs::path out = canonical(path);
  for (const auto& target : planned.targets) {
    if (target.scope != Scope::drive)
      continue;
    const fs::path root = canonical(target.paths.front());
    if (std::mismatch(root.begin(), root.end(), out.begin(), out.end()).first == root.end())
      return true;
  }
  return false;
}

// The check before, remuxes started early: a first look reads headers only (no decoding);
// when every video it finds to fix is a remux, the remuxes run into their temporary names
// while the deep check reads the sources on another thread — the deep facts computed once,
// before, and carried to the outputs by the proof after. The plans are then made again from
// the deep check: a remux they keep is committed as it is, one they change is dropped and
// done again. Otherwise (and with --in-place) the deep check runs first, alone.
std::vector<Item> check_remuxing(const FixCommand& cmd, const gather::Targets& planned,
                                 const rules::RuleSet& rules, const gather::RunOptions& options)
{
  // In place, the temporary files would appear inside the drive the deep check walks.
  if (cmd.in_place)
    return check_and_plan(cmd, planned, rules, options, true);
  gather::RunOptions headers = options;
  headers.decode = false;
  std::vector<Item> early = check_and_plan(cmd, planned, rules, headers, false);
  const bool remuxes =
      !early.empty() && std::all_of(early.begin(), early.end(), [&](const Item& i) {
        return converts(i) && i.plan.remux_only() && !inside_targets(i.dest.final_path, planned);
      });
  if (!remuxes)
    return check_and_plan(cmd, planned, rules, options, true);
  std::vector<Item> items;
  std::exception_ptr failure;
  std::thread deep([&] {
    try {
      items = check_and_plan(cmd, planned, rules, options, false);
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
  for (auto& item : items) {
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
  return items;
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
  const gather::Targets planned = gather::plan_targets(cmd.paths);
  for (const auto& e : planned.errors)
    print_error(path_error_text(e, lang));
  if (std::any_of(planned.errors.begin(), planned.errors.end(),
                  [](const gather::PathError& e) { return e.usage(); }))
    return exit_usage;
  gather::RunOptions options;
  options.checks.as_of = today();
  options.checks.unit = cmd.unit;
  options.jobs = cmd.common.jobs;
  options.decode = true;
  std::vector<Item> items = cmd.dry_run ? check_and_plan(cmd, planned, rules, options, true)
                                        : check_remuxing(cmd, planned, rules, options);
  std::string text;
  if (items.empty())
    text += pick(lang, "没有需要修复的视频。\n", "No video needs fixing.\n");
  for (const auto& item : items)
    text += plan_text(item, lang);
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
