#pragma once
// A small exact fraction for frame rates and aspect ratios (no libav types in core code).

#include <cstdint>
#include <string>

namespace mpcheck {

struct Rational {
  int64_t num = 0;
  int64_t den = 0;

  bool valid() const { return num > 0 && den > 0; }
  double value() const { return valid() ? double(num) / double(den) : 0.0; }
  // Reduced form; an invalid fraction stays as it is.
  Rational reduced() const;
  // "30000/1001", or "" when invalid.
  std::string str() const;
  // "16:9", or "" when invalid.
  std::string ratio_str() const;
  friend bool operator==(const Rational& a, const Rational& b) = default;
};

// The fraction closest to `value` with a denominator of at most `max_den`.
Rational rational_from_double(double value, int64_t max_den = 1001);

// A frame rate as a fraction: a standard rate (23.976, 24, 25, 29.97, 30, 50, 59.94, 60, ...)
// when `fps` lies within 0.1% of it (timestamp rounding in a 600- or 1000-tick time base),
// else the closest fraction with a denominator of at most 1001.
Rational frame_rate_from_double(double fps);

} // namespace mpcheck
