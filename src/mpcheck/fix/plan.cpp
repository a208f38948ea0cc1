#include "mpcheck/fix/plan.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/probe_errors.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/naming/work_name.hpp"
#include "mpcheck/rules/units.hpp"

namespace mpcheck::fix {

namespace {

// The findings a new picture fixes.
bool needs_video_encode(const std::string& check)
{
  static const char* const ids[] = {
      "video.resolution", "video.aspect-ratio", "video.frame-rate", "video.variable-frame-rate",
      "video.scan",       "video.bitrate",      "video.hdr",        "video.bit-depth",
      "video.codec",      "video.orientation"};
  return std::find(std::begin(ids), std::end(ids), check) != std::end(ids);
}

// Codecs an MP4 carries as they are (a remux is enough).
bool mp4_video_codec(const std::string& codec)
{
  return codec == "h264" || codec == "hevc";
}
bool mp4_audio_codec(const std::string& codec)
{
  return codec == "aac";
}

} // namespace

Text blocker_text(const std::string& check)
{
  if (check == "media.truncated")
    return {"文件不完整（只拷贝或下载了一部分）：转换补不回缺失的部分，请找到原始文件重新拷贝",
            "the file is incomplete (only part of it was copied or downloaded): no conversion "
            "restores what is missing; find the original and copy it again"};
  if (check == "file.empty")
    return {"文件是空的（0 字节）：没有可以转换的内容，请从原始文件重新拷贝（拷贝完再拔U盘）",
            "the file is empty (0 bytes): there is nothing to convert; copy it again from the "
            "original (unplug the drive only once the copy is done)"};
  if (check == "media.decode-error" || check == "media.unreadable")
    return {"文件数据损坏：转换只会保留损坏的画面，请从原始工程重新导出或找到原始文件",
            "the file's data is damaged: a conversion keeps the damage; export it again from "
            "the project or find the original"};
  if (check == "subtitles.pair-missing")
    return {"缺少另一个版本（有字幕/无字幕）：fix 只能修复已有的这个版本，做不出缺少的那个",
            "the other version (subtitled/clean) is missing: fix mends the version that is "
            "here but cannot make the missing one"};
  if (check == "duration.max")
    return {"时长超过上限：请在剪辑软件中剪短；若可以直接截掉结尾，加 --trim",
            "too long: cut it in the editor; to cut the end off as it is, add --trim"};
  if (check == "duration.min")
    return {"时长不足：转换加不出内容，只能重新剪辑", "too short: only a new edit can help"};
  if (check == "audio.missing" || check == "audio.silent")
    return {"没有声音：转换加不出声音，请从剪辑工程重新导出（包含音频）",
            "no sound: a conversion cannot add it; export again from the project with the sound"};
  if (check == "video.missing")
    return {"不是视频（一张图片，或只有声音）：转换做不出视频，请从剪辑工程重新导出视频（MP4）",
            "no video (a picture, or sound only): a conversion cannot make one; export the video "
            "again from the project (MP4)"};
  if (check == "subtitles.pair-mismatch")
    return {"有字幕版和无字幕版不是同一个节目（画面、时长或声音不同）：转换改不了内容，也看不出哪个"
            "是对的；请从同一个剪辑工程分别导出两个版本（只关闭字幕轨）",
            "the subtitled and the clean versions are not the same programme (pictures, length "
            "or sound differ): a conversion cannot change the content nor tell which one is "
            "right; export both from the same project, switching only the subtitle track off"};
  if (check == "subtitles.not-burned")
    return {"有字幕版里看不到烧录的字幕（或两个文件名标反了）：转换加不出字幕；请按检查的提示对调"
            "文件名，或把字幕烧录进画面后重新导出",
            "the subtitled version shows no burned-in text (or the two names are swapped): a "
            "conversion cannot add it; swap the names as the check says, or burn the subtitles "
            "in and export again"};
  return {"竖屏画面：请用横屏重新拍摄或剪辑；或加 --pillarbox 把它放在横屏画布中间（两侧黑边）",
          "portrait pictures: shoot or edit in landscape; or add --pillarbox to place them on a "
          "landscape canvas (black bars at the sides)"};
}

namespace {

// A file that could not be read as media: what it is (not a video at all, no index, …) and what
// to do, from the probe's own words; a damaged video keeps blocker_text's.
Text unreadable_text(const std::string& code)
{
  if (code == "corrupt")
    return blocker_text("media.unreadable");
  const Text what = probe_error_message(code), todo = probe_error_hint(code);
  return {what.zh + "：没有可以转换的画面和声音。" + todo.zh,
          what.en + ": there are no pictures and sound to convert. " + todo.en};
}

bool blocks(const std::string& check, const PlanOptions& options)
{
  if (check == "duration.max")
    return !options.trim;
  return check == "media.truncated" || check == "media.decode-error" ||
         check == "media.unreadable" || check == "file.empty" || check == "duration.min" ||
         check == "audio.missing" || check == "audio.silent" || check == "video.missing" ||
         pair_blocker(check);
}

// Findings of the work that no conversion of this file fixes, but that do not stop it.
bool leaves(const std::string& check)
{
  return check == "subtitles.pair-missing";
}

// What fix cannot do for the work (blocker_text), then what to do instead: the finding's own
// hint, so that fix says what check says — on pack's material, the works.yaml key the missing
// version goes under (checks/subtitles.cpp), where a file put beside the other is not packed.
Text left_text(const Finding& f)
{
  Text text = blocker_text(f.check);
  if (!f.hint.zh.empty())
    text.zh += "。" + f.hint.zh;
  if (!f.hint.en.empty())
    text.en += ". " + f.hint.en;
  return text;
}

} // namespace

bool pair_blocker(const std::string& check)
{
  return check == "subtitles.pair-mismatch" || check == "subtitles.not-burned";
}

bool fixable_check(const std::string& check)
{
  return needs_video_encode(check) || check == "container.format" || check == "audio.loudness" ||
         check == "duration.max";
}

LoudnessGain loudness_gain(double lufs, double peak_dbtp, const rules::LoudnessRange& range)
{
  LoudnessGain g;
  g.target_lufs = loudness_target;
  if (range.min)
    g.target_lufs = std::max(g.target_lufs, *range.min + 1);
  if (range.max)
    g.target_lufs = std::min(g.target_lufs, *range.max - 1);
  g.gain_db = g.target_lufs - lufs;
  g.expected_lufs = g.target_lufs;
  if (g.gain_db <= 0 || peak_dbtp + g.gain_db <= true_peak_limit)
    return g;
  const double headroom = true_peak_limit - peak_dbtp;
  if (headroom > 0 && (!range.min || lufs + headroom >= *range.min + 1)) {
    g.gain_db = headroom;
    g.capped = true;
    g.expected_lufs = lufs + headroom;
    return g;
  }
  g.limiter = true;
  g.reduction_db = peak_dbtp + g.gain_db - limiter_ceiling;
  return g;
}

std::optional<Blocker> unknown_category(const rules::RuleSet& rules, const std::string& category,
                                        const std::string& check)
{
  if (rules.category(category) || !rules.category_decides())
    return std::nullopt;
  std::string names;
  for (const auto& c : rules.categories)
    if (c.takes("video"))
      names += (names.empty() ? "" : "、") + c.name;
  const std::string read = category.empty() ? "" : "（“" + category + "”不是其中之一）";
  const std::string read_en = category.empty() ? "" : " ('" + category + "' is none of them)";
  return Blocker{
      check,
      {"名字里读不出分类" + read +
           "：各分类对画面、帧率、码率和时长的要求不同，检查还没有按分类查过这个视频，fix "
           "也不知道该按哪一类修复（没有修复不等于合格）。请先给出分类：把文件改名为“作品名-分类-"
           "报送单位.mp4”，分类是 " +
           names +
           " 之一；或在素材文件夹的 works.yaml 里写明分类（mpcheck init 可生成 works.yaml）。"
           "然后再运行 mpcheck fix",
       "the category cannot be read from the name" + read_en +
           ": the categories ask different things of the picture, frame rate, bit rate and "
           "length, so the check has not held this video to its category's rules and fix cannot "
           "tell which to make (not fixed does not mean it passes). Give the category first: "
           "rename the file to 作品名-分类-报送单位.mp4, the category one of " +
           names +
           ", or state it in the source folder's works.yaml (mpcheck init writes one). Then run "
           "mpcheck fix again"}};
}

std::string output_name(const SubmissionFile& file, const rules::RuleSet& rules,
                        const std::string& unit)
{
  const Submission none;
  const checks::Options options{{}, unit, false, ""};
  checks::Sink sink(rules);
  return checks::fixed_name(checks::Context{none, rules, options, sink}, file);
}

Plan plan_file(const SubmissionFile& file, const std::vector<Finding>& findings,
               const rules::RuleSet& rules, const rules::MediaRules& media,
               const PlanOptions& options)
{
  Plan plan;
  plan.source = file.abs_path;
  plan.path = file.path;
  plan.out_name = output_name(file, rules, options.unit);
  const MediaFacts& facts = file.facts;
  bool remux = false;
  for (const auto& f : findings) {
    if (f.path != file.path || (f.severity != Severity::error && f.severity != Severity::warning))
      continue;
    if (std::find(plan.fixes.begin(), plan.fixes.end(), f.check) != plan.fixes.end())
      continue;
    if (blocks(f.check, options) || leaves(f.check)) {
      auto& list = f.severity == Severity::warning ? plan.warnings
                   : leaves(f.check)               ? plan.left
                                                   : plan.blockers;
      if (std::none_of(list.begin(), list.end(),
                       [&](const Blocker& b) { return b.check == f.check; }))
        list.push_back({f.check, f.check == "media.unreadable" && facts.error
                                     ? unreadable_text(facts.error->code)
                                 : leaves(f.check) ? left_text(f)
                                                   : blocker_text(f.check)});
      continue;
    }
    if (!fixable_check(f.check))
      continue;
    plan.fixes.push_back(f.check);
    if (needs_video_encode(f.check))
      plan.encode_video = true;
    else if (f.check == "audio.loudness")
      plan.encode_audio = true;
    else if (f.check == "duration.max")
      plan.encode_video = plan.encode_audio = true;
    else
      remux = true;
  }
  if (!facts.video) {
    plan.encode_video = false;
    return plan;
  }
  const bool want_landscape = checks::wants_landscape(media);
  if (plan.encode_video && checks::needs_pillarbox(*facts.video, media) && !options.pillarbox) {
    // Named by the finding check reported (video.resolution, video.aspect-ratio…): the
    // refusal is of that finding's fix.
    const auto it = std::find_if(plan.fixes.begin(), plan.fixes.end(), needs_video_encode);
    plan.blockers.push_back(
        {it != plan.fixes.end() ? *it : plan.fixes.front(), blocker_text("video.orientation")});
  }
  if (remux && !plan.encode_video && !mp4_video_codec(facts.video->codec))
    plan.encode_video = true;
  const bool has_audio = !facts.audio.empty();
  if (has_audio && (plan.encode_video || remux) && !mp4_audio_codec(facts.audio.front().codec))
    plan.encode_audio = true;
  if (plan.encode_video)
    plan.video = checks::picture_conversion(facts, media, want_landscape);
  if (std::find(plan.fixes.begin(), plan.fixes.end(), "audio.loudness") != plan.fixes.end() &&
      facts.deep && facts.deep->audio_measured) {
    plan.loudness = loudness_gain(facts.deep->loudness_lufs, facts.deep->true_peak_dbtp,
                                  media.loudness ? media.loudness->value : rules::LoudnessRange{});
    plan.gain_db = plan.loudness.gain_db;
  }
  if (options.trim && media.max_duration &&
      std::find(plan.fixes.begin(), plan.fixes.end(), "duration.max") != plan.fixes.end())
    // A little inside the limit: the sound ends on a whole AAC frame (21 ms), and the
    // container's duration is its longest stream's.
    plan.trim_s = std::max(0.0, media.max_duration->value - 0.1);
  if (!has_audio)
    plan.encode_audio = false;
  return plan;
}

void align_pair(Plan& a, Plan& b)
{
  if (!a.encode_video && !b.encode_video)
    return;
  Plan& lead = a.encode_video ? a : b;
  Plan& other = a.encode_video ? b : a;
  other.encode_video = true;
  other.video = lead.video;
  if (lead.gain_db != 0 || other.gain_db != 0) {
    const Plan& from = lead.gain_db != 0 ? lead : other;
    other.gain_db = lead.gain_db = from.gain_db;
    other.loudness = lead.loudness = from.loudness;
    a.encode_audio = b.encode_audio = true;
  }
  if (other.fixes.empty())
    other.fixes.push_back("pair");
}

std::string video_filter(const VideoSettings& v)
{
  return checks::picture_filter(v, true);
}

std::string audio_filter(const Plan& plan)
{
  std::string f;
  if (plan.gain_db != 0)
    f += fmt::format("volume={:.2f}dB,", plan.gain_db);
  if (plan.loudness.limiter)
    // level=false: no automatic make-up gain; latency=true: the look-ahead's delay taken out,
    // so the sound stays in sync with the picture.
    f += fmt::format("aresample={},alimiter=limit={:.4f}:attack=5:release=50:level=false:"
                     "latency=true,",
                     4 * audio_rate, std::pow(10.0, limiter_ceiling / 20));
  return f +
         fmt::format("aresample={},aformat=sample_fmts=fltp:channel_layouts=stereo", audio_rate);
}

std::vector<Text> describe(const Plan& plan)
{
  std::vector<Text> out;
  if (plan.remux_only()) {
    out.push_back({"转封装为 MP4，索引放在文件开头（不重新编码，画质不变）",
                   "remux into MP4 with the index first (no re-encode, picture unchanged)"});
    return out;
  }
  if (plan.encode_video) {
    const VideoSettings& v = plan.video;
    std::string zh =
        fmt::format("重新编码画面：{}x{}，{} fps 恒定帧率", v.width, v.height,
                    fmt::format("{:g}", std::round(v.frame_rate.value() * 1000) / 1000));
    std::string en = fmt::format("re-encode the picture: {}x{}, constant {:g} fps", v.width,
                                 v.height, std::round(v.frame_rate.value() * 1000) / 1000);
    if (v.bitrate > 0) {
      zh += "，H.264 High 恒定码率 " + rules::format_mbps(v.bitrate);
      en += ", H.264 High at a constant " + rules::format_mbps(v.bitrate);
    } else {
      zh += "，H.264 High";
      en += ", H.264 High";
    }
    if (v.rotation) {
      zh += fmt::format("，转正（原旋转 {}°）", v.rotation);
      en += fmt::format(", turned upright (rotation {}°)", v.rotation);
    }
    if (v.sar.num != v.sar.den) {
      zh += "，像素改为方形（原 SAR " + v.sar.ratio_str() + "）";
      en += ", square pixels (SAR was " + v.sar.ratio_str() + ")";
    }
    if (v.deinterlace) {
      zh += "，去隔行（bwdif）";
      en += ", deinterlaced (bwdif)";
    }
    if (v.tonemap) {
      zh += "，HDR 转为 SDR BT.709";
      en += ", HDR tone-mapped to SDR BT.709";
    }
    zh += "，保持画面比例（不拉伸，必要时加黑边）";
    en += ", aspect kept (never stretched; black bars where needed)";
    out.push_back({zh, en});
  } else {
    out.push_back({"画面不重新编码（直接复制）", "picture copied as it is (no re-encode)"});
  }
  if (plan.encode_audio) {
    std::string zh = "重新编码声音：AAC 48 kHz 立体声",
                en = "re-encode the sound: AAC 48 kHz stereo";
    if (plan.gain_db != 0) {
      zh += fmt::format("，音量调整 {:+.1f} dB（响度目标 EBU R128）", plan.gain_db);
      en += fmt::format(", volume {:+.1f} dB (EBU R128 loudness)", plan.gain_db);
    }
    out.push_back({zh, en});
    if (const LoudnessGain& g = plan.loudness; g.capped)
      out.push_back(
          {fmt::format("为了不让真峰值超过 {:g} dBTP，音量只提高 {:.1f} dB：响度约 {:.1f} LUFS"
                       "（目标 {:g} LUFS），仍在规定范围内",
                       true_peak_limit, g.gain_db, g.expected_lufs, g.target_lufs),
           fmt::format("the gain is held at {:+.1f} dB so that the true peak stays under {:g} "
                       "dBTP: about {:.1f} LUFS (target {:g}), inside the rule's range",
                       g.gain_db, true_peak_limit, g.expected_lufs, g.target_lufs)});
    else if (g.limiter)
      out.push_back(
          {fmt::format("注意：声音里有很响的峰（掌声、爆破音等），只调音量达不到目标响度而不失真。"
                       "用真峰值限幅器（4 倍过采样）把超过 {:g} dBTP 的峰压低至少 {:.1f} dB；"
                       "短促的峰一般听不出来，持续的大声可能听得出被压扁。"
                       "如果介意，请在剪辑软件中单独压低这些峰后重新导出",
                       true_peak_limit, g.reduction_db),
           fmt::format("note: the sound has very loud peaks (claps, plosives): a gain alone cannot "
                       "reach the target loudness without distortion. A true-peak limiter (4x "
                       "oversampled) presses the peaks above {:g} dBTP down by {:.1f} dB or more; "
                       "short peaks are rarely heard, long loud passages may sound squashed. If "
                       "that matters, lower those peaks in the editor and export again",
                       true_peak_limit, g.reduction_db)});
  }
  if (plan.trim_s) {
    out.push_back({fmt::format("截掉 {:g} 秒以后的部分（--trim）", *plan.trim_s),
                   fmt::format("cut everything after {:g} s (--trim)", *plan.trim_s)});
  }
  return out;
}

} // namespace mpcheck::fix
