#pragma once
// Quantities a rule author writes as text: durations ("8min", "8:00"), bit rates ("8Mbps"),
// loudness ("-23 LUFS"), frame rates ("25", "30000/1001"), aspect ratios ("16:9"), pixel sizes
// ("1920x1080"), percentages ("10%") and paper sizes ("A3"). Pure functions, no YAML.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mpcheck/util/rational.hpp"

namespace mpcheck::rules {

struct Size {
  int width = 0;
  int height = 0;
  friend bool operator==(const Size&, const Size&) = default;
};

// An ISO 216 paper size, portrait.
struct Paper {
  std::string_view name; // "A3"
  double width_mm = 0;   // 297
  double height_mm = 0;  // 420
};

// Seconds from "480", "480s", "8min", "8 min", "8分钟", "1h", "8min 30s", "8:00", "1:30",
// "1:02:03" or "7:59.5". Units: s/sec/second(s)/秒, min/minute(s)/分钟/分, h/hour(s)/小时.
// A bare number is seconds. nullopt when the text is none of these or negative.
std::optional<double> parse_duration(std::string_view text);

// Bit/s from "8000000", "8Mbps", "8 Mbps", "8M", "8Mb/s", "8000k", "8000 kbps", "1.5G".
// Prefixes are decimal (k = 1000) and case-insensitive; "B" (bytes) is refused as ambiguous.
// nullopt when unparseable or not positive.
std::optional<int64_t> parse_bitrate(std::string_view text);

// LUFS from "-23", "-23LUFS", "-23 LUFS" or "-23 LKFS".
std::optional<double> parse_loudness(std::string_view text);

// A frame rate from "25", "25p", "25 fps", "29.97" (→ 30000/1001) or "30000/1001".
std::optional<Rational> parse_frame_rate(std::string_view text);

// A reduced display aspect ratio from "16:9" or "16/9".
std::optional<Rational> parse_aspect_ratio(std::string_view text);

// A pixel size from "1920x1080", "1920×1080", "1920*1080" or "1920 x 1080".
std::optional<Size> parse_size(std::string_view text);

// A fraction from a percentage: "10%" → 0.10. nullopt without the % sign or when negative.
std::optional<double> parse_percent(std::string_view text);

// The ISO 216 paper named `name` (A0..A6, B4, B5; case-insensitive), or nullptr.
const Paper* find_paper(std::string_view name);

// Pixel size of `paper` at `dpi`, portrait, rounded to the nearest pixel: A3 at 300 dpi is
// 3508×4961, A4 at 300 dpi is 2480×3508.
Size paper_pixels(const Paper& paper, int dpi);

// "8:00", "1:02:03", "8:00.021": a duration as a person reads it (to the millisecond).
std::string format_duration(double seconds);

// "8 Mbps", "7.2 Mbps", "128 kbps", "900 bps": a rule's bit rate as its author wrote it.
std::string format_bitrate(int64_t bits_per_second);

// "8.00 Mbps", "0.13 Mbps": a bit rate to two decimals of a megabit, the one form findings,
// probe's text and the HTML report give measured rates and the limits they are held to.
std::string format_mbps(int64_t bits_per_second);

} // namespace mpcheck::rules
