#include "mpcheck/pack/zip.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>
#include <zip.h>

using namespace mpcheck::pack;
using pack_files::exists;

namespace {

struct Entry {
  std::string name;
  std::string content;
  uint16_t method = 0;
};

std::vector<Entry> read_zip(const std::string& path)
{
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::vector<Entry> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, zip_uint64_t(i), 0, &st);
    Entry entry{st.name, std::string(st.size, '\0'), st.comp_method};
    zip_file_t* file = zip_fopen_index(archive, zip_uint64_t(i), 0);
    zip_fread(file, entry.content.data(), st.size);
    zip_fclose(file);
    entries.push_back(entry);
  }
  zip_close(archive);
  return entries;
}

} // namespace

TEST_CASE("pack::write_zip writes the drive pack wrote: folders, stored media, deflated text, "
          "the manifest")
{
  pack_files::TempDir dir;
  const std::string video = pack_files::pattern(200000, 1);
  pack_files::write_file(dir / "src/a.mp4", video);
  PackPlan plan{{{dir / "src/a.mp4", "作品/奋斗者之歌-微视频-钟楼区委组织部.mp4"}},
                {{"报告.txt", std::string(1000, 'x')}}};
  plan.folders = {"作品", "文本"};
  const ExecuteResult written = execute(plan, dir / "U盘", {});
  REQUIRE_MESSAGE(written.ok, written.error_detail);
  std::string error;
  REQUIRE_MESSAGE(write_zip(plan, written.files, dir / "U盘", dir / "报送.zip", error), error);
  const std::vector<Entry> entries = read_zip(dir / "报送.zip");
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].name == "作品/");
  CHECK(entries[1].name == "文本/"); // empty, as on the drive
  CHECK(entries[2].name == "作品/奋斗者之歌-微视频-钟楼区委组织部.mp4");
  CHECK(entries[2].content == video);
  CHECK(entries[2].method == ZIP_CM_STORE);
  CHECK(entries[3].name == "报告.txt");
  CHECK(entries[3].content == std::string(1000, 'x'));
  CHECK(entries[3].method == ZIP_CM_DEFLATE);
  CHECK(entries[4].name == "manifest-sha256.txt");
  CHECK(entries[4].content == pack_files::read_file(dir / "U盘/manifest-sha256.txt"));
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::write_zip refuses a drive file that no longer matches what pack wrote")
{
  pack_files::TempDir dir;
  pack_files::write_file(dir / "src/a.mp4", pack_files::pattern(50000, 2));
  const PackPlan plan{{{dir / "src/a.mp4", "作品/a.mp4"}}, {}};
  const ExecuteResult written = execute(plan, dir / "U盘", {});
  REQUIRE(written.ok);
  // Changed on the drive after pack hashed it (same size): never shipped in the ZIP.
  pack_files::write_file(dir / "U盘/作品/a.mp4", pack_files::pattern(50000, 3));
  std::string error;
  CHECK_FALSE(write_zip(plan, written.files, dir / "U盘", dir / "a.zip", error));
  CHECK(error == "作品/a.mp4 on the drive no longer matches what pack wrote (SHA-256); the ZIP "
                 "was not written");
  CHECK_FALSE(exists(dir / "a.zip"));
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}

TEST_CASE("pack::write_zip refuses junk and leaves nothing when a drive file is missing")
{
  pack_files::TempDir dir;
  std::string error;
  CHECK_FALSE(write_zip({{{dir / "x", "Thumbs.db"}}, {}}, {}, dir.path(), dir / "a.zip", error));
  CHECK(error == "destination Thumbs.db is a junk file and is never copied");
  const PackPlan plan{{{dir / "missing.mp4", "a.mp4"}}, {}};
  CHECK_FALSE(write_zip(plan, {{"a.mp4", std::string(64, 'a'), 1, true}}, dir.path(), dir / "a.zip",
                        error));
  CHECK(error.starts_with("cannot write " + (dir / ".mpcheck-tmp-a.zip") + " (a.mp4): "));
  CHECK_FALSE(exists(dir / "a.zip"));
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}
