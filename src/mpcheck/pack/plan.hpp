#pragma once
// What pack is asked to write: a copy plan made by layout/ and the CLI, executed by execute()
// (execute.hpp) or write_zip() (zip.hpp). The checks here are pure: no disk access.

#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::pack {

// Copy one existing file. The source is only ever opened read-only.
struct CopyOp {
  std::string source; // absolute path to read
  std::string dest;   // relative path under the output folder, '/'-separated, UTF-8
};

// A file whose content pack makes (forms, the report); written atomically and listed in the
// manifest like a copy.
struct GeneratedFile {
  std::string dest;    // as CopyOp::dest
  std::string content; // the bytes to write
};

struct Plan {
  std::vector<CopyOp> copies;
  std::vector<GeneratedFile> generated;
  // Folders created even when empty (the notice asks for all of them): relative paths like
  // a dest ("作品", "表格/附件").
  std::vector<std::string> folders;
};

// Names pack keeps for itself at the root of the output folder (never a plan's dest).
inline constexpr std::string_view manifest_name = "manifest-sha256.txt";
inline constexpr std::string_view state_name = ".mpcheck-pack-state";
// The report of the check of the finished drive (ExecuteOptions::make_report).
inline constexpr std::string_view report_name = "mpcheck-report.txt";
// Prefix of the temporary name a file is written under before it is renamed into place.
using util::temp_prefix;

// Why `dest` cannot be a destination, or "" when it can: it must be a relative,
// '/'-separated path of valid UTF-8 without empty, "." or ".." parts or control characters,
// must not be junk (naming::is_junk), must not start a part with temp_prefix, and must not
// be one of pack's own names at the root.
std::string dest_problem(std::string_view dest);

// Why the plan cannot be executed, or "" when it can: the first dest_problem (of a file or
// a folder), a source that
// is not an absolute path, two destinations that are the same file on a case-insensitive
// file system (naming::fold_for_collision), or a destination that is also another's folder.
// The message names the offending destination(s).
std::string plan_problem(const Plan& plan);

} // namespace mpcheck::pack
