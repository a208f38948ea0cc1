#include "mpcheck/cli/progress.hpp"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/progress.hpp"

namespace mpcheck::cli {

ProgressLine::ProgressLine(const CommonOptions& options, Text verb)
    : m_enabled(!options.quiet && ::isatty(STDERR_FILENO) == 1), m_lang(options.language()),
      m_verb(std::move(verb))
{
}

ProgressLine::~ProgressLine()
{
  clear();
}

ProgressCallback ProgressLine::callback()
{
  if (!m_enabled)
    return {};
  return [this](const Progress& p) { draw(p); };
}

void ProgressLine::draw(const Progress& p)
{
  const auto now = std::chrono::steady_clock::now();
  const bool last = p.files_done >= p.files_total;
  if (!last && now - m_last < std::chrono::milliseconds(100))
    return;
  m_last = now;
  const std::string text = report::progress_text(p, m_verb, m_lang);
  const int width = report::display_width(text);
  // Spaces over what a longer previous line left; no terminal escape codes needed.
  std::fprintf(stderr, "\r%s%*s", text.c_str(), std::max(0, m_width - width), "");
  std::fflush(stderr);
  m_width = std::max(m_width, width);
}

void ProgressLine::clear()
{
  if (!m_enabled || m_width == 0)
    return;
  std::fprintf(stderr, "\r%*s\r", m_width, "");
  std::fflush(stderr);
  m_width = 0;
}

} // namespace mpcheck::cli
