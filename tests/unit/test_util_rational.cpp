#include "mpcheck/util/rational.hpp"

#include <doctest/doctest.h>

using mpcheck::Rational;

TEST_CASE("Rational::reduced and ratio_str")
{
  CHECK(Rational{1920, 1080}.ratio_str() == "16:9");
  CHECK(Rational{30000, 1001}.reduced() == Rational{30000, 1001});
  CHECK(Rational{50, 2}.reduced() == Rational{25, 1});
  CHECK(Rational{0, 0}.str().empty());
  CHECK(Rational{0, 1}.value() == 0.0);
}

TEST_CASE("rational_from_double")
{
  CHECK(mpcheck::rational_from_double(25.0) == Rational{25, 1});
  CHECK(mpcheck::rational_from_double(29.97002997) == Rational{30000, 1001});
  CHECK(mpcheck::rational_from_double(4.0 / 3.0) == Rational{4, 3});
  CHECK_FALSE(mpcheck::rational_from_double(-1).valid());
}
