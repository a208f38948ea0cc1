#include "mpcheck/pack/space.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::pack;

TEST_CASE("pack::bytes_needed rounds each file up to clusters and adds entry margins")
{
  // 1 byte and 4097 bytes on 4 KiB clusters: 4096 + 8192; two files' entries (1344 bytes) take
  // one cluster; one new folder one more; no own bytes.
  CHECK(bytes_needed({1, 4097}, 4096, 1, 0) == 4096 + 8192 + 4096 + 4096);
  CHECK(bytes_needed({}, 32768, 0, 0) == 0);
  CHECK(bytes_needed({0}, 32768, 0, 100) == 32768 + 32768);
}

TEST_CASE("pack::human_size")
{
  CHECK(human_size(512) == "512 bytes");
  CHECK(human_size(12'345) == "12 KB");
  CHECK(human_size(1'500'000'000) == "1.5 GB");
  CHECK(human_size(820'000'000) == "820 MB");
}

TEST_CASE("pack::filesystem_type")
{
  CHECK(filesystem_type("/dev/shm") == "tmpfs");
  CHECK(filesystem_type("/dev/shm/no/such/folder") == "tmpfs");
  CHECK(filesystem_type("/proc") == "unknown");
  pack_files::TempDir dir;
  if (dir.mount_tmpfs("mnt", "1m"))
    CHECK(filesystem_type(dir / "mnt") == "tmpfs");
}

TEST_CASE("pack::space_of reads the cluster size and free bytes" *
          doctest::skip(!pack_files::can_mount()))
{
  pack_files::TempDir dir;
  REQUIRE(dir.mount_tmpfs("mnt", "5m"));
  SpaceInfo info;
  REQUIRE(space_of(dir / "mnt/not/yet", info).ok());
  CHECK(info.cluster == 4096);
  CHECK(info.available == 5 * 1024 * 1024);
}
