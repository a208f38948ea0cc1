#include "mpcheck/report/progress.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace mpcheck::report {

std::string human_bytes(int64_t bytes)
{
  const double b = double(bytes);
  if (bytes < 1000)
    return fmt::format("{} B", bytes);
  if (b < 1e6)
    return fmt::format("{:.0f} KB", b / 1e3);
  if (b < 1e9)
    return b < 1e8 ? fmt::format("{:.1f} MB", b / 1e6) : fmt::format("{:.0f} MB", b / 1e6);
  return b < 1e11 ? fmt::format("{:.2f} GB", b / 1e9) : fmt::format("{:.0f} GB", b / 1e9);
}

std::string clock_text(double seconds)
{
  const auto s = int64_t(std::llround(std::max(0.0, seconds)));
  if (s >= 3600)
    return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

namespace {

// Seconds still to go, or a negative number when it cannot be told yet: the first seconds
// (planning, the first buffers, the cache) say little about the pace, so the estimate waits
// for 2 seconds and 5 % of the work, or 15 seconds of a long job.
double seconds_left(const Progress& p)
{
  double fraction = 0;
  if (p.bytes_total > 0)
    fraction = double(p.bytes_done) / double(p.bytes_total);
  else if (p.files_total > 0)
    fraction = double(p.files_done) / double(p.files_total);
  const bool enough = p.seconds >= 2 && (fraction >= 0.05 || p.seconds >= 15);
  if (!enough || fraction <= 0 || fraction >= 1)
    return -1;
  return p.seconds * (1 - fraction) / fraction;
}

} // namespace

std::string progress_text(const Progress& p, const Text& verb, Lang lang)
{
  std::string out = lang == Lang::en
                        ? fmt::format("{} {}/{} files", verb.en, p.files_done, p.files_total)
                        : fmt::format("{} {}/{} 个文件", verb.zh, p.files_done, p.files_total);
  out += fmt::format("  {}/{}", human_bytes(p.bytes_done), human_bytes(p.bytes_total));
  if (p.seconds >= 1 && p.bytes_done > 0)
    out += fmt::format("  {}/s", human_bytes(int64_t(double(p.bytes_done) / p.seconds)));
  if (const double left = seconds_left(p); left >= 0)
    out += lang == Lang::en ? fmt::format("  {} left", clock_text(left))
                            : fmt::format("  约剩 {}", clock_text(left));
  if (p.in_work > 0)
    out += lang == Lang::en
               ? fmt::format("  decoding {} video{}", p.in_work, p.in_work == 1 ? "" : "s")
               : fmt::format("  正在解码 {} 个视频", p.in_work);
  return out;
}

} // namespace mpcheck::report
