#pragma once
// The progress line of check and pack: one line on stderr, updated in place with '\r' while
// the job runs and erased when it ends. Shown only when stderr is a terminal and --quiet is
// not given; otherwise nothing is ever written.

#include <chrono>
#include <string>

#include "mpcheck/cli/common.hpp"
#include "mpcheck/core/progress.hpp"

namespace mpcheck::cli {

class ProgressLine {
public:
  // `verb` says what is done to the files: {"已检查", "checked"}, {"已复制", "copied"}.
  ProgressLine(const CommonOptions& options, Text verb);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // A callback that draws the line (at most ten times a second, and the last state always),
  // or an empty one when the line is not shown. It expects calls one at a time, as
  // ProgressMeter makes them.
  ProgressCallback callback();
  // Erases the line, leaving the cursor where the line began.
  void clear();

private:
  void draw(const Progress& p);

  bool m_enabled = false;
  Lang m_lang;
  Text m_verb;
  int m_width = 0; // columns of the line on screen now
  std::chrono::steady_clock::time_point m_last{};
};

} // namespace mpcheck::cli
