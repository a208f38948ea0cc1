// video.*: the picture as the notice wants it — codec, size, orientation, aspect ratio,
// frame rate and its regularity, scan type, bit rate — from metadata and packets; the scan
// type as the pictures show it and black stretches from the deep checks (decoded samples).
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/rules/units.hpp"

namespace mpcheck::checks {

namespace {

struct VideoCheck {
  const Context& ctx;
  const SubmissionFile& file;
  const VideoFacts& v;
  const rules::MediaRules& media;

  Finding* add(rules::CheckId check, const rules::Origin& origin) const
  {
    return ctx.sink.add(check, &origin, file.path, ctx.work_of(file));
  }
  Text fix() const
  {
    const Text cmd = fix_commands(ctx, file, media);
    return {"重新导出，或用：" + cmd.zh, "Export it again, or run: " + cmd.en};
  }
};

using rules::format_mbps;

// 25, 29.97, 100, 59.94: at most three decimals, no trailing zeros.
std::string fps(double rate)
{
  return fmt::format("{:g}", std::round(rate * 1000) / 1000);
}

void codec(const VideoCheck& c)
{
  const auto& allowed = c.media.codecs->value;
  if (std::find(allowed.begin(), allowed.end(), c.v.codec) != allowed.end())
    return;
  if (Finding* f = c.add(ids::video_codec, c.media.codecs->origin)) {
    std::string list;
    for (const auto& a : allowed)
      list += (list.empty() ? "" : "/") + a;
    f->expected = list;
    f->actual = c.v.codec;
    f->message = {"视频编码是 " + c.v.codec + "，要求 " + list,
                  "the video codec is " + c.v.codec + "; " + list + " is expected"};
    f->hint = c.fix();
  }
}

void resolution(const VideoCheck& c)
{
  const auto& want = c.media.resolution->value;
  if (c.v.width == want.width && c.v.height == want.height)
    return;
  if (Finding* f = c.add(ids::video_resolution, c.media.resolution->origin)) {
    f->expected = fmt::format("{}x{}", want.width, want.height);
    std::string actual = fmt::format("{}x{}", c.v.width, c.v.height);
    if (c.v.sar.num != c.v.sar.den)
      actual += " (SAR " + c.v.sar.ratio_str() + ")";
    f->actual = actual;
    const bool anamorphic = c.v.sar.num != c.v.sar.den && c.v.display_width == want.width;
    f->message =
        anamorphic
            ? Text{"分辨率是 " + f->actual.zh + "（变形宽屏，显示为 " + f->expected.zh +
                       "，但像素不是）",
                   "the resolution is " + f->actual.zh + " (anamorphic: shown as " +
                       f->expected.zh + ", but not stored so)"}
            : Text{"分辨率是 " + f->actual.zh + "，要求 " + f->expected.zh,
                   "the resolution is " + f->actual.zh + "; " + f->expected.zh + " is required"};
    f->hint = c.fix();
  }
}

void orientation(const VideoCheck& c)
{
  const bool landscape = c.v.display_width >= c.v.display_height;
  const bool want_landscape = c.media.orientation->value == rules::Orientation::landscape;
  if (landscape == want_landscape)
    return;
  if (Finding* f = c.add(ids::video_orientation, c.media.orientation->origin)) {
    f->expected = want_landscape ? Text{"横屏", "landscape"} : Text{"竖屏", "portrait"};
    const std::string shown = fmt::format("{}x{}", c.v.display_width, c.v.display_height);
    f->actual = c.v.rotation ? Text{fmt::format("{}（旋转 {}°）", shown, c.v.rotation),
                                    fmt::format("{} (rotated {}°)", shown, c.v.rotation)}
                             : Text{shown};
    const Text turned = c.v.rotation ? Text{fmt::format("，旋转 {}°", c.v.rotation),
                                            fmt::format(", rotated {}°", c.v.rotation)}
                                     : Text{""};
    f->message = want_landscape
                     ? Text{"视频是竖屏（显示为 " + shown + turned.zh + "），要求横屏",
                            "the video is portrait (shown as " + shown + turned.en +
                                "); landscape is required"}
                     : Text{"视频是横屏，要求竖屏", "the video is landscape; portrait is required"};
    const std::string fix = mpcheck_fix_command(c.ctx, c.file); // with --pillarbox
    const std::string ff = ffmpeg_fix_command(c.ctx, c.file, c.media);
    const Text commands =
        material_fix(c.ctx, c.file)
            .value_or(Text{fix + "；或用 ffmpeg：" + ff, fix + "; or with ffmpeg: " + ff});
    f->hint = {"用横屏重新拍摄或在剪辑软件中做成横屏画面（加背景）再导出；或放在横屏画布中间（两侧"
               "黑边）：" +
                   commands.zh,
               "Shoot again in landscape, or place the picture on a landscape canvas in the "
               "editor; or put it on a landscape canvas (black bars at the sides): " +
                   commands.en};
  }
}

void aspect_ratio(const VideoCheck& c)
{
  const Rational want = c.media.aspect_ratio->value;
  const double got = double(c.v.display_width) / std::max(1, c.v.display_height);
  if (std::fabs(got - want.value()) <= want.value() * c.media.aspect_ratio_tolerance)
    return;
  if (Finding* f = c.add(ids::video_aspect_ratio, c.media.aspect_ratio->origin)) {
    f->expected = want.ratio_str();
    f->actual = Rational{c.v.display_width, c.v.display_height}.ratio_str();
    f->message = {"画面宽高比是 " + f->actual.zh + "，要求 " + f->expected.zh,
                  "the display aspect ratio is " + f->actual.zh + "; " + f->expected.zh +
                      " is required"};
    f->hint = c.fix();
  }
}

// A video whose frame timing varies shows as many pictures a second as its average says,
// whatever rate its header names: 18.9 pictures a second is not 25P because the header says
// 25. The average stands in for the nominal rate when the timing is variable and the two
// differ by more than this share (a frame dropped here and there moves the average of a
// 25 fps video by far less).
constexpr double average_rate_share = 0.02;

void frame_rate(const VideoCheck& c)
{
  const double want = c.media.frame_rate->value.value();
  const double nominal = c.v.frame_rate.value();
  const double average = c.v.avg_frame_rate.valid() ? c.v.avg_frame_rate.value() : 0;
  const bool by_average = c.v.constant_frame_rate == false && average > 0 && nominal > 0 &&
                          std::fabs(average - nominal) > average_rate_share * nominal;
  const double got = by_average ? average : nominal;
  if (got > 0 && std::fabs(got - want) > c.media.frame_rate_tolerance)
    if (Finding* f = c.add(ids::video_frame_rate, c.media.frame_rate->origin)) {
      f->expected = fps(want) + " fps";
      f->actual = by_average
                      ? Text{"平均 " + fps(got) + " fps（文件头标称 " + fps(nominal) + " fps）",
                             fps(got) + " fps on average (" + fps(nominal) + " fps in the header)"}
                      : Text{fps(got) + " fps"};
      f->message =
          by_average
              ? Text{"帧率不恒定，平均每秒只有 " + fps(got) + " 帧（文件头写的是 " + fps(nominal) +
                         " fps），要求 " + f->expected.zh,
                     "the frame timing varies: " + fps(got) + " pictures a second on average (" +
                         fps(nominal) + " fps in the header); " + f->expected.zh + " is required"}
              : Text{"帧率是 " + f->actual.zh + "，要求 " + f->expected.zh,
                     "the frame rate is " + f->actual.zh + "; " + f->expected.zh + " is required"};
      const Text cmd = fix_commands(c.ctx, c.file, c.media);
      f->hint = {"在剪辑软件的导出设置里选 " + f->expected.zh +
                     "，从原始素材或工程文件重新导出（只改文件头的帧率不算数），或用：" + cmd.zh,
                 "Export it again from the source or the project at " + f->expected.en +
                     " (the editor's export settings; changing only the header's rate does not "
                     "count), or run: " +
                     cmd.en};
    }
}

// Under every rule set (a baseline): players lose lip sync on variable timing. With a
// frame_rate rule the finding cites it and names the rate.
// Phones stamp frames with a millisecond of jitter (33/34 ms at 29.97, 16.1–17.2 ms at 60):
// no player loses sync over that. Intervals apart by more than a tenth of a frame are
// variable timing (dropped or doubled frames, slow motion, screen recordings).
constexpr double timing_jitter = 0.10;

void variable_frame_rate(const VideoCheck& c)
{
  if (c.v.constant_frame_rate != false)
    return;
  const double lo = c.v.frame_duration_min_s, hi = c.v.frame_duration_max_s;
  if (lo > 0 && hi > 0 && hi - lo <= timing_jitter * lo)
    return;
  const rules::Origin* origin = c.media.frame_rate ? &c.media.frame_rate->origin : nullptr;
  if (Finding* f = c.ctx.sink.add(ids::video_variable_frame_rate, origin, c.file.path,
                                  c.ctx.work_of(c.file))) {
    const std::string want =
        c.media.frame_rate ? " " + fps(c.media.frame_rate->value.value()) + " fps" : "";
    f->expected = Text{"恒定帧率" + want, "constant frame rate" + want};
    const std::string range = fmt::format("{:.1f}–{:.1f} ms", c.v.frame_duration_min_s * 1000,
                                          c.v.frame_duration_max_s * 1000);
    f->actual = Text{"帧间隔 " + range, "frame intervals " + range};
    f->message = {"帧率不恒定（手机录屏、直接拷贝的手机视频常见），部分播放设备会音画不同步",
                  "the frame timing is not constant (common for phone and screen recordings); "
                  "some players lose lip sync"};
    f->hint = c.fix();
  }
}

// What idet saw, and how strongly one field order dominates the combing pictures.
Text idet_counts(const DeepFacts& d)
{
  const int combing = d.idet_tff + d.idet_bff;
  const int share =
      combing ? int(std::lround(100.0 * std::max(d.idet_tff, d.idet_bff) / combing)) : 0;
  const bool top = d.idet_tff >= d.idet_bff;
  return {fmt::format("idet：顶场优先 {} 帧、底场优先 {} 帧、逐行 {} 帧，{} {}%", d.idet_tff,
                      d.idet_bff, d.idet_progressive, top ? "顶场优先占" : "底场优先占", share),
          fmt::format("idet: top field first {}, bottom field first {}, progressive {}; {}% {}",
                      d.idet_tff, d.idet_bff, d.idet_progressive, share,
                      top ? "top field first" : "bottom field first")};
}

// The flag decides what players and the receiver's tools show; the pictures (deep checks)
// catch interlaced content flagged progressive, and say when a flagged file is progressive.
void scan(const VideoCheck& c)
{
  if (c.media.scan->value != rules::Scan::progressive)
    return;
  const bool flagged = c.v.scan == "tff" || c.v.scan == "bff" || c.v.scan == "interlaced";
  const std::string content = c.file.facts.deep ? c.file.facts.deep->scan_content : "";
  if (!flagged && content != "interlaced")
    return;
  Finding* f = c.add(ids::video_scan, c.media.scan->origin);
  if (!f)
    return;
  f->expected = Text{"逐行 (progressive)", "progressive"};
  f->hint = c.fix();
  if (!flagged) {
    const Text counts = idet_counts(*c.file.facts.deep);
    f->actual = Text{"隔行画面，标记为逐行", "interlaced pictures flagged progressive"};
    f->message = {"文件标记为逐行，但画面是隔行的（运动处有梳状横纹；" + counts.zh +
                      "），要求逐行（25P 的 P）",
                  "the file is flagged progressive but its pictures are interlaced (comb lines on "
                  "motion; " +
                      counts.en + "); progressive is required (the P in 25P)"};
    return;
  }
  f->actual = Text{"隔行 (" + c.v.scan + ")", "interlaced (" + c.v.scan + ")"};
  f->message = {"视频是隔行扫描（" + c.v.scan + "），要求逐行（25P 的 P）",
                "the video is interlaced (" + c.v.scan +
                    "); progressive is required (the P in 25P)"};
  if (content == "progressive") {
    f->message.zh += "；画面本身是逐行的，只是导出时标记成了隔行";
    f->message.en += "; the pictures themselves are progressive, only the export flagged them "
                     "interlaced";
  }
}

// Too few bits and too many are two findings, each with the severity of the block that sets
// its bound: below the notice's target the picture is worse than asked (changzhou-2024: an
// error); far above it the file is only larger than needed (a warning there).
void bitrate_low(const VideoCheck& c, const rules::BitrateRange& r, int64_t got)
{
  Finding* f = c.add(ids::video_bitrate, r.min_origin);
  if (!f)
    return;
  f->expected = "≥ " + format_mbps(r.min);
  f->actual = format_mbps(got);
  const std::string asked = r.target ? format_mbps(r.target) : format_mbps(r.min);
  f->message = {"视频码率（实测）为 " + f->actual.zh + "，低于要求的 " + asked + "（最低 " +
                    format_mbps(r.min) + "），画质不如通知要求",
                "the measured video bit rate is " + f->actual.zh + ", below the " + asked +
                    " required (at least " + format_mbps(r.min) +
                    "): the picture is worse than asked"};
  const Text cmd = fix_commands(c.ctx, c.file, c.media);
  // Honest about the fallback: a conversion of this file meets the rule's numbers, but the
  // detail compression took away is gone; only the original material has it.
  f->hint = {"最好从原始素材或剪辑工程按要求的码率重新导出：压掉的细节只有原始素材里还有。"
             "手头只有这个文件时才用下面的转换——它能让文件符合码率要求，但补不回已经损失的画质：" +
                 cmd.zh,
             "Best: export again from the original footage or project at the required bit rate — "
             "only the original still has the detail compression took away. Only when this file "
             "is all there is, convert it as follows: it then meets the bit-rate rule, but cannot "
             "bring back the lost picture quality: " +
                 cmd.en};
}

void bitrate_high(const VideoCheck& c, const rules::BitrateRange& r, int64_t got)
{
  Finding* f = c.add(ids::video_bitrate, r.max_origin);
  if (!f)
    return;
  f->expected = "≤ " + format_mbps(r.max);
  f->actual = format_mbps(got);
  f->message =
      r.target
          ? Text{"视频码率（实测）为 " + f->actual.zh + "，远高于要求的 " + format_mbps(r.target) +
                     "（上限 " + format_mbps(r.max) + "），文件过大，部分播放设备可能卡顿",
                 "the measured video bit rate is " + f->actual.zh + ", far above the " +
                     format_mbps(r.target) + " asked (at most " + format_mbps(r.max) +
                     "): the file is needlessly large and may stutter on some players"}
          : Text{"视频码率（实测）为 " + f->actual.zh + "，超过上限 " + format_mbps(r.max),
                 "the measured video bit rate is " + f->actual.zh + ", over the " +
                     format_mbps(r.max) + " limit"};
  f->hint = c.fix();
}

void bitrate(const VideoCheck& c)
{
  const rules::BitrateRange& r = c.media.bitrate->value;
  const int64_t got = c.v.bitrate_measured;
  if (got <= 0)
    return;
  if (r.min != 0 && got < r.min)
    bitrate_low(c, r, got);
  else if (r.max != 0 && got > r.max)
    bitrate_high(c, r, got);
}

// Black at the start or end for at least as long as ffmpeg blackdetect's default (2 s), or
// no picture that is not black. Needs the deep checks.
constexpr double long_black_s = 2.0;

void black(const Context& ctx, const SubmissionFile& file, const DeepFacts& d)
{
  // A truncated file's missing end decodes to nothing, which is not black (media.truncated
  // reports it).
  const bool lead = d.black_lead_s >= long_black_s,
             tail = d.black_tail_s >= long_black_s && !file.facts.truncated;
  if (!d.all_black && !lead && !tail)
    return;
  Finding* f = ctx.sink.add(ids::video_black, nullptr, file.path, ctx.work_of(file));
  if (!f)
    return;
  f->expected =
      Text{fmt::format("开头、结尾黑场短于 {:g} 秒", long_black_s),
           fmt::format("less than {:g} s of black at the start and the end", long_black_s)};
  if (d.all_black) {
    f->actual = Text{"整段黑屏", "black throughout"};
    f->message = {"视频整段都是黑屏，看不到画面", "the video is black throughout: no picture"};
    f->hint = {"检查剪辑软件的导出设置（图层是否隐藏、是否只导出了音频轨），重新导出。",
               "Check the export settings (hidden layers, audio-only export) and export again."};
    return;
  }
  std::string zh, en;
  if (lead) {
    zh = fmt::format("开头黑场 {:.1f} 秒", d.black_lead_s);
    en = fmt::format("{:.1f} s of black at the start", d.black_lead_s);
  }
  if (tail) {
    zh += fmt::format("{}结尾黑场 {:.1f} 秒", zh.empty() ? "" : "，", d.black_tail_s);
    en += fmt::format("{}{:.1f} s of black at the end", en.empty() ? "" : ", ", d.black_tail_s);
  }
  f->actual = Text{zh, en};
  f->message = {"视频" + zh + "，评审看到的是黑屏",
                "the video has " + en + ": the jury sees a black screen"};
  const std::string cut = lead ? fmt::format("-ss {:.2f} ", d.black_lead_s) : "";
  const std::string to =
      tail && file.facts.video
          ? fmt::format("-to {:.2f} ", std::max(0.0, file.facts.video->duration_s - d.black_tail_s))
          : "";
  const std::string cmd = "mkdir -p " + shell_quote(fixed_folder) + " && ffmpeg -i " +
                          shell_quote(command_path(file)) + " " + cut + to +
                          "-c:v libx264 -c:a aac -movflags +faststart " +
                          shell_quote(std::string(fixed_folder) + "/" + fixed_name(ctx, file));
  const Text redo{"在剪辑软件中剪掉多余的黑场后重新导出",
                  "Trim the black in the editor and export again"};
  // On a packed drive no command on the drive's copy (run_all says to redo it in the material).
  f->hint =
      ctx.sub.manifest ? redo : Text{redo.zh + "，或用：" + cmd, redo.en + ", or run: " + cmd};
}

// Under every rule set (baselines, warnings unless the rule set raises them): HDR or wide
// gamut looks washed out on the projectors and ordinary screens a jury uses; 10-bit video
// stutters or does not play on older computers and TV boxes.
void colour(const VideoCheck& c)
{
  if (!hdr_transfer(c.v) && !wide_gamut(c.v))
    return;
  Finding* f = c.ctx.sink.add(ids::video_hdr, nullptr, c.file.path, c.ctx.work_of(c.file));
  if (!f)
    return;
  const std::string stated = (c.v.color_primaries.empty() ? "?" : c.v.color_primaries) + "/" +
                             (c.v.color_transfer.empty() ? "?" : c.v.color_transfer);
  const char* kind_zh = c.v.color_transfer == "arib-std-b67" ? "HLG 高动态范围"
                        : c.v.color_transfer == "smpte2084"  ? "PQ (HDR10) 高动态范围"
                                                             : "BT.2020 广色域";
  const char* kind_en = c.v.color_transfer == "arib-std-b67" ? "HLG high dynamic range"
                        : c.v.color_transfer == "smpte2084"  ? "PQ (HDR10) high dynamic range"
                                                             : "BT.2020 wide gamut";
  f->expected = Text{"标准动态范围 BT.709 (SDR)", "standard dynamic range, BT.709 (SDR)"};
  f->actual =
      Text{std::string(kind_zh) + "（" + stated + "）", std::string(kind_en) + " (" + stated + ")"};
  f->message = {std::string("视频是") + kind_zh +
                    "（手机的“HDR 视频”），在普通投影仪和电脑上颜色发灰、发白",
                std::string("the video is ") + kind_en +
                    " (a phone's \"HDR video\"): washed out on ordinary projectors and screens"};
  const Text cmd = fix_commands(c.ctx, c.file, c.media);
  f->hint = {"拍摄时关闭手机的 HDR 视频；在剪辑软件中按 SDR、Rec.709、8 位导出，或用：" + cmd.zh,
             "Switch the phone's HDR video off; export as SDR, Rec.709, 8-bit, or run: " + cmd.en};
}

void bit_depth(const VideoCheck& c)
{
  if (c.v.bit_depth <= 8)
    return;
  if (Finding* f =
          c.ctx.sink.add(ids::video_bit_depth, nullptr, c.file.path, c.ctx.work_of(c.file))) {
    f->expected = Text{"8 位", "8-bit"};
    f->actual = Text{fmt::format("{} 位 ({})", c.v.bit_depth, c.v.pix_fmt),
                     fmt::format("{}-bit ({})", c.v.bit_depth, c.v.pix_fmt)};
    f->message = {
        fmt::format("视频是 {} 位色深，很多电脑、电视盒子和投影仪放不了或卡顿", c.v.bit_depth),
        fmt::format("the video is {}-bit: many computers, TV boxes and projectors "
                    "stutter or cannot play it",
                    c.v.bit_depth)};
    const Text cmd = fix_commands(c.ctx, c.file, c.media);
    f->hint = {"在剪辑软件中按 8 位（yuv420p）导出，或用：" + cmd.zh,
               "Export as 8-bit (yuv420p), or run: " + cmd.en};
  }
}

// What a work's file holds instead of a video: a picture, sound only, or other data.
struct NotVideo {
  Text actual, message;
};

std::string upper(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return char(std::toupper(c)); });
  return s;
}

NotVideo not_video(const SubmissionFile& file)
{
  if (file.facts.kind == "image" || (file.kind == FileKind::image && !file.facts.video)) {
    const std::string format = file.facts.image ? upper(file.facts.image->format) : "";
    return {format.empty() ? Text{"图片", "a picture"}
                           : Text{"图片（" + format + "）", "a picture (" + format + ")"},
            {"这个文件是一张图片，不是视频", "the file is a picture, not a video"}};
  }
  if (file.facts.kind == "audio" || (!file.facts.audio.empty() && !file.facts.video))
    return {Text{"只有声音", "sound only"},
            {"这个文件只有声音，没有视频画面", "the file holds sound only, no video stream"}};
  return {Text{"没有视频流", "no video stream"},
          {"文件里没有视频画面（只有其他数据）", "the file has no video stream (other data only)"}};
}

// How to fix it: the exported video — or sound, when the category takes sound too
// (branch-everyone's lessons: kinds [video, audio]).
Text export_hint(const Work* work, bool sound_too)
{
  const std::string title = work ? "《" + work->title + "》" : "";
  const std::string en_title = work ? " of '" + work->title + "'" : "";
  if (sound_too)
    return {"报送从剪辑或录音软件导出的视频或音频" + title +
                "；图片不能代替它们，改扩展名也不会让图片变成视频。",
            "Hand in the video or the sound recording" + en_title +
                " as exported from the editing or recording program; a picture does not stand in "
                "for them, and renaming the extension does not make it a video."};
  return {"报送从剪辑软件导出的成片视频" + title +
              "（如 MP4）；图片或音频不能代替视频，改扩展名也不会让它变成视频。",
          "Hand in the finished video" + en_title +
              " as exported from the editing program (e.g. MP4); a picture or sound does not "
              "stand in for the video, and renaming the extension does not make it one."};
}

const Work* work_of_file(const Context& ctx, const SubmissionFile& file)
{
  return file.work >= 0 ? &ctx.sub.works[size_t(file.work)] : nullptr;
}

void missing(const Context& ctx, const SubmissionFile& file)
{
  if (Finding* f = ctx.sink.add(ids::video_missing, nullptr, file.path, ctx.work_of(file))) {
    const NotVideo what = not_video(file);
    f->expected = Text{"视频画面", "a video stream"};
    f->actual = what.actual;
    f->message = what.message;
    f->hint = export_hint(work_of_file(ctx, file), ctx.rules_for(file).takes("audio"));
  }
}

bool holds_video(const SubmissionFile& file)
{
  return file.kind == FileKind::video || file.facts.video.has_value();
}

// A work of a category made of videos whose files are all pictures or sound (a photo or an
// audio export named as the work, 初心-微视频-单位.jpg): it has no video. Raised on each such
// file whose kind the category does not take (kinds:), so a category that asks for pictures
// (a new-media work's QR code and poster) or sound keeps them; a work that has a video file
// besides is not touched here (that file's own video.* findings say the rest).
void work_without_video(const Context& ctx, const Work& work)
{
  const rules::CategoryRules& cat = ctx.rules.rules_for(work.category);
  if (!cat.takes("video"))
    return;
  for (int i : work.files) {
    const SubmissionFile& f = ctx.sub.files[size_t(i)];
    if (holds_video(f) || cat.takes(kind_name(f.kind)))
      return;
  }
  for (int i : work.files) {
    const SubmissionFile& f = ctx.sub.files[size_t(i)];
    if (f.size > 0 && (f.kind == FileKind::image || f.kind == FileKind::audio))
      missing(ctx, f);
  }
}

} // namespace

void check_video(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (file.kind != FileKind::video || file.facts.error || file.size == 0)
      continue;
    if (!file.facts.video) {
      // A lesson recorded as sound only, where the category takes sound (kinds: [video,
      // audio]): an audio work in a video container, not a video without its picture.
      if (file.facts.audio.empty() || !ctx.rules_for(file).takes("audio"))
        missing(ctx, file);
      continue;
    }
    const VideoCheck c{ctx, file, *file.facts.video, ctx.rules_for(file).media};
    if (c.media.codecs)
      codec(c);
    if (c.media.resolution)
      resolution(c);
    if (c.media.orientation)
      orientation(c);
    if (c.media.aspect_ratio)
      aspect_ratio(c);
    if (c.media.frame_rate)
      frame_rate(c);
    variable_frame_rate(c);
    colour(c);
    bit_depth(c);
    if (c.media.scan)
      scan(c);
    if (c.media.bitrate)
      bitrate(c);
    if (file.facts.deep && file.facts.deep->error.empty())
      black(ctx, file, *file.facts.deep);
  }
  for (const auto& work : ctx.sub.works)
    work_without_video(ctx, work);
}

} // namespace mpcheck::checks
