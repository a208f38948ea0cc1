#pragma once
// The same layout as execute() writes, as one ZIP archive (`pack --zip FILE`).

#include <string>

#include "mpcheck/pack/plan.hpp"

namespace mpcheck::pack {

// Writes the plan's copies and generated files (and their folders) into a ZIP at `zip_path`,
// names flagged UTF-8 (ZIP_FL_ENC_UTF_8), Zip64 where needed. Sources are streamed from disk
// one at a time (memory does not grow with their size) and stored uncompressed unless they
// are text; generated files are deflated. The archive is written under a temporary name in
// the same folder, flushed and renamed: `zip_path` is either absent/old or complete. The plan
// is checked as by execute() (plan_problem). Returns false and sets `error` on failure, then
// nothing is left behind. To ship the manifest too, add manifest_text(execute(...).files)
// to the plan as a generated file.
bool write_zip(const Plan& plan, const std::string& zip_path, std::string& error);

} // namespace mpcheck::pack
