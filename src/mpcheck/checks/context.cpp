#include "mpcheck/checks/context.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "mpcheck/layout/plan.hpp"
#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/work_name.hpp"

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

namespace {

// A problem of the walk that hides what a folder holds.
bool hides_contents(const TreeProblem& p)
{
  return p.error == "permission" || p.error == "unreadable" || p.error == "too-deep";
}

} // namespace

bool Context::any_folder_unread() const
{
  return std::any_of(sub.problems.begin(), sub.problems.end(), hides_contents);
}

bool Context::unread_holds(const std::string& path) const
{
  return std::any_of(sub.problems.begin(), sub.problems.end(), [&](const TreeProblem& p) {
    return hides_contents(p) && (path == p.path || path.starts_with(p.path + "/"));
  });
}

std::string Context::work_of(const SubmissionFile& file) const
{
  return file.work >= 0 ? sub.works[size_t(file.work)].title : "";
}

const rules::CategoryRules& Context::rules_for(const SubmissionFile& file) const
{
  return rules.rules_for(file.work >= 0 ? sub.works[size_t(file.work)].category : "");
}

namespace {

// On a drive pack made, a hint about a file ("move it to 文本", "add the 解说词", "save it as
// .docx") or about the works (too many, none) is done in the material, then pack again: a
// drive changed by hand no longer matches its manifest. Hints that say so already (the fix
// commands) and findings about the submission as a whole (the deadline) are left as they are.
// Not sent there either: a permission problem (the receiver's side) and a link (pack writes
// none, so it did not come from the material).
void send_to_material(Finding& f)
{
  const bool link =
      f.check == ids::file_unreadable.str() && f.hint.zh.find("链接") != std::string::npos;
  if (f.hint.empty() || f.check.starts_with("submission.") || f.check.starts_with("manual.") ||
      f.hint.zh.find("mpcheck pack") != std::string::npos ||
      f.hint.zh.find("读取权限的问题") != std::string::npos || link)
    return;
  // --clean: a change in the material often renames a file (another extension, a title), and
  // pack stops on the old name it wrote unless told to remove it (only what it wrote).
  f.hint.zh += "（这是打包好的U盘：请在素材里改——有 works.yaml 时也写进 works.yaml——再加 --clean "
               "重新运行 mpcheck pack（--clean 只删以前打包留下、这次不再产生的文件）；不要直接改"
               "U盘，改了清单就对不上）";
  f.hint.en += " (this drive was packed: make the change in the source material — in works.yaml "
               "too when there is one — and run mpcheck pack again with --clean, which removes "
               "only files an earlier pack left that this one no longer makes; a drive changed by "
               "hand no longer matches its manifest)";
}

} // namespace

std::vector<Finding> run_all(const Submission& sub, const rules::RuleSet& rules,
                             const Options& options)
{
  Sink sink(rules);
  const Context ctx{sub, rules, options, sink};
  for (auto* family :
       {check_layout, check_file, check_name, check_media, check_duration, check_video, check_audio,
        check_subtitles, check_image, check_document, check_work, check_submission, check_manual})
    family(ctx);
  std::vector<Finding> findings = sink.take();
  if (sub.manifest)
    for (Finding& f : findings)
      send_to_material(f);
  return findings;
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

namespace {

int even(double v)
{
  return std::max(2, int(std::lround(v / 2)) * 2);
}

std::string join(const std::vector<std::string>& parts, const char* separator)
{
  std::string out;
  for (const auto& p : parts)
    out += (out.empty() ? "" : separator) + p;
  return out;
}

// The canvas: the rule's resolution; else a portrait picture turned into a landscape canvas
// (pillarbox); else the rule's aspect ratio at the picture's height; else the picture as shown.
void canvas(PictureConversion& c, const VideoFacts& v, const rules::MediaRules& media,
            bool landscape_canvas)
{
  const int dw = std::max(2, v.display_width), dh = std::max(2, v.display_height);
  if (media.resolution) {
    c.width = media.resolution->value.width;
    c.height = media.resolution->value.height;
  } else if (landscape_canvas && dh > dw) {
    c.width = even(dh);
    c.height = even(dw);
  } else if (media.aspect_ratio &&
             std::fabs(double(dw) / dh - media.aspect_ratio->value.value()) >
                 media.aspect_ratio->value.value() * media.aspect_ratio_tolerance) {
    c.height = even(dh);
    c.width = even(dh * media.aspect_ratio->value.value());
  } else {
    c.width = even(dw);
    c.height = even(dh);
  }
}

// The name of the rule set for a command line: a built-in one by its id, else its file.
std::string rules_argument(const rules::RuleSet& rules)
{
  return rules.file == rules.id + ".yaml" ? rules.id : rules.file;
}

} // namespace

int64_t cbr_bitrate(const rules::BitrateRange& r)
{
  if (r.target > 0 && (r.min == 0 || r.target >= r.min) && (r.max == 0 || r.target <= r.max))
    return r.target;
  if (r.min > 0 && r.max > 0)
    return (r.min + r.max) / 2;
  if (r.min > 0)
    return r.min + r.min / 4;
  return r.max - r.max / 5;
}

PictureConversion picture_conversion(const MediaFacts& facts, const rules::MediaRules& media,
                                     bool landscape_canvas)
{
  PictureConversion c;
  if (!facts.video)
    return c;
  const VideoFacts& v = *facts.video;
  c.rotation = v.rotation;
  c.sar = v.sar.valid() ? v.sar.reduced() : Rational{1, 1};
  c.deinterlace = pictures_interlaced(facts);
  c.tonemap = hdr_transfer(v) || wide_gamut(v);
  canvas(c, v, media, landscape_canvas);
  if (media.frame_rate)
    c.frame_rate = media.frame_rate->value;
  else if (v.frame_rate.valid())
    c.frame_rate = v.frame_rate;
  else if (v.avg_frame_rate.valid())
    c.frame_rate = frame_rate_from_double(v.avg_frame_rate.value());
  else
    c.frame_rate = {25, 1};
  if (media.bitrate)
    c.bitrate = cbr_bitrate(media.bitrate->value);
  return c;
}

std::string picture_filter(const PictureConversion& c, bool transpose)
{
  std::vector<std::string> f;
  if (c.deinterlace)
    f.push_back("bwdif=mode=send_frame");
  // The rate first: the pictures fps drops (29.97 → 25: one in six) are not turned or scaled.
  f.push_back("fps=" + c.frame_rate.str());
  if (transpose && c.rotation == 90)
    f.push_back("transpose=clock");
  else if (transpose && c.rotation == 270)
    f.push_back("transpose=cclock");
  else if (transpose && c.rotation == 180)
    f.push_back("hflip,vflip");
  if (c.sar.valid() && c.sar.num != c.sar.den)
    f.push_back("scale=trunc(iw*sar/2)*2:ih,setsar=1"); // transpose turns the SAR too
  if (c.tonemap)
    f.push_back("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,"
                "zscale=t=bt709:m=bt709:r=tv");
  f.push_back(fmt::format("scale={0}:{1}:force_original_aspect_ratio=decrease:force_divisible_by="
                          "2:out_color_matrix=bt709:out_range=tv,pad={0}:{1}:(ow-iw)/2:(oh-ih)/2",
                          c.width, c.height));
  f.push_back("setsar=1,setfield=prog,format=yuv420p");
  return join(f, ",");
}

bool wants_landscape(const rules::MediaRules& media)
{
  return media.orientation
             ? media.orientation->value == rules::Orientation::landscape
             : media.resolution && media.resolution->value.width >= media.resolution->value.height;
}

bool needs_pillarbox(const VideoFacts& video, const rules::MediaRules& media)
{
  return video.display_height > video.display_width && wants_landscape(media);
}

std::string fixed_name(const Context& ctx, const SubmissionFile& file)
{
  // Only a rule set with a naming pattern renames (as pack does): without one, the stem kept.
  if (file.work_name && naming::understood(*file.work_name) && ctx.rules.naming)
    return layout::canonical_name(file, ctx.options.unit, ".mp4", ctx.rules);
  const size_t dot = file.name.rfind('.');
  return (dot == std::string::npos || dot == 0 ? file.name : file.name.substr(0, dot)) + ".mp4";
}

std::string mpcheck_fix_command(const Context& ctx, const SubmissionFile& file)
{
  std::string cmd = "mpcheck fix " + shell_quote(command_path(file)) + " --rules " +
                    shell_quote(rules_argument(ctx.rules));
  if (!ctx.options.unit.empty())
    cmd += " --unit " + shell_quote(ctx.options.unit);
  // A portrait picture where landscape is wanted: fix refuses it without --pillarbox (offered,
  // never forced, so the hint says it).
  if (file.facts.video && needs_pillarbox(*file.facts.video, ctx.rules_for(file).media))
    cmd += " --pillarbox";
  return cmd + " --out " + shell_quote(fixed_folder);
}

std::string ffmpeg_fix_command(const Context& ctx, const SubmissionFile& file,
                               const rules::MediaRules& media)
{
  const PictureConversion c = picture_conversion(
      file.facts, media,
      media.orientation && media.orientation->value == rules::Orientation::landscape);
  std::string cmd = fmt::format("mkdir -p {} && ffmpeg -i {}", shell_quote(fixed_folder),
                                shell_quote(command_path(file)));
  if (file.facts.video) {
    // The ffmpeg program turns a rotated picture upright itself (autorotate).
    cmd += " -vf \"" + picture_filter(c, false) + "\"";
    cmd += fmt::format(" -c:v libx264 -preset medium -profile:v high -pix_fmt yuv420p "
                       "-color_primaries bt709 -color_trc bt709 -colorspace bt709");
    if (c.bitrate > 0)
      cmd += fmt::format(" -b:v {0}k -minrate {0}k -maxrate {0}k -bufsize {0}k -x264-params "
                         "nal-hrd=cbr",
                         c.bitrate / 1000);
    else
      cmd += " -crf 18";
  }
  cmd += " -c:a aac -b:a 192k -ar 48000 -ac 2 -movflags +faststart " +
         shell_quote(std::string(fixed_folder) + "/" + fixed_name(ctx, file));
  return cmd;
}

namespace {

// The two commands of pack's material `src` (shell-quoted), as the user pastes them: the fix of
// every failing video works.yaml lists, in place (it edits works.yaml too), then pack into
// `out`. `lang`: "" or " --lang en" (pasted, the English commands answer in English).
std::pair<std::string, std::string>
material_commands(const std::string& src, const std::string& out, const std::string& rules,
                  const std::string& unit, const std::string& extra, const std::string& lang)
{
  const std::string r = " --rules " + shell_quote(rules);
  const std::string u = unit.empty() ? "" : " --unit " + shell_quote(unit);
  return {"mpcheck fix " + src + r + extra + lang + " --in-place",
          "mpcheck pack " + src + r + u + lang + " --out " + out};
}

// What the fix command of pack's material mends, said after it.
Text default_fix_scope()
{
  return {"（按 works.yaml 修复每个不合格的视频）",
          " (it fixes every failing video works.yaml lists)"};
}

} // namespace

Text repack_commands(const std::string& source, const std::string& drive, bool state_file,
                     const std::string& rules, const std::string& unit, const std::string& extra,
                     const std::optional<Text>& fix_scope)
{
  const auto out = [&](const std::string& new_drive) {
    return state_file ? shell_quote(drive) + " --clean" : new_drive;
  };
  const auto [fix_zh, pack_zh] =
      material_commands(shell_quote(source.empty() ? "素材文件夹" : source),
                        out("\"新的U盘文件夹\""), rules, unit, extra, "");
  const auto [fix_en, pack_en] =
      material_commands(shell_quote(source.empty() ? "SOURCE FOLDER" : source),
                        out("\"NEW DRIVE FOLDER\""), rules, unit, extra, " --lang en");
  const Text scope = fix_scope.value_or(default_fix_scope());
  Text text{"在打包用的素材文件夹上修复，再重新打包：" + fix_zh + scope.zh + "，然后 " + pack_zh,
            "fix the source folder pack read, then pack again: " + fix_en + scope.en + ", then " +
                pack_en};
  if (state_file) {
    text.zh +=
        "（fix 会给改过的文件改名，比如 .MOV 改成 .mp4；--clean 删掉以前打包留下的旧名字文件，"
        "只删 mpcheck pack 自己写入的）";
    text.en += " (fix renames what it converts, e.g. .MOV to .mp4; --clean removes the old names "
               "an earlier pack left, and only files mpcheck pack wrote)";
  }
  if (source.empty()) {
    text.zh +=
        state_file
            ? "（把“素材文件夹”换成打包时用的文件夹）"
            : "（把“素材文件夹”换成打包时用的文件夹，“新的U盘文件夹”换成一个空文件夹或空U盘）";
    text.en += state_file ? " (put the folder you packed from in place of SOURCE FOLDER)"
                          : " (put the folder you packed from in place of SOURCE FOLDER, and an "
                            "empty folder or drive in place of NEW DRIVE FOLDER)";
  }
  return text;
}

namespace {

bool portrait_where_landscape(const Context& ctx, const SubmissionFile& file)
{
  return file.kind == FileKind::video && file.facts.video &&
         needs_pillarbox(*file.facts.video, ctx.rules_for(file).media);
}

// The names of the drive's videos fix mends only with --pillarbox.
std::vector<std::string> portrait_videos(const Context& ctx)
{
  std::vector<std::string> out;
  for (const auto& f : ctx.sub.files)
    if (portrait_where_landscape(ctx, f))
      out.push_back(f.name);
  return out;
}

// What the folder's one fix command mends, said in every hint that gives it: the portrait
// video's (with --pillarbox) mends everything, so one paste is enough; the plain one does not
// claim to mend a portrait video it leaves.
std::optional<Text> pillarbox_scope(const Context& ctx, const SubmissionFile& file)
{
  if (portrait_where_landscape(ctx, file))
    return Text{"（按 works.yaml 修复每个不合格的视频；--pillarbox 把竖屏画面放在横屏画布中间、"
                "左右加黑边，只用在竖屏的视频上。别的提示里不带 --pillarbox 的 fix 命令能修的，"
                "这一条也都修：运行这一条一次就够）",
                " (it fixes every failing video works.yaml lists; --pillarbox puts a portrait "
                "picture in the middle of a landscape one with black bars left and right, and "
                "only portrait videos get it. This one command also fixes everything the fix "
                "command without --pillarbox in other hints fixes: running it once is enough)"};
  const std::vector<std::string> portrait = portrait_videos(ctx);
  if (portrait.empty())
    return std::nullopt;
  return Text{"（按 works.yaml 修复每个不合格的视频，但不修竖屏的“" + join(portrait, "”“") +
                  "”：竖屏视频要加 --pillarbox（左右加黑边）才会修复。接受黑边的话，只运行那个视频"
                  "的提示里带 --pillarbox 的 fix 命令就够了，这里的问题它也一并修复）",
              " (it fixes every failing video works.yaml lists but the portrait '" +
                  join(portrait, "', '") +
                  "': a portrait video is fixed only with --pillarbox (black bars left and "
                  "right); if the bars are acceptable, run only the fix command with --pillarbox "
                  "from that video's hint: it fixes this problem too)"};
}

} // namespace

namespace {

// The fix of the material being checked (Options::material), in place, then pack into a drive
// the clerk names: the commands pack's hints give, with the folder as checked.
Text material_here(const Context& ctx, const std::string& extra, const std::optional<Text>& scope)
{
  const std::string src = shell_quote(ctx.sub.root);
  const std::string rules = rules_argument(ctx.rules);
  const std::string fix_zh = material_commands(src, "", rules, ctx.options.unit, extra, "").first;
  const std::string fix_en =
      material_commands(src, "", rules, ctx.options.unit, extra, " --lang en").first;
  const Text s = scope.value_or(default_fix_scope());
  const Text pack = material_pack_command(ctx);
  return {"这是打包前的素材（有 works.yaml）：请在素材文件夹里修复，修复后的新文件名会自动写进 "
          "works.yaml：" +
              fix_zh + s.zh + "，然后打包：" + pack.zh,
          "this is pack's material (it holds works.yaml): fix it in the folder, and fix writes "
          "the fixed file's name into works.yaml: " +
              fix_en + s.en + ", then pack it: " + pack.en};
}

} // namespace

Text material_pack_command(const Context& ctx)
{
  const std::string src = shell_quote(ctx.sub.root);
  const std::string rules = rules_argument(ctx.rules);
  return {material_commands(src, "\"U盘\"", rules, ctx.options.unit, "", "").second +
              "（把“U盘”换成要写入的U盘或空文件夹）",
          material_commands(src, "\"usb\"", rules, ctx.options.unit, "", " --lang en").second +
              " (put the drive or an empty folder in place of usb)"};
}

std::optional<Text> material_fix(const Context& ctx, const SubmissionFile& file)
{
  if (!ctx.sub.manifest && !ctx.options.material)
    return std::nullopt;
  const std::string pillarbox = portrait_where_landscape(ctx, file) ? " --pillarbox" : "";
  // fix of the material folder judges each file works.yaml lists by its name on the drive
  // (cli/fix.cpp judge_material), so it mends what pack's check of the drive reports.
  if (!ctx.sub.manifest)
    return material_here(ctx, pillarbox, pillarbox_scope(ctx, file));
  Text text = repack_commands(ctx.options.pack_source, ctx.sub.root, ctx.sub.pack.state_file,
                              rules_argument(ctx.rules), ctx.options.unit, pillarbox,
                              pillarbox_scope(ctx, file));
  text.zh += "（这是打包好的U盘，有 manifest-sha256.txt：不要在U盘上改，改了清单就对不上）";
  text.en += " (this drive was packed and carries manifest-sha256.txt: a file changed on it no "
             "longer matches it)";
  return text;
}

Text fix_commands(const Context& ctx, const SubmissionFile& file, const rules::MediaRules& media)
{
  if (auto material = material_fix(ctx, file))
    return *material;
  const std::string fix = mpcheck_fix_command(ctx, file);
  const std::string ff = ffmpeg_fix_command(ctx, file, media);
  return {fix + "（自动修复并复查）；或用 ffmpeg：" + ff,
          fix + " (fixes it and checks it again); or with ffmpeg: " + ff};
}

} // namespace mpcheck::checks
