#pragma once
// Builds the Submission the checks read from the walked tree and the facts probed for each
// file: kinds, NFC paths, parsed names, works, series. Pure: no disk access.

#include <vector>

#include "mpcheck/check/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/scan/walk.hpp"

namespace mpcheck::check {

// `facts[i]` belongs to `tree.files[i]` (empty MediaFacts for files that were not probed).
Submission assemble(const scan::Tree& tree, std::vector<MediaFacts> facts,
                    const rules::RuleSet& rules);

// The kind of the file at `relative_path`: junk by its name or folder, else by extension.
FileKind kind_of_path(const std::string& relative_path);

// Whether a file of this kind is probed (media and images) or read as a document.
bool is_probed_kind(FileKind kind);
bool is_document_kind(FileKind kind);

// A title's episode mark: "初心（第3集）" → {"初心", 3}; {title, 0} when there is none.
std::pair<std::string, int> split_episode(const std::string& title);

// What a picture is when its name does not say (docs/qr.md), from its decoded pixels.
enum class PictureRole {
  unknown, // pixels not decoded (--fast), not a picture, or damaged before any code was read
  qr_code, // essentially one QR code: the largest code read covers ≥ qr_image_min_area of it
  other    // any other decoded picture (a poster, with or without a code on it)
};

// A QR image is the code and its white margin (qrencode's 4-module margin: 62 % code for a
// version-3 code; a 10-module margin around version 1: 26 %; a caption under it: ~40 %); a
// code printed on an A3 poster rarely covers 10 % of it (docs/qr.md).
constexpr double qr_image_min_area = 0.20;

PictureRole picture_role(const MediaFacts& facts);

} // namespace mpcheck::check
