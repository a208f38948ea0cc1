#pragma once
// The drive execute() wrote, as one ZIP archive (`pack --zip FILE`).

#include <string>

#include <vector>

#include "mpcheck/pack/execute.hpp"
#include "mpcheck/pack/plan.hpp"

namespace mpcheck::pack {

// Writes the drive execute() has just finished at `drive` into a ZIP at `zip_path`: the plan's
// folders (empty ones too) and every file of `written` (execute()'s results: the copies and the
// generated forms), each read from the drive and checked, as it streams into the archive,
// against the SHA-256 pack computed from the source bytes while writing it — a file that
// differs fails the ZIP instead of shipping unverified; the sources are not read again — then
// pack's report and manifest-sha256.txt, so the archive verifies like the drive. Names flagged
// UTF-8 (ZIP_FL_ENC_UTF_8), Zip64 where needed; media stored, text deflated; memory does not
// grow with file sizes. Written under a temporary name in the same folder, flushed and
// renamed: `zip_path` is either absent/old or complete. Returns false and sets `error` on
// failure, then nothing is left behind.
bool write_zip(const PackPlan& plan, const std::vector<FileResult>& written,
               const std::string& drive, const std::string& zip_path, std::string& error);

} // namespace mpcheck::pack
