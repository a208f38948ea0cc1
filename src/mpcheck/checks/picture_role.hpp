#pragma once
// What an image is when neither its name nor its category says: a QR image or another
// picture (a poster), from the QR codes read in its decoded pixels (docs/qr.md). Pure.

#include "mpcheck/core/facts.hpp"

namespace mpcheck::checks {

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

} // namespace mpcheck::checks
