#include "mpcheck/pack/fileio.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace mpcheck::pack;
using pack_files::exists;
using pack_files::read_file;

TEST_CASE("pack::temp_path_for")
{
  CHECK(temp_path_for("/d/作品/a.mp4") == "/d/作品/.mpcheck-tmp-a.mp4");
  const std::string long_name(250, 'x');
  const std::string temp = temp_path_for("/d/" + long_name);
  CHECK(temp.starts_with("/d/.mpcheck-tmp-"));
  CHECK(temp.size() == 3 + 13 + 32);
}

TEST_CASE("pack::make_dirs")
{
  pack_files::TempDir dir;
  CHECK(make_dirs(dir.path(), "作品/一/二").ok());
  CHECK(exists(dir / "作品/一/二"));
  CHECK(make_dirs(dir.path(), "作品/一").ok());
  pack_files::write_file(dir / "file", "x");
  const Status status = make_dirs(dir.path(), "file/sub");
  CHECK(status.code == "io");
  CHECK(status.detail == "cannot create the folder " + (dir / "file") + ": Not a directory");
}

TEST_CASE("pack::write_file_atomically replaces the whole file and leaves no temporary")
{
  pack_files::TempDir dir;
  REQUIRE(write_file_atomically(dir / "a.txt", "first").ok());
  REQUIRE(write_file_atomically(dir / "a.txt", "second").ok());
  CHECK(read_file(dir / "a.txt") == "second");
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::temp_leftovers finds and removes only the temporary files of the dests given")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / ".mpcheck-tmp-a.mp4", std::string(5000, 'x'));
  pack_files::write_file(dir / "作品/.mpcheck-tmp-b.mp4", "y");
  pack_files::write_file(dir / "作品/b.mp4", "keep");
  // Another pack writing into 其他/ at the same time: its temporary file is not ours.
  pack_files::write_file(dir / "其他/.mpcheck-tmp-c.mp4", "other pack");
  const std::vector<std::string> dests = {"a.mp4", "作品/b.mp4", "作品/never.mp4"};
  CHECK(temp_leftovers(dir.path(), dests, false) >= 5001);
  CHECK(exists(dir / ".mpcheck-tmp-a.mp4"));
  CHECK(temp_leftovers(dir.path(), dests, true) >= 5001);
  CHECK_FALSE(exists(dir / ".mpcheck-tmp-a.mp4"));
  CHECK_FALSE(exists(dir / "作品/.mpcheck-tmp-b.mp4"));
  CHECK(read_file(dir / "作品/b.mp4") == "keep");
  CHECK(read_file(dir / "其他/.mpcheck-tmp-c.mp4") == "other pack");
}

TEST_CASE("pack::list_below lists files and links, sorted, not the system's folders")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "作品/a.mp4", "a");
  pack_files::write_file(dir / "b.txt", "b");
  pack_files::write_file(dir / "System Volume Information/IndexerVolumeGuid", "g");
  std::filesystem::create_directories(dir / "empty");
  std::filesystem::create_directory_symlink("/etc", dir / "link");
  Status error;
  CHECK(list_below(dir.path(), error).files ==
        std::vector<std::string>{"b.txt", "link", "作品/a.mp4"});
  CHECK(error.ok());
  CHECK(list_below(dir / "missing", error).files.empty());
  CHECK(error.ok());
}

TEST_CASE("pack::Listing::may_exist answers false only where a folder was read whole")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "作品/a.mp4", "a");
  pack_files::write_file(dir / "System Volume Information/x", "g");
  std::filesystem::create_directories(dir / "文本");
  std::filesystem::create_directory_symlink("/etc", dir / "link");
  Status error;
  const Listing listing = list_below(dir.path(), error);
  CHECK(error.ok());
  CHECK(listing.may_exist("作品/a.mp4"));
  CHECK(listing.may_exist("作品")); // a folder is there too (decide: "is not a file")
  CHECK_FALSE(listing.may_exist("作品/b.mp4"));
  // The same name on a FAT or exFAT drive, whose lookups ignore case: looked up.
  CHECK(listing.may_exist("作品/A.MP4"));
  CHECK_FALSE(listing.may_exist("作品/.mpcheck-tmp-b.mp4"));
  CHECK_FALSE(listing.may_exist("文本/a.docx"));      // an empty folder, read
  CHECK_FALSE(listing.may_exist("表格/汇总表.xlsx")); // no such folder
  CHECK_FALSE(listing.may_exist("b.txt"));
  // Folders seen but not entered: a link, the system's. Unknown: looked up.
  CHECK(listing.may_exist("link/passwd"));
  CHECK(listing.may_exist("System Volume Information/x"));
  CHECK(listing.may_exist("System Volume Information/deeper/y"));
  // Nothing there at all: nothing may exist.
  const Listing none = list_below(dir / "missing", error);
  CHECK(error.ok());
  CHECK_FALSE(none.may_exist("作品/a.mp4"));
}

TEST_CASE("pack::Listing of a folder that cannot be read answers true: look each name up")
{
  // A folder whose path is longer than the system takes (PATH_MAX): opendir fails for root
  // too. Made one level at a time with mkdirat, each name 200 bytes.
  pack_files::TempDir dir;
  const std::string level(200, 'd');
  std::vector<int> fds = {::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY)};
  std::string deep;
  for (int i = 0; i < 25 && fds.back() >= 0; ++i) {
    if (::mkdirat(fds.back(), level.c_str(), 0755) != 0)
      break;
    fds.push_back(::openat(fds.back(), level.c_str(), O_RDONLY | O_DIRECTORY));
    deep += (deep.empty() ? "" : "/") + level;
  }
  Status error;
  const Listing listing = list_below(dir.path(), error);
  CHECK(fds.size() == 26);
  CHECK_FALSE(error.ok());
  CHECK_FALSE(listing.complete);
  CHECK(listing.may_exist(deep + "/a.mp4"));
  CHECK(listing.may_exist("作品/a.mp4")); // read or not, nothing is ruled out
  // Removed bottom up through the open folders (a path this long cannot be named whole).
  for (size_t i = fds.size() - 1; i > 0; --i) {
    ::close(fds[i]);
    ::unlinkat(fds[i - 1], level.c_str(), AT_REMOVEDIR);
  }
  ::close(fds[0]);
}

TEST_CASE("pack::errno_status")
{
  CHECK(errno_status(ENOSPC, "cannot write", "/x").code == "no-space");
  CHECK(errno_status(EDQUOT, "cannot write", "/x").code == "no-space");
  CHECK(errno_status(EFBIG, "cannot write", "/x", true).code == "fat32-limit");
  CHECK(errno_status(EFBIG, "cannot write", "/x", false).code == "io");
  CHECK(errno_status(EIO, "cannot write", "/x").detail == "cannot write /x: Input/output error");
}

namespace {

// Whether the file system of /tmp takes O_DIRECT (tmpfs before Linux 6.6 does not). Asked once,
// when the case registers: where it does not, the case shows as skipped, never as passed.
bool direct_io_in_tmp()
{
  static const bool supported = [] {
    pack_files::TempDir dir;
    const int fd = ::open((dir / "probe").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
      return false;
    const bool ok = set_direct(fd, true);
    ::close(fd);
    return ok;
  }();
  return supported;
}

} // namespace

TEST_CASE("pack::write_all goes through the page cache when a direct write is refused" *
          doctest::skip(!direct_io_in_tmp()))
{
  pack_files::TempDir dir;
  const int fd = ::open((dir / "out.bin").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(set_direct(fd, true));
  CHECK(is_direct(fd));
  const std::string content = pack_files::pattern(4096 + 100, 6);
  // An odd address and length: refused by direct I/O (EINVAL), written through the cache.
  const std::string shifted = " " + content;
  CHECK(write_all(fd, shifted.data() + 1, content.size()) == 0);
  CHECK_FALSE(is_direct(fd));
  CHECK(set_direct(fd, false));
  ::close(fd);
  CHECK(read_file(dir / "out.bin") == content);
}
