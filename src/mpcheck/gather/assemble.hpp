#pragma once
// Builds the Submission the checks read from the walked tree and the facts probed for each
// file: kinds, NFC paths, parsed names, works, series. Pure: no disk access.

#include <vector>

#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/scan/walk.hpp"

namespace mpcheck::gather {

// `facts[i]` belongs to `tree.files[i]` (empty MediaFacts for files that were not probed).
Submission assemble(const scan::Tree& tree, std::vector<MediaFacts> facts,
                    const rules::RuleSet& rules);

// The kind of the file at `relative_path`: junk by its name or folder, else by extension.
FileKind kind_of_path(const std::string& relative_path);

// A title's episode mark: "初心（第3集）" → {"初心", 3}; {title, 0} when there is none.
std::pair<std::string, int> split_episode(const std::string& title);

} // namespace mpcheck::gather
