#include "mpcheck/core/progress.hpp"

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
  const std::lock_guard lock(m_mutex);
  m_progress.bytes_done += bytes;
  m_progress.files_done += files;
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
  {
    const std::lock_guard lock(m_mutex);
    bytes = m_progress.bytes_total - m_progress.bytes_done;
    files = m_progress.files_total - m_progress.files_done;
  }
  if (bytes > 0 || files > 0)
    advance(bytes, files);
}

Progress ProgressMeter::snapshot() const
{
  const std::lock_guard lock(m_mutex);
  return m_progress;
}

} // namespace mpcheck
