#include "mpcheck/pack/fileio.hpp"

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/junk.hpp"
#include "mpcheck/pack/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace mpcheck::pack {

namespace {

testing::WriteFunction g_write = nullptr;
bool g_space_check = true;

using util::Fd;

int make_one_dir(const std::string& path, bool follow_links)
{
  if (::mkdir(path.c_str(), 0755) == 0)
    return 0;
  const int err = errno;
  struct stat st;
  // Below the output folder a symlink to a folder is not a folder: never written through.
  if (err == EEXIST &&
      (follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) == 0 &&
      S_ISDIR(st.st_mode))
    return -1; // already there
  return err == EEXIST ? ENOTDIR : err;
}

bool is_dir_entry_folder(const dirent* entry, const std::string& path)
{
  if (entry->d_type != DT_UNKNOWN)
    return entry->d_type == DT_DIR;
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

} // namespace

void note_space(Status& status, int64_t size)
{
  if (status.code != "no-space" || status.facts.path.empty())
    return;
  if (size >= 0)
    status.facts.needed = size;
  struct statvfs vfs {};
  const std::string folder(util::parent_of(status.facts.path));
  if (::statvfs(folder.empty() ? "." : folder.c_str(), &vfs) == 0) {
    status.facts.available = int64_t(vfs.f_bavail) * int64_t(vfs.f_frsize);
    if (vfs.f_files > 0 && vfs.f_favail == 0)
      status.facts.files_free = 0; // no file could be made: the count is used up, not the bytes
  }
}

Status errno_status(int err, std::string_view what, const std::string& path, bool fat32)
{
  const std::string detail = fmt::format("{} {}: {}", what, path, std::strerror(err));
  ErrorFacts facts = ErrorFacts::call(std::string(what), path, err);
  if (err == ENOSPC || err == EDQUOT) {
    Status status{"no-space", detail, facts};
    note_space(status, -1);
    return status;
  }
  if (err == EFBIG && fat32)
    return {"fat32-limit", detail, facts};
  return {"io", detail, facts};
}

namespace {

// One write(2) through the tests' stand-in, if any; a write a file system refuses as unaligned
// for direct I/O (EINVAL) is retried once through the page cache.
ssize_t write_once(int fd, const void* data, std::size_t size)
{
  const ssize_t n = g_write ? g_write(fd, data, size) : ::write(fd, data, size);
  if (n < 0 && errno == EINVAL && is_direct(fd) && set_direct(fd, false))
    return g_write ? g_write(fd, data, size) : ::write(fd, data, size);
  return n;
}

} // namespace

int write_all(int fd, const void* data, std::size_t size)
{
  return util::write_all(fd, data, size, write_once);
}

bool set_direct(int fd, bool on)
{
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0)
    return false;
  if (((flags & O_DIRECT) != 0) == on)
    return true;
  return ::fcntl(fd, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT) == 0;
}

bool is_direct(int fd)
{
  const int flags = ::fcntl(fd, F_GETFL);
  return flags >= 0 && (flags & O_DIRECT) != 0;
}

Status make_dirs(const std::string& root, std::string_view relative_dir, bool follow_links)
{
  std::string path = root;
  size_t start = 0;
  while (start < relative_dir.size()) {
    const size_t slash = std::min(relative_dir.find('/', start), relative_dir.size());
    const std::string parent = path;
    path = join_path(path, relative_dir.substr(start, slash - start));
    const int err = make_one_dir(path, follow_links);
    if (err > 0)
      return errno_status(err, "cannot create the folder", path);
    if (err == 0 && fsync_dir(parent) != 0)
      return errno_status(errno, "cannot flush the folder", parent);
    start = slash + 1;
  }
  return {};
}

Status write_file_atomically(const std::string& path, std::string_view content)
{
  if (const int err = util::write_file_atomically(path, content, write_once))
    return errno_status(err, "cannot write", path);
  return {};
}

int64_t temp_leftovers(const std::string& root, const std::vector<std::string>& dests, bool remove,
                       const Listing* listing)
{
  int64_t bytes = 0;
  std::set<std::string> seen;
  for (const std::string& dest : dests) {
    const std::string relative = util::temp_path_for(dest);
    if (listing != nullptr && !listing->may_exist(relative))
      continue;
    const std::string temp = join_path(root, relative);
    struct stat st;
    if (!seen.insert(temp).second || ::lstat(temp.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
      continue;
    if (!remove || ::unlink(temp.c_str()) == 0)
      bytes += int64_t(st.st_blocks) * 512;
  }
  return bytes;
}

namespace {

void list_into(const std::string& root, const std::string& relative, Listing& out, Status& error)
{
  const std::string folder = join_path(root, relative);
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) {
    if (errno == ENOENT)
      return;
    out.complete = false;
    if (error.ok())
      error = errno_status(errno, "cannot read the folder", folder);
    return;
  }
  out.folders.insert(naming::fold_for_collision(relative));
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..")
      continue;
    std::string path = relative.empty() ? std::string(name) : relative + "/" + std::string(name);
    out.all.insert(naming::fold_for_collision(path));
    if (!is_dir_entry_folder(entry, join_path(root, path)))
      out.files.push_back(std::move(path));
    else if (!naming::is_junk_folder(name))
      list_into(root, path, out, error);
  }
  ::closedir(dir);
}

} // namespace

bool Listing::may_exist(const std::string& relative) const
{
  const std::string folded = naming::fold_for_collision(relative);
  if (!complete || all.count(folded))
    return true;
  const std::string folder(parent_of(folded));
  // Its folder read whole: not there. Its folder seen but not entered: unknown. Neither: the
  // folder is not there either (or a folder above it was not entered: unknown).
  if (folders.count(folder))
    return false;
  for (std::string_view up = folder; !up.empty(); up = parent_of(up))
    if (all.count(std::string(up)))
      return !folders.count(std::string(up));
  return false;
}

Listing list_below(const std::string& root, Status& error)
{
  Listing out;
  list_into(root, "", out, error);
  std::sort(out.files.begin(), out.files.end());
  return out;
}

namespace testing {

void set_write_function(WriteFunction function)
{
  g_write = function;
}
void set_space_check(bool enabled)
{
  g_space_check = enabled;
}
bool space_check_enabled()
{
  return g_space_check;
}

} // namespace testing

} // namespace mpcheck::pack
