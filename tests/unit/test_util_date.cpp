#include "mpcheck/util/date.hpp"

#include <doctest/doctest.h>

using mpcheck::Date;
using mpcheck::parse_date;

TEST_CASE("util::parse_date")
{
  CHECK(parse_date("2024-09-05") == Date{2024, 9, 5});
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2024-09-31"));
  CHECK_FALSE(parse_date("2024-13-01"));
  CHECK_FALSE(parse_date("2024-00-10"));
  CHECK_FALSE(parse_date("2024-9-5"));
  CHECK_FALSE(parse_date("2024/09/05"));
  CHECK_FALSE(parse_date("9月5日"));
}

TEST_CASE("util::Date")
{
  CHECK(Date{2024, 9, 5}.str() == "2024-09-05");
  CHECK(Date{2019, 8, 1} < Date{2019, 9, 30});
  CHECK(Date{2024, 9, 5}.plus_years(-2) == Date{2022, 9, 5});
  CHECK(Date{2024, 2, 29}.plus_years(1) == Date{2025, 2, 28});
}
