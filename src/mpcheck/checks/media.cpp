// media.unreadable, media.truncated, media.decode-error, container.format: can the file be
// played at all, does it decode cleanly, and is it really the container the notice asks for.
#include <algorithm>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/probe_errors.hpp"

namespace mpcheck::checks {

namespace {

bool is_media(const SubmissionFile& f)
{
  return (f.kind == FileKind::video || f.kind == FileKind::audio) && f.size > 0;
}

void truncated(const Context& ctx, const SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add(ids::media_truncated, nullptr, file.path, ctx.work_of(file))) {
    f->expected = Text{"完整的文件", "a complete file"};
    f->actual = truncated_text(file.facts.truncated_detail);
    f->message = {"文件不完整：只拷贝或下载了一部分，播放到中途会停止或无法打开",
                  "the file is incomplete: only part of it was copied or downloaded; it stops "
                  "half way or does not open"};
    f->hint = {
        "从原始文件重新拷贝，拷贝完成（进度条结束）后再安全弹出U盘。",
        "Copy it again from the original and eject the drive safely only after the copy ends."};
  }
}

void unreadable(const Context& ctx, const SubmissionFile& file)
{
  const std::string& code = file.facts.error->code;
  if (Finding* f = ctx.sink.add(ids::media_unreadable, nullptr, file.path, ctx.work_of(file))) {
    f->expected = Text{"可播放的视频", "a playable video"};
    f->actual = probe_error_actual(code);
    f->message = probe_error_message(code);
    f->hint = probe_error_hint(code);
  }
}

std::string join(const std::vector<std::string>& items)
{
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : "/") + i;
  return out;
}

Text format_name(const std::string& format)
{
  if (format == "mov")
    return {"QuickTime (.mov)", "QuickTime (.mov)"};
  if (format == "matroska")
    return {"Matroska (.mkv)", "Matroska (.mkv)"};
  if (format == "mpegts")
    return {"MPEG-TS (.ts)", "MPEG-TS (.ts)"};
  return {format, format};
}

void container_format(const Context& ctx, const SubmissionFile& file)
{
  const rules::MediaRules& media = ctx.rules_for(file).media;
  if (!media.containers || !file.facts.container)
    return;
  const auto& allowed = media.containers->value;
  const std::string& got = file.facts.container->format;
  if (std::find(allowed.begin(), allowed.end(), got) != allowed.end())
    return;
  if (Finding* f = ctx.sink.add(ids::container_format, &media.containers->origin, file.path,
                                ctx.work_of(file))) {
    f->expected = join(allowed);
    f->actual = got;
    const Text name = format_name(got);
    f->message = {"文件实际是 " + name.zh + " 格式（与扩展名无关），要求 " + join(allowed),
                  "the file really is " + name.en + " (whatever its extension says); " +
                      join(allowed) + " is required"};
    const std::string remux = fmt::format(
        "mkdir -p {} && ffmpeg -i {} -map 0:v:0 -map 0:a:0? -c copy -movflags +faststart {}",
        shell_quote(fixed_folder), shell_quote(command_path(file)),
        shell_quote(std::string(fixed_folder) + "/" + fixed_name(ctx, file)));
    const std::string fix = mpcheck_fix_command(ctx, file);
    const std::string encode = ffmpeg_fix_command(ctx, file, media);
    f->hint = material_fix(ctx, file).value_or(
        Text{fix + "（自动转封装并复查）；或用 ffmpeg 无损转封装：" + remux +
                 "（若编码不兼容，用：" + encode + "）",
             fix + " (remuxes it and checks it again); or remux with ffmpeg: " + remux +
                 " (if the codecs do not fit: " + encode + ")"});
  }
}

// Decoding found damage: pictures the decoder flagged as corrupt or packets it refused, in
// the parts the deep checks decoded (a truncated file's missing end is media.truncated's).
void decode_errors(const Context& ctx, const SubmissionFile& file, const DeepFacts& d)
{
  const bool no_decoder = d.error == "no-decoder";
  const bool no_pictures = d.error == "no-pictures";
  const int errors = d.video_decode_errors + d.audio_decode_errors;
  if (!no_decoder && !no_pictures && errors == 0)
    return;
  Finding* f = ctx.sink.add(ids::media_decode_error, nullptr, file.path, ctx.work_of(file));
  if (!f)
    return;
  f->expected = Text{"能完整解码的画面和声音", "pictures and sound that decode cleanly"};
  if (no_decoder) {
    const std::string codec = file.facts.video ? file.facts.video->codec : "?";
    f->actual = Text{"无法解码（" + codec + "）", "cannot decode (" + codec + ")"};
    f->message = {"这种视频编码（" + codec + "）无法解码，很多电脑也播放不了",
                  "this video codec (" + codec +
                      ") cannot be decoded; many computers cannot play it"};
    const Text redo{"用常见编码重新导出", "Export it again in a common codec"};
    const std::string ff = ffmpeg_fix_command(ctx, file, ctx.rules_for(file).media);
    // On a packed drive no command on the drive's copy (run_all says to redo it in the material).
    f->hint =
        ctx.sub.manifest ? redo : Text{redo.zh + "，或用：" + ff, redo.en + ", or run: " + ff};
    return;
  }
  if (no_pictures) {
    f->actual = Text{"解码不出任何画面", "no picture decodes"};
    f->message = {"文件里的视频数据无法解码，播放时没有画面",
                  "the video data cannot be decoded: playback shows no picture"};
    f->hint = {"从原始工程重新导出，或从原始文件重新拷贝。",
               "Export it again from the project, or copy it again from the original."};
    return;
  }
  f->actual = Text{
      fmt::format("画面 {} 处、声音 {} 处解码出错", d.video_decode_errors, d.audio_decode_errors),
      fmt::format("{} picture and {} sound decode errors", d.video_decode_errors,
                  d.audio_decode_errors)};
  f->message = {"文件数据有损坏：播放时会出现花屏、马赛克、卡顿或杂音",
                "the file's data is damaged: playback shows blocks, smears, stalls or clicks"};
  const std::string ff = ffmpeg_fix_command(ctx, file, ctx.rules_for(file).media);
  f->hint =
      ctx.sub.manifest
          ? Text{"从原始工程重新导出", "Export it again from the project"}
          : Text{"从原始工程重新导出；若只有这个文件，用 ffmpeg 重新编码可以去掉无法解码的部分：" +
                     ff,
                 "Export it again from the project; if this file is all you have, "
                 "re-encoding drops what cannot be decoded: " +
                     ff};
}

} // namespace

void check_media(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (!is_media(file))
      continue;
    const auto& err = file.facts.error;
    if (file.facts.truncated || (err && err->code == "no-index"))
      truncated(ctx, file);
    else if (err && err->code != "permission" && err->code != "unreadable")
      unreadable(ctx, file);
    if (!err)
      container_format(ctx, file);
    if (!err && !file.facts.truncated && file.facts.deep)
      decode_errors(ctx, file, *file.facts.deep);
  }
}

} // namespace mpcheck::checks
