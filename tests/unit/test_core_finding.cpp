// core/finding.cpp: the severity names every report format writes.
#include "mpcheck/core/finding.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace mpcheck;

TEST_CASE("core::severity_name names each severity as the reports spell it")
{
  CHECK(std::string(severity_name(Severity::error)) == "error");
  CHECK(std::string(severity_name(Severity::warning)) == "warning");
  CHECK(std::string(severity_name(Severity::manual)) == "manual");
  CHECK(std::string(severity_name(Severity::info)) == "info");
}

TEST_CASE("core::Finding is an error about the whole tree unless said otherwise")
{
  const Finding f{"video.resolution"};
  CHECK(f.severity == Severity::error);
  CHECK(f.path.empty());
  CHECK(f.work.empty());
  CHECK(f.message.empty());
}
