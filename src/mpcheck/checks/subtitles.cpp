// subtitles.*: a work the notice wants in two versions (有字幕 and 无字幕) must have both
// (pair-missing), they must be the same programme (pair-mismatch: duration and size from the
// headers; pictures outside the subtitle band from the deep checks), and the subtitled one
// must really show burned-in text (not-burned, deep checks).
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

using naming::Variant;

struct Versions {
  bool subtitled = false, clean = false, unmarked = false;
  std::string first_path;
};

Versions versions_of(const Context& ctx, const check::Work& work)
{
  Versions v;
  for (int i : work.files) {
    const auto& file = ctx.sub.files[size_t(i)];
    if (file.kind != check::FileKind::video || !file.work_name)
      continue;
    if (v.first_path.empty())
      v.first_path = file.path;
    const Variant var = file.work_name->name.variant;
    v.subtitled |= var == Variant::subtitled;
    v.clean |= var == Variant::clean;
    v.unmarked |= var == Variant::none;
  }
  return v;
}

// Pictures of the same programme agree outside the subtitle band at 30 dB or more even
// after two encodes; different programmes stay near 16 dB. The line between them:
constexpr double same_programme_db = 22.0;

double duration_of(const MediaFacts& f)
{
  if (f.video && f.video->duration_s > 0)
    return f.video->duration_s;
  return f.container ? f.container->duration_s : 0;
}

// Why the two versions are not the same programme, or "" when they are.
Text mismatch(const MediaFacts& a, const MediaFacts& b, const check::VersionPair& pair)
{
  const double fps = a.video->frame_rate.valid() ? a.video->frame_rate.value() : 25;
  const double da = duration_of(a), db = duration_of(b);
  if (da > 0 && db > 0 && std::abs(da - db) > 1.0 / std::max(1.0, fps) + 0.001)
    return {fmt::format("时长不同：有字幕版 {:.3f} 秒，无字幕版 {:.3f} 秒", da, db),
            fmt::format("the durations differ: subtitled {:.3f} s, clean {:.3f} s", da, db)};
  if (a.video->display_width != b.video->display_width ||
      a.video->display_height != b.video->display_height)
    return {fmt::format("画面大小不同：有字幕版 {}x{}，无字幕版 {}x{}", a.video->display_width,
                        a.video->display_height, b.video->display_width, b.video->display_height),
            fmt::format("the picture sizes differ: subtitled {}x{}, clean {}x{}",
                        a.video->display_width, a.video->display_height, b.video->display_width,
                        b.video->display_height)};
  const PairComparison& c = pair.comparison;
  if (pair.compared && c.samples > 0 && c.psnr_outside_band < same_programme_db)
    return {
        fmt::format("画面内容不同：同一时刻字幕区以外的画面差别很大（{} 处取样，PSNR {:.1f} dB）",
                    c.samples, c.psnr_outside_band),
        fmt::format("the pictures differ: at the same moments the picture outside the subtitle "
                    "band is different ({} samples, PSNR {:.1f} dB)",
                    c.samples, c.psnr_outside_band)};
  return {"", ""};
}

void compare_versions(const Context& ctx, const check::VersionPair& pair)
{
  const auto& a = ctx.sub.files[size_t(pair.subtitled)];
  const auto& b = ctx.sub.files[size_t(pair.clean)];
  if (!a.facts.video || !b.facts.video || a.facts.error || b.facts.error)
    return;
  const check::Work& work = ctx.sub.works[size_t(pair.work)];
  const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
  const rules::Origin* origin = cat.variants ? &cat.variants->origin : nullptr;
  const Text why = mismatch(a.facts, b.facts, pair);
  if (!why.zh.empty()) {
    if (Finding* f = ctx.sink.add("subtitles.pair-mismatch", origin, a.path, work.title)) {
      f->expected = Text{"与“" + b.name + "”是同一节目，只差字幕",
                         "the same programme as '" + b.name + "', subtitles aside"};
      f->actual = why;
      f->message = {"有字幕版和无字幕版不是同一个节目：" + why.zh,
                    "the subtitled and the clean versions are not the same programme: " + why.en};
      f->hint = {
          "从同一个剪辑工程分别导出有字幕、无字幕两个版本（只关闭字幕轨，其他设置不变）。",
          "Export both versions from the same project, switching only the subtitle track off."};
    }
    return;
  }
  const PairComparison& c = pair.comparison;
  if (!pair.compared || c.samples == 0)
    return;
  const bool no_text = c.band_samples == 0;
  const bool text_in_clean = !no_text && c.edges_clean > c.edges_subtitled;
  if (!no_text && !text_in_clean)
    return;
  if (Finding* f = ctx.sink.add("subtitles.not-burned", origin, a.path, work.title)) {
    f->expected = Text{"画面底部有烧录的字幕", "subtitles burned into the bottom of the picture"};
    if (text_in_clean) {
      f->actual = Text{"字幕出现在无字幕版里", "the text is in the clean version"};
      f->message = {"两个版本的字幕区不同，但文字在“" + b.name + "”里：两个文件名可能标反了",
                    "the subtitle bands differ, but the text is in '" + b.name +
                        "': the two names may be swapped"};
      f->hint = {"核对两个文件，把有字幕的那个命名为有字幕版。",
                 "Look at both files and give the subtitled name to the one with subtitles."};
      return;
    }
    f->actual = c.identical_share >= 0.99
                    ? Text{"与无字幕版画面完全相同", "the same pictures as the clean version"}
                    : Text{fmt::format("{} 处取样都看不到字幕", c.samples),
                           fmt::format("no subtitle in {} samples", c.samples)};
    f->message = {"有字幕版的画面里看不到烧录的字幕（和无字幕版比较）",
                  "the subtitled version shows no burned-in text compared with the clean one"};
    f->hint = {"在剪辑软件中打开字幕轨，把字幕烧录进画面后重新导出（单独的字幕文件或软字幕不算）。",
               "Switch the subtitle track on and burn it into the picture, then export again (a "
               "separate subtitle file or soft subtitles do not count)."};
  }
}

} // namespace

void check_subtitles(const Context& ctx)
{
  for (const auto& pair : ctx.sub.pairs)
    compare_versions(ctx, pair);
  for (const auto& work : ctx.sub.works) {
    const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
    // Loose files: a version not given is not missing, the other one is simply not checked.
    if (!cat.variants || !cat.variants->required || !ctx.whole_drive())
      continue;
    const Versions v = versions_of(ctx, work);
    if (v.first_path.empty() || (v.subtitled && v.clean))
      continue;
    const auto& sub = cat.variants->subtitled;
    const auto& clean = cat.variants->clean;
    if (Finding* f = ctx.sink.add("subtitles.pair-missing", &cat.variants->origin, v.first_path,
                                  work.title)) {
      f->expected = sub.suffix + " + " + clean.suffix;
      if (v.subtitled) {
        f->actual = sub.suffix;
        f->message = {"只有有字幕版，缺少无字幕版",
                      "only the subtitled version is here; the clean version is missing"};
      } else if (v.clean) {
        f->actual = clean.suffix;
        f->message = {"只有无字幕版，缺少有字幕版",
                      "only the clean version is here; the subtitled version is missing"};
      } else {
        f->actual = "未标明版本";
        f->message = {
            "要求有字幕、无字幕两个版本，文件名没有标明是哪个版本",
            "two versions (subtitled and clean) are required; the name does not say which this is"};
      }
      f->hint = {"报送两个版本，文件名分别以“" + sub.suffix + "”和“" + clean.suffix + "”结尾。",
                 "Submit both versions, their names ending in '" + sub.suffix + "' and '" +
                     clean.suffix + "'."};
    }
  }
}

} // namespace mpcheck::checks
