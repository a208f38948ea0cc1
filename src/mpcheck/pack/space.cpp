#include "mpcheck/pack/space.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <filesystem>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <utility>

namespace mpcheck::pack {

namespace {

constexpr int64_t dir_entry_bytes = 21 * 32;

std::string name_of_magic(int64_t magic)
{
  static constexpr std::array<std::pair<int64_t, const char*>, 16> names = {{
      {0x4d44, "vfat"},
      {0x2011BAB0, "exfat"},
      {0x5346544e, "ntfs"},
      {0x7366746e, "ntfs"},
      {0xEF53, "ext4"},
      {0x01021994, "tmpfs"},
      {0x9123683E, "btrfs"},
      {0x58465342, "xfs"},
      {0xF2F52010, "f2fs"},
      {0x794c7630, "overlay"},
      {0x6969, "nfs"},
      {0x9660, "iso9660"},
      {0x15013346, "udf"},
      {0x65735546, "fuse"},
      {0x73717368, "squashfs"},
      {0x858458f6, "ramfs"},
  }};
  for (const auto& [value, name] : names) {
    if (value == magic)
      return name;
  }
  return "unknown";
}

// `path` or the nearest ancestor that exists ("" when none does).
std::string existing_ancestor(const std::string& path)
{
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  while (!p.empty()) {
    if (std::filesystem::exists(p, ec))
      return p.string();
    if (p == p.parent_path())
      break;
    p = p.parent_path();
  }
  return "";
}

int64_t round_up(int64_t bytes, int64_t cluster)
{
  return (bytes + cluster - 1) / cluster * cluster;
}

} // namespace

std::string filesystem_type(const std::string& path)
{
  const std::string existing = existing_ancestor(path);
  struct statfs st;
  if (existing.empty() || ::statfs(existing.c_str(), &st) != 0)
    return "";
  return name_of_magic(int64_t(st.f_type));
}

Status space_of(const std::string& path, SpaceInfo& info)
{
  const std::string existing = existing_ancestor(path);
  struct statvfs st;
  if (existing.empty())
    return {"io", fmt::format("{} does not exist", path)};
  if (::statvfs(existing.c_str(), &st) != 0)
    return errno_status(errno, "cannot read the free space of", existing);
  info.cluster = st.f_frsize > 0 ? int64_t(st.f_frsize) : 4096;
  info.available = int64_t(st.f_bavail) * info.cluster;
  if (st.f_namemax > 0)
    info.name_max = int64_t(st.f_namemax);
  if (st.f_files > 0)
    info.files_free = int64_t(st.f_favail);
  info.read_only = (st.f_flag & ST_RDONLY) != 0;
  return {};
}

std::string overlong_name(const std::string& path, int64_t name_max)
{
  for (size_t start = 0; start <= path.size();) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (int64_t(end - start) > name_max)
      return path.substr(start, end - start);
    start = end + 1;
  }
  return "";
}

int64_t bytes_needed(const std::vector<int64_t>& sizes, int64_t cluster, int new_folders,
                     int64_t own_bytes)
{
  int64_t total = 0;
  for (const int64_t size : sizes)
    total += round_up(size, cluster);
  const int64_t entries = round_up(int64_t(sizes.size()) * dir_entry_bytes, cluster);
  return total + entries + int64_t(new_folders) * cluster + round_up(own_bytes, cluster);
}

std::string human_size(int64_t bytes)
{
  static constexpr std::array<const char*, 4> units = {"KB", "MB", "GB", "TB"};
  if (bytes < 1000)
    return fmt::format("{} bytes", bytes);
  double value = double(bytes);
  size_t unit = 0;
  for (value /= 1000; value >= 1000 && unit + 1 < units.size(); value /= 1000)
    ++unit;
  return value < 10 ? fmt::format("{:.1f} {}", value, units[unit])
                    : fmt::format("{:.0f} {}", value, units[unit]);
}

Status check_name_lengths(const std::vector<std::string>& dests, const std::string& out)
{
  SpaceInfo space;
  if (Status status = space_of(out, space); !status.ok())
    return status;
  for (const auto& dest : dests)
    if (const std::string name = overlong_name(dest, space.name_max); !name.empty())
      return {"name-too-long",
              fmt::format("{} ({} bytes; the file system of {} takes at most {} bytes a name)",
                          name, name.size(), out, space.name_max),
              ErrorFacts::at(name, out, int64_t(name.size()), int64_t(space.name_max))};
  return {};
}

} // namespace mpcheck::pack
