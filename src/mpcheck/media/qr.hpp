#pragma once
// QR codes in a picture: decodes a JPEG or PNG file to 8-bit grey (libjpeg, libpng) and hands
// it to zbar with only the QR symbology enabled. The only code in mpcheck that decodes pixels
// of a still image.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mpcheck/core/facts.hpp"

namespace mpcheck::media {

// How hard decode_qr looks; the defaults are what check and probe use (docs/qr.md).
struct QrOptions {
  // First look: the picture scaled down so that its long side is at most this many pixels
  // (JPEG: scaled in the DCT, so a 6000x4000 poster is never decoded at full size for it).
  int first_pass_side = 2048;
  // When the first look was scaled and found nothing: the full-size picture, in horizontal
  // bands of `band_rows` rows of which consecutive bands share `band_overlap`. A QR code up to
  // `band_overlap` pixels tall lies whole in some band; memory is width x band_rows bytes.
  int band_rows = 2048;
  int band_overlap = 1024;
  // Pictures larger than this (or wider/taller than max_side) are not decoded: "too-large".
  int64_t max_pixels = 250'000'000;
  int max_side = 30000;
  // libjpeg's own memory (a progressive JPEG keeps every DCT coefficient: ~3 bytes a pixel).
  int64_t max_jpeg_memory = int64_t{512} << 20;
};

struct QrResult {
  // The text of each QR code found (UTF-8 as zbar gives it), in the order found, each once.
  std::vector<std::string> texts;
  // Set when the pixels could not all be decoded: "unreadable" (open/read failed), "not-image"
  // (no JPEG/PNG signature), "corrupt-image" (bad or truncated data), "too-large". Codes found
  // before the damage are still in `texts`.
  std::optional<ProbeError> error;
  // The share of the picture covered by the bounding box of the largest code found (0–1).
  double largest_area = 0;
  // How far decode_qr went: "reduced" (the scaled first look was enough, or found nothing in
  // a picture that was not scaled), "full" (the full-size bands were scanned too).
  std::string pass;
};

// The QR codes in the JPEG (baseline or progressive; grey, RGB, CMYK or YCCK) or PNG (any
// colour type and depth, palette, alpha composed over white, interlaced) picture at `path`.
// Never prints, never aborts, whatever the bytes; memory is bounded by the options.
QrResult decode_qr(const std::string& path, const QrOptions& options = {});

// Decodes the QR codes of `facts` when it is an image: sets facts.image->qr_codes (and
// qr_error when the pixels could not all be decoded). Does nothing for other files.
void add_qr_facts(MediaFacts& facts, const QrOptions& options = {});

// add_qr_facts for every file, on `jobs` threads (0: all cores).
void add_qr_facts(std::vector<MediaFacts>& files, int jobs);

} // namespace mpcheck::media
