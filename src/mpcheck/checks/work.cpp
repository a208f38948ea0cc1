// work.*: the quotas of the notice — works per unit, per category, episodes of a series,
// how old the works may be — and the same content submitted twice.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/submission.hpp"

namespace mpcheck::checks {

namespace {

void count(const Context& ctx)
{
  const auto& max = ctx.rules.quotas.max_works;
  if (!max || !max->value || int(ctx.sub.works.size()) <= *max->value)
    return;
  if (Finding* f = ctx.sink.add(ids::work_count, &max->origin, "")) {
    f->expected = fmt::format("≤ {}", *max->value);
    f->actual = std::to_string(ctx.sub.works.size());
    f->message = {
        fmt::format("共 {} 部作品，超过每个单位 {} 部的上限", ctx.sub.works.size(), *max->value),
        fmt::format("{} works, over the limit of {} per unit", ctx.sub.works.size(), *max->value)};
    f->hint = {"择优保留，减少报送数量。", "Keep the best and submit fewer."};
  }
}

// A drive without a single work: folders and forms, but no video, sound or picture of a work.
void none(const Context& ctx)
{
  const bool media = std::any_of(ctx.sub.files.begin(), ctx.sub.files.end(), [](const auto& f) {
    return f.kind == FileKind::video || f.kind == FileKind::audio || f.kind == FileKind::image;
  });
  if (media || !ctx.sub.works.empty() || ctx.any_folder_unread()) // unread: may hold them
    return;
  const auto& max = ctx.rules.quotas.max_works;
  const rules::FolderRule* folder = ctx.rules.folder_for("video");
  const std::string where = folder ? ctx.sub.base + folder->name : "";
  if (Finding* f = ctx.sink.add(ids::work_count, max ? &max->origin : nullptr, "")) {
    f->expected = max && max->value ? fmt::format("1–{}", *max->value) : "≥ 1";
    f->actual = "0";
    f->message = {"U盘里没有任何作品（没有视频、音频或图片）",
                  "the drive holds no work at all (no video, sound or picture)"};
    const Text put = where.empty()
                         ? Text{"把作品文件放到U盘上", "Put the works' files on the drive"}
                         : Text{"把作品文件放进“" + where + "”文件夹",
                                "Put the works' files into the folder '" + where + "'"};
    // `category` only where the notice has categories (init writes none for the others).
    const bool categories = !ctx.rules.categories.empty();
    f->hint = {put.zh + "（用 works.yaml 打包时，在 works 下写出每个作品的 " +
                   (categories ? "title、category 和 files）。" : "title 和 files）。"),
               put.en + " (packing from works.yaml: list each work under works, with its title" +
                   (categories ? ", category and files)." : " and files).")};
  }
}

void category_count(const Context& ctx)
{
  std::map<std::string, int> per;
  for (const auto& w : ctx.sub.works)
    ++per[w.category];
  for (const auto& [category, req] : ctx.rules.quotas.per_category) {
    const int n = per[category];
    const auto& range = req.value;
    const bool over = range.max && n > *range.max;
    // A minimum binds only a unit that submits works of the category at all: the notice
    // asks units to balance categories, not to produce one of each.
    const bool under = range.min && n > 0 && n < *range.min;
    if (!over && !under)
      continue;
    if (Finding* f = ctx.sink.add(ids::work_category_count, &req.origin, "")) {
      f->expected = range.min && range.max ? fmt::format("{}–{}", *range.min, *range.max)
                    : range.max            ? fmt::format("≤ {}", *range.max)
                                           : fmt::format("≥ {}", *range.min);
      f->actual = std::to_string(n);
      f->message = {
          fmt::format("“{}”类作品 {} 部，要求 {} 部", category, n, f->expected.zh),
          fmt::format("{} works of category '{}'; {} expected", n, category, f->expected.zh)};
      f->hint = {"调整该类别的报送数量。",
                 "Change the number of works submitted in this category."};
    }
  }
}

void episodes(const Context& ctx)
{
  const auto& min = ctx.rules.quotas.min_series_episodes;
  if (!min)
    return;
  for (const auto& w : ctx.sub.works) {
    if (w.episodes == 0 || w.episodes >= min->value)
      continue;
    const std::string path = w.files.empty() ? "" : ctx.sub.files[size_t(w.files.front())].path;
    if (Finding* f = ctx.sink.add(ids::work_episodes, &min->origin, path, w.title)) {
      f->expected =
          Text{fmt::format("≥ {} 集", min->value), fmt::format("≥ {} episodes", min->value)};
      f->actual = Text{fmt::format("{} 集", w.episodes), fmt::format("{} episodes", w.episodes)};
      f->message = {fmt::format("系列片只有 {} 集，少于 {} 集：不成体系且少于 {} 集的系列片不纳入"
                                "征集范围，是否成体系需人工确认",
                                w.episodes, min->value, min->value),
                    fmt::format("a series of {} episodes, fewer than {}: a series that is not a "
                                "coherent whole and has fewer than {} is not accepted; whether "
                                "it is coherent is for a person to confirm",
                                w.episodes, min->value, min->value)};
      f->hint = {"确认系列成体系（见人工确认项）；否则报送完整的系列（至少 " +
                     std::to_string(min->value) + " 集），或作为单集作品报送（去掉“第N集”）。",
                 "Confirm the series is a coherent whole (see the items to confirm by hand); "
                 "otherwise submit the whole series (at least " +
                     std::to_string(min->value) +
                     " episodes), or submit one episode as a single work (drop the episode mark)."};
    }
  }
}

void age(const Context& ctx)
{
  const auto& max = ctx.rules.quotas.max_age_years;
  if (!max)
    return;
  const Date oldest = ctx.options.as_of.plus_years(-max->value);
  for (const auto& file : ctx.sub.files) {
    if (file.kind != FileKind::video || !file.facts.container)
      continue;
    const std::string& created = file.facts.container->creation_time;
    const auto day = parse_date(created.substr(0, 10));
    // 1904/1970 dates are empty QuickTime/Unix fields, not real creation times.
    if (!day || day->year < 1990 || !(*day < oldest))
      continue;
    if (Finding* f = ctx.sink.add(ids::work_age, &max->origin, file.path, ctx.work_of(file))) {
      f->expected = "≥ " + oldest.str();
      f->actual = day->str();
      f->message = {"文件元数据显示制作于 " + day->str() + "，早于“近" +
                        std::to_string(max->value) + "年”",
                    "the file's metadata says it was made on " + day->str() + ", before the last " +
                        std::to_string(max->value) + " years"};
      f->hint = {
          "确认作品是否为近两年创作；若是重新导出的旧素材，请在报名表中说明。",
          "Confirm the work is recent; if it is a new export of old material, say so in the form."};
    }
  }
}

// The two versions of one programme (有字幕 and 无字幕 of the same work and episode) are
// expected to be near copies: byte-identical ones are subtitles.not-burned's to report.
bool is_pair(const SubmissionFile& a, const SubmissionFile& b)
{
  using naming::Variant;
  if (a.work < 0 || a.work != b.work || a.episode != b.episode || !a.work_name || !b.work_name ||
      a.kind != FileKind::video || b.kind != FileKind::video)
    return false;
  const Variant va = a.work_name->name.variant, vb = b.work_name->name.variant;
  return (va == Variant::subtitled && vb == Variant::clean) ||
         (va == Variant::clean && vb == Variant::subtitled);
}

void duplicate_of(const Context& ctx, const SubmissionFile& copy, const SubmissionFile& first)
{
  if (Finding* f = ctx.sink.add(ids::work_duplicate, nullptr, copy.path, ctx.work_of(copy))) {
    f->expected = Text{"与其他文件内容不同", "content of its own"};
    f->actual = Text{"与 " + first.path + " 完全相同", "identical to " + first.path};
    f->message = {"与“" + first.path + "”内容完全相同（逐字节一致）：同一内容换了文件名重复报送",
                  "the same bytes as '" + first.path +
                      "': the same content submitted twice under different names"};
    f->hint = {"删除重复的文件，或换成本应报送的作品文件。",
               "Remove the copy, or put in the file that should have been submitted."};
  }
}

// Byte-identical files (same SHA-256), in path order: each one after the first is a finding
// naming the first earlier copy that is not its other version (有字幕/无字幕 of one work).
void duplicate(const Context& ctx)
{
  std::map<std::string, std::vector<const SubmissionFile*>> by_hash;
  for (const auto& file : ctx.sub.files)
    if (!file.sha256.empty() && is_duplicate_candidate(file)) // the manifest hashes all
      by_hash[file.sha256].push_back(&file);
  for (auto& [hash, files] : by_hash) {
    std::sort(files.begin(), files.end(),
              [](const auto* a, const auto* b) { return a->path < b->path; });
    for (size_t i = 1; i < files.size(); ++i) {
      const auto first = std::find_if(files.begin(), files.begin() + long(i),
                                      [&](const auto* f) { return !is_pair(*f, *files[i]); });
      if (first != files.begin() + long(i))
        duplicate_of(ctx, *files[i], **first);
    }
  }
}

} // namespace

void check_work(const Context& ctx)
{
  if (ctx.whole_drive()) { // the quotas bind a submission, not loose files
    none(ctx);
    count(ctx);
    category_count(ctx);
    episodes(ctx);
  }
  age(ctx);
  duplicate(ctx);
}

} // namespace mpcheck::checks
