#include "mpcheck/pack/sources.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace mpcheck;
using pack_files::TempDir;
using pack_files::write_file;

TEST_CASE("resolve_sources reads a link inside SRC as its target and says so")
{
  TempDir dir;
  const std::string src = dir / "src";
  std::filesystem::create_directories(src + "/真");
  write_file(src + "/真/a.mp4", "A");
  std::filesystem::create_symlink("真/a.mp4", src + "/link.mp4");
  layout::PackPlan plan;
  plan.files.push_back({src + "/link.mp4", "作品/a.mp4", "video", "a"});
  plan.files.push_back({src + "/missing.mp4", "作品/b.mp4", "video", "b"});
  std::vector<pack::Link> links;
  pack::resolve_sources(plan, src, links);
  const auto& copies = plan.files;
  REQUIRE(copies.size() == 2);
  CHECK(copies[0].source == std::filesystem::canonical(src + "/真/a.mp4").string());
  CHECK(copies[0].dest == "作品/a.mp4");
  CHECK(copies[1].source == src + "/missing.mp4"); // execute() says it is missing
  REQUIRE(links.size() == 1);
  CHECK(links[0].source == "link.mp4");
  CHECK(links[0].target == "真/a.mp4");
  CHECK(plan.problems.empty());
  CHECK(pack::links_text(links, Lang::zh) == "链接 link.mp4 → 真/a.mp4：复制它指向的文件\n");
  CHECK(pack::links_text(links, Lang::en) ==
        "link link.mp4 → 真/a.mp4: the file it leads to is copied\n");
}

TEST_CASE("resolve_sources makes a link leaving SRC a plan problem")
{
  TempDir dir;
  const std::string src = dir / "src";
  std::filesystem::create_directories(src);
  write_file(dir / "secret.txt", "S");
  std::filesystem::create_symlink(dir / "secret.txt", src + "/out.mp4");
  layout::PackPlan plan;
  plan.files.push_back({src + "/out.mp4", "作品/out.mp4", "video", "x"});
  std::vector<pack::Link> links;
  pack::resolve_sources(plan, src, links);
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].source == src + "/out.mp4");
  CHECK(plan.problems[0].message.in(Lang::en).starts_with("file.symlink-outside"));
}

TEST_CASE("resolve_sources: the folders' real paths looked up once, files in linked folders too")
{
  TempDir dir;
  const std::string src = dir / "src";
  std::filesystem::create_directories(src + "/真/子");
  std::filesystem::create_directories(src + "/另");
  for (int i = 0; i < 50; ++i)
    write_file(src + "/真/子/f" + std::to_string(i) + ".txt", "x");
  std::filesystem::create_directory_symlink("真", src + "/链");       // a folder link inside
  std::filesystem::create_directory_symlink(dir.path(), src + "/外"); // and one leaving SRC
  write_file(dir / "外面.txt", "o");
  std::filesystem::create_symlink("../真/子/f1.txt", src + "/另/link.txt"); // a file link
  layout::PackPlan plan;
  for (int i = 0; i < 50; ++i)
    plan.files.push_back(
        {src + "/真/子/f" + std::to_string(i) + ".txt", "a/" + std::to_string(i), "document", ""});
  plan.files.push_back({src + "/链/子/f2.txt", "b", "document", ""});
  plan.files.push_back({src + "/另/link.txt", "c", "document", ""});
  plan.files.push_back({src + "/外/外面.txt", "d", "document", ""});
  plan.files.push_back({src + "/真/子/没有.txt", "e", "document", ""});
  std::vector<pack::Link> links;
  pack::resolve_sources(plan, src, links);
  const std::string real = std::filesystem::canonical(src).string();
  for (int i = 0; i < 50; ++i)
    CHECK(plan.files[size_t(i)].source == real + "/真/子/f" + std::to_string(i) + ".txt");
  CHECK(plan.files[50].source == real + "/真/子/f2.txt");
  CHECK(plan.files[51].source == real + "/真/子/f1.txt");
  CHECK(plan.files[52].source == std::filesystem::canonical(dir / "外面.txt").string());
  CHECK(plan.files[53].source == src + "/真/子/没有.txt");
  REQUIRE(links.size() == 3);
  CHECK(links[0].source == "链/子/f2.txt");
  CHECK(links[0].target == "真/子/f2.txt");
  CHECK(links[1].target == "真/子/f1.txt");
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].source == src + "/外/外面.txt");
}

TEST_CASE("resolve_sources: a source given relative to the current folder is made absolute")
{
  TempDir dir;
  const std::string src = dir / "src";
  std::filesystem::create_directories(src);
  write_file(src + "/a.txt", "x");
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  layout::PackPlan plan;
  plan.files.push_back({"src/a.txt", "a", "document", ""});
  plan.files.push_back({"src/none.txt", "b", "document", ""});
  std::vector<pack::Link> links;
  pack::resolve_sources(plan, "src", links);
  std::filesystem::current_path(before);
  CHECK(plan.files[0].source == std::filesystem::canonical(src + "/a.txt").string());
  CHECK(plan.files[1].source ==
        (std::filesystem::path(dir.path()) / "src/none.txt").lexically_normal().string());
  CHECK(links.empty());
  CHECK(plan.problems.empty());
}
