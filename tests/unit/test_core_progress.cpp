// core/progress.cpp: ProgressMeter counts a job and shows each state once, in order.
#include "mpcheck/core/progress.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "mpcheck/util/parallel.hpp"

using namespace mpcheck;

TEST_CASE("core::ProgressMeter reports every step, and finish() only what is left")
{
  std::vector<Progress> seen;
  ProgressMeter meter([&](const Progress& p) { seen.push_back(p); });
  meter.set_totals(3, 300);
  CHECK(seen.empty()); // totals are no step
  meter.advance(100, 1);
  meter.advance(50, 0);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].bytes_done == 100);
  CHECK(seen[0].files_done == 1);
  CHECK(seen[0].files_total == 3);
  CHECK(seen[1].bytes_done == 150);
  CHECK(seen[1].seconds >= seen[0].seconds);
  meter.finish();
  REQUIRE(seen.size() == 3);
  CHECK(seen[2].bytes_done == 300);
  CHECK(seen[2].files_done == 3);
  meter.finish(); // nothing left: no call
  CHECK(seen.size() == 3);
  CHECK(meter.snapshot().bytes_done == 300);
}

TEST_CASE("core::ProgressMeter without a callback still counts")
{
  ProgressMeter meter(nullptr);
  meter.set_totals(2, 10);
  meter.advance(4, 1);
  CHECK(meter.snapshot().bytes_done == 4);
  CHECK(meter.snapshot().files_done == 1);
}

TEST_CASE("core::ProgressMeter from many threads: each state once, never going back")
{
  std::vector<int> files_seen;
  ProgressMeter meter([&](const Progress& p) { files_seen.push_back(p.files_done); });
  meter.set_totals(200, 200);
  parallel_for(200, 4, [&](size_t) { meter.advance(1, 1); });
  REQUIRE(files_seen.size() == 200);
  for (size_t i = 0; i < files_seen.size(); ++i)
    CHECK(files_seen[i] == int(i) + 1);
}

TEST_CASE("core::ProgressMeter counts a file in work in part, never going back")
{
  std::vector<Progress> seen;
  ProgressMeter meter([&](const Progress& p) { seen.push_back(p); });
  meter.set_totals(2, 1000);
  meter.advance_within(0, 100); // a long video, 10 % decoded
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].bytes_done == 100);
  CHECK(seen[0].files_done == 0);
  CHECK(seen[0].in_work == 1);
  meter.advance_within(1, 50); // the other, at the same time
  CHECK(seen.back().bytes_done == 150);
  CHECK(seen.back().in_work == 2);
  meter.advance_within(0, 80); // a seek back: the count stays, nothing new to show
  CHECK(seen.size() == 2);
  meter.advance_within(0, 300);
  CHECK(seen.back().bytes_done == 350);
  // The first is done (its whole 600 bytes): its part is replaced by the whole.
  meter.advance(600, 1, {0});
  CHECK(seen.back().bytes_done == 650);
  CHECK(seen.back().files_done == 1);
  CHECK(seen.back().in_work == 1);
  // finish() counts the rest, parts included, once.
  meter.finish();
  CHECK(seen.back().bytes_done == 1000);
  CHECK(seen.back().files_done == 2);
  CHECK(seen.back().in_work == 0);
}
