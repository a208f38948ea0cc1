#pragma once
// Renders probe results: JSON (schema "mpcheck-probe/1", documented in man/mpcheck.1) and text.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mpcheck/core/facts.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

using Json = nlohmann::ordered_json;

// One file's facts as a JSON object; `error` is null or {code, message, detail}.
Json facts_to_json(const MediaFacts& facts, Lang lang);

// {"schema": "mpcheck-probe/1", "files": [...]}.
std::string probe_json(const std::vector<MediaFacts>& files, Lang lang);

// A readable block per file.
std::string probe_text(const std::vector<MediaFacts>& files, Lang lang);

} // namespace mpcheck::report
