#pragma once
// Planning a drive: which source file lands under which name in which folder. Pure: it
// decides names from a works manifest (or from names that already follow the pattern) and the
// rule set. PackPlan is the one plan type: pack/ adds the generated forms and carries it out
// (pack/execute.hpp onto a drive, pack/zip.hpp into an archive).

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::layout {

// One existing file copied onto the drive. The source is only ever opened read-only.
struct PlannedFile {
  std::string source; // path to read (absolute once pack::resolve_sources has run)
  std::string dest;   // relative to the drive, '/'-separated, NFC
  std::string role;   // subtitled, clean, video, episode, poster, qr, courseware, script, document
  std::string work;   // the work's title, "" for unit documents
};

// A file whose content pack makes (forms); written atomically and listed in the manifest like
// a copy.
struct GeneratedFile {
  std::string dest;    // as PlannedFile::dest
  std::string content; // the bytes to write
};

struct PlanProblem {
  std::string source;
  Text message;
};

struct PackPlan {
  std::vector<PlannedFile> files;       // copies
  std::vector<GeneratedFile> generated; // forms (pack::generate_forms)
  // Folders created even when empty (the notice asks for all of them): relative paths like a
  // dest ("作品", "表格/附件").
  std::vector<std::string> folders;
  std::vector<PlanProblem> problems; // nothing is written while there are any
};

// Every file of every work of `manifest`, under the names the rule set asks for:
// 作品/作品名-分类-单位（有字幕）.mp4, 作品名-分类-单位（第2集）.mp4, …（海报）.jpg,
// 文本/作品名-解说词-单位.docx, and the unit's `documents:` as KIND-单位.ext in their folder
// (情况报告-解放区委宣传部.docx).
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
