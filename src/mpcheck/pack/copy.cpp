#include "mpcheck/pack/copy.hpp"

#include "mpcheck/pack/read_ahead.hpp"
#include "mpcheck/util/sha256.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_cachestat
#define __NR_cachestat 451 // Linux 6.5; the same number on every architecture
#endif

namespace mpcheck::pack {

namespace {

constexpr std::size_t page = 4096;
// Bytes written but not yet known to be on the device: enough to keep the device busy while
// the next buffer is read, little enough that the final fdatasync of a file is short.
constexpr int64_t writeback_window = int64_t(32) << 20;

class Fd {
public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() { close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  // Closes now; returns 0 or the errno of close(2).
  int close()
  {
    const int result = m_fd >= 0 ? ::close(m_fd) : 0;
    m_fd = -1;
    return result == 0 ? 0 : errno;
  }

private:
  int m_fd;
};

// O_NOATIME keeps even the access time of a source untouched; it needs ownership (or root),
// so it is dropped when refused.
int open_read_only(const std::string& path, int extra_flags = 0)
{
  const int flags = O_RDONLY | O_CLOEXEC | extra_flags;
  const int fd = ::open(path.c_str(), flags | O_NOATIME);
  return fd >= 0 || errno != EPERM ? fd : ::open(path.c_str(), flags);
}

SourceStamp stamp_of(const struct stat& st)
{
  return {int64_t(st.st_size), int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

ssize_t read_retrying(int fd, char* buffer, std::size_t size)
{
  while (true) {
    const ssize_t n = ::read(fd, buffer, size);
    if (n >= 0 || errno != EINTR)
      return n;
  }
}

Status source_changed(const std::string& source)
{
  return {"source-changed", fmt::format("{} changed while pack was running", source)};
}

Status check_stamp(int fd, const SourceStamp& expected, const std::string& source)
{
  struct stat st;
  if (::fstat(fd, &st) != 0)
    return errno_status(errno, "cannot read", source);
  return stamp_of(st) == expected ? Status{} : source_changed(source);
}

// Reserves the file's clusters up front (without changing its size or writing zeros), so a
// full disk shows before any byte is written and a FAT drive is not fragmented. File
// systems without fallocate are fine.
Status reserve(int fd, int64_t size, const std::string& path, bool fat32)
{
  if (size == 0 || ::fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, size) == 0)
    return {};
  const int err = errno;
  if (err == ENOSPC || err == EDQUOT || err == EFBIG)
    return errno_status(err, "cannot write", path, fat32);
  return {};
}

// Starts writing the bytes just written and waits for those older than the window, then drops
// them from the page cache: the device stays busy and dirty memory stays bounded.
void stream_out(int fd, int64_t written, int64_t just_written, int64_t& settled)
{
  ::sync_file_range(fd, written - just_written, just_written, SYNC_FILE_RANGE_WRITE);
  if (written - settled <= writeback_window)
    return;
  const int64_t until = written - writeback_window;
  ::sync_file_range(fd, settled, until - settled,
                    SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                        SYNC_FILE_RANGE_WAIT_AFTER);
  ::posix_fadvise(fd, settled, until - settled, POSIX_FADV_DONTNEED);
  settled = until;
}

// Whether most of the file is already in the page cache (cachestat(2), Linux ≥ 6.5; older
// kernels say no). Such a file is read through the cache rather than from the device again.
bool mostly_cached(int fd, int64_t size)
{
  struct Range {
    uint64_t off, len;
  } range{0, uint64_t(size)};
  struct Counts {
    uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted;
  } counts{};
  if (size <= 0 || ::syscall(__NR_cachestat, fd, &range, &counts, 0) != 0)
    return false;
  return int64_t(counts.nr_cache) * 2 * int64_t(page) >= size;
}

int hash_fd(int fd, char* buffer, std::size_t size, std::string& sha256, int64_t& total)
{
  util::Sha256 hash;
  total = 0;
  while (true) {
    const ssize_t n = read_retrying(fd, buffer, size);
    if (n < 0)
      return errno;
    if (n == 0)
      break;
    hash.update(buffer, std::size_t(n));
    total += n;
  }
  sha256 = hash.hex_digest();
  return 0;
}

} // namespace

Copier::Copier(std::size_t buffer_size)
    : m_size((std::max(buffer_size, page) + page - 1) / page * page),
      m_buffers(static_cast<char*>(std::aligned_alloc(page, m_size * buffer_count))),
      m_verify(static_cast<char*>(std::aligned_alloc(page, m_size)))
{
  if (m_buffers == nullptr || m_verify == nullptr) {
    std::free(m_buffers);
    std::free(m_verify);
    throw std::bad_alloc();
  }
}

Copier::~Copier()
{
  std::free(m_buffers);
  std::free(m_verify);
}

Status stat_source(const std::string& path, SourceStamp& stamp)
{
  // Looked at, not opened (stage() opens it once, to copy it): one stat instead of open,
  // fstat and close for each of 10 000 small files. A FIFO is never opened here, so never
  // waited on. The access check is asked of the system only when the mode alone does not
  // answer it: a file this process owns with its owner's read bit set is readable (an ACL
  // cannot take that from its owner), and stage() says so if the open still fails.
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return errno_status(errno, "cannot read", path);
  const bool owner_reads = st.st_uid == ::geteuid() && (st.st_mode & S_IRUSR) != 0;
  if (!owner_reads && ::faccessat(AT_FDCWD, path.c_str(), R_OK, AT_EACCESS) != 0)
    return errno_status(errno, "cannot read", path);
  if (!S_ISREG(st.st_mode))
    return {"io", fmt::format("{} is not a regular file", path)};
  stamp = stamp_of(st);
  return {};
}

Status Copier::stage(const std::string& source, const SourceStamp& expected,
                     const std::string& dest_path, Staged& staged, bool close_now)
{
  Fd in(open_read_only(source));
  if (in.get() < 0) {
    Status status = errno_status(errno, "cannot open", source);
    return {"source-unreadable", status.detail, status.facts};
  }
  // A small file is read first and its stamp compared after (stage_small): a change before
  // the open shows there as well, one fstat fewer a file.
  if (expected.size <= small_file_size && expected.size <= int64_t(m_size))
    return stage_small(in.get(), source, expected, dest_path, staged, close_now);
  Status status = check_stamp(in.get(), expected, source);
  if (!status.ok())
    return status;
  // Read from the device straight into the ring (no page-cache copy, no cache pollution),
  // unless the bytes are in memory already or the file system cannot.
  if (mostly_cached(in.get(), expected.size) || !set_direct(in.get(), true))
    ::posix_fadvise(in.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  staged = {-1, temp_path_for(dest_path), dest_path, ""};
  staged.fd =
      ::open(staged.temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (staged.fd < 0)
    return errno_status(errno, "cannot create", staged.temp, fat32);
  // Written through the page cache, the device kept busy by writeback started per buffer and
  // at most writeback_window bytes left unflushed (stream_out): on the development VM twice
  // as fast as direct writes, which keep one request in flight (docs/pack.md).
  status = reserve(staged.fd, expected.size, dest_path, fat32);
  int64_t copied = 0;
  if (status.ok())
    status = pump(in.get(), staged.fd, dest_path, expected.size, copied, staged.sha256);
  if (status.ok() && copied != expected.size)
    status = source_changed(source);
  if (status.ok())
    status = check_stamp(in.get(), expected, source);
  if (!status.ok())
    discard(staged);
  note_space(status, expected.size);
  return status;
}

// A small file: one read into the first buffer (one more byte asked: a file that grew shows
// it), hashed and written from there in this thread. Its stamp is compared after the read: a
// file changed since it was planned, before or while it was read, is never written.
Status Copier::stage_small(int in, const std::string& source, const SourceStamp& expected,
                           const std::string& dest_path, Staged& staged, bool close_now)
{
  int64_t got = 0;
  while (true) {
    const ssize_t n = read_retrying(in, m_buffers + got, std::size_t(expected.size + 1 - got));
    if (n < 0)
      return errno_status(errno, "cannot read the source of", dest_path);
    // Fewer bytes than asked: the end of a regular file (no second read to see 0); a file
    // that went on growing has a new size and modification time, which check_stamp sees.
    if (n == 0 || (got += n) >= expected.size)
      break;
  }
  if (got != expected.size)
    return source_changed(source);
  if (Status status = check_stamp(in, expected, source); !status.ok())
    return status;
  const std::string_view bytes(m_buffers, std::size_t(got));
  if (Status status = write_staged(bytes, dest_path, util::sha256_hex(bytes), staged, close_now);
      !status.ok())
    return status;
  if (on_small_file)
    on_small_file(dest_path, bytes);
  if (on_bytes)
    on_bytes(got);
  return {};
}

// Writes `bytes` under the temporary name of `dest_path` and, with `close_now`, closes it.
// On failure the temporary file is removed.
Status Copier::write_staged(std::string_view bytes, const std::string& dest_path,
                            const std::string& sha256, Staged& staged, bool close_now)
{
  staged = {-1, temp_path_for(dest_path), dest_path, sha256};
  staged.fd =
      ::open(staged.temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (staged.fd < 0)
    return errno_status(errno, "cannot create", staged.temp, fat32);
  Status status;
  if (const int err = write_all(staged.fd, bytes.data(), bytes.size()))
    status = errno_status(err, "cannot write", dest_path, fat32);
  if (status.ok() && close_now) {
    const int closed = ::close(staged.fd);
    staged.fd = -1;
    if (closed != 0)
      status = errno_status(errno, "cannot close", dest_path, fat32);
  }
  if (!status.ok())
    discard(staged);
  note_space(status, int64_t(bytes.size()));
  return status;
}

Status Copier::commit_batch(std::vector<Staged>& batch, std::size_t& renamed)
{
  renamed = 0;
  if (batch.empty())
    return {};
  const auto fail = [&](Status status) {
    for (std::size_t i = renamed; i < batch.size(); ++i)
      discard(batch[i]);
    return status;
  };
  // One flush of the file system holding the batch: every file's bytes durable.
  const std::string first_folder = util::folder_of(batch.front().dest_path);
  {
    Fd folder(::open(first_folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0 || ::syncfs(folder.get()) != 0)
      return fail(errno_status(errno, "cannot flush", first_folder, fat32));
  }
  std::set<std::string> folders;
  for (Staged& staged : batch) {
    if (::rename(staged.temp.c_str(), staged.dest_path.c_str()) != 0)
      return fail(errno_status(errno, "cannot rename into place", staged.dest_path));
    staged.temp.clear(); // renamed: never discarded
    ++renamed;
    folders.insert(util::folder_of(staged.dest_path));
  }
  for (const std::string& folder : folders)
    if (const int err = fsync_dir(folder))
      return errno_status(err, "cannot flush the folder", folder);
  return {};
}

Status Copier::stage(std::string_view content, const std::string& dest_path,
                     const std::string& sha256, Staged& staged, bool close_now)
{
  return write_staged(content, dest_path, sha256, staged, close_now);
}

void Copier::discard(Staged& staged)
{
  if (staged.fd >= 0)
    ::close(staged.fd);
  staged.fd = -1;
  if (!staged.temp.empty())
    ::unlink(staged.temp.c_str());
}

Status Copier::copy(const std::string& source, const SourceStamp& expected,
                    const std::string& dest_path, std::string& sha256)
{
  Staged staged;
  Status status = stage(source, expected, dest_path, staged);
  if (status.ok())
    status = commit(staged);
  sha256 = staged.sha256;
  return status;
}

Status Copier::write(std::string_view content, const std::string& dest_path,
                     const std::string& sha256)
{
  Staged staged;
  Status status = stage(content, dest_path, sha256, staged);
  return status.ok() ? commit(staged) : status;
}

Status Copier::pump(int in, int out, const std::string& dest_path, int64_t limit, int64_t& copied,
                    std::string& sha256)
{
  ReadAhead reader(in, m_buffers, m_size, buffer_count, limit);
  int64_t settled = 0;
  while (true) {
    const ReadAhead::Chunk chunk = reader.next();
    if (chunk.error != 0)
      return errno_status(chunk.error, "cannot read the source of", dest_path);
    if (chunk.grew) // stop rather than copy a growing file without end
      return {"source-changed",
              fmt::format("the source of {} grew while pack was running", dest_path)};
    if (chunk.size == 0)
      break;
    if (const int err = write_all(out, chunk.data, chunk.size))
      return errno_status(err, "cannot write", dest_path, fat32);
    copied += int64_t(chunk.size);
    stream_out(out, copied, int64_t(chunk.size), settled);
    if (on_bytes)
      on_bytes(int64_t(chunk.size));
  }
  sha256 = reader.sha256();
  return {};
}

Status Copier::commit(Staged& staged)
{
  Status status;
  if (::fdatasync(staged.fd) != 0)
    status = errno_status(errno, "cannot flush", staged.dest_path, fat32);
  const int closed = ::close(staged.fd);
  staged.fd = -1;
  if (status.ok() && closed != 0)
    status = errno_status(errno, "cannot close", staged.dest_path, fat32);
  if (status.ok() && verify)
    status = read_back(staged);
  if (status.ok() && ::rename(staged.temp.c_str(), staged.dest_path.c_str()) != 0)
    status = errno_status(errno, "cannot rename into place", staged.dest_path);
  if (!status.ok()) {
    discard(staged);
    return status;
  }
  if (const int err = fsync_dir(util::folder_of(staged.dest_path)))
    return errno_status(err, "cannot flush the folder of", staged.dest_path);
  return {};
}

Status Copier::read_back(const Staged& staged)
{
  std::string reread;
  int64_t size = 0;
  Status status = hash_file(staged.temp, true, reread, size);
  if (status.ok() && reread != staged.sha256)
    status = {"io", fmt::format("{} reads back different from what was written", staged.dest_path)};
  return status;
}

Status Copier::hash_file(const std::string& path, bool bypass_cache, std::string& sha256,
                         int64_t& size)
{
  if (bypass_cache) {
    Fd direct(open_read_only(path, O_DIRECT));
    if (direct.get() >= 0 && hash_fd(direct.get(), m_verify, m_size, sha256, size) == 0)
      return {};
    // O_DIRECT refused (tmpfs, some FUSE drives): flush, then drop the cached pages.
  }
  Fd fd(open_read_only(path));
  if (fd.get() < 0)
    return errno_status(errno, "cannot open", path);
  if (bypass_cache) {
    ::fdatasync(fd.get());
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
  }
  if (const int err = hash_fd(fd.get(), m_verify, m_size, sha256, size))
    return errno_status(err, "cannot read", path);
  return {};
}

} // namespace mpcheck::pack
