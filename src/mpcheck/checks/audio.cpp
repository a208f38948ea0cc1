// audio.*: sound where the notice asks for it (声音清楚). audio.silent and audio.loudness
// judge the decoded sound (the deep checks: EBU R128 integrated loudness and true peak).
// A video with no audio stream, or a silent track, is also reported where the notice says
// nothing (a baseline: a warning unless the rule set's severity map raises it).
#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

// A quiet stretch inside the sound at least this long is worth a look (a lecture pausing
// for ten seconds has lost its voice, or its music bed).
constexpr double long_silence_s = 10.0;

std::string lufs(double v)
{
  return v <= -69.95 ? std::string("-70 LUFS (静音)") : fmt::format("{:.1f} LUFS", v);
}

std::string lufs_en(double v)
{
  return v <= -69.95 ? std::string("-70 LUFS (silence)") : fmt::format("{:.1f} LUFS", v);
}

// The rule that asks for sound, or nullptr under the baseline.
const rules::Origin* required(const std::optional<rules::Requirement<bool>>& rule)
{
  return rule && rule->value ? &rule->origin : nullptr;
}

Finding* add(const Context& ctx, rules::CheckId check, const rules::Origin* origin,
             const SubmissionFile& file)
{
  return origin ? ctx.sink.add(check, origin, file.path, ctx.work_of(file))
                : ctx.sink.add_baseline(check, file.path, ctx.work_of(file));
}

void silent(const Context& ctx, const SubmissionFile& file, const rules::MediaRules& media,
            const DeepFacts& d)
{
  const rules::Origin* origin = required(media.audio_not_silent);
  if (!audible(d, media.silence_threshold)) {
    if (Finding* f = add(ctx, ids::audio_silent, origin, file)) {
      f->expected =
          Text{fmt::format("有声音（综合响度高于 {:g} LUFS）", media.silence_threshold),
               fmt::format("sound (integrated loudness above {:g} LUFS)", media.silence_threshold)};
      f->actual = Text{lufs(d.loudness_lufs), lufs_en(d.loudness_lufs)};
      f->message = {"音轨是静音的：整段听不到声音",
                    "the audio track is silent: nothing can be heard"};
      f->hint = {
          "检查剪辑软件中音轨是否静音、导出时是否选择了正确的音频轨，重新导出。",
          "Check that the sound track is not muted and is included in the export; export again."};
    }
    return;
  }
  for (const SilenceInterval& s : d.silences) {
    if (s.end_s - s.start_s < long_silence_s)
      continue;
    if (Finding* f = add(ctx, ids::audio_silent, origin, file)) {
      // A gap, not a silent file: worth a look, not a rejection.
      if (f->severity == Severity::error)
        f->severity = Severity::warning;
      const std::string at = fmt::format("{:.1f}–{:.1f} s", s.start_s, s.end_s);
      f->expected = Text{fmt::format("没有超过 {:g} 秒的无声段落", long_silence_s),
                         fmt::format("no silence of {:g} s or more", long_silence_s)};
      f->actual = Text{"无声：" + at, "silent: " + at};
      f->message = {
          fmt::format("第 {} 处有 {:.0f} 秒听不到声音", at, s.end_s - s.start_s),
          fmt::format("nothing can be heard for {:.0f} s at {}", s.end_s - s.start_s, at)};
      f->hint = {
          "确认这段无声是有意的；否则补上解说或背景音乐后重新导出。",
          "Make sure the silence is intended; otherwise add the voice or music and export again."};
    }
  }
}

void loudness(const Context& ctx, const SubmissionFile& file, const rules::MediaRules& media,
              const DeepFacts& d)
{
  const rules::LoudnessRange& r = media.loudness->value;
  const bool low = r.min && d.loudness_lufs < *r.min, high = r.max && d.loudness_lufs > *r.max;
  // A silent track is audio.silent's to report.
  if ((!low && !high) || d.loudness_lufs < media.silence_threshold)
    return;
  Finding* f =
      ctx.sink.add(ids::audio_loudness, &media.loudness->origin, file.path, ctx.work_of(file));
  if (!f)
    return;
  const std::string want = r.min && r.max ? fmt::format("{:g}…{:g} LUFS", *r.min, *r.max)
                           : r.min        ? fmt::format("≥ {:g} LUFS", *r.min)
                                          : fmt::format("≤ {:g} LUFS", *r.max);
  f->expected = want;
  f->actual = fmt::format("{:.1f} LUFS, true peak {:.1f} dBTP", d.loudness_lufs, d.true_peak_dbtp);
  const std::string gain = fmt::format("{:+.0f}", -23.0 - d.loudness_lufs);
  // Two passes, as `mpcheck fix` makes them: measured (above), then a linear gain.
  const std::string ff = fmt::format(
      "mkdir -p {} && ffmpeg -i {} -map 0:v:0 -map 0:a:0 -c:v copy -af volume={:.1f}dB -c:a aac "
      "-b:a 192k -ar 48000 -ac 2 -movflags +faststart {}",
      shell_quote(fixed_folder), shell_quote(command_path(file)), -23.0 - d.loudness_lufs,
      shell_quote(std::string(fixed_folder) + "/" + fixed_name(ctx, file)));
  const std::string fix = mpcheck_fix_command(ctx, file);
  const Text cmd = material_fix(ctx, file).value_or(
      Text{fix + "（自动调整并复查）；或用 ffmpeg：" + ff,
           fix + " (adjusts it and checks it again); or with ffmpeg: " + ff});
  if (low) {
    f->message = {
        fmt::format("声音太小：综合响度 {:.1f} LUFS，低于 {:g} LUFS，听众需要把音量开得很大",
                    d.loudness_lufs, *r.min),
        fmt::format("the sound is too quiet: {:.1f} LUFS integrated, below {:g} LUFS",
                    d.loudness_lufs, *r.min)};
  } else {
    f->message = {fmt::format("声音太响：综合响度 {:.1f} LUFS，高于 {:g} LUFS，容易失真刺耳",
                              d.loudness_lufs, *r.max),
                  fmt::format("the sound is too loud: {:.1f} LUFS integrated, above {:g} LUFS",
                              d.loudness_lufs, *r.max)};
  }
  f->hint = {"在剪辑软件中把音量调整约 " + gain + " dB（目标 -23 LUFS）后重新导出，或用：" + cmd.zh,
             "Change the volume by about " + gain +
                 " dB (target -23 LUFS) and export again, or run: " + cmd.en};
}

} // namespace

void check_audio(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (file.kind != FileKind::video || file.facts.error || !file.facts.video)
      continue;
    const rules::MediaRules& media = ctx.rules_for(file).media;
    // `audio_required: false` / `audio_not_silent: false`: the rule set allows it.
    const bool allow_silence = media.audio_not_silent && !media.audio_not_silent->value;
    const bool allow_none = media.audio_required && !media.audio_required->value;
    if (file.facts.deep && file.facts.deep->audio_measured && !file.facts.audio.empty()) {
      if (!allow_silence)
        silent(ctx, file, media, *file.facts.deep);
      if (media.loudness)
        loudness(ctx, file, media, *file.facts.deep);
    }
    if (!file.facts.audio.empty() || allow_none)
      continue;
    if (Finding* f = add(ctx, ids::audio_missing, required(media.audio_required), file)) {
      f->expected = Text{"有声音", "sound"};
      f->actual = Text{"无音轨", "no audio stream"};
      f->message = {"视频没有声音（没有音轨）", "the video has no sound (no audio stream)"};
      f->hint = {"在剪辑软件中确认导出时包含音频后重新导出。",
                 "Export it again with the sound included."};
    }
  }
}

} // namespace mpcheck::checks
