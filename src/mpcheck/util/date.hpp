#pragma once
// A calendar day (notice dates, deadlines, --as-of): plain data, ISO 8601 text.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mpcheck {

struct Date {
  int year = 0;
  int month = 0; // 1..12
  int day = 0;   // 1..31

  // "2024-09-05".
  std::string str() const;
  // The same day `years` later (or earlier when negative); 29 February becomes 28 February in
  // a year that has none. Used for "made in the last two years".
  Date plus_years(int years) const;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Today in the local time zone.
Date today();

// Parses exactly YYYY-MM-DD (a real calendar day); nullopt for anything else.
std::optional<Date> parse_date(std::string_view text);

} // namespace mpcheck
