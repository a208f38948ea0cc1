#pragma once
// The system calls pack writes with, each wrapped so that a failure becomes a Status with
// pack's error codes: temporary names, durable renames, folder creation, leftover clean-up.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

#include "mpcheck/pack/messages.hpp"
#include "mpcheck/util/atomic_file.hpp"
#include "mpcheck/util/path.hpp"

namespace mpcheck::pack {

// The outcome of one step. `code` is "" (success) or one of execute()'s error codes.
struct Status {
  std::string code;
  std::string detail; // a plain sentence naming the path (English: logs and tests)
  ErrorFacts facts;   // what the user's message is worded from (messages.hpp)
  Status() = default;
  Status(std::string code_, std::string detail_, ErrorFacts facts_ = {})
      : code(std::move(code_)), detail(std::move(detail_)), facts(std::move(facts_))
  {
  }
  bool ok() const { return code.empty(); }
};

// A failed system call: ENOSPC/EDQUOT → "no-space", EFBIG → "fat32-limit" when `fat32`,
// anything else → "io". The detail reads "<what> <path>: <strerror>"; the facts keep `what`,
// the path and the errno apart (and, for a full disk, the bytes still free there).
Status errno_status(int err, std::string_view what, const std::string& path, bool fat32 = false);

// A "no-space" status of a file of `size` bytes, once its temporary file is gone: the bytes it
// needs, and those free now where it was to go (the message says both). Others unchanged.
void note_space(Status& status, int64_t size);

// Temporary names and durable folders: util/atomic_file.hpp.
using util::fsync_dir;
using util::temp_path_for;

// Writes all `size` bytes (retrying short writes and EINTR) through the write function in
// force (testing::set_write_function). Returns 0 or the errno of the failure. On a descriptor
// opened for direct I/O, a write the file system refuses as unaligned (EINVAL) is retried
// through the page cache.
int write_all(int fd, const void* data, std::size_t size);

// Turns direct I/O (O_DIRECT: the device reads into or writes from the caller's buffer, no
// page-cache copy) on or off for `fd`. Returns whether the descriptor now is as asked; file
// systems without direct I/O (older tmpfs, many FUSE drives) refuse to turn it on.
bool set_direct(int fd, bool on);
bool is_direct(int fd);

// Creates the folders of `relative_dir` ('/'-separated) below the existing folder `root`,
// each one fsynced into its parent. An existing folder is fine; a file in the way is "io",
// and so is a symlink to a folder unless `follow_links` (the path of the output folder itself,
// which the user named, may run through links; nothing below it may).
Status make_dirs(const std::string& root, std::string_view relative_dir, bool follow_links = false);

// util::write_file_atomically with pack's error codes (and its tests' write function):
// afterwards `path` holds either its old content or all of `content`.
Status write_file_atomically(const std::string& path, std::string_view content);

// What is below an output folder, read once (readdir) before pack writes: looked up for each
// planned file instead of an lstat of its name and one of its temporary name (20 000 lookups
// for 10 000 small files, most of them of names that are not there).
struct Listing {
  // Every entry that is not a folder (files, links, FIFOs …), relative, '/'-separated, sorted.
  // Folders that are links are listed, not entered; the operating system's folders
  // (naming::is_junk_folder: System Volume Information, …) are neither.
  std::vector<std::string> files;
  // Whether `relative` may be there: false only when its folder was read and no name in it
  // is the same on a case-insensitive, normalising file system (a FAT or exFAT drive finds
  // 作品/A.MP4 when asked for 作品/a.mp4). A folder not read (a link, the system's, an error)
  // answers true: look it up.
  bool may_exist(const std::string& relative) const;
  // Keys naming::fold_for_collision: the folders entered ("" is the root itself), and every
  // entry seen, folders entered or not included.
  std::set<std::string> folders;
  std::set<std::string> all;
  bool complete = true; // false when a folder could not be read
};

// The listing of `root` (empty when `root` does not exist). `error` is set when `root` or a
// folder below it exists but cannot be read; what was read is still listed.
Listing list_below(const std::string& root, Status& error);

// The temporary files a killed pack into `root` left for the destinations `dests` (relative,
// '/'-separated: temp_path_for of each), and nothing else — another pack writing into a
// folder below `root` keeps its own. Removes them when `remove`. Returns their total size.
// `listing`, when given, is `root`'s: names it shows absent are not looked up.
int64_t temp_leftovers(const std::string& root, const std::vector<std::string>& dests, bool remove,
                       const Listing* listing = nullptr);

using util::join_path;
using util::parent_of;

namespace testing {

// The write(2) pack calls for file data; tests swap it to inject I/O errors. Never set by
// mpcheck itself. nullptr restores ::write.
using WriteFunction = util::WriteFunction;
void set_write_function(WriteFunction function);

// Turns the free-space check off so that a test can fill a disk during the copy.
void set_space_check(bool enabled);
bool space_check_enabled();

} // namespace testing

} // namespace mpcheck::pack
