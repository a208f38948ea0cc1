#pragma once
// How far a long job (checking a drive, packing one) is, for a terminal display.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>

namespace mpcheck {

struct Progress {
  int64_t bytes_done = 0;
  int64_t bytes_total = 0;
  int files_done = 0;
  int files_total = 0;
  double seconds = 0; // since the job started
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
  // Counts everything as done and reports it, when anything is left (work found to be
  // needless on the way: a video that cannot be analysed).
  void finish();
  // The current state.
  Progress snapshot() const;

private:
  ProgressCallback m_callback;
  std::chrono::steady_clock::time_point m_start;
  mutable std::mutex m_mutex;
  Progress m_progress;
};

} // namespace mpcheck
