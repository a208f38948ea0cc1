#pragma once
// Copies one file the way pack promises: the source opened read-only and read once, hashed
// while it is written under a temporary name, flushed, optionally re-read from the disk and
// compared, then renamed into place and the folder flushed. Failure leaves nothing behind.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "mpcheck/pack/fileio.hpp"

namespace mpcheck::pack {

// What a source looked like when it was planned; a copy checks it did not change.
struct SourceStamp {
  int64_t size = 0;
  int64_t mtime_ns = 0;
  friend bool operator==(const SourceStamp&, const SourceStamp&) = default;
};

// Opens `path` read-only (never for writing, never touching its times) and reads its size and
// mtime. Not a regular file or unreadable → "io".
Status stat_source(const std::string& path, SourceStamp& stamp);

// The copy buffer: large so that each system call moves a lot, reused for every file so that
// memory does not grow with file size.
inline constexpr std::size_t default_buffer_size = std::size_t(8) << 20;

class Copier {
public:
  // Allocates the (page-aligned) buffer once.
  explicit Copier(std::size_t buffer_size = default_buffer_size);

  // Called with the bytes just written, after each buffer (for progress displays).
  std::function<void(int64_t)> on_bytes;
  // Re-read each written file bypassing the page cache and compare its SHA-256 before the
  // rename (a mismatch is "io").
  bool verify = false;
  // The target is FAT32: EFBIG becomes "fat32-limit".
  bool fat32 = false;

  // Copies `source` to `dest_path` (whose folder exists) and sets `sha256` to the digest of the
  // bytes read. The source must still match `expected` before and after ("source-changed").
  // On any failure the temporary file is removed and `dest_path` is as it was.
  Status copy(const std::string& source, const SourceStamp& expected, const std::string& dest_path,
              std::string& sha256);

  // Writes `content` to `dest_path` with the same guarantees; `sha256` is its digest.
  Status write(std::string_view content, const std::string& dest_path, const std::string& sha256);

  // Reads `path` and sets its digest and size; with `bypass_cache` the bytes come from the
  // device (O_DIRECT, or fdatasync + POSIX_FADV_DONTNEED where O_DIRECT is refused).
  Status hash_file(const std::string& path, bool bypass_cache, std::string& sha256, int64_t& size);

private:
  struct Free {
    void operator()(char* p) const;
  };
  Status pump(int in, int out, const std::string& dest_path, int64_t limit, int64_t& copied,
              std::string& sha256);
  Status commit(int& out, const std::string& temp, const std::string& dest_path,
                const std::string& sha256);
  std::size_t m_size;
  std::unique_ptr<char, Free> m_buffer;
};

} // namespace mpcheck::pack
