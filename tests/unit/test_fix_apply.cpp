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
#include "mpcheck/util/atomic_file.hpp"

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

TEST_CASE("fix apply: a failing output is withdrawn, the original put back, works.yaml again")
{
  TempDir d;
  fs::create_directories(d.path / "drive" / "作品");
  const fs::path source = d.path / "drive" / "作品" / "a.mov";
  write(source, "original");
  write(d.path / "drive" / "works.yaml", "video: 作品/a.mov\n");
  fix::Plan plan;
  plan.source = source.string();
  fix::Destination dest;
  dest.final_path = (d.path / "drive" / "作品" / "a.mp4").string();
  dest.original_to = (d.path / "原始文件" / "drive" / "作品" / "a.mov").string();
  dest.works_yaml = (d.path / "drive" / "works.yaml").string();
  write(mpcheck::util::temp_path_for(dest.final_path), "fixed");
  REQUIRE(fix::commit(plan, dest) == "");
  REQUIRE(read(d.path / "drive" / "works.yaml") == "video: 作品/a.mp4\n");
  CHECK(fix::withdraw(plan, dest) == "");
  CHECK(read(source) == "original");
  CHECK_FALSE(fs::exists(dest.final_path));
  CHECK_FALSE(fs::exists(dest.original_to));
  CHECK(read(d.path / "drive" / "works.yaml") == "video: 作品/a.mov\n");
  // --out: only the output is removed.
  fix::Destination out;
  out.final_path = (d.path / "out" / "a.mp4").string();
  fs::create_directories(d.path / "out");
  write(out.final_path, "fixed");
  CHECK(fix::withdraw(plan, out) == "");
  CHECK_FALSE(fs::exists(out.final_path));
  CHECK(read(source) == "original");
}
