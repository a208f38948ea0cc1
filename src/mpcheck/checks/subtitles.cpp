// subtitles.*: a work the notice wants in two versions (有字幕 and 无字幕) must have both
// (pair-missing), they must be the same programme (pair-mismatch: duration, size and sound
// from the headers; pictures outside the subtitle band and the decoded sound — audible in
// both, as long, as loud — from the deep checks), and the subtitled one must really show
// burned-in text (not-burned, deep checks; an error when the text is in the clean one).
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

Versions versions_of(const Context& ctx, const Work& work)
{
  Versions v;
  for (int i : work.files) {
    const auto& file = ctx.sub.files[size_t(i)];
    if (file.kind != FileKind::video || !file.work_name)
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

// Two exports of one mix measure within 0.1 LU, re-encodes at other bit rates within 0.5 LU;
// a version that lost its music bed or its voice differs by several LU. The line:
constexpr double same_sound_lu = 3.0;

// The share of samples that must be the same picture (PSNR >= 50 dB) for the two versions to
// be the same pictures: all of them, one sample's rounding aside.
constexpr double same_pictures_share = 0.99;

// The duration a player shows (as `probe` prints it and duration.* judges it); the video
// stream's when the container does not say.
double duration_of(const MediaFacts& f)
{
  if (f.container && f.container->duration_known && f.container->duration_s > 0)
    return f.container->duration_s;
  return f.video && f.video->duration_s > 0 ? f.video->duration_s : 0;
}

// Why the two versions are not the same programme; `why` empty when they are. `at` is the
// version at fault (its file gets the finding): 0 the subtitled, 1 the clean one.
struct Mismatch {
  Text why;
  int at = 0;
  bool sound = false;
};

Mismatch sound_presence(const MediaFacts& a, const MediaFacts& b)
{
  if (a.audio.empty() == b.audio.empty())
    return {};
  const bool sub_mute = a.audio.empty();
  return {{sub_mute ? "有字幕版没有声音（没有音轨），无字幕版有"
                    : "无字幕版没有声音（没有音轨），有字幕版有",
           sub_mute ? "the subtitled version has no sound (no audio stream), the clean one has"
                    : "the clean version has no sound (no audio stream), the subtitled one has"},
          sub_mute ? 0 : 1,
          true};
}

std::string lufs(double v)
{
  return fmt::format("{:.1f} LUFS", v);
}

// From the decoded sound of both: audible in both, as long to a frame, as loud within a few LU.
Mismatch sound(const MediaFacts& a, const MediaFacts& b, double frame_s, double threshold)
{
  if (!a.deep || !b.deep || !a.deep->audio_measured || !b.deep->audio_measured)
    return {};
  const DeepFacts &x = *a.deep, &y = *b.deep;
  const bool hear_a = audible(x, threshold), hear_b = audible(y, threshold);
  if (hear_a != hear_b)
    return {{hear_a ? fmt::format("无字幕版是静音的（{}），有字幕版有声音（{}）",
                                  lufs(y.loudness_lufs), lufs(x.loudness_lufs))
                    : fmt::format("有字幕版是静音的（{}），无字幕版有声音（{}）",
                                  lufs(x.loudness_lufs), lufs(y.loudness_lufs)),
             hear_a ? fmt::format("the clean version is silent ({}), the subtitled one is not ({})",
                                  lufs(y.loudness_lufs), lufs(x.loudness_lufs))
                    : fmt::format("the subtitled version is silent ({}), the clean one is not ({})",
                                  lufs(x.loudness_lufs), lufs(y.loudness_lufs))},
            hear_a ? 1 : 0,
            true};
  if (!hear_a) // both silent: audio.silent's
    return {};
  if (std::abs(x.audio_duration_s - y.audio_duration_s) > frame_s + 0.001)
    return {{fmt::format("声音时长不同：有字幕版 {:.3f} 秒，无字幕版 {:.3f} 秒", x.audio_duration_s,
                         y.audio_duration_s),
             fmt::format("the sound lasts differently: subtitled {:.3f} s, clean {:.3f} s",
                         x.audio_duration_s, y.audio_duration_s)},
            0,
            true};
  const double diff = std::abs(x.loudness_lufs - y.loudness_lufs);
  if (x.audio_duration_s >= 0.4 && diff > same_sound_lu)
    return {{fmt::format(
                 "响度不同：有字幕版 {}，无字幕版 {}，相差 {:.1f} LU（同一混音相差不到 {:g} LU）",
                 lufs(x.loudness_lufs), lufs(y.loudness_lufs), diff, same_sound_lu),
             fmt::format("the loudness differs: subtitled {}, clean {}, {:.1f} LU apart (one mix "
                         "stays within {:g} LU)",
                         lufs(x.loudness_lufs), lufs(y.loudness_lufs), diff, same_sound_lu)},
            0,
            true};
  return {};
}

Mismatch mismatch(const MediaFacts& a, const MediaFacts& b, const VersionPair& pair,
                  double threshold)
{
  const double fps = a.video->frame_rate.valid() ? a.video->frame_rate.value() : 25;
  const double frame_s = 1.0 / std::max(1.0, fps);
  const double da = duration_of(a), db = duration_of(b);
  if (da > 0 && db > 0 && std::abs(da - db) > frame_s + 0.001)
    return {{fmt::format("时长不同：有字幕版 {:.3f} 秒，无字幕版 {:.3f} 秒", da, db),
             fmt::format("the durations differ: subtitled {:.3f} s, clean {:.3f} s", da, db)}};
  if (a.video->display_width != b.video->display_width ||
      a.video->display_height != b.video->display_height)
    return {{fmt::format("画面大小不同：有字幕版 {}x{}，无字幕版 {}x{}", a.video->display_width,
                         a.video->display_height, b.video->display_width, b.video->display_height),
             fmt::format("the picture sizes differ: subtitled {}x{}, clean {}x{}",
                         a.video->display_width, a.video->display_height, b.video->display_width,
                         b.video->display_height)}};
  if (Mismatch m = sound_presence(a, b); !m.why.zh.empty())
    return m;
  const PairComparison& c = pair.comparison;
  if (pair.compared && c.samples > 0 && c.psnr_outside_band < same_programme_db)
    return {{fmt::format("两个版本的画面差别很大，同一时刻、字幕区以外的画面也不一样（比较了 {} "
                         "个画面，相似度 PSNR {:.1f} dB，同一节目应在 {:g} dB 以上）",
                         c.samples, c.psnr_outside_band, same_programme_db),
             fmt::format("the two versions show different pictures, at the same moments the "
                         "picture outside the subtitle band differs too ({} pictures compared, "
                         "similarity PSNR {:.1f} dB; one programme gives over {:g} dB)",
                         c.samples, c.psnr_outside_band, same_programme_db)}};
  return sound(a, b, frame_s, threshold);
}

void report_mismatch(const Context& ctx, const VersionPair& pair, const Mismatch& m,
                     const rules::Origin* origin)
{
  const auto& a = ctx.sub.files[size_t(pair.subtitled)];
  const auto& b = ctx.sub.files[size_t(pair.clean)];
  const auto& at = m.at == 0 ? a : b;
  const auto& other = m.at == 0 ? b : a;
  const Work& work = ctx.sub.works[size_t(pair.work)];
  Finding* f = ctx.sink.add(ids::subtitles_pair_mismatch, origin, at.path, work.title);
  if (!f)
    return;
  f->actual = m.why;
  if (m.sound) {
    f->expected =
        Text{"与“" + other.name + "”的声音相同：都有声音，时长相同，响度相近",
             "the same sound as '" + other.name + "': audible in both, as long, about as loud"};
    f->message = {"有字幕版和无字幕版的声音不一样：" + m.why.zh,
                  "the subtitled and the clean versions do not sound the same: " + m.why.en};
    f->hint = {"从同一个剪辑工程分别导出两个版本（只关闭字幕轨）；检查导出时是否包含音频、音轨是否"
               "被静音。",
               "Export both versions from the same project, switching only the subtitle track "
               "off; check that the sound is included and not muted."};
    return;
  }
  f->expected = Text{"与“" + b.name + "”是同一节目，只差字幕",
                     "the same programme as '" + b.name + "', subtitles aside"};
  f->message = {"有字幕版和无字幕版不是同一个节目：" + m.why.zh,
                "the subtitled and the clean versions are not the same programme: " + m.why.en};
  f->hint = {"从同一个剪辑工程分别导出有字幕、无字幕两个版本（只关闭字幕轨，其他设置不变）。",
             "Export both versions from the same project, switching only the subtitle track off."};
}

// Burned-in text in the clean version and none in the subtitled one: the names are swapped.
// An error (the receiver would publish the wrong file), unless the rule set lowers
// subtitles.not-burned.
void swapped(const Context& ctx, const VersionPair& pair, const rules::Origin* origin, Finding& f)
{
  const auto& a = ctx.sub.files[size_t(pair.subtitled)];
  const auto& b = ctx.sub.files[size_t(pair.clean)];
  f.severity = origin && origin->severity
                   ? *origin->severity
                   : ctx.rules.severity_of(ids::subtitles_not_burned.str(), Severity::error);
  f.actual = Text{"字幕在“" + b.name + "”（无字幕版）里",
                  "the text is in '" + b.name + "' (the clean version)"};
  f.message = {"两个文件名标反了：烧录的字幕在“" + b.name + "”里，“" + a.name + "”里没有",
               "the two names are swapped: the burned-in text is in '" + b.name + "', not in '" +
                   a.name + "'"};
  f.hint = {"把两个文件的名字对调：有字幕的“" + b.name + "”应命名为有字幕版，另一个为无字幕版。",
            "Swap the two names: '" + b.name +
                "', which shows the text, is the subtitled version; the other is the clean one."};
}

// The subtitled version shows the very pictures of the clean one (the same file twice, or the
// same pictures at every sample): it certainly has no subtitles, and the notice's two versions
// are one. An error, unless the rule set lowers subtitles.not-burned. `same_bytes`: the two
// files are byte for byte the same (known under --fast too).
void same_pictures(const Context& ctx, const VersionPair& pair, const rules::Origin* origin,
                   bool same_bytes, Finding& f)
{
  const auto& b = ctx.sub.files[size_t(pair.clean)];
  f.severity = origin && origin->severity
                   ? *origin->severity
                   : ctx.rules.severity_of(ids::subtitles_not_burned.str(), Severity::error);
  f.actual = same_bytes
                 ? Text{"与无字幕版“" + b.name + "”是同一个文件（内容逐字节相同）",
                        "the same file as the clean version '" + b.name + "' (identical bytes)"}
                 : Text{"与无字幕版“" + b.name + "”画面完全相同",
                        "the same pictures as the clean version '" + b.name + "'"};
  f.message = {"有字幕版和无字幕版" + std::string(same_bytes ? "是同一个文件" : "画面完全相同") +
                   "：有字幕版里没有字幕，通知要求的两个版本只交了一个",
               std::string("the subtitled and the clean versions ") +
                   (same_bytes ? "are the same file" : "show the same pictures") +
                   ": the subtitled one has no subtitles, and of the two versions the notice "
                   "asks for only one was handed in"};
  f.hint = {
      "在剪辑软件中打开字幕轨，把字幕烧录进画面，导出有字幕版替换这个文件；无字幕版保留不变。",
      "Switch the subtitle track on, burn it into the picture and export the subtitled "
      "version to replace this file; keep the clean version as it is."};
}

void compare_versions(const Context& ctx, const VersionPair& pair)
{
  const auto& a = ctx.sub.files[size_t(pair.subtitled)];
  const auto& b = ctx.sub.files[size_t(pair.clean)];
  if (!a.facts.video || !b.facts.video || a.facts.error || b.facts.error)
    return;
  const Work& work = ctx.sub.works[size_t(pair.work)];
  const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
  const rules::Origin* origin = cat.variants ? &cat.variants->origin : nullptr;
  const Mismatch m = mismatch(a.facts, b.facts, pair, cat.media.silence_threshold);
  if (!m.why.zh.empty()) {
    report_mismatch(ctx, pair, m, origin);
    return;
  }
  const PairComparison& c = pair.comparison;
  const bool same_bytes = !a.sha256.empty() && a.sha256 == b.sha256;
  const bool compared = pair.compared && c.samples > 0;
  if (!compared && !same_bytes)
    return;
  const bool no_text = c.band_samples == 0;
  const bool text_in_clean = !no_text && c.edges_clean > c.edges_subtitled;
  const bool identical = same_bytes || (no_text && c.identical_share >= same_pictures_share);
  if (!no_text && !text_in_clean && !identical)
    return;
  if (Finding* f = ctx.sink.add(ids::subtitles_not_burned, origin, a.path, work.title)) {
    f->expected = Text{"画面底部有烧录的字幕", "subtitles burned into the bottom of the picture"};
    if (identical) {
      same_pictures(ctx, pair, origin, same_bytes, *f);
      return;
    }
    if (text_in_clean) {
      swapped(ctx, pair, origin, *f);
      return;
    }
    f->actual = Text{fmt::format("{} 处取样都看不到字幕", c.samples),
                     fmt::format("no subtitle in {} samples", c.samples)};
    f->message = {"有字幕版的画面里看不到烧录的字幕（和无字幕版比较）",
                  "the subtitled version shows no burned-in text compared with the clean one"};
    f->hint = {"在剪辑软件中打开字幕轨，把字幕烧录进画面后重新导出（单独的字幕文件或软字幕不算）。",
               "Switch the subtitle track on and burn it into the picture, then export again (a "
               "separate subtitle file or soft subtitles do not count)."};
  }
}

// How to hand in the missing version. On pack's material (Options::material) pack takes only
// the files works.yaml lists, so a file exported beside the other is not packed: the hint
// names the works.yaml key of the missing version (video: is a work of one version) and the
// pack to run again. Elsewhere (a drive, pack's own check): the names the two versions end in,
// and the keys for whoever packs from works.yaml.
Text pair_missing_hint(const Context& ctx, const Versions& v, const rules::VariantRules& variants)
{
  const std::string& sub = variants.subtitled.suffix;
  const std::string& clean = variants.clean.suffix;
  if (!ctx.options.material)
    return {"报送两个版本，文件名分别以“" + sub + "”和“" + clean +
                "”结尾。用 works.yaml 打包时，在这个作品的 files 下写 subtitled: 有字幕版的文件、"
                "clean: 无字幕版的文件（不要用 video:，它表示只有一个版本）。",
            "Submit both versions, their names ending in '" + sub + "' and '" + clean +
                "'. When packing from works.yaml, list them under the work's files as "
                "subtitled: (the subtitled file) and clean: (the clean file), not video:, "
                "which means a single version."};
  const Text pack = material_pack_command(ctx);
  const Text only_listed{"pack 只打包 works.yaml 里写到的文件，放在旁边不写进去的不会打包：",
                         "pack packs only the files works.yaml lists, not one merely put "
                         "beside them: "};
  Text what, keys;
  if (v.subtitled && !v.clean) {
    what = {"无字幕版", "the clean version"};
    keys = {"在 works.yaml 这个作品的 files 下加一行 clean: 无字幕版文件的路径（有字幕版写在 "
            "subtitled: 下，不要用 video:）",
            "under this work's files in works.yaml, add a line clean: (the clean file's path), "
            "with the subtitled one under subtitled:, not video:"};
  } else if (v.clean && !v.subtitled) {
    what = {"有字幕版", "the subtitled version"};
    keys = {"在 works.yaml 这个作品的 files 下加一行 subtitled: 有字幕版文件的路径（无字幕版写在 "
            "clean: 下，不要用 video:）",
            "under this work's files in works.yaml, add a line subtitled: (the subtitled file's "
            "path), with the clean one under clean:, not video:"};
  } else {
    what = {"另一个版本", "the other version"};
    keys = {"在 works.yaml 这个作品的 files 下，把 video: 换成 subtitled:（这个文件有字幕时）或 "
            "clean:（没有字幕时），再加一行 clean: 或 subtitled:，写另一个版本文件的路径",
            "under this work's files in works.yaml, replace video: by subtitled: (if this file "
            "has subtitles) or clean: (if not), and add a line clean: or subtitled: with the "
            "other version's path"};
  }
  return {"从剪辑工程导出" + what.zh + "，放进素材文件夹；" + only_listed.zh + keys.zh +
              "，然后重新打包：" + pack.zh,
          "Export " + what.en + " from the editing project into the material folder; " +
              only_listed.en + keys.en + ", then pack again: " + pack.en};
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
    if (Finding* f = ctx.sink.add(ids::subtitles_pair_missing, &cat.variants->origin, v.first_path,
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
        f->actual = Text{"未标明版本", "no version in the name"};
        f->message = {
            "要求有字幕、无字幕两个版本，文件名没有标明是哪个版本",
            "two versions (subtitled and clean) are required; the name does not say which this is"};
      }
      f->hint = pair_missing_hint(ctx, v, *cat.variants);
    }
  }
}

} // namespace mpcheck::checks
