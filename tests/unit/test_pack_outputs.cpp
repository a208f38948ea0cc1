#include "mpcheck/pack/outputs.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace mpcheck;
using pack_files::TempDir;
using pack_files::write_file;

namespace {

pack::OutputGuard guard_of(TempDir& dir)
{
  pack::OutputGuard guard;
  guard.read_only = {dir / "src"};
  guard.read_only_name = {"源文件夹", "the source folder"};
  guard.out_dir = dir / "U盘";
  guard.sources = {dir / "works.yaml"};
  guard.read_files = {dir / "src/a.mp4"};
  return guard;
}

} // namespace

TEST_CASE("pack::output_problem lets stdout and a new file outside SRC and OUT through")
{
  TempDir dir;
  const pack::OutputGuard guard = guard_of(dir);
  CHECK(pack::output_problem(guard, "-o", "", Lang::zh).empty());
  CHECK(pack::output_problem(guard, "-o", "-", Lang::zh).empty());
  CHECK(pack::output_problem(guard, "--zip", dir / "报送.zip", Lang::zh).empty());
}

TEST_CASE("pack::output_problem refuses SRC, OUT, a source, a folder and an existing file")
{
  TempDir dir;
  write_file(dir / "src/a.mp4", "A");
  write_file(dir / "works.yaml", "unit: x\n");
  write_file(dir / "old.zip", "Z");
  std::filesystem::create_directories(dir / "U盘");
  pack::OutputGuard guard = guard_of(dir);
  const std::string in_src = pack::output_problem(guard, "--zip", dir / "src/x.zip", Lang::en);
  CHECK(in_src.starts_with("--zip " + (dir / "src/x.zip") + ": is inside the source folder"));
  CHECK(pack::output_problem(guard, "-o", dir / "U盘/r.txt", Lang::zh).find("在输出文件夹") !=
        std::string::npos);
  CHECK(pack::output_problem(guard, "-o", dir / "works.yaml", Lang::en).find("is the file") !=
        std::string::npos);
  CHECK(pack::output_problem(guard, "-o", dir / "U盘", Lang::en).find("is a folder") !=
        std::string::npos);
  CHECK(pack::output_problem(guard, "--zip", dir / "old.zip", Lang::zh) ==
        "--zip " + (dir / "old.zip") + ": 已存在；要替换它请加 --force");
  guard.replace = true;
  CHECK(pack::output_problem(guard, "--zip", dir / "old.zip", Lang::zh).empty());
}

TEST_CASE("pack::output_problem refuses a hard link to a file that is read")
{
  TempDir dir;
  write_file(dir / "src/a.mp4", "A");
  std::filesystem::create_hard_link(dir / "src/a.mp4", dir / "link.mp4");
  pack::OutputGuard guard = guard_of(dir);
  guard.replace = true;
  CHECK(pack::output_problem(guard, "-o", dir / "link.mp4", Lang::en)
            .find("is the same file (a hard link) as") != std::string::npos);
  CHECK(pack::same_file_as_any(dir / "link.mp4", {dir / "src/a.mp4"}));
  CHECK_FALSE(pack::same_file_as_any(dir / "nothing", {dir / "src/a.mp4"}));
}
