#pragma once
// `mpcheck init`: a first works.yaml guessed from a folder — titles, categories and versions
// from the file names, durations from probing — with TODO marks for what a person must fill.
// Pure: it reads an assembled Submission.

#include <string>

#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::manifest {

// The works.yaml text for `sub` (paths relative to the submission root). `unit` is used when
// given, else the unit most names carry, else a TODO mark. Its comments are in `lang`.
std::string guess_manifest(const Submission& sub, const rules::RuleSet& rules,
                           const std::string& unit, Lang lang = Lang::zh);

// A YAML double-quoted scalar: "a \"b\"", a line break as \n, other controls as \xNN: one
// line of valid YAML whatever a file name holds, read back as the same text.
std::string yaml_quote(const std::string& text);

} // namespace mpcheck::manifest
