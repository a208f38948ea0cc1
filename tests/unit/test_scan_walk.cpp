// scan/walk.cpp: the paths of the command line walked into a flat, sorted list, on scratch
// folders under /tmp. Symlinked folders are not followed; links out of the folder are problems.
#include "mpcheck/scan/walk.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pack_files.hpp"

using namespace mpcheck;
namespace fs = std::filesystem;

namespace {

void touch(const std::string& path, const std::string& content = "x")
{
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << content;
}

std::vector<std::string> paths(const std::vector<scan::TreeEntry>& entries)
{
  std::vector<std::string> out;
  for (const auto& e : entries)
    out.push_back(e.path);
  return out;
}

} // namespace

TEST_CASE("scan::walk one folder: files and folders relative to it, sorted")
{
  pack_files::TempDir dir;
  touch(dir / "drive/作品/b.mp4", "12345");
  touch(dir / "drive/作品/a.mp4");
  touch(dir / "drive/表格/报名表.docx");
  fs::create_directories(dir / "drive/文本");
  const scan::Tree tree = scan::walk({dir / "drive"});
  CHECK(tree.root == dir / "drive");
  CHECK(paths(tree.files) == std::vector<std::string>{"作品/a.mp4", "作品/b.mp4", "表格/报名表.docx"});
  CHECK(paths(tree.dirs) == std::vector<std::string>{"作品", "文本", "表格"});
  CHECK(tree.files[1].size == 5);
  CHECK(tree.files[1].abs_path == dir / "drive/作品/b.mp4");
  CHECK(tree.problems.empty());
}

TEST_CASE("scan::walk: a missing path is a problem entry, not an exception")
{
  pack_files::TempDir dir;
  const scan::Tree tree = scan::walk({dir / "nowhere"});
  CHECK(tree.files.empty());
  REQUIRE(tree.problems.size() == 1);
  CHECK(tree.problems[0].error == "not-found");
}

TEST_CASE("scan::walk: a file link inside the folder is followed, one leading out is not")
{
  pack_files::TempDir dir;
  touch(dir / "drive/作品/a.mp4");
  touch(dir / "secret.txt");
  fs::create_symlink("a.mp4", dir / "drive/作品/link.mp4");
  fs::create_symlink(dir / "secret.txt", dir / "drive/作品/out.mp4");
  fs::create_directories(dir / "elsewhere");
  fs::create_directory_symlink(dir / "elsewhere", dir / "drive/dirlink");
  const scan::Tree tree = scan::walk({dir / "drive"});
  CHECK(paths(tree.files) == std::vector<std::string>{"作品/a.mp4", "作品/link.mp4"});
  CHECK(tree.files[1].is_symlink);
  CHECK(tree.files[1].link == "作品/a.mp4");
  std::vector<std::string> errors;
  for (const auto& p : tree.problems)
    errors.push_back(p.path + " " + p.error);
  std::sort(errors.begin(), errors.end());
  CHECK(errors == std::vector<std::string>{"dirlink symlink-dir", "作品/out.mp4 symlink-outside"});
}

TEST_CASE("scan::walk one file: relative to its folder; several paths: as given")
{
  pack_files::TempDir dir;
  touch(dir / "a.mp4");
  touch(dir / "b.mp4");
  const scan::Tree one = scan::walk({dir / "a.mp4"});
  CHECK(paths(one.files) == std::vector<std::string>{"a.mp4"});
  const scan::Tree two = scan::walk({dir / "b.mp4", dir / "a.mp4"});
  CHECK(two.root.empty());
  CHECK(paths(two.files).size() == 2);
}
