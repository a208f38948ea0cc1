#include "mpcheck/checks/context.hpp"

#include <fmt/format.h>

#include "mpcheck/naming/fs_rules.hpp"

namespace mpcheck::checks {

Finding* Sink::add(rules::CheckId id, const rules::Origin* origin, const std::string& path,
                   const std::string& work)
{
  const std::string_view check = id.str();
  if (m_rules.disabled(check))
    return nullptr;
  Finding f;
  f.check = std::string(check);
  f.severity = origin ? m_rules.severity_for(check, *origin) : m_rules.severity_of(check);
  f.path = path;
  f.work = work;
  if (origin)
    f.source = origin->source;
  m_findings.push_back(std::move(f));
  return &m_findings.back();
}

Finding* Sink::add_baseline(rules::CheckId check, const std::string& path, const std::string& work)
{
  Finding* f = add(check, nullptr, path, work);
  if (f)
    f->severity = m_rules.severity_of(check.str(), Severity::warning);
  return f;
}

std::string Context::work_of(const SubmissionFile& file) const
{
  return file.work >= 0 ? sub.works[size_t(file.work)].title : "";
}

const rules::CategoryRules& Context::rules_for(const SubmissionFile& file) const
{
  return rules.rules_for(file.work >= 0 ? sub.works[size_t(file.work)].category : "");
}

std::vector<Finding> run_all(const Submission& sub, const rules::RuleSet& rules,
                             const Options& options)
{
  Sink sink(rules);
  const Context ctx{sub, rules, options, sink};
  for (auto* family :
       {check_layout, check_file, check_name, check_media, check_duration, check_video, check_audio,
        check_subtitles, check_image, check_document, check_work, check_submission, check_manual})
    family(ctx);
  return sink.take();
}

std::string command_path(const SubmissionFile& file)
{
  return naming::is_valid_utf8(file.abs_path) ? file.abs_path : file.path;
}

std::string shell_quote(const std::string& path)
{
  std::string out = "\"";
  for (char c : path) {
    if (c == '"' || c == '\\' || c == '$' || c == '`')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

namespace {

std::string fixed_name(const std::string& path)
{
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  const std::string stem = dot == std::string::npos || (slash != std::string::npos && dot < slash)
                               ? path
                               : path.substr(0, dot);
  return stem + ".fixed.mp4";
}

} // namespace

bool pictures_interlaced(const MediaFacts& facts)
{
  const std::string content = facts.deep ? facts.deep->scan_content : "unknown";
  if (content == "interlaced" || content == "progressive")
    return content == "interlaced";
  return facts.video && facts.video->scan != "progressive" && facts.video->scan != "unknown" &&
         !facts.video->scan.empty();
}

bool audible(const DeepFacts& d, double threshold)
{
  return d.audio_duration_s >= 0.4 ? d.loudness_lufs >= threshold : d.true_peak_dbtp >= threshold;
}

bool hdr_transfer(const VideoFacts& v)
{
  return v.color_transfer == "arib-std-b67" || v.color_transfer == "smpte2084";
}

bool wide_gamut(const VideoFacts& v)
{
  return v.color_primaries == "bt2020" || v.color_matrix == "bt2020nc" ||
         v.color_matrix == "bt2020c";
}

std::string ffmpeg_fix_command(const SubmissionFile& file, const rules::MediaRules& media)
{
  std::vector<std::string> filters;
  if (media.scan && media.scan->value == rules::Scan::progressive && file.facts.video &&
      pictures_interlaced(file.facts))
    filters.push_back("bwdif=mode=send_frame");
  if (file.facts.video && hdr_transfer(*file.facts.video))
    filters.push_back("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:"
                      "desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p");
  else if (file.facts.video && wide_gamut(*file.facts.video))
    filters.push_back("zscale=p=bt709:t=bt709:m=bt709:r=tv,format=yuv420p");
  if (media.resolution) {
    const auto [w, h] = std::pair{media.resolution->value.width, media.resolution->value.height};
    filters.push_back(fmt::format("scale={0}:{1}:force_original_aspect_ratio=decrease,pad={0}:{1}:("
                                  "ow-iw)/2:(oh-ih)/2,setsar=1",
                                  w, h));
  }
  if (media.frame_rate)
    filters.push_back(fmt::format("fps={}", media.frame_rate->value.str()));
  else if (file.facts.video && file.facts.video->constant_frame_rate == false &&
           file.facts.video->frame_rate.valid())
    filters.push_back(fmt::format("fps={}", file.facts.video->frame_rate.str()));
  std::string cmd = "ffmpeg -i " + shell_quote(command_path(file));
  if (!filters.empty()) {
    cmd += " -vf \"";
    for (size_t i = 0; i < filters.size(); ++i)
      cmd += (i ? "," : "") + filters[i];
    cmd += "\"";
  }
  cmd += " -c:v libx264 -preset slow -pix_fmt yuv420p";
  if (media.bitrate && media.bitrate->value.target > 0) {
    const std::string b = fmt::format("{}k", media.bitrate->value.target / 1000);
    cmd += fmt::format(" -b:v {0} -minrate {0} -maxrate {0} -bufsize {0}", b);
  } else {
    cmd += " -crf 18";
  }
  cmd += " -c:a aac -b:a 192k -ar 48000 -movflags +faststart " +
         shell_quote(fixed_name(command_path(file)));
  return cmd;
}

} // namespace mpcheck::checks
