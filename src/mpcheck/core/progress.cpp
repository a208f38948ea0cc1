#include "mpcheck/core/progress.hpp"

#include <algorithm>

namespace mpcheck {

ProgressMeter::ProgressMeter(ProgressCallback callback)
    : m_callback(std::move(callback)), m_start(std::chrono::steady_clock::now())
{
}

void ProgressMeter::set_totals(int files, int64_t bytes)
{
  const std::lock_guard lock(m_mutex);
  m_progress.files_total = files;
  m_progress.bytes_total = bytes;
}

void ProgressMeter::advance(int64_t bytes, int files)
{
  advance(bytes, files, {});
}

void ProgressMeter::advance(int64_t bytes, int files, const std::vector<std::size_t>& finished)
{
  const std::lock_guard lock(m_mutex);
  for (const std::size_t key : finished)
    m_within.erase(key);
  m_completed += bytes;
  m_progress.files_done += files;
  report();
}

void ProgressMeter::advance_within(std::size_t key, int64_t bytes)
{
  const std::lock_guard lock(m_mutex);
  int64_t& part = m_within[key];
  if (bytes <= part && m_progress.in_work == int(m_within.size()))
    return; // nothing new to show
  part = std::max(part, bytes);
  report();
}

void ProgressMeter::report()
{
  int64_t within = 0;
  for (const auto& [key, bytes] : m_within)
    within += bytes;
  m_progress.bytes_done = m_completed + within;
  m_progress.in_work = int(m_within.size());
  if (!m_callback)
    return;
  m_progress.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  // Under the lock: the display never sees two states at once, nor one out of order.
  m_callback(m_progress);
}

void ProgressMeter::finish()
{
  int64_t bytes = 0;
  int files = 0;
  std::vector<std::size_t> keys;
  {
    const std::lock_guard lock(m_mutex);
    bytes = m_progress.bytes_total - m_completed;
    files = m_progress.files_total - m_progress.files_done;
    for (const auto& [key, part] : m_within)
      keys.push_back(key);
  }
  if (bytes > 0 || files > 0 || !keys.empty())
    advance(bytes, files, keys);
}

Progress ProgressMeter::snapshot() const
{
  const std::lock_guard lock(m_mutex);
  return m_progress;
}

} // namespace mpcheck
