// fix/apply.cpp: the original moved into 原始文件/ and never lost — a rename, and across file
// systems (EXDEV, injected here; tests/cli/test_fix.py crosses a real tmpfs) a durable copy
// before the source is removed. The conversion itself is tested end to end (test_fix.py).
#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/fix/apply.hpp"

namespace fs = std::filesystem;
namespace fix = mpcheck::fix;

namespace {

struct TempDir {
  fs::path path;
  TempDir()
  {
    std::string tmpl = (fs::temp_directory_path() / "mpcheck-fix-apply-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir()
  {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text)
{
  std::ofstream(p, std::ios::binary) << text;
}

std::string read(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int cross_device(const std::string&, const std::string&)
{
  return EXDEV;
}

} // namespace

TEST_CASE("fix apply: the original is moved into 原始文件/ by a rename")
{
  TempDir d;
  write(d.path / "a.mov", "original");
  const fs::path to = d.path / "原始文件" / "drive" / "a.mov";
  CHECK(fix::move_original((d.path / "a.mov").string(), to.string()) == "");
  CHECK(read(to) == "original");
  CHECK_FALSE(fs::exists(d.path / "a.mov"));
}

TEST_CASE("fix apply: across file systems (EXDEV) the original is copied durably, then removed")
{
  TempDir d;
  write(d.path / "a.mov", "original bytes");
  const auto when = fs::last_write_time(d.path / "a.mov") - std::chrono::hours(48);
  fs::last_write_time(d.path / "a.mov", when);
  const fs::path to = d.path / "原始文件" / "a.mov";
  CHECK(fix::move_original((d.path / "a.mov").string(), to.string(), cross_device) == "");
  CHECK(read(to) == "original bytes");
  CHECK(fs::last_write_time(to) == when);
  CHECK_FALSE(fs::exists(d.path / "a.mov"));
  for (const auto& e : fs::directory_iterator(to.parent_path()))
    CHECK(e.path().filename() == "a.mov"); // no temporary file left
}

TEST_CASE("fix apply: an original already kept, or a copy that fails, leaves the source alone")
{
  TempDir d;
  write(d.path / "a.mov", "new");
  fs::create_directories(d.path / "原始文件");
  write(d.path / "原始文件" / "a.mov", "kept before");
  CHECK(fix::move_original((d.path / "a.mov").string(), (d.path / "原始文件" / "a.mov").string(),
                           cross_device) != "");
  CHECK(read(d.path / "a.mov") == "new");
  CHECK(read(d.path / "原始文件" / "a.mov") == "kept before");
  // The copy cannot be made (its folder is a file): the source stays.
  write(d.path / "blocker", "");
  CHECK(fix::move_original((d.path / "a.mov").string(), (d.path / "blocker" / "a.mov").string(),
                           cross_device) != "");
  CHECK(read(d.path / "a.mov") == "new");
}
