#include "mpcheck/util/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

#include "mpcheck/util/sha256.hpp"

namespace mpcheck::util {

namespace {

constexpr size_t max_name_bytes = 255;

} // namespace

std::string temp_path_for(const std::string& final_path)
{
  const size_t slash = final_path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : final_path.substr(0, slash + 1);
  const std::string name = final_path.substr(slash == std::string::npos ? 0 : slash + 1);
  if (temp_prefix.size() + name.size() <= max_name_bytes)
    return dir + std::string(temp_prefix) + name;
  return dir + std::string(temp_prefix) + sha256_hex(name).substr(0, 32);
}

int fsync_dir(const std::string& dir)
{
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.fd < 0)
    return errno;
  if (::fsync(fd.fd) != 0 && errno != EINVAL)
    return errno;
  return 0;
}

std::string folder_of(const std::string& path)
{
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash + 1);
}

int write_all(int fd, const void* data, std::size_t size, WriteFunction write)
{
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = write ? write(fd, p, size) : ::write(fd, p, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return errno;
    if (n == 0)
      return EIO;
    p += n;
    size -= size_t(n);
  }
  return 0;
}

int commit_file(const std::string& temp, const std::string& path)
{
  int err = 0;
  {
    Fd fd(::open(temp.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.fd < 0 || ::fdatasync(fd.fd) != 0)
      err = errno;
  }
  if (err == 0 && ::rename(temp.c_str(), path.c_str()) != 0)
    err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    return err;
  }
  return fsync_dir(folder_of(path));
}

AtomicFileWriter::AtomicFileWriter(std::string path, WriteFunction write, size_t buffer_bytes)
    : path_(std::move(path)), temp_(temp_path_for(path_)), write_(write),
      buffer_bytes_(buffer_bytes)
{
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0)
    error_ = errno;
}

AtomicFileWriter::~AtomicFileWriter()
{
  if (fd_ >= 0)
    ::close(fd_);
  if (!done_)
    ::unlink(temp_.c_str());
}

void AtomicFileWriter::flush()
{
  if (error_ == 0 && !buffer_.empty())
    error_ = write_all(fd_, buffer_.data(), buffer_.size(), write_);
  buffer_.clear();
}

void AtomicFileWriter::write(std::string_view text)
{
  if (error_ != 0)
    return;
  if (buffer_.size() + text.size() <= buffer_bytes_) {
    buffer_.append(text);
    return;
  }
  flush();
  if (text.size() >= buffer_bytes_) { // a large piece goes out as it is, not copied
    if (error_ == 0)
      error_ = write_all(fd_, text.data(), text.size(), write_);
    return;
  }
  buffer_.append(text);
}

int AtomicFileWriter::commit()
{
  if (done_)
    return error_;
  flush();
  if (fd_ >= 0) {
    if (::close(fd_) != 0 && error_ == 0)
      error_ = errno;
    fd_ = -1;
  }
  done_ = true;
  if (error_ != 0) {
    ::unlink(temp_.c_str());
    return error_;
  }
  error_ = commit_file(temp_, path_);
  return error_;
}

int write_file_atomically(const std::string& path, std::string_view content, WriteFunction write)
{
  AtomicFileWriter file(path, write);
  file.write(content);
  return file.commit();
}

} // namespace mpcheck::util
