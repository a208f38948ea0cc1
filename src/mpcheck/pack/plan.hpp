#pragma once
// What pack is asked to write: the plan layout/ makes (layout::PackPlan), executed by execute()
// (execute.hpp) or write_zip() (zip.hpp). The checks here are pure: no disk access.

#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/layout/plan.hpp"
#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::pack {

// The plan pack carries out is layout's (one type, made by layout/ and completed by
// generate_forms); these names are used for it here.
using layout::GeneratedFile;
using layout::PackPlan;
using layout::PlannedFile;

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
std::string plan_problem(const PackPlan& plan);

} // namespace mpcheck::pack
