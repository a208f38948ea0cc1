#pragma once
// Executes a copy plan onto a drive so that no file is ever lost or half-written (docs/pack.md,
// "What pack reads and writes"): sources are only read; each file is written under a temporary
// name, flushed and renamed; a re-run resumes without recopying what is verified; space and FAT32
// limits are checked before anything is written; a manifest-sha256.txt lets the receiver verify the
// drive. See docs/pack.md for the full contract and the tests that prove each guarantee.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/progress.hpp"
#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/plan.hpp"

namespace mpcheck::pack {

// How far execute() is. Totals cover the whole plan; files found already in place count as
// done when they are recognised.
using Progress = mpcheck::Progress;

struct FileResult {
  std::string dest;   // as in the plan
  std::string sha256; // 64 hex digits ("" in a dry run where not known)
  int64_t size = 0;
  bool copied = false; // false: already there and verified, skipped (or a dry run)
};

struct ExecuteOptions {
  // Decide and check everything, write nothing (no folder, no state file); results have
  // copied=false, and sha256 only where it is known without copying.
  bool dry_run = false;
  // Re-read every written file from the device (O_DIRECT, or fdatasync + FADV_DONTNEED
  // where refused) before its rename, and re-read files already in place instead of
  // trusting the state file.
  bool verify = false;
  // The target is FAT32 (set by the caller; a "vfat" filesystem_type() counts too): any file
  // of 4 GiB or more fails with "fat32-limit" before anything is written.
  bool fat32 = false;
  // Remove the files under the output folder that an earlier pack wrote and the plan does
  // not produce (its works after a title change), and junk, so that the drive equals the plan.
  // Without it such files stop the run before anything is written
  // ("extra-files"), except junk (naming::is_junk), which is left for the check to report.
  // Never touched either way: pack's own files, another pack's temporary files, the
  // operating system's folders (System Volume Information, …).
  bool clean = false;
  // Called after each buffer written and each file finished or recognised.
  ProgressCallback on_progress;
  // Called with a file's dest (relative to the output folder) once it is complete under its
  // final name on the drive (copied and durable, or found in place and verified), in the
  // calling thread: pack's check begins analysing it there while the next is copied.
  std::function<void(const std::string& dest)> on_in_place;
  // Called with a small file's dest and its whole content as written (in the calling thread,
  // before it is committed): pack's check classifies a document from these bytes instead of
  // reading the drive again. Not called for files found in place.
  std::function<void(const std::string& dest, std::string_view bytes)> on_small_file;
  // Called once every file is in place and the plan's folders exist, just before the
  // manifest is written: `files` are the plan's files (digests known), `manifest` the text
  // about to become manifest-sha256.txt (not yet on the drive). Returns the report to write at
  // the root as mpcheck-report.txt (report_name), or nullopt for none. Never in a dry run.
  std::function<std::optional<std::string>(const std::vector<FileResult>& files,
                                           const std::string& manifest)>
      make_report;
};

struct ExecuteResult {
  bool ok = false;
  // "" or: "invalid-plan" (a bad or junk dest, a relative source, colliding names),
  // "no-space", "fat32-limit", "io", "source-changed", "dest-exists-different" (a file
  // pack did not write is in the way; it is never overwritten), "dest-symlink" (a folder
  // on the way to a dest is a symbolic link: pack never writes through it),
  // "source-unreadable" (a source cannot be opened or is not a regular file: permissions,
  // gone), "locked" (another pack holds the output folder), "name-too-long" (a name longer
  // in bytes than the target file system takes, statvfs f_namemax: said before writing),
  // "report" (mpcheck-report.txt could not be written: no manifest either), "extra-files"
  // (the output folder holds files the plan does not produce, and `clean` is off: detail is
  // their list, one relative path per line).
  std::string error_code;
  std::string error_detail;      // one plain sentence naming the file, for the user
  std::vector<FileResult> files; // the plan's files in plan order (copies, then generated);
                                 // on failure those finished before it
  // The files under the output folder the plan does not produce (relative paths, sorted):
  // removed with `clean` (to be removed, in a dry run); with "extra-files", the ones in the way.
  std::vector<std::string> extra;
  ErrorFacts error_facts; // what the message for error_code is worded from (messages.hpp)
};

// Executes `plan` into the folder `out_dir` (created if missing): the files (copies and the
// generated forms, from memory), the plan's folders, the report (options.make_report), then
// `manifest-sha256.txt` LAST — a drive with a manifest is complete — and the resume state
// `.mpcheck-pack-state` at the root of `out_dir`. Stops at the first error; whatever happens
// (including SIGKILL or power loss), every file under a final name is complete, and running
// the same plan again finishes the job. pack/ is the only code that writes onto the drive.
ExecuteResult execute(const PackPlan& plan, const std::string& out_dir,
                      const ExecuteOptions& options);

} // namespace mpcheck::pack
