#include "mpcheck/cli/progress.hpp"

#include <algorithm>
#include <cstdio>
#include <sys/ioctl.h>
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

namespace {

// The line cut to the terminal's width, last parts first: a line that wrapped could not be
// redrawn in place.
std::string fit(std::string text)
{
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0)
    return text;
  size_t cut = 0;
  while (report::display_width(text) >= int(size.ws_col) &&
         (cut = text.rfind("  ")) != std::string::npos)
    text.resize(cut);
  return text;
}

} // namespace

void ProgressLine::draw(const Progress& p)
{
  const auto now = std::chrono::steady_clock::now();
  const bool last = p.files_done >= p.files_total;
  if (!last && now - m_last < std::chrono::milliseconds(100))
    return;
  m_last = now;
  const std::string text = fit(report::progress_text(p, m_verb, m_lang));
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
