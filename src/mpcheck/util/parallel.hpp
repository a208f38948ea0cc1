#pragma once
// Runs f(i) for i in [0, n) on up to `jobs` threads (0: all cores). Each index runs once.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace mpcheck {

inline int default_jobs()
{
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : int(n);
}

// `jobs` as given (-j N); 0 or less: one per core.
inline int jobs_or_all(int jobs)
{
  return jobs > 0 ? jobs : default_jobs();
}

template <class F> void parallel_for(size_t n, int jobs, F&& f)
{
  jobs = jobs_or_all(jobs);
  const size_t workers = std::min<size_t>(size_t(jobs), n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i)
      f(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (size_t w = 0; w < workers; ++w)
    threads.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++)
        f(i);
    });
  for (auto& t : threads)
    t.join();
}

} // namespace mpcheck
