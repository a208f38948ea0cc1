#pragma once
// Planning a drive: which source file lands under which name in which folder. Pure: it
// decides names from a works manifest (or from names that already follow the pattern) and the
// rule set; pack/ carries the plan out.

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::layout {

struct PlannedFile {
  std::string source; // absolute (or as given) path to read
  std::string dest;   // relative to the drive, '/'-separated, NFC
  std::string role;   // subtitled, clean, video, episode, poster, qr, courseware, script, document
  std::string work;   // the work's title, "" for unit documents
};

struct PlanProblem {
  std::string source;
  Text message;
};

struct PackPlan {
  std::vector<std::string> folders; // the layout's folders, created even when empty
  std::vector<PlannedFile> files;
  std::vector<PlanProblem> problems; // nothing is written while there are any
};

// Every file of every work of `manifest`, under the names the rule set asks for:
// 作品/作品名-分类-单位（有字幕）.mp4, 作品名-分类-单位（第2集）.mp4, …（海报）.jpg,
// 文本/作品名-解说词-单位.docx.
PackPlan plan_from_manifest(const manifest::Manifest& manifest, const rules::RuleSet& rules);

// The files of an already-named source folder, renamed canonically (variant suffixes,
// separators, NFC) and put in their folders; junk is left out. `unit` replaces the names'
// unit when not empty.
PackPlan plan_from_submission(const Submission& sub, const rules::RuleSet& rules,
                              const std::string& unit);

// The canonical name of a media file named after the pattern: 作品名-分类-单位（有字幕）（第N集）+
// `extension` — ASCII '-', the variant as （有字幕）/（无字幕）, the episode as the rule set's
// `episode_suffix` after it, characters Windows refuses replaced, `unit` when given. Used by
// pack and by rename.
std::string canonical_name(const SubmissionFile& file, const std::string& unit,
                           const std::string& extension, const rules::RuleSet& rules);

// The folder (with a trailing '/') where files of `kind` go: "作品/", or "" without a layout.
std::string folder_prefix(const rules::RuleSet& rules, const std::string& kind);

// Two plans' destinations that are the same on a case-insensitive, NFC file system.
std::vector<PlanProblem> destination_collisions(const PackPlan& plan);

} // namespace mpcheck::layout
