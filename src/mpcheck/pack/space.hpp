#pragma once
// What the target file system is and whether the files fit on it: checked before pack writes
// anything, so a drive that is too small or a FAT32 file over 4 GiB fails at once.

#include <cstdint>
#include <string>
#include <vector>

#include "mpcheck/pack/fileio.hpp"

namespace mpcheck::pack {

// The type of the file system holding `path` (or its nearest existing ancestor), from
// statfs(2): "vfat", "exfat", "ntfs" (the ntfs and ntfs3 drivers), "ext4" (ext2/3/4 share a
// magic), "tmpfs", "btrfs", "xfs", "f2fs", "overlay", "nfs", "iso9660", "udf", "fuse" (which
// includes ntfs-3g); "unknown" for any other, "" when nothing along the path exists.
std::string filesystem_type(const std::string& path);

// The largest file FAT32 can hold is 4 GiB − 1 byte.
inline constexpr int64_t fat32_max_file_size = (int64_t(4) << 30) - 1;

struct SpaceInfo {
  int64_t cluster = 4096; // allocation unit (statvfs f_frsize)
  int64_t available = 0;  // bytes an unprivileged writer may still use (f_bavail)
  int64_t name_max = 255; // bytes one name may take (statvfs f_namemax)
  // Files and folders that may still be made (f_favail): ext4 and tmpfs have a fixed number
  // of them, which a drive of many small files can use up with space to spare. -1 when the
  // file system does not count them (FAT and exFAT report none).
  int64_t files_free = -1;
  bool read_only = false; // mounted read-only (ST_RDONLY): a write-protected stick
};

// The first '/'-separated part of `path` longer than `name_max` bytes, or "".
std::string overlong_name(const std::string& path, int64_t name_max);

// "name-too-long" when a part of one of `dests` (relative to `out`) is longer in bytes than
// the file system holding `out` takes (statvfs f_namemax); else ok.
Status check_name_lengths(const std::vector<std::string>& dests, const std::string& out);

// Free space of the file system holding `path` (or its nearest existing ancestor).
Status space_of(const std::string& path, SpaceInfo& info);

// Bytes the files of `sizes` take on a file system of `cluster`-byte clusters: each rounded
// up to whole clusters, plus a margin for directory entries (one cluster per new folder, and
// 21 × 32 bytes per file: a FAT long name of 255 characters with its short entry) and for
// pack's own files and temporary names (`own_bytes`, rounded likewise).
int64_t bytes_needed(const std::vector<int64_t>& sizes, int64_t cluster, int new_folders,
                     int64_t own_bytes);

// "1.5 GB" / "820 MB" / "12 KB" / "512 bytes": decimal units, as drives are sold.
std::string human_size(int64_t bytes);

} // namespace mpcheck::pack
