#pragma once
// "Did you mean ...?": the closest known word to a misspelt one (keys, ids, names).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpcheck {

// Levenshtein distance between two UTF-8 strings, counted in code points (so that a
// misspelt Chinese name is one edit per character, not per byte).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a plausible typo: at most
// max(2, length/3) edits (length in code points of the longer word), or a beginning of it of at
// least 3 characters ("warn" → "warning"); never an exact match (a word equal to a candidate
// needs no suggestion). Ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// "unknown key 'max_bitrat', did you mean 'max_bitrate'?" when a close candidate exists,
// else "unknown key 'foo'". `what` names the thing ("key", "check id", "category").
std::string unknown_message(std::string_view what, std::string_view word,
                            const std::vector<std::string>& candidates);

} // namespace mpcheck
