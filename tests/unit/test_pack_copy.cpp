#include "mpcheck/pack/copy.hpp"

#include "mpcheck/util/sha256.hpp"
#include "pack_files.hpp"

#include <doctest/doctest.h>

#include "mpcheck/pack/read_ahead.hpp"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

using namespace mpcheck::pack;
using pack_files::exists;
using pack_files::read_file;

namespace {

int64_t g_allowed = 0;

// A write(2) that fails with `g_error` once `g_allowed` bytes went through.
int g_error = EIO;
ssize_t failing_write(int fd, const void* data, size_t size)
{
  if (int64_t(size) > g_allowed) {
    errno = g_error;
    return -1;
  }
  g_allowed -= int64_t(size);
  return ::write(fd, data, size);
}

struct WriteFailure {
  WriteFailure(int64_t after, int error)
  {
    g_allowed = after;
    g_error = error;
    testing::set_write_function(failing_write);
  }
  ~WriteFailure() { testing::set_write_function(nullptr); }
};

SourceStamp stamp(const std::string& path)
{
  SourceStamp s;
  REQUIRE(stat_source(path, s).ok());
  return s;
}

} // namespace

TEST_CASE("pack::Copier::copy hashes what it writes, across several buffers")
{
  pack_files::TempDir dir;
  const std::string content = pack_files::pattern(3 * 4096 + 17, 1);
  pack_files::write_file(dir / "src.bin", content);
  Copier copier(4096);
  std::vector<int64_t> chunks;
  copier.on_bytes = [&](int64_t n) { chunks.push_back(n); };
  std::string sha;
  REQUIRE(copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "dst.bin", sha).ok());
  CHECK(sha == mpcheck::util::sha256_hex(content));
  CHECK(read_file(dir / "dst.bin") == content);
  CHECK(chunks == std::vector<int64_t>{4096, 4096, 4096, 17});
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::Copier::copy of an empty file")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "empty", "");
  Copier copier;
  std::string sha;
  REQUIRE(copier.copy(dir / "empty", stamp(dir / "empty"), dir / "out", sha).ok());
  CHECK(sha == mpcheck::util::sha256_hex(""));
  CHECK(exists(dir / "out"));
}

TEST_CASE("pack::Copier::copy leaves the source untouched, atime included")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "src.bin", pack_files::pattern(100000, 2));
  ::chmod((dir / "src.bin").c_str(), 0444);
  const auto before = pack_files::snapshot(dir / "src.bin");
  Copier copier;
  copier.verify = true;
  std::string sha;
  REQUIRE(copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "dst.bin", sha).ok());
  CHECK(pack_files::snapshot(dir / "src.bin") == before);
}

TEST_CASE("pack::Copier::copy refuses a source that changed since it was planned")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "src.bin", "abc");
  SourceStamp planned = stamp(dir / "src.bin");
  planned.mtime_ns -= 1;
  Copier copier;
  std::string sha;
  const Status status = copier.copy(dir / "src.bin", planned, dir / "dst.bin", sha);
  CHECK(status.code == "source-changed");
  CHECK(status.detail == (dir / "src.bin") + " changed while pack was running");
  CHECK_FALSE(exists(dir / "dst.bin"));
}

TEST_CASE("pack::Copier::copy stops on a write error and leaves nothing behind")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "src.bin", pack_files::pattern(20000, 3));
  pack_files::write_file(dir / "dst.bin", "the old file stays as it was");
  Copier copier(4096);
  std::string sha;
  SUBCASE("an I/O error")
  {
    WriteFailure failure(8192, EIO);
    const Status status =
        copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "dst.bin", sha);
    CHECK(status.code == "io");
    CHECK(status.detail == "cannot write " + (dir / "dst.bin") + ": Input/output error");
  }
  SUBCASE("a full disk")
  {
    WriteFailure failure(4096, ENOSPC);
    const Status status =
        copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "dst.bin", sha);
    CHECK(status.code == "no-space");
  }
  CHECK(read_file(dir / "dst.bin") == "the old file stays as it was");
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::Copier::write and hash_file, with and without the page cache")
{
  pack_files::TempDir dir;
  Copier copier;
  copier.verify = true;
  const std::string content = pack_files::pattern(70000, 4);
  REQUIRE(copier.write(content, dir / "gen.txt", mpcheck::util::sha256_hex(content)).ok());
  for (const bool bypass : {false, true}) {
    std::string sha;
    int64_t size = 0;
    REQUIRE(copier.hash_file(dir / "gen.txt", bypass, sha, size).ok());
    CHECK(sha == mpcheck::util::sha256_hex(content));
    CHECK(size == 70000);
  }
}

TEST_CASE("pack::Copier verify re-reads on tmpfs too (no O_DIRECT there)" *
          doctest::skip(!pack_files::can_mount()))
{
  pack_files::TempDir dir;
  REQUIRE(dir.mount_tmpfs("mnt", "1m"));
  pack_files::write_file(dir / "src.bin", pack_files::pattern(5000, 5));
  Copier copier;
  copier.verify = true;
  std::string sha;
  REQUIRE(copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "mnt/dst.bin", sha).ok());
  CHECK(read_file(dir / "mnt/dst.bin") == read_file(dir / "src.bin"));
}

TEST_CASE("pack::Copier::copy reads a source that is not in memory from the device")
{
  pack_files::TempDir dir;
  const std::string content = pack_files::pattern(5 * 4096 + 17, 7); // an unaligned end
  pack_files::write_file(dir / "src.bin", content);
  {
    // Out of the page cache, so that stage() reads it with direct I/O (where there is any).
    const int fd = ::open((dir / "src.bin").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
  Copier copier(4096);
  copier.verify = true;
  std::string sha;
  REQUIRE(copier.copy(dir / "src.bin", stamp(dir / "src.bin"), dir / "dst.bin", sha).ok());
  CHECK(sha == mpcheck::util::sha256_hex(content));
  CHECK(read_file(dir / "dst.bin") == content);
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::ReadAhead goes through the page cache when a direct read is refused")
{
  pack_files::TempDir dir;
  const std::string content = pack_files::pattern(3 * 4096 + 5, 8);
  pack_files::write_file(dir / "src.bin", content);
  const int fd = ::open((dir / "src.bin").c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  const bool direct = set_direct(fd, true);
  ::lseek(fd, 17, SEEK_SET); // an unaligned offset: a direct read is refused (EINVAL)
  char* area = static_cast<char*>(std::aligned_alloc(4096, 2 * 4096));
  std::string read;
  std::string sha;
  {
    ReadAhead reader(fd, area, 4096, 2, int64_t(content.size()));
    for (ReadAhead::Chunk chunk = reader.next(); chunk.size > 0; chunk = reader.next()) {
      CHECK(chunk.error == 0);
      read.append(chunk.data, chunk.size);
    }
    sha = reader.sha256();
  }
  CHECK(read == content.substr(17));
  CHECK(sha == mpcheck::util::sha256_hex(content.substr(17)));
  if (direct)
    CHECK_FALSE(is_direct(fd));
  std::free(area);
  ::close(fd);
}

TEST_CASE("pack::stat_source")
{
  pack_files::TempDir dir;
  SourceStamp s;
  CHECK(stat_source(dir.path(), s).detail == dir.path() + " is not a regular file");
  CHECK(stat_source(dir / "missing", s).detail ==
        "cannot read " + (dir / "missing") + ": No such file or directory");
}

TEST_CASE("pack::batch_full: a batch of small files is committed at 4096 files, 64 MiB or one "
          "second")
{
  CHECK_FALSE(batch_full(1, 100, 0.0));
  CHECK_FALSE(batch_full(4095, (int64_t(64) << 20) - 1, 0.99));
  CHECK(batch_full(4096, 100, 0.0));
  CHECK(batch_full(2, int64_t(64) << 20, 0.0));
  CHECK(batch_full(2, 100, 1.0));
}

TEST_CASE("pack::Copier::commit_batch puts small files in place together, each complete")
{
  pack_files::TempDir dir;
  Copier copier;
  std::vector<Staged> batch;
  for (int i = 0; i < 3; ++i) {
    const std::string source = dir / ("s" + std::to_string(i));
    pack_files::write_file(source, pack_files::pattern(1000 + i, uint32_t(i)));
    SourceStamp stamp;
    REQUIRE(stat_source(source, stamp).ok());
    Staged staged;
    REQUIRE(copier.stage(source, stamp, dir / ("d" + std::to_string(i)), staged, true).ok());
    CHECK(staged.fd == -1); // closed at once: a batch holds no descriptors
    CHECK(staged.sha256 == mpcheck::util::sha256_hex(read_file(source)));
    CHECK_FALSE(exists(dir / ("d" + std::to_string(i)))); // not under its final name yet
    batch.push_back(staged);
  }
  std::size_t renamed = 0;
  REQUIRE(copier.commit_batch(batch, renamed).ok());
  CHECK(renamed == 3);
  for (int i = 0; i < 3; ++i)
    CHECK(read_file(dir / ("d" + std::to_string(i))) == read_file(dir / ("s" + std::to_string(i))));
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::Copier::commit_batch that fails midway removes what it did not rename")
{
  pack_files::TempDir dir;
  Copier copier;
  std::vector<Staged> batch;
  for (const char* name : {"a", "b"}) {
    pack_files::write_file(dir / name, name);
    SourceStamp stamp;
    REQUIRE(stat_source(dir / name, stamp).ok());
    Staged staged;
    REQUIRE(
        copier.stage(dir / name, stamp, dir / (std::string("out/") + name), staged, true).ok() ==
        false); // out/ does not exist: the temporary file cannot be made
  }
  pack_files::write_file(dir / "out/x", "");
  for (const char* name : {"a", "b"}) {
    SourceStamp stamp;
    REQUIRE(stat_source(dir / name, stamp).ok());
    Staged staged;
    REQUIRE(copier.stage(dir / name, stamp, dir / (std::string("out/") + name), staged, true).ok());
    batch.push_back(staged);
  }
  // The second's final name is taken by a folder: rename fails there.
  std::filesystem::create_directories(dir / "out/b/inside");
  std::size_t renamed = 0;
  CHECK_FALSE(copier.commit_batch(batch, renamed).ok());
  CHECK(renamed == 1);
  CHECK(read_file(dir / "out/a") == "a");
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}
