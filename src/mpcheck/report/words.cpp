#include "mpcheck/report/words.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace mpcheck::report {

const Words& words(Lang lang)
{
  static const Words zh{
      "mpcheck 检查报告", "检查目录",   "检查文件", "检查日期", "截止日期", "作品",
      "整体与其他文件",   "需人工确认", "要求",     "实际",     "怎么改",   "依据",
      "没有发现问题"};
  static const Words en{"mpcheck report",
                        "checked",
                        "files checked",
                        "as of",
                        "deadline",
                        "work",
                        "whole submission and other files",
                        "to confirm by hand",
                        "expected",
                        "found",
                        "fix",
                        "rule",
                        "no problems found"};
  return lang == Lang::en ? en : zh;
}

std::string severity_label(Severity s, Lang lang)
{
  if (lang == Lang::en)
    return s == Severity::error ? "✗ error" : s == Severity::warning ? "! warning" : "? manual";
  return s == Severity::error ? "✗ 错误" : s == Severity::warning ? "! 警告" : "? 人工";
}

std::string check_summary(const checks::CheckReport& r, Lang lang)
{
  const checks::Summary s = checks::summarize(r);
  if (lang == Lang::en)
    return fmt::format("{} file{}, {} work{}: {} error{}, {} warning{}, {} to confirm by hand, "
                       "{} note{}",
                       s.files, s.files == 1 ? "" : "s", s.works, s.works == 1 ? "" : "s", s.error,
                       s.error == 1 ? "" : "s", s.warning, s.warning == 1 ? "" : "s", s.manual,
                       s.info, s.info == 1 ? "" : "s");
  return fmt::format("共 {} 个文件、{} 部作品：{} 个错误，{} 个警告，{} 项需人工确认，{} 条提示",
                     s.files, s.works, s.error, s.warning, s.manual, s.info);
}

size_t undecoded_videos(const checks::CheckReport& r, int work)
{
  const Submission& sub = r.submission;
  size_t count = 0;
  for (const auto& f : sub.files)
    if ((work < 0 || f.work == work) && f.kind == FileKind::video && f.facts.video &&
        !f.facts.error && !f.facts.deep)
      ++count;
  return count;
}

std::string work_ok(const checks::CheckReport& r, int work, Lang lang)
{
  const std::string ok = words(lang).ok;
  if (undecoded_videos(r, work) == 0)
    return ok;
  return lang == Lang::en
             ? ok + " (--fast: pictures and sound not decoded; black ends, silence, loudness and "
                    "more not checked)"
             : ok + "（--fast：未解码画面和声音，黑场、静音、响度等未检查）";
}

std::string fast_note(const checks::CheckReport& r, Lang lang)
{
  const size_t n = undecoded_videos(r);
  if (n == 0)
    return "";
  const bool pairs = !r.submission.pairs.empty();
  if (lang == Lang::en)
    return fmt::format(
        "ℹ checked with --fast: the pictures and sound of {} video{} were not decoded, so these "
        "checks were not done: black at the start or end (video.black), silent or too quiet "
        "sound (audio.silent, audio.loudness), pictures interlaced though flagged progressive "
        "(video.scan), {}damaged data (media.decode-error). \"No problems\" covers only what "
        "the headers show; check again without --fast to have these done.",
        n, n == 1 ? "" : "s",
        pairs ? "the subtitled and clean versions compared by their pictures and sound "
                "(subtitles.pair-mismatch, subtitles.not-burned), "
              : "");
  return fmt::format(
      "ℹ 用了 --fast：{} 个视频的画面和声音没有解码，以下检查没有做：开头结尾黑场（video.black）、"
      "无声或声音太小（audio.silent、audio.loudness）、标为逐行实为隔行的画面（video.scan）、{}"
      "数据损坏（media.decode-error）。“没有发现问题”只针对文件头能看出的内容；去掉 --fast "
      "再检查一次才能确认这些项。",
      n,
      pairs ? "有字幕/"
              "无字幕两个版本的画面和声音比较（subtitles.pair-mismatch、subtitles.not-burned）、"
            : "");
}

std::string fast_note_in_summary(const checks::CheckReport& r, Lang lang)
{
  const size_t n = undecoded_videos(r);
  if (n == 0)
    return "";
  return lang == Lang::en
             ? fmt::format(" (besides, the --fast note above: the pictures and sound of {} "
                           "video{} were not decoded)",
                           n, n == 1 ? "" : "s")
             : fmt::format("（另有上面 ℹ 的一条 --fast 说明：{} 个视频的画面和声音没有解码）", n);
}

std::string drive_line(const checks::CheckReport& r, Lang lang)
{
  const checks::Summary s = checks::summarize(r);
  const char* mark = s.error > 0 || !r.unread.empty() ? "✗" : s.warning > 0 ? "!" : "✓";
  const std::string& label = r.submission.label.empty() ? r.submission.root : r.submission.label;
  std::string line = fmt::format("{} {}  {}", mark, label, check_summary(r, lang));
  for (const auto& p : r.unread)
    line += (lang == Lang::en ? "; " : "；") + unread_text(p, lang);
  return line;
}

std::string unread_text(const checks::UnreadPath& p, Lang lang)
{
  const bool en = lang == Lang::en;
  if (p.reason == "not-found")
    return en ? fmt::format("{}: no such file or folder", p.path)
              : fmt::format("路径不存在：{}", p.path);
  if (p.reason == "not-file")
    return en ? fmt::format("{}: neither a file nor a folder", p.path)
              : fmt::format("不是文件或文件夹：{}", p.path);
  if (p.reason == "permission")
    return en ? fmt::format("cannot read {}: permission denied (not checked)", p.path)
              : fmt::format("无法读取 {}：没有读取权限（未检查）", p.path);
  if (p.reason == "loop")
    return en ? fmt::format("cannot read {}: a loop of symbolic links (not checked)", p.path)
              : fmt::format("无法读取 {}：符号链接循环（未检查）", p.path);
  return en ? fmt::format("cannot read {}: a read error (disk or USB drive; not checked)", p.path)
            : fmt::format("无法读取 {}：读取出错（磁盘或U盘读错误，未检查）", p.path);
}

std::string drives_heading(size_t count, Lang lang)
{
  return lang == Lang::en ? fmt::format("{} submissions checked:", count)
                          : fmt::format("共检查 {} 份报送：", count);
}

GroupedFindings group_findings(const checks::CheckReport& report)
{
  GroupedFindings g;
  for (const auto& f : report.findings) {
    if (f.severity == Severity::manual || f.severity == Severity::info)
      g.manual.push_back(&f);
    else
      g.by_work[f.work].push_back(&f);
  }
  return g;
}

} // namespace mpcheck::report
