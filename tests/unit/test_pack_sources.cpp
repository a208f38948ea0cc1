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
