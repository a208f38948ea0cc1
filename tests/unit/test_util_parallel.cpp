// util/parallel.hpp: parallel_for runs every index exactly once, on any number of threads.
#include "mpcheck/util/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <vector>

using namespace mpcheck;

TEST_CASE("util::parallel_for runs each index once, whatever the number of jobs")
{
  for (int jobs : {0, 1, 2, 7, 64}) {
    INFO("jobs ", jobs);
    std::vector<std::atomic<int>> runs(100);
    parallel_for(runs.size(), jobs, [&](size_t i) { ++runs[i]; });
    for (const auto& r : runs)
      CHECK(r.load() == 1);
  }
}

TEST_CASE("util::parallel_for with nothing to do, and default_jobs")
{
  int calls = 0;
  parallel_for(0, 4, [&](size_t) { ++calls; });
  CHECK(calls == 0);
  CHECK(default_jobs() >= 1);
}

TEST_CASE("util::parallel_for on one job keeps the order")
{
  std::vector<size_t> order;
  parallel_for(5, 1, [&](size_t i) { order.push_back(i); });
  CHECK(order == std::vector<size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("jobs_or_all: -j N as given, 0 or less one per core")
{
  CHECK(mpcheck::jobs_or_all(3) == 3);
  CHECK(mpcheck::jobs_or_all(0) == mpcheck::default_jobs());
  CHECK(mpcheck::jobs_or_all(-1) == mpcheck::default_jobs());
  CHECK(mpcheck::default_jobs() >= 1);
}
