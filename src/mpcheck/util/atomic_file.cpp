#include "mpcheck/util/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#include "mpcheck/util/sha256.hpp"

namespace mpcheck::util {

namespace {

constexpr size_t max_name_bytes = 255;

int write_temp(const std::string& temp, std::string_view content, WriteFunction write)
{
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (fd.fd < 0)
    return errno;
  if (const int err = write_all(fd.fd, content.data(), content.size(), write))
    return err;
  const int result = ::close(fd.fd);
  fd.fd = -1;
  return result == 0 ? 0 : errno;
}

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

int write_file_atomically(const std::string& path, std::string_view content, WriteFunction write)
{
  const std::string temp = temp_path_for(path);
  if (const int err = write_temp(temp, content, write)) {
    ::unlink(temp.c_str());
    return err;
  }
  return commit_file(temp, path);
}

} // namespace mpcheck::util
