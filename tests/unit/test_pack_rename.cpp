#include "mpcheck/pack/rename.hpp"

#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace mpcheck;
using pack_files::exists;
using pack_files::read_file;
using pack_files::TempDir;
using pack_files::write_file;

namespace {

// A folder of three files and the renames that give them canonical names.
struct Folder {
  TempDir dir;
  std::string root = dir / "材料";
  std::vector<layout::Rename> renames = {{"a.mp4", "奋斗者之歌-微视频-钟楼区.mp4"},
                                         {"b.jpg", "奋斗者之歌-微视频-钟楼区（海报）.jpg"},
                                         {"c.mp4", "初心-微视频-钟楼区.mp4"}};
  Folder()
  {
    std::filesystem::create_directories(root);
    write_file(root + "/a.mp4", "A");
    write_file(root + "/b.jpg", "B");
    write_file(root + "/c.mp4", "C");
  }
  std::string at(const std::string& name) const { return root + "/" + name; }
};

} // namespace

TEST_CASE("apply_renames renames every file in order")
{
  Folder f;
  pack::RenameFailure failure;
  REQUIRE(pack::apply_renames(f.root, f.renames, failure));
  for (const auto& r : f.renames) {
    CHECK_FALSE(exists(f.at(r.from)));
    CHECK(exists(f.at(r.to)));
  }
  CHECK(read_file(f.at("初心-微视频-钟楼区.mp4")) == "C");
}

TEST_CASE("apply_renames rolls back when a rename fails midway, never replacing a file")
{
  Folder f;
  // The second target is taken: RENAME_NOREPLACE refuses it after the first rename was done.
  write_file(f.at("奋斗者之歌-微视频-钟楼区（海报）.jpg"), "someone else's");
  pack::RenameFailure failure;
  CHECK_FALSE(pack::apply_renames(f.root, f.renames, failure));
  CHECK(failure.from == "b.jpg");
  CHECK(failure.to == "奋斗者之歌-微视频-钟楼区（海报）.jpg");
  CHECK_FALSE(failure.error.empty());
  CHECK(read_file(f.at("a.mp4")) == "A"); // the first rename was undone
  CHECK(read_file(f.at("b.jpg")) == "B");
  CHECK(read_file(f.at("c.mp4")) == "C"); // the third never happened
  CHECK_FALSE(exists(f.at("奋斗者之歌-微视频-钟楼区.mp4")));
  CHECK(read_file(f.at("奋斗者之歌-微视频-钟楼区（海报）.jpg")) == "someone else's");
}

TEST_CASE("write_journal records the root, the renames and works.yaml as it was")
{
  Folder f;
  const std::string works = f.at("works.yaml");
  write_file(works, "- file: a.mp4\n");
  const std::string journal = f.dir / "journal.json";
  REQUIRE(pack::write_journal(journal, f.root, f.renames, works));
  const auto j = nlohmann::json::parse(read_file(journal));
  CHECK(j["schema"] == "mpcheck-rename-journal/1");
  CHECK(j["root"] == f.root);
  REQUIRE(j["renames"].size() == 3);
  CHECK(j["renames"][1]["from"] == "b.jpg");
  CHECK(j["manifest"]["path"] == works);
  CHECK(j["manifest"]["before"] == "- file: a.mp4\n");
  int error = 0;
  CHECK_FALSE(
      pack::write_journal(f.dir / "no/such/folder/journal.json", f.root, f.renames, "", &error));
  CHECK(error == ENOENT); // the reason, for the message
}

TEST_CASE("update_manifest and undo: works.yaml follows the names, undo puts both back")
{
  Folder f;
  const std::string works = f.at("works.yaml");
  write_file(works, "- file: a.mp4\n  poster: b.jpg\n");
  const std::string journal = f.dir / "journal.json";
  REQUIRE(pack::write_journal(journal, f.root, f.renames, works));
  pack::RenameFailure failure;
  REQUIRE(pack::apply_renames(f.root, f.renames, failure));
  REQUIRE(pack::update_manifest(works, f.renames));
  CHECK(read_file(works) ==
        "- file: 奋斗者之歌-微视频-钟楼区.mp4\n  poster: 奋斗者之歌-微视频-钟楼区（海报）.jpg\n");

  const pack::UndoResult r = pack::undo(journal);
  CHECK(r.error == "");
  CHECK(r.restored == 3);
  CHECK(read_file(f.at("a.mp4")) == "A");
  CHECK(read_file(f.at("b.jpg")) == "B");
  CHECK(read_file(f.at("c.mp4")) == "C");
  CHECK(read_file(works) == "- file: a.mp4\n  poster: b.jpg\n");
}

TEST_CASE("undo refuses what is not a journal and changes nothing")
{
  Folder f;
  write_file(f.dir / "bad.json", "{ not json");
  CHECK(pack::undo(f.dir / "bad.json").error == "not-a-journal");
  write_file(f.dir / "odd.json", R"({"renames": [{"from": "a.mp4"}]})");
  CHECK(pack::undo(f.dir / "odd.json").error == "not-a-journal");
  CHECK(pack::undo(f.dir / "missing.json").error == "not-a-journal");
  // Other JSON — a check report, an empty object — is not a journal with nothing in it.
  write_file(f.dir / "report.json", R"({"schema": "mpcheck-check/1", "findings": []})");
  CHECK(pack::undo(f.dir / "report.json").error == "not-a-journal");
  write_file(f.dir / "empty.json", "{}");
  CHECK(pack::undo(f.dir / "empty.json").error == "not-a-journal");
  CHECK(read_file(f.at("a.mp4")) == "A");
}

TEST_CASE("undo whose rename back fails leaves the new names")
{
  Folder f;
  const std::string journal = f.dir / "journal.json";
  REQUIRE(pack::write_journal(journal, f.root, f.renames, ""));
  pack::RenameFailure failure;
  REQUIRE(pack::apply_renames(f.root, f.renames, failure));
  write_file(f.at("a.mp4"), "new a.mp4"); // the old name is taken again
  const pack::UndoResult r = pack::undo(journal);
  CHECK(r.error == "rename");
  CHECK(r.failure.to == "a.mp4");
  CHECK(exists(f.at("初心-微视频-钟楼区.mp4"))); // rolled forward again
  CHECK(read_file(f.at("a.mp4")) == "new a.mp4");
}

TEST_CASE("default_journal_name is dated")
{
  const std::string name = pack::default_journal_name(0);
  CHECK(name.starts_with("mpcheck-rename-"));
  CHECK(name.ends_with(".json"));
  CHECK(name.size() == std::string("mpcheck-rename-19700101-000000.json").size());
}
