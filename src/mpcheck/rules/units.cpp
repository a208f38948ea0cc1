#include "mpcheck/rules/units.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace mpcheck::rules {

namespace {

std::string_view trim(std::string_view text)
{
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Reads an unsigned decimal number at the front of `text` and removes it.
std::optional<double> take_number(std::string_view& text)
{
  std::size_t length = 0;
  while (length < text.size() &&
         ((text[length] >= '0' && text[length] <= '9') || text[length] == '.'))
    ++length;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + length, value);
  if (length == 0 || ec != std::errc{} || end != text.data() + length)
    return std::nullopt;
  text.remove_prefix(length);
  return value;
}

// The whole of `text` as a signed decimal number.
std::optional<double> whole_number(std::string_view text)
{
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

// Reads a unit word (everything up to the next digit or space) and removes it.
std::string_view take_unit(std::string_view& text)
{
  std::size_t length = 0;
  while (length < text.size() && text[length] != ' ' &&
         !(text[length] >= '0' && text[length] <= '9'))
    ++length;
  const std::string_view unit = text.substr(0, length);
  text.remove_prefix(length);
  return unit;
}

std::optional<double> seconds_per_unit(std::string_view unit)
{
  static const std::array<std::pair<std::string_view, double>, 17> units{{
      {"s", 1},
      {"sec", 1},
      {"secs", 1},
      {"second", 1},
      {"seconds", 1},
      {"秒", 1},
      {"min", 60},
      {"mins", 60},
      {"minute", 60},
      {"minutes", 60},
      {"分钟", 60},
      {"分", 60},
      {"h", 3600},
      {"hr", 3600},
      {"hour", 3600},
      {"hours", 3600},
      {"小时", 3600},
  }};
  for (const auto& [name, factor] : units)
    if (unit == name)
      return factor;
  return std::nullopt;
}

// "8min 30s", "8分30秒": number-unit pairs.
std::optional<double> parse_unit_duration(std::string_view text)
{
  double total = 0;
  while (!(text = trim(text)).empty()) {
    const auto number = take_number(text);
    text = trim(text);
    const auto factor = seconds_per_unit(take_unit(text));
    if (!number || !factor)
      return std::nullopt;
    total += *number * *factor;
  }
  return total;
}

// "8:00", "1:02:03", "7:59.5".
std::optional<double> parse_clock_duration(std::string_view text)
{
  double total = 0;
  int parts = 0;
  while (true) {
    const std::size_t colon = text.find(':');
    std::string_view part = text.substr(0, colon);
    const bool last = colon == std::string_view::npos;
    const auto value = take_number(part);
    if (!value || !part.empty() || (!last && *value != std::floor(*value)) ||
        (parts > 0 && *value >= 60) || ++parts > 3)
      return std::nullopt;
    total = total * 60 + *value;
    if (last)
      return total;
    text.remove_prefix(colon + 1);
  }
}

constexpr double max_duration_seconds = 1e7; // 115 days: anything longer is a typo
constexpr double max_bits_per_second = 1e12; // 1 Tbit/s
constexpr double max_whole = 1e6;            // frame-rate terms, ratio terms

// A whole number in 1..max_whole.
bool whole_in_range(const std::optional<double>& value)
{
  return value && *value >= 1 && *value <= max_whole && *value == std::floor(*value);
}

bool iequals(std::string_view a, std::string_view b)
{
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::optional<double> bits_per_unit(std::string_view unit)
{
  if (unit.find('B') != std::string_view::npos)
    return std::nullopt; // bytes or bits? refuse rather than guess
  double factor = 1;
  if (!unit.empty() && std::string_view("kKmMgG").find(unit.front()) != std::string_view::npos) {
    const char prefix = static_cast<char>(std::tolower(static_cast<unsigned char>(unit.front())));
    factor = prefix == 'k' ? 1e3 : prefix == 'm' ? 1e6 : 1e9;
    unit.remove_prefix(1);
  }
  for (std::string_view rest : {"", "bps", "b/s", "bit/s", "bits/s"})
    if (unit == rest)
      return factor;
  return std::nullopt;
}

std::string trim_zeros(std::string text)
{
  if (text.find('.') == std::string::npos)
    return text;
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  return text;
}

std::string fixed(double value, int decimals)
{
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return trim_zeros(text);
}

} // namespace

std::optional<double> parse_duration(std::string_view text)
{
  text = trim(text);
  if (text.empty() || text.front() == '-')
    return std::nullopt;
  std::optional<double> seconds = whole_number(text);
  if (!seconds)
    seconds = text.find(':') != std::string_view::npos ? parse_clock_duration(text)
                                                       : parse_unit_duration(text);
  if (seconds && *seconds > max_duration_seconds)
    return std::nullopt;
  return seconds;
}

std::optional<int64_t> parse_bitrate(std::string_view text)
{
  text = trim(text);
  const auto number = take_number(text);
  const auto factor = bits_per_unit(trim(text));
  if (!number || !factor || *number <= 0 || *number * *factor > max_bits_per_second)
    return std::nullopt;
  return static_cast<int64_t>(std::llround(*number * *factor));
}

std::optional<double> parse_loudness(std::string_view text)
{
  text = trim(text);
  for (std::string_view unit : {"LUFS", "LKFS"})
    if (text.size() > unit.size() && iequals(text.substr(text.size() - unit.size()), unit)) {
      text = trim(text.substr(0, text.size() - unit.size()));
      break;
    }
  return whole_number(text);
}

std::optional<Rational> parse_frame_rate(std::string_view text)
{
  text = trim(text);
  for (std::string_view unit : {"fps", "p", "P"})
    if (text.size() > unit.size() && text.ends_with(unit)) {
      text = trim(text.substr(0, text.size() - unit.size()));
      break;
    }
  if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    const auto num = whole_number(text.substr(0, slash));
    const auto den = whole_number(text.substr(slash + 1));
    if (!whole_in_range(num) || !whole_in_range(den))
      return std::nullopt;
    return Rational{static_cast<int64_t>(*num), static_cast<int64_t>(*den)}.reduced();
  }
  const auto value = whole_number(text);
  if (!value || *value <= 0 || *value > 1000)
    return std::nullopt;
  // "29.97" means NTSC's 30000/1001 (29.97002997...), not 2997/100.
  for (int64_t base : {24, 30, 48, 60, 120})
    if (std::abs(*value - base * 1000.0 / 1001) < 0.006)
      return Rational{base * 1000, 1001};
  const Rational rate = rational_from_double(*value).reduced();
  return rate.valid() ? std::optional<Rational>(rate) : std::nullopt;
}

std::optional<Rational> parse_aspect_ratio(std::string_view text)
{
  text = trim(text);
  const std::size_t at = text.find_first_of(":/");
  if (at == std::string_view::npos)
    return std::nullopt;
  std::string_view left = trim(text.substr(0, at));
  std::string_view right = trim(text.substr(at + 1));
  const auto w = take_number(left);
  const auto h = take_number(right);
  if (!left.empty() || !right.empty() || !whole_in_range(w) || !whole_in_range(h))
    return std::nullopt;
  return Rational{static_cast<int64_t>(*w), static_cast<int64_t>(*h)}.reduced();
}

std::optional<Size> parse_size(std::string_view text)
{
  text = trim(text);
  std::size_t at = std::string_view::npos, length = 1;
  for (std::string_view separator : {"x", "X", "*", "×"})
    if (const std::size_t found = text.find(separator); found != std::string_view::npos) {
      at = found;
      length = separator.size();
      break;
    }
  if (at == std::string_view::npos)
    return std::nullopt;
  const auto w = whole_number(trim(text.substr(0, at)));
  const auto h = whole_number(trim(text.substr(at + length)));
  if (!w || !h || *w < 1 || *h < 1 || *w != std::floor(*w) || *h != std::floor(*h) || *w > 1e6 ||
      *h > 1e6)
    return std::nullopt;
  return Size{static_cast<int>(*w), static_cast<int>(*h)};
}

std::optional<double> parse_percent(std::string_view text)
{
  text = trim(text);
  if (!text.ends_with('%'))
    return std::nullopt;
  const auto value = whole_number(trim(text.substr(0, text.size() - 1)));
  if (!value || *value < 0)
    return std::nullopt;
  return *value / 100;
}

const Paper* find_paper(std::string_view name)
{
  static constexpr std::array<Paper, 9> papers{{
      {"A0", 841, 1189},
      {"A1", 594, 841},
      {"A2", 420, 594},
      {"A3", 297, 420},
      {"A4", 210, 297},
      {"A5", 148, 210},
      {"A6", 105, 148},
      {"B4", 250, 353},
      {"B5", 176, 250},
  }};
  for (const auto& paper : papers)
    if (iequals(paper.name, trim(name)))
      return &paper;
  return nullptr;
}

Size paper_pixels(const Paper& paper, int dpi)
{
  const auto pixels = [dpi](double mm) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); };
  return {pixels(paper.width_mm), pixels(paper.height_mm)};
}

std::string format_duration(double seconds)
{
  const auto millis = static_cast<int64_t>(std::llround(seconds * 1000));
  const int64_t whole = millis / 1000;
  const int64_t h = whole / 3600, m = whole / 60 % 60, s = whole % 60;
  char text[64];
  if (h > 0)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(h),
                  static_cast<long long>(m), static_cast<long long>(s));
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(m),
                  static_cast<long long>(s));
  std::string out = text;
  if (millis % 1000 != 0)
    out += fixed(static_cast<double>(millis % 1000) / 1000, 3).substr(1); // ".021"
  return out;
}

std::string format_bitrate(int64_t bits_per_second)
{
  const double value = static_cast<double>(bits_per_second);
  if (value >= 1e6)
    return fixed(value / 1e6, 3) + " Mbps";
  if (value >= 1e3)
    return fixed(value / 1e3, 3) + " kbps";
  return std::to_string(bits_per_second) + " bps";
}

std::string format_mbps(int64_t bits_per_second)
{
  char text[64];
  std::snprintf(text, sizeof text, "%.2f Mbps", static_cast<double>(bits_per_second) / 1e6);
  return text;
}

} // namespace mpcheck::rules
