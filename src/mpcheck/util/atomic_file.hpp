#pragma once
// The one way mpcheck replaces a file: write a temporary file beside it, flush it to the
// device, rename it over the target, flush the folder. Afterwards the target holds either its
// old content or all of the new one — also when the machine loses power or the USB drive is
// pulled out. Reports, forms, the rename journal, pack's manifest and the ZIP all go through
// here (docs/pack.md, "Writing a file").

#include <cstddef>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <unistd.h>

namespace mpcheck::util {

// The prefix of every temporary name (".mpcheck-tmp-<name>"): `check` and `pack` treat such a
// file as a leftover of an interrupted write (naming::is_pack_leftover), never as content.
inline constexpr std::string_view temp_prefix = ".mpcheck-tmp-";

// Where `final_path` is written before it is renamed into place: temp_prefix + its name in the
// same folder, or temp_prefix + a hash of the name when that would exceed 255 bytes.
std::string temp_path_for(const std::string& final_path);

// fsyncs the folder `dir` so that a rename or creation inside it is durable. Returns 0 or
// errno. File systems that cannot fsync a folder (EINVAL) count as success.
int fsync_dir(const std::string& dir);

// The folder part of `path` for fsync_dir ("a/b.txt" → "a/", "b.txt" → ".").
std::string folder_of(const std::string& path);

// Closes a descriptor on scope exit.
struct Fd { // owns `fd`; -1: none
  int fd;
  explicit Fd(int f) : fd(f) {}
  ~Fd()
  {
    if (fd >= 0)
      ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// write(2) or a stand-in (pack's tests inject I/O errors through one).
using WriteFunction = ssize_t (*)(int fd, const void* data, std::size_t size);

// Writes all `size` bytes through `write` (::write when null), retrying short writes and
// EINTR. Returns 0 or the errno of the failure.
int write_all(int fd, const void* data, std::size_t size, WriteFunction write = nullptr);

// Makes the finished file `temp` the file `path`: fdatasyncs `temp`, renames it over `path`
// and fsyncs the folder. Returns 0 or the errno of the step that failed; `temp` is removed on
// failure, and `path` is then untouched.
int commit_file(const std::string& temp, const std::string& path);

// Writes a file as write_file_atomically does, its content given piece by piece (a report
// streamed as it is rendered): the pieces go to temp_path_for(path) as they come, through a
// buffer of `buffer_bytes`; commit() then makes it `path`. Until commit() succeeds `path` is
// untouched; an uncommitted writer removes its temporary file when destroyed.
class AtomicFileWriter {
public:
  explicit AtomicFileWriter(std::string path, WriteFunction write = nullptr,
                            std::size_t buffer_bytes = std::size_t{1} << 18);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Appends `text`; after a failure, does nothing (commit() returns the failure).
  void write(std::string_view text);
  // 0 so far, or the errno of the first failure (opening the temporary file, writing it).
  int error() const { return error_; }
  // Writes what is buffered, closes and commits (commit_file). Returns 0 or errno; on failure
  // no temporary file is left and `path` is untouched.
  int commit();

private:
  void flush();
  std::string path_, temp_;
  WriteFunction write_;
  std::size_t buffer_bytes_;
  std::string buffer_;
  int fd_ = -1;
  int error_ = 0;
  bool done_ = false; // committed, or failed and cleaned up
};

// Writes `content` to `path`: to temp_path_for(path) (never following a symlink there), then
// commit_file. Returns 0 or errno; on failure `path` is untouched and no temporary file is
// left.
int write_file_atomically(const std::string& path, std::string_view content,
                          WriteFunction write = nullptr);

} // namespace mpcheck::util
