#include "mpcheck/report/probe_report.hpp"
#include "mpcheck/report/terminal.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/core/probe_errors.hpp"
#include "mpcheck/rules/units.hpp"

namespace mpcheck::report {

namespace {

// Rounds to `unit` (0.001, 0.000001) so that JSON prints 3.417, not 3.4170000000000003.
double round_to(double v, double unit)
{
  const double scale = std::round(1.0 / unit);
  return std::round(v * scale) / scale;
}

Json rate_json(const Rational& r)
{
  return r.valid() ? Json(round_to(r.value(), 0.001)) : Json(nullptr);
}

Json optional_bool(const std::optional<bool>& b)
{
  return b ? Json(*b) : Json(nullptr);
}

Json container_json(const ContainerFacts& c)
{
  return Json{
      {"format", c.format},
      {"demuxer", c.demuxer},
      {"brand", c.brand.empty() ? Json(nullptr) : Json(c.brand)},
      {"compatible_brands", c.compatible_brands},
      {"duration_s", c.duration_known ? Json(round_to(c.duration_s, 0.001)) : Json(nullptr)},
      {"bit_rate", c.bit_rate},
      {"size", c.size},
      {"faststart", optional_bool(c.faststart)},
      {"creation_time", c.creation_time.empty() ? Json(nullptr) : Json(c.creation_time)},
      {"encoder", c.encoder.empty() ? Json(nullptr) : Json(c.encoder)}};
}

Json or_null(const std::string& s)
{
  return s.empty() ? Json(nullptr) : Json(s);
}

Json video_json(const VideoFacts& v)
{
  return Json{{"index", v.index},
              {"codec", v.codec},
              {"profile", v.profile},
              {"width", v.width},
              {"height", v.height},
              {"sar", v.sar.ratio_str()},
              {"dar", v.dar.ratio_str()},
              {"rotation", v.rotation},
              {"display_width", v.display_width},
              {"display_height", v.display_height},
              {"frame_rate", rate_json(v.frame_rate)},
              {"frame_rate_fraction", v.frame_rate.str()},
              {"avg_frame_rate", rate_json(v.avg_frame_rate)},
              {"constant_frame_rate", optional_bool(v.constant_frame_rate)},
              {"frame_duration_min_s", round_to(v.frame_duration_min_s, 0.000001)},
              {"frame_duration_max_s", round_to(v.frame_duration_max_s, 0.000001)},
              {"scan", v.scan},
              {"pix_fmt", v.pix_fmt},
              {"bit_depth", v.bit_depth},
              {"color_primaries", or_null(v.color_primaries)},
              {"color_transfer", or_null(v.color_transfer)},
              {"color_matrix", or_null(v.color_matrix)},
              {"bitrate_measured", v.bitrate_measured},
              {"bitrate_peak", v.bitrate_peak},
              {"bitrate_declared", v.bitrate_declared},
              {"bitrate_source", v.bitrate_source},
              {"frame_count", v.frame_count},
              {"duration_s", round_to(v.duration_s, 0.001)}};
}

Json audio_json(const AudioFacts& a)
{
  return Json{{"index", a.index},       {"codec", a.codec},
              {"channels", a.channels}, {"sample_rate", a.sample_rate},
              {"bit_rate", a.bit_rate}, {"language", a.language}};
}

Json error_json(const std::optional<ProbeError>& e, Lang lang);

// qr_codes and qr_error are there only when the pixels were decoded (not under --fast).
Json image_json(const ImageFacts& i, Lang lang)
{
  Json out{{"format", i.format},
           {"width", i.width},
           {"height", i.height},
           {"color_mode", i.color_mode},
           {"components", i.components},
           {"dpi_x", i.dpi_x > 0 ? Json(i.dpi_x) : Json(nullptr)},
           {"dpi_y", i.dpi_y > 0 ? Json(i.dpi_y) : Json(nullptr)},
           {"dpi_source", i.dpi_source}};
  if (i.qr_codes) {
    out["qr_codes"] = *i.qr_codes;
    out["qr_error"] = error_json(i.qr_error, lang);
    out["qr_area"] = i.qr_area;
  }
  return out;
}

Json deep_json(const DeepFacts& d)
{
  Json silences = Json::array();
  for (const auto& s : d.silences)
    silences.push_back(
        Json{{"start_s", round_to(s.start_s, 0.001)}, {"end_s", round_to(s.end_s, 0.001)}});
  return Json{
      {"error", d.error.empty() ? Json(nullptr) : Json(d.error)},
      {"frames_decoded", d.frames_decoded},
      {"samples", d.samples},
      {"scan_content", d.scan_content},
      {"idet", Json{{"tff", d.idet_tff},
                    {"bff", d.idet_bff},
                    {"progressive", d.idet_progressive},
                    {"undetermined", d.idet_undetermined}}},
      {"black_lead_s", round_to(d.black_lead_s, 0.001)},
      {"black_tail_s", round_to(d.black_tail_s, 0.001)},
      {"all_black", d.all_black},
      {"black_samples", d.black_samples},
      {"video_decode_errors", d.video_decode_errors},
      {"audio_measured", d.audio_measured},
      {"loudness_lufs", d.audio_measured ? Json(round_to(d.loudness_lufs, 0.1)) : Json(nullptr)},
      {"loudness_range_lu",
       d.audio_measured ? Json(round_to(d.loudness_range_lu, 0.1)) : Json(nullptr)},
      {"true_peak_dbtp", d.audio_measured ? Json(round_to(d.true_peak_dbtp, 0.1)) : Json(nullptr)},
      {"silences", silences},
      {"audio_duration_s", round_to(d.audio_duration_s, 0.001)},
      {"audio_decode_errors", d.audio_decode_errors}};
}

Json error_json(const std::optional<ProbeError>& e, Lang lang)
{
  if (!e)
    return nullptr;
  return Json{{"code", e->code},
              {"message", probe_error_message(e->code).in(lang)},
              {"hint", probe_error_hint(e->code).in(lang)},
              {"detail", e->detail}};
}

} // namespace

Json facts_to_json(const MediaFacts& f, Lang lang)
{
  Json subs = Json::array();
  for (const auto& s : f.subtitles)
    subs.push_back(Json{{"index", s.index}, {"codec", s.codec}, {"language", s.language}});
  Json audio_streams = Json::array();
  for (const auto& a : f.audio)
    audio_streams.push_back(audio_json(a));
  const bool has_duration = f.container && f.container->duration_known;
  return Json{
      {"path", f.path},
      {"size", f.size},
      {"kind", f.kind},
      {"container", f.container ? container_json(*f.container) : Json(nullptr)},
      {"duration_s", has_duration ? Json(round_to(f.container->duration_s, 0.001)) : Json(nullptr)},
      {"video", f.video ? video_json(*f.video) : Json(nullptr)},
      {"video_streams", f.video_streams},
      {"audio", f.audio.empty() ? Json(nullptr) : audio_json(f.audio.front())},
      {"audio_streams", audio_streams},
      {"subtitles", subs},
      {"image", f.image ? image_json(*f.image, lang) : Json(nullptr)},
      {"document", f.document ? Json{{"format", f.document->format},
                                     {"valid", f.document->valid},
                                     {"problem", f.document->problem}}
                              : Json(nullptr)},
      {"deep", f.deep ? deep_json(*f.deep) : Json(nullptr)},
      {"truncated", f.truncated},
      {"truncated_detail", f.truncated_detail},
      {"error", error_json(f.error, lang)}};
}

std::string probe_json(const std::vector<MediaFacts>& files, Lang lang)
{
  Json out{{"schema", "mpcheck-probe/1"}, {"files", Json::array()}};
  for (const auto& f : files)
    out["files"].push_back(facts_to_json(f, lang));
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

const char* yes_no(bool b, Lang lang)
{
  return lang == Lang::en ? (b ? "yes" : "no") : (b ? "是" : "否");
}

// The words of probe's text, in both languages.
const Text container_word{"容器", "container"};
const Text duration_word{"时长", "duration"};
const Text video_word{"视频", "video"};
const Text audio_word{"音频", "audio"};
const Text image_word{"图片", "image"};
const Text truncated_word{"不完整", "truncated"};
const Text error_word{"无法读取", "unreadable"};
const Text none_word{"无", "none"};
const Text qr_word{"二维码", "QR code"};

// The scan of the stream (VideoFacts::scan) or of the pictures (DeepFacts::scan_content) in
// words: 逐行, 隔行（顶场优先）; English keeps the codes (progressive, tff).
std::string scan_words(const std::string& scan, Lang lang)
{
  if (lang == Lang::en)
    return scan;
  if (scan == "progressive")
    return "逐行";
  if (scan == "tff")
    return "隔行（顶场优先）";
  if (scan == "bff")
    return "隔行（底场优先）";
  if (scan == "interlaced")
    return "隔行";
  return "无法判断";
}

void append_video(std::string& out, const VideoFacts& v, Lang lang)
{
  const bool en = lang == Lang::en;
  out +=
      fmt::format("  {}: {} {} {}x{}", video_word.in(lang), v.codec, v.profile, v.width, v.height);
  if (v.sar.num != v.sar.den)
    out += fmt::format(fmt::runtime(en ? " SAR {} DAR {}" : "（像素宽高比 {}，显示为 {}）"),
                       v.sar.ratio_str(), v.dar.ratio_str());
  if (v.rotation)
    out +=
        fmt::format(fmt::runtime(en ? ", rotated {}° → shown {}x{}" : "，旋转 {}° → 显示为 {}x{}"),
                    v.rotation, v.display_width, v.display_height);
  out += fmt::format(
      fmt::runtime(en ? ", {:.3f} fps ({}), {}, {} {}-bit" : "，{:.3f} fps（{}），{}，{} {} 位"),
      v.frame_rate.value(),
      v.constant_frame_rate.value_or(true) ? (en ? "constant" : "恒定帧率")
                                           : (en ? "variable" : "可变帧率"),
      scan_words(v.scan, lang), v.pix_fmt, v.bit_depth);
  // Primaries/transfer/matrix, as stated: "bt2020/arib-std-b67/bt2020nc"; "?" where unstated.
  if (!v.color_primaries.empty() || !v.color_transfer.empty() || !v.color_matrix.empty()) {
    auto part = [](const std::string& s) { return s.empty() ? std::string("?") : s; };
    out += fmt::format(fmt::runtime(en ? ", colour {}/{}/{}" : "，色彩 {}/{}/{}"),
                       part(v.color_primaries), part(v.color_transfer), part(v.color_matrix));
  }
  out += fmt::format(fmt::runtime(en ? ", {} (peak {}), {} frames\n" : "，{}（峰值 {}），{} 帧\n"),
                     rules::format_mbps(v.bitrate_measured), rules::format_mbps(v.bitrate_peak),
                     v.frame_count);
}

void append_deep(std::string& out, const DeepFacts& d, Lang lang)
{
  const bool en = lang == Lang::en;
  out += fmt::format(
      fmt::runtime(
          en ? "  decoded: {} pictures ({} samples), scan from pictures: {} "
               "(idet tff {} bff {} progressive {}), black at start {:.2f} s, "
               "at end {:.2f} s{}, decode errors {}\n"
             : "  解码：{} 帧（取样 {} 帧），从画面看扫描方式：{}（逐帧检测：顶场优先 {} "
               "帧、底场优先 {} 帧、逐行 {} 帧），开头黑场 {:.2f} 秒，结尾黑场 {:.2f} 秒{}，"
               "解码错误 {} 处\n"),
      d.frames_decoded, d.samples, scan_words(d.scan_content, lang), d.idet_tff, d.idet_bff,
      d.idet_progressive, d.black_lead_s, d.black_tail_s,
      d.all_black ? (en ? ", all black" : "，全黑") : "", d.video_decode_errors);
  if (d.audio_measured) {
    out +=
        fmt::format(fmt::runtime(en ? "  sound: {:.1f} LUFS integrated, true peak {:.1f} dBTP, "
                                      "loudness range {:.1f} LU, {} silences of 2 s or more\n"
                                    : "  声音：综合响度 {:.1f} LUFS，真峰值 {:.1f} dBTP，响度范围 "
                                      "{:.1f} LU，2 秒以上的静音 {} 段\n"),
                    d.loudness_lufs, d.true_peak_dbtp, d.loudness_range_lu, d.silences.size());
  }
}

void append_image(std::string& out, const ImageFacts& i, Lang lang)
{
  out += fmt::format("  {}: {} {}x{} {} {:.0f} dpi\n", image_word.in(lang), i.format, i.width,
                     i.height, i.color_mode, i.dpi_x);
  if (!i.qr_codes)
    return;
  for (std::string text : *i.qr_codes) {
    // One line, no terminal escapes: a QR code may hold line breaks (a vCard) or ESC.
    std::replace_if(
        text.begin(), text.end(), [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; }, ' ');
    out += fmt::format("  {}: {}\n", qr_word.in(lang), text);
  }
  if (i.qr_codes->empty() && !i.qr_error)
    out += fmt::format("  {}: {}\n", qr_word.in(lang), none_word.in(lang));
  if (i.qr_error)
    out +=
        fmt::format("  {}: {}\n", qr_word.in(lang), probe_error_message(i.qr_error->code).in(lang));
}

} // namespace

std::string probe_text(const std::vector<MediaFacts>& files, Lang lang)
{
  std::string out;
  for (const auto& f : files) {
    out += f.path + "\n";
    if (f.container) {
      const auto& c = *f.container;
      const bool en = lang == Lang::en;
      out += fmt::format(fmt::runtime(en ? "  {}: {}{} , {}: {:.3f} s, {}, {} bytes"
                                         : "  {}: {}{}，{}: {:.3f} 秒，{}，{} 字节"),
                         container_word.in(lang), c.format,
                         c.brand.empty() ? "" : " (" + c.brand + ")", duration_word.in(lang),
                         c.duration_s, rules::format_mbps(c.bit_rate), c.size);
      if (c.faststart)
        out += fmt::format(fmt::runtime(en ? ", faststart: {}" : "，索引在文件开头: {}"),
                           yes_no(*c.faststart, lang));
      out += "\n";
    }
    if (f.video)
      append_video(out, *f.video, lang);
    if (f.kind == "video" || f.kind == "audio") {
      if (f.audio.empty())
        out += fmt::format("  {}: {}\n", audio_word.in(lang), none_word.in(lang));
      for (const auto& a : f.audio)
        out += fmt::format(fmt::runtime(lang == Lang::en ? "  {}: {} {} ch {} Hz {}\n"
                                                         : "  {}: {} {} 声道 {} Hz {}\n"),
                           audio_word.in(lang), a.codec, a.channels, a.sample_rate,
                           a.bit_rate ? rules::format_mbps(a.bit_rate) : "");
    }
    if (f.deep)
      append_deep(out, *f.deep, lang);
    if (f.image)
      append_image(out, *f.image, lang);
    if (f.truncated)
      out += fmt::format("  {}: {}\n", truncated_word.in(lang),
                         truncated_text(f.truncated_detail).in(lang));
    if (f.error)
      out += fmt::format("  {}: {}\n", error_word.in(lang),
                         probe_error_message(f.error->code).in(lang));
  }
  return terminal_safe(out);
}

} // namespace mpcheck::report
