#pragma once
// Reads a file on a thread of its own into a small ring of buffers while a second thread
// hashes each buffer and the caller writes it: reading, hashing and writing overlap, each
// source byte is read once, and memory is the ring the caller lends, whatever the file size.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mpcheck/util/sha256.hpp"

namespace mpcheck::pack {

class ReadAhead {
public:
  struct Chunk {
    const char* data = nullptr;
    std::size_t size = 0; // 0: the end of the file (or an error)
    int error = 0;        // errno of a failed read
    bool grew = false;    // the file holds more than `limit` bytes
  };

  // Starts reading `fd` into `count` (≥ 2) buffers of `buffer_size` bytes at `area`, which
  // must outlive this object, and hashing them. Reading stops after `limit` + 1 bytes.
  ReadAhead(int fd, char* area, std::size_t buffer_size, std::size_t count, int64_t limit);
  // Stops both threads (after their current step) and joins them.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next chunk, in file order; blocks until it is read. Hands the previous chunk's
  // buffer back, so its data must not be used after this call. At the end it keeps
  // returning the end chunk.
  Chunk next();

  // The SHA-256 of all bytes read; waits for the hashing to catch up with the end.
  std::string sha256();

private:
  void read_all();
  void hash_all();
  bool read_one(std::size_t slot);
  bool slot_free() const;

  int m_fd;
  char* m_area;
  std::size_t m_size;
  int64_t m_limit;
  int64_t m_total = 0;
  util::Sha256 m_hash;
  std::vector<Chunk> m_ring;
  // Chunks read, handed to the caller, given back by it, hashed.
  std::size_t m_produced = 0, m_taken = 0, m_released = 0, m_hashed = 0;
  bool m_hash_done = false;
  bool m_stop = false;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::thread m_reader;
  std::thread m_hasher;
};

} // namespace mpcheck::pack
