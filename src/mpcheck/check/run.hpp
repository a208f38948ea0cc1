#pragma once
// `mpcheck check`: walk the paths, probe every file once in parallel, assemble the
// submission, run the checks. The I/O edge of checking; the checks themselves are pure.

#include <string>
#include <vector>

#include "mpcheck/check/submission.hpp"
#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/finding.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::check {

struct RunOptions {
  checks::Options checks;
  std::vector<std::string> waive; // check ids (or "family.*") to drop from the findings
  int jobs = 0;
  // Decode pictures and sound for the checks that need them (the deep checks of video and
  // sound, image.qr-code); false is --fast: those checks claim nothing.
  bool decode = true;
  int thumbnails = 0; // colour thumbnails per video (the HTML report); needs decode
};

struct CheckReport {
  const rules::RuleSet* rules = nullptr;
  Date as_of;
  Submission submission;
  std::vector<Finding> findings; // sorted: by work, then path, then check id
  int count(Severity s) const;
};

// Walks `paths`, probes every file once in parallel, and assembles the submission. With
// `decode`, pictures are decoded too (the QR codes of images).
Submission gather(const std::vector<std::string>& paths, const rules::RuleSet& rules, int jobs,
                  bool decode = false);

CheckReport run_check(const std::vector<std::string>& paths, const rules::RuleSet& rules,
                      const RunOptions& options);

// Probes what each file needs: media and image headers, document signatures; with `decode`,
// the QR codes of images.
std::vector<MediaFacts> probe_files(const std::vector<std::string>& abs_paths,
                                    const std::vector<FileKind>& kinds, int jobs,
                                    bool decode = false);

// True when `check` is waived by one of `waive` ("video.bitrate", or "video.*").
bool is_waived(const std::string& check, const std::vector<std::string>& waive);

} // namespace mpcheck::check
