#pragma once
// `mpcheck check`: walk the paths, probe every file once in parallel, assemble the
// submission, run the checks. The I/O edge of checking; the checks themselves are pure.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/checks/result.hpp"
#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/progress.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/gather/deep.hpp"
#include "mpcheck/media/analyze.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::gather {

using checks::CheckReport;

struct RunOptions {
  checks::Options checks;
  std::vector<std::string> waive; // check ids (or "family.*") to drop from the findings
  int jobs = 0;
  // Decode pictures and sound for the checks that need them (the deep checks of video and
  // sound, image.qr-code); false is --fast: those checks claim nothing.
  bool decode = true;
  int thumbnails = 0; // colour thumbnails per video (the HTML report); needs decode
  // Told how far the check is: files and bytes (file sizes) whose work is done, out of the
  // totals. A file is done once probed, or once analysed when it is a video and `decode`
  // is set (the analysis takes most of the time). Called from the working threads, one call
  // at a time. Empty: no reports.
  ProgressCallback on_progress;
  // SHA-256 digests already known, by path relative to the drive as on disk: `pack` hashed
  // every file while writing it, so its check of the drive reads none of them again.
  std::map<std::string, std::string> known_sha256;
  // The text of the manifest-sha256.txt `pack` writes after this check (it writes it last):
  // the drive is checked as if it were already there. Unset: the drive's own is read.
  std::optional<std::string> pending_manifest;
  // Analyses the check takes instead of decoding (gather/deep.hpp): pack's, begun as each
  // video reached the drive (EarlyAnalyses, made with analyze_options(*this)); fix's, of the
  // outputs a remux proved to hold their source's packets. Null: every video is decoded here.
  KnownAnalyses* known = nullptr;
};

// The analysis options a check with `options` decodes with.
media::AnalyzeOptions analyze_options(const RunOptions& options);

// What `check` checks as one submission (docs/submissions.md): one folder (a drive), or the file
// PATHs of one command line together (loose files: each file's own checks; a work's two versions
// among them compared as a pair).
struct Target {
  Scope scope = Scope::drive;
  std::vector<std::string> paths; // the folder; or the files, in command-line order
  // Files judged by another name than their own: absolute path (lexically normal) → the
  // relative path to judge it by. `fix` of pack's material judges each file works.yaml lists
  // by the name pack gives it on the drive (its category, unit and version are in works.yaml,
  // not in 红色记忆（有字幕）.mp4). Empty: every file by its own name.
  std::map<std::string, std::string> judged_as;
  // How reports name it: the folder as given; the files' PATHs joined by ", ".
  std::string label() const;
};

// The works.yaml at the top of a folder target, absolute and normal: the folder is pack's
// material, not a drive (check's hints and fix's plans are pack's for it); "" when it has none.
std::string works_yaml_of(const Target& target);

// The key Target::judged_as knows a file by: its path made absolute and lexically normal.
std::string judged_key(const std::string& path);

// A PATH that cannot be checked at all: a usage error (not-found: no such file or folder;
// not-file: a device, a FIFO, a socket) or a runtime one (permission, loop, unreadable).
struct PathError {
  std::string path;
  std::string error;
  bool usage() const { return error == "not-found" || error == "not-file"; }
};

struct Targets {
  std::vector<Target> targets;
  std::vector<PathError> errors;
};

// Sorts the PATHs of `check`: each folder is a drive of its own; every file PATH goes into
// one loose-files target, placed where the first file PATH is; a PATH given twice counts
// once. A PATH that does not exist or cannot be opened and read is an error, not a target.
Targets plan_targets(const std::vector<std::string>& paths);

// Walks `paths`, probes every file once in parallel, and assembles the submission. With
// `decode`, pictures are decoded too (the QR codes of images). `meter`, when given, gets the
// totals of the tree and each file probed (a video's only with `analysed_later` false).
Submission gather(const std::vector<std::string>& paths, const rules::RuleSet& rules, int jobs,
                  bool decode = false, ProgressMeter* meter = nullptr, bool analysed_later = false);

// Checks one target: walks it, probes and decodes what the checks need, hashes what the
// drive's manifest lists, runs the checks of its scope.
CheckReport run_check(const Target& target, const rules::RuleSet& rules, const RunOptions& options);

// Checks the folder `drive` as a drive.
CheckReport run_check(const std::string& drive, const rules::RuleSet& rules,
                      const RunOptions& options);

// A file to probe: where it is, what its extension promises, its size, and whether probing
// finishes its work (false for a video the deep analysis reads next), for progress.
struct ProbeTarget {
  std::string abs_path;
  FileKind kind = FileKind::other;
  int64_t size = 0;
  bool last_step = true;
};

// Probes what each file needs: media and image headers, document signatures (those `known`
// has are taken from it); with `decode`, the QR codes of images. Each target whose last step
// this is advances `meter`.
std::vector<MediaFacts> probe_files(const std::vector<ProbeTarget>& targets, int jobs,
                                    bool decode = false, ProgressMeter* meter = nullptr,
                                    KnownAnalyses* known = nullptr);

// True when `check` is waived by one of `waive` ("video.bitrate", or "video.*").
bool is_waived(const std::string& check, const std::vector<std::string>& waive);

} // namespace mpcheck::gather
