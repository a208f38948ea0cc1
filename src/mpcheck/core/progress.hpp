#pragma once
// How far a long job (checking a drive, packing one) is, for a terminal display.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace mpcheck {

struct Progress {
  int64_t bytes_done = 0;
  int64_t bytes_total = 0;
  int files_done = 0;
  int files_total = 0;
  double seconds = 0; // since the job started
  int in_work = 0;    // files counted in part (advance_within): videos being decoded
};

// Called as a job advances, one call at a time (ProgressMeter serialises them), possibly from
// several threads in turn.
using ProgressCallback = std::function<void(const Progress&)>;

// Counts a job's progress and reports every step to a callback. Thread-safe: workers call
// advance() concurrently; the callback sees each state once, in order, one call at a time.
class ProgressMeter {
public:
  explicit ProgressMeter(ProgressCallback callback);

  // Sets the totals (before the first advance()); the clock starts at construction.
  void set_totals(int files, int64_t bytes);
  // Adds `bytes` and `files` to what is done and reports the new state.
  void advance(int64_t bytes, int files);
  // Counts `bytes` of file `key` (the caller's number for it) as done while the file is still
  // in work: a long video being decoded moves the line. Never going back (the largest count
  // given stays), and reported like advance().
  void advance_within(std::size_t key, int64_t bytes);
  // As advance(bytes, files), the files `finished` no longer counted in part: `bytes` is their
  // whole size.
  void advance(int64_t bytes, int files, const std::vector<std::size_t>& finished);
  // Counts everything as done and reports it, when anything is left (work found to be
  // needless on the way: a video that cannot be analysed).
  void finish();
  // The current state.
  Progress snapshot() const;

private:
  void report(); // under m_mutex

  ProgressCallback m_callback;
  std::chrono::steady_clock::time_point m_start;
  mutable std::mutex m_mutex;
  Progress m_progress;                     // bytes_done: m_completed and the parts of m_within
  int64_t m_completed = 0;                 // bytes of what advance() counted
  std::map<std::size_t, int64_t> m_within; // key → bytes of a file in work
};

} // namespace mpcheck
