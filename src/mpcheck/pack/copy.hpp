#pragma once
// Copies one file the way pack promises: the source opened read-only and read once, hashed
// while it is written under a temporary name, flushed, optionally re-read from the disk and
// compared, then renamed into place and the folder flushed. Failure leaves nothing behind.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/pack/fileio.hpp"

namespace mpcheck::pack {

// What a source looked like when it was planned; a copy checks it did not change.
struct SourceStamp {
  int64_t size = 0;
  int64_t mtime_ns = 0;
  friend bool operator==(const SourceStamp&, const SourceStamp&) = default;
};

// Reads the size and mtime of `path` and whether it may be read, without opening it (so never
// touching its times, never waiting on a FIFO). Not a regular file or unreadable → "io".
Status stat_source(const std::string& path, SourceStamp& stamp);

// The copy buffers: large so that each system call moves a lot, a few so that reading and
// hashing run ahead of writing (ReadAhead), reused for every file so that memory does not grow
// with file size: buffer_count × default_buffer_size = 16 MiB, plus one buffer for reading back.
inline constexpr std::size_t default_buffer_size = std::size_t(4) << 20;
inline constexpr std::size_t buffer_count = 4;
// Files up to this size are copied in one read and may be committed in batches: for them the
// flushes, not the bytes, are the cost (10 000 files of 100 bytes: 30 000 flushes one by one).
inline constexpr int64_t small_file_size = int64_t(1) << 20;

// When a batch of staged small files is committed (Run::write_items, Copier::commit_batch):
// at 4096 files, 64 MiB, or one second after its first file was staged. Each commit costs
// three flushes (syncfs, folder fsync, state fdatasync) whatever its size, 0.05–0.15 s on a
// busy disk: with 256 files a batch, 10 000 tiny files waited 6.8 s in 133 flushes (now 0.3 s
// in 28; docs/benchmarks.md). The second bounds what a kill undoes and how long the progress
// display stands still on a slow drive; the bytes bound how much one flush has to write.
inline constexpr std::size_t batch_max_files = 4096;
inline constexpr int64_t batch_max_bytes = int64_t(64) << 20;
inline constexpr double batch_max_seconds = 1.0;
constexpr bool batch_full(std::size_t files, int64_t bytes, double seconds)
{
  return files >= batch_max_files || bytes >= batch_max_bytes || seconds >= batch_max_seconds;
}

// A file whose bytes are all written under its temporary name, not yet flushed or renamed.
struct Staged {
  int fd = -1;           // open for writing until commit() or discard()
  std::string temp;      // its temporary path
  std::string dest_path; // its final path
  std::string sha256;    // of its bytes
};

class Copier {
public:
  // Allocates the (page-aligned) buffers once.
  explicit Copier(std::size_t buffer_size = default_buffer_size);
  ~Copier();
  Copier(const Copier&) = delete;
  Copier& operator=(const Copier&) = delete;

  // Called with the bytes just written, after each buffer (for progress displays).
  std::function<void(int64_t)> on_bytes;
  // Called with a small file's dest path and its whole content once written under its
  // temporary name (stage_small), in the calling thread.
  std::function<void(const std::string& dest_path, std::string_view bytes)> on_small_file;
  // Re-read each written file bypassing the page cache and compare its SHA-256 before the
  // rename (a mismatch is "io").
  bool verify = false;
  // The target is FAT32: EFBIG becomes "fat32-limit".
  bool fat32 = false;

  // Writes `source` under the temporary name of `dest_path` (whose folder exists), hashing
  // the bytes as they are read. The source must still match `expected` before and after
  // ("source-changed"); one that cannot be opened is "source-unreadable". On failure the
  // temporary file is already removed.
  // A file of at most small_file_size is read whole in the calling thread (no read-ahead
  // threads, no direct I/O) and, with `close_now`, closed at once for commit_batch().
  Status stage(const std::string& source, const SourceStamp& expected, const std::string& dest_path,
               Staged& staged, bool close_now = false);

  // Writes `content` (whose digest is `sha256`) under the temporary name of `dest_path`; with
  // `close_now`, closed at once for commit_batch().
  Status stage(std::string_view content, const std::string& dest_path, const std::string& sha256,
               Staged& staged, bool close_now = false);

  // fdatasync, the optional read-back, rename to the final name, fsync of the folder: after
  // success the file is complete and durable under its final name; after failure the
  // temporary file is removed and the final name is as it was. May run on another thread
  // while the next file is staged (it has a buffer of its own), but not beside hash_file().
  Status commit(Staged& staged);

  // Commits several staged files at once — files of at most small_file_size, written by
  // stage() with `close_now` —, flushing the file system twice for all of them instead of
  // three times per file: one syncfs makes every file's bytes durable, then each is renamed
  // into place, then each folder they are in is fsynced once. The guarantee is commit()'s:
  // a file is under its final name only once its bytes are durable. On failure the files not
  // yet renamed are removed; `renamed` says how many were (in order). Not with `verify`.
  Status commit_batch(std::vector<Staged>& batch, std::size_t& renamed);

  // Closes and removes a staged file that will not be committed.
  static void discard(Staged& staged);

  // stage() then commit(): copies `source` to `dest_path`; `sha256` is the digest.
  Status copy(const std::string& source, const SourceStamp& expected, const std::string& dest_path,
              std::string& sha256);

  // stage() then commit() of generated content.
  Status write(std::string_view content, const std::string& dest_path, const std::string& sha256);

  // Reads `path` and sets its digest and size; with `bypass_cache` the bytes come from the
  // device (O_DIRECT, or fdatasync + POSIX_FADV_DONTNEED where O_DIRECT is refused).
  Status hash_file(const std::string& path, bool bypass_cache, std::string& sha256, int64_t& size);

private:
  Status stage_small(int in, const std::string& source, const SourceStamp& expected,
                     const std::string& dest_path, Staged& staged, bool close_now);
  Status write_staged(std::string_view bytes, const std::string& dest_path,
                      const std::string& sha256, Staged& staged, bool close_now);
  Status read_back(const Staged& staged);
  Status pump(int in, int out, const std::string& dest_path, int64_t limit, int64_t& copied,
              std::string& sha256);
  std::size_t m_size;
  char* m_buffers; // buffer_count buffers of m_size bytes, for stage()
  char* m_verify;  // one buffer of m_size bytes, for hash_file() and commit()
};

} // namespace mpcheck::pack
