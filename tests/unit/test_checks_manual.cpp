// manual.*: checks/manual.cpp: the items a person must check, each with its notice sentence.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks: manual items carry their source sentence")
{
  const auto findings = run(pair_with(good_video()), changzhou());
  int manual = 0;
  for (const auto& f : findings)
    if (f.check.starts_with("manual.")) {
      ++manual;
      CHECK_FALSE(f.source.empty());
    }
  CHECK(manual >= 5);
}
