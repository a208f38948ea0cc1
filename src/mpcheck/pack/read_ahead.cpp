#include "mpcheck/pack/read_ahead.hpp"

#include "mpcheck/pack/fileio.hpp"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace mpcheck::pack {

ReadAhead::ReadAhead(int fd, char* area, std::size_t buffer_size, std::size_t count, int64_t limit)
    : m_fd(fd), m_area(area), m_size(buffer_size), m_limit(limit),
      m_ring(std::max<size_t>(count, 2)), m_reader([this] { read_all(); }),
      m_hasher([this] { hash_all(); })
{
}

ReadAhead::~ReadAhead()
{
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  m_reader.join();
  m_hasher.join();
}

ReadAhead::Chunk ReadAhead::next()
{
  std::unique_lock lock(m_mutex);
  m_released = m_taken; // the caller is done with everything handed out so far
  m_changed.notify_all();
  m_changed.wait(lock, [this] { return m_produced > m_taken; });
  const Chunk chunk = m_ring[m_taken % m_ring.size()];
  if (chunk.size > 0) // the end is not consumed: asking again returns it again
    ++m_taken;
  return chunk;
}

std::string ReadAhead::sha256()
{
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_hash_done; });
  return m_hash.hex_digest();
}

// The buffer of the next chunk to read is free once the caller gave it back and it is hashed.
bool ReadAhead::slot_free() const
{
  return m_produced < std::min(m_released, m_hashed) + m_ring.size();
}

void ReadAhead::read_all()
{
  for (std::size_t slot = 0;; slot = (slot + 1) % m_ring.size()) {
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stop || slot_free(); });
      if (m_stop)
        return;
    }
    if (!read_one(slot))
      return;
  }
}

// Reads one buffer; false once the end, an error or too many bytes were reached.
bool ReadAhead::read_one(std::size_t slot)
{
  char* buffer = m_area + slot * m_size;
  ssize_t n;
  do
    n = ::read(m_fd, buffer, m_size);
  // A direct read the file system refuses (EINVAL: say, a file that grew from an unaligned
  // end) is retried through the page cache; the file offset has not moved.
  while (n < 0 &&
         (errno == EINTR || (errno == EINVAL && is_direct(m_fd) && set_direct(m_fd, false))));
  Chunk chunk{buffer, n > 0 ? std::size_t(n) : 0, n < 0 ? errno : 0, false};
  m_total += int64_t(chunk.size);
  if (m_total > m_limit)
    chunk = {buffer, 0, 0, true};
  {
    std::lock_guard lock(m_mutex);
    m_ring[slot] = chunk;
    ++m_produced;
  }
  m_changed.notify_all();
  return chunk.size > 0;
}

void ReadAhead::hash_all()
{
  while (true) {
    Chunk chunk;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stop || m_produced > m_hashed; });
      if (m_stop)
        return;
      chunk = m_ring[m_hashed % m_ring.size()];
    }
    // Outside the lock: the reader does not touch this buffer until m_hashed moves on.
    m_hash.update(chunk.data, chunk.size);
    std::lock_guard lock(m_mutex);
    if (chunk.size == 0) {
      m_hash_done = true;
      m_changed.notify_all();
      return;
    }
    ++m_hashed;
    m_changed.notify_all();
  }
}

} // namespace mpcheck::pack
