#include "mpcheck/util/date.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

#include <ctime>

namespace mpcheck {

Date today()
{
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

namespace {

bool parse_digits(std::string_view text, int& out)
{
  for (char c : text)
    if (c < '0' || c > '9')
      return false;
  return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

bool is_calendar_day(int year, int month, int day)
{
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return ymd.ok();
}

} // namespace

std::string Date::str() const
{
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

Date Date::plus_years(int years) const
{
  Date out{year + years, month, day};
  if (!is_calendar_day(out.year, out.month, out.day))
    out.day = 28; // only 29 February can fail
  return out;
}

std::optional<Date> parse_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  Date date;
  if (!parse_digits(text.substr(0, 4), date.year) || !parse_digits(text.substr(5, 2), date.month) ||
      !parse_digits(text.substr(8, 2), date.day))
    return std::nullopt;
  if (date.month < 1 || date.month > 12 || !is_calendar_day(date.year, date.month, date.day))
    return std::nullopt;
  return date;
}

} // namespace mpcheck
