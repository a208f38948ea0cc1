#include "mpcheck/util/atomic_file.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "mpcheck/naming/junk.hpp"

using namespace mpcheck::util;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path)
{
  std::stringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

struct Dir {
  std::string path;
  Dir() : path((fs::temp_directory_path() / "mpcheck-atomic-XXXXXX").string())
  {
    path = ::mkdtemp(path.data());
  }
  ~Dir() { fs::remove_all(path); }
};

ssize_t failing_write(int, const void*, std::size_t)
{
  errno = ENOSPC;
  return -1;
}

} // namespace

TEST_CASE("util::temp_path_for: beside the file, a name check and pack know as a leftover")
{
  CHECK(temp_path_for("a/b/报名表.docx") == "a/b/.mpcheck-tmp-报名表.docx");
  CHECK(temp_path_for("x.json") == ".mpcheck-tmp-x.json");
  const std::string long_name(250, 'n');
  const std::string temp = temp_path_for("d/" + long_name);
  CHECK(temp.size() == 2 + temp_prefix.size() + 32);
  CHECK(mpcheck::naming::is_pack_leftover(fs::path(temp).filename().string()));
  CHECK(folder_of("a/b.txt") == "a/");
  CHECK(folder_of("b.txt") == ".");
}

TEST_CASE("util::write_file_atomically: all of the new content or the old file, no temporary left")
{
  Dir dir;
  const std::string path = dir.path + "/r.json";
  REQUIRE(write_file_atomically(path, "old") == 0);
  CHECK(read(path) == "old");
  REQUIRE(write_file_atomically(path, std::string(100000, 'x')) == 0);
  CHECK(read(path) == std::string(100000, 'x'));
  CHECK(!fs::exists(temp_path_for(path)));

  SUBCASE("a failed write leaves the old file and no temporary")
  {
    CHECK(write_file_atomically(path, "new", failing_write) == ENOSPC);
    CHECK(read(path) == std::string(100000, 'x'));
    CHECK(!fs::exists(temp_path_for(path)));
  }
  SUBCASE("a missing folder is ENOENT")
  {
    CHECK(write_file_atomically(dir.path + "/no/r.json", "x") == ENOENT);
  }
  SUBCASE("a symlink planted at the temporary name is not followed")
  {
    const std::string victim = dir.path + "/victim";
    std::ofstream(victim) << "keep";
    fs::create_symlink(victim, temp_path_for(path));
    CHECK(write_file_atomically(path, "new") == ELOOP);
    CHECK(read(victim) == "keep");
  }
}

TEST_CASE("util::AtomicFileWriter: pieces streamed to the temporary file, committed at the end")
{
  Dir dir;
  const std::string path = dir.path + "/report.json";
  REQUIRE(write_file_atomically(path, "old") == 0);

  SUBCASE("small and large pieces, in order; the old file stays until commit")
  {
    AtomicFileWriter file(path, nullptr, 16);
    std::string expected;
    for (int i = 0; i < 100; ++i) {
      const std::string piece = i % 10 == 0 ? std::string(40, char('a' + i % 26)) : "x";
      file.write(piece);
      expected += piece;
    }
    CHECK(file.error() == 0);
    CHECK(read(path) == "old");
    CHECK(fs::exists(temp_path_for(path)));
    CHECK(file.commit() == 0);
    CHECK(read(path) == expected);
    CHECK(!fs::exists(temp_path_for(path)));
  }
  SUBCASE("a failed write: the rest is dropped, commit says why, the old file is kept")
  {
    AtomicFileWriter file(path, failing_write, 4);
    file.write("0123456789");
    CHECK(file.error() == ENOSPC);
    file.write("more");
    CHECK(file.commit() == ENOSPC);
    CHECK(read(path) == "old");
    CHECK(!fs::exists(temp_path_for(path)));
  }
  SUBCASE("a writer dropped without commit leaves no temporary and the old file")
  {
    {
      AtomicFileWriter file(path);
      file.write("half a report");
    }
    CHECK(read(path) == "old");
    CHECK(!fs::exists(temp_path_for(path)));
  }
  SUBCASE("a folder that does not exist: the error from the start")
  {
    AtomicFileWriter file(dir.path + "/no/r.json");
    CHECK(file.error() == ENOENT);
    file.write("x");
    CHECK(file.commit() == ENOENT);
  }
}
