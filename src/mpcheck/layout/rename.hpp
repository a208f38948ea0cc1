#pragma once
// `mpcheck rename`: which files of a folder get which canonical name. Pure: the CLI carries
// the plan out with an undo journal.

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::layout {

struct Rename {
  std::string from; // relative to the folder, as on disk (raw bytes)
  std::string to;   // relative to the folder, canonical, NFC
};

struct RenamePlan {
  std::vector<Rename> renames;
  std::vector<std::pair<std::string, Text>> skipped; // files whose name cannot be understood
  std::vector<std::pair<std::string, Text>> refused; // collisions: nothing may be renamed
};

// Canonical names (作品名-分类-单位（有字幕）.mp4: ASCII '-', full-width variant brackets, NFC,
// no characters Windows refuses, `unit` when given) for every media and image file of `sub`
// that is named after the pattern, possibly with look-alike separators.
RenamePlan plan_renames(const Submission& sub, const rules::RuleSet& rules,
                        const std::string& unit);

// The same from a works manifest: each work file inside `root` (relative paths) gets the base
// name pack would give it, in the folder where it already is.
RenamePlan plan_renames_from_manifest(const PackPlan& plan, const std::string& root,
                                      const Submission& sub);

} // namespace mpcheck::layout
