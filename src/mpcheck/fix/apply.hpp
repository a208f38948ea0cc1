#pragma once
// `mpcheck fix`, where the output goes: written under a temporary name beside its final one,
// flushed and renamed (util/atomic_file.hpp), so that an interrupted fix (kill -9, a pulled
// drive) leaves no partial file under a final name; with --in-place the original is first
// moved into 原始文件/ beside the drive (never deleted), and works.yaml names the new file.

#include <functional>
#include <string>

#include "mpcheck/fix/plan.hpp"
#include "mpcheck/fix/transcode.hpp"
#include "mpcheck/naming/junk.hpp"

namespace mpcheck::fix {

struct Destination {
  std::string final_path;  // the fixed file
  std::string original_to; // --in-place: where the original is moved; "" otherwise
  std::string works_yaml;  // --in-place on a drive: its works.yaml, when present; "" otherwise
};

// The folder originals are moved into: 原始文件/ beside the drive `root` (a folder), or
// beside a loose file (its folder's 原始文件/).
inline constexpr const char* originals_folder = naming::fix_originals_folder;

// rename(2) or a stand-in (tests inject EXDEV through one): 0 or errno.
using RenameFunction = std::function<int(const std::string& from, const std::string& to)>;

// Moves the original `from` to `to` (its folders made), never losing it: a rename; across
// file systems (EXDEV: the drive is a USB stick, 原始文件/ beside its mount point) a durable
// copy (temporary name, fdatasync, rename, folder fsync), and only then the source removed.
// Returns "" or why not; an existing `to` is never replaced.
std::string move_original(const std::string& from, const std::string& to,
                          const RenameFunction& rename = {});

// Converts `plan.source` to `dest.final_path` (transcode into a temporary name, then
// commit_file); with `original_to`, the original is moved there before the fixed file takes
// its final name, and `works_yaml` has the old name replaced by the new one. Returns "" or
// what went wrong; on failure no file is left under the final name that was not there.
std::string apply(const Plan& plan, const Destination& dest, const TranscodeProgress& progress);

// The two halves of apply. convert: `plan.source` transcoded into temp_path_for(final_path)
// (with `digest`, a remux's packets digested); "" or what went wrong, nothing left behind
// then. commit: the original moved (--in-place), the converted file renamed into place,
// works.yaml updated. discard: the converted file removed, when a later plan drops it.
std::string convert(const Plan& plan, const Destination& dest, const TranscodeProgress& progress,
                    PacketDigest* digest = nullptr);
std::string commit(const Plan& plan, const Destination& dest);
void discard(const Destination& dest);

// Undoes a commit whose output failed the re-check, so that no failing file is left under a
// final name: the output removed; with --in-place the original moved back to its place and
// works.yaml naming it again. Returns "" or what went wrong (the original is then still in
// 原始文件/).
std::string withdraw(const Plan& plan, const Destination& dest);

} // namespace mpcheck::fix
