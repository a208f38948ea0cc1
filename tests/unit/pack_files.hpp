#pragma once
// Scratch folders and files for the pack tests (test_pack_*.cpp): each TempDir is a fresh
// folder under /tmp, removed (after unmounting what a test mounted in it) at scope exit.

#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace pack_files {

class TempDir {
public:
  TempDir()
  {
    char name[] = "/tmp/mpcheck-pack-XXXXXX";
    m_path = ::mkdtemp(name);
  }
  ~TempDir()
  {
    for (auto it = m_mounts.rbegin(); it != m_mounts.rend(); ++it)
      ::umount2(it->c_str(), MNT_DETACH);
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  std::string operator/(const std::string& relative) const { return m_path + "/" + relative; }

  // Mounts a tmpfs of `size` (e.g. "5m") on the new folder `relative`; false when this
  // process may not mount (the caller is skipped by can_mount()).
  bool mount_tmpfs(const std::string& relative, const std::string& size)
  {
    const std::string dir = *this / relative;
    std::filesystem::create_directories(dir);
    const std::string options = "size=" + size;
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0)
      return false;
    m_mounts.push_back(dir);
    return true;
  }

  // Binds the folder `from` read-only on the new folder `relative`; false when not allowed.
  bool mount_read_only(const std::string& from, const std::string& relative)
  {
    const std::string dir = *this / relative;
    std::filesystem::create_directories(dir);
    if (::mount(from.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0)
      return false;
    m_mounts.push_back(dir);
    return ::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0;
  }

private:
  std::string m_path;
  std::vector<std::string> m_mounts;
};

inline void write_file(const std::string& path, const std::string& content)
{
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline bool exists(const std::string& path)
{
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// Bytes that differ from file to file (a simple LCG), `size` long.
inline std::string pattern(size_t size, uint32_t seed)
{
  std::string out(size, '\0');
  for (char& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = char(seed >> 24);
  }
  return out;
}

// Every file below `root` whose name starts with `prefix`, relative to root.
inline std::vector<std::string> files_named(const std::string& root, const std::string& prefix)
{
  std::vector<std::string> found;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(prefix))
      found.push_back(std::filesystem::relative(it->path(), root).string());
  }
  return found;
}

// What a test compares to show a file was not touched: content and all of its stat times.
struct Snapshot {
  std::string content;
  struct stat st {};
  bool operator==(const Snapshot& o) const
  {
    return content == o.content && st.st_mode == o.st.st_mode && st.st_ino == o.st.st_ino &&
           st.st_mtim.tv_sec == o.st.st_mtim.tv_sec && st.st_mtim.tv_nsec == o.st.st_mtim.tv_nsec &&
           st.st_ctim.tv_sec == o.st.st_ctim.tv_sec && st.st_ctim.tv_nsec == o.st.st_ctim.tv_nsec &&
           st.st_atim.tv_sec == o.st.st_atim.tv_sec && st.st_atim.tv_nsec == o.st.st_atim.tv_nsec;
  }
};

// Stats, then reads with O_NOATIME (we run as root or own the file) so that taking a snapshot
// moves none of the times it compares.
inline Snapshot snapshot(const std::string& path)
{
  Snapshot s;
  ::stat(path.c_str(), &s.st);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOATIME);
  char buffer[65536];
  for (ssize_t n; fd >= 0 && (n = ::read(fd, buffer, sizeof buffer)) > 0;)
    s.content.append(buffer, size_t(n));
  if (fd >= 0)
    ::close(fd);
  return s;
}

// Whether this process may mount a tmpfs (root, or a namespace that allows it). Asked once, when
// the test cases register: a case that needs a mount carries `* doctest::skip(!can_mount())` and
// shows as skipped, never as passed, where mounting is not allowed.
inline bool can_mount()
{
  static const bool allowed = [] {
    TempDir dir;
    return dir.mount_tmpfs("probe", "64k");
  }();
  return allowed;
}

// Whether this process may bind a folder read-only (asked once, like can_mount()).
inline bool can_bind_read_only()
{
  static const bool allowed = [] {
    TempDir dir;
    std::filesystem::create_directories(dir / "from");
    return dir.mount_read_only(dir / "from", "probe");
  }();
  return allowed;
}

} // namespace pack_files
