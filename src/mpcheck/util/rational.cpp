#include "mpcheck/util/rational.hpp"

#include <cmath>
#include <numeric>

namespace mpcheck {

Rational Rational::reduced() const
{
  if (!valid())
    return *this;
  const int64_t g = std::gcd(num, den);
  return {num / g, den / g};
}

std::string Rational::str() const
{
  if (!valid())
    return "";
  return std::to_string(num) + "/" + std::to_string(den);
}

std::string Rational::ratio_str() const
{
  if (!valid())
    return "";
  const Rational r = reduced();
  return std::to_string(r.num) + ":" + std::to_string(r.den);
}

Rational rational_from_double(double value, int64_t max_den)
{
  if (!(value > 0) || !std::isfinite(value))
    return {};
  Rational best{std::llround(value), 1};
  double best_err = std::fabs(value - double(best.num));
  for (int64_t den = 2; den <= max_den && best_err > 1e-9; ++den) {
    const int64_t num = std::llround(value * double(den));
    const double err = std::fabs(value - double(num) / double(den));
    if (err + 1e-12 < best_err) {
      best = {num, den};
      best_err = err;
    }
  }
  return best.reduced();
}

Rational frame_rate_from_double(double fps)
{
  static const Rational standard[] = {
      {24000, 1001}, {24, 1}, {25, 1},  {30000, 1001},  {30, 1},  {48, 1}, {50, 1},
      {60000, 1001}, {60, 1}, {100, 1}, {120000, 1001}, {120, 1}, {240, 1}};
  for (const Rational& r : standard)
    if (std::fabs(fps - r.value()) <= r.value() * 0.001)
      return r;
  return rational_from_double(fps);
}

} // namespace mpcheck
