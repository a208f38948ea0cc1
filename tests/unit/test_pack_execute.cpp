#include "mpcheck/pack/execute.hpp"

#include "mpcheck/pack/copy.hpp"
#include "mpcheck/pack/fileio.hpp"
#include "mpcheck/pack/manifest.hpp"
#include "mpcheck/pack/state.hpp"
#include "mpcheck/util/sha256.hpp"
#include "pack_files.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/file.h>
#include <unistd.h>

using namespace mpcheck::pack;
using pack_files::exists;
using pack_files::read_file;
using pack_files::TempDir;
using pack_files::write_file;

namespace {

const std::string unit = "钟楼区委组织部";

// A source tree of three files and a plan that puts them (and a generated report) on a drive.
struct Scene {
  TempDir dir;
  std::string src = dir / "材料";
  std::string out = dir / "usb";
  PackPlan plan;

  Scene()
  {
    add("a.mp4", "作品/奋斗者之歌-微视频-" + unit + ".mp4", 300000, 1);
    add("b.docx", "表格/报名表-" + unit + ".docx", 5000, 2);
    add("c.mp4", "作品/初心-微视频-" + unit + ".mp4", 0, 3);
    plan.generated.push_back({"报告.txt", "全部通过\n"});
  }
  void add(const std::string& name, const std::string& dest, size_t size, uint32_t seed)
  {
    write_file(src + "/" + name, pack_files::pattern(size, seed));
    plan.files.push_back({src + "/" + name, dest});
  }
  std::string dest(size_t i) const { return out + "/" + plan.files[i].dest; }
  std::string source(size_t i) const { return plan.files[i].source; }
  ExecuteResult run(ExecuteOptions options = {}) const { return execute(plan, out, options); }

  // Every file under a final name holds exactly its source's bytes.
  void check_complete() const
  {
    for (size_t i = 0; i < plan.files.size(); ++i)
      CHECK(read_file(dest(i)) == read_file(source(i)));
    CHECK(read_file(out + "/报告.txt") == "全部通过\n");
    CHECK(pack_files::files_named(out, ".mpcheck-tmp-").empty());
  }
};

std::vector<bool> copied_flags(const ExecuteResult& result)
{
  std::vector<bool> flags;
  for (const FileResult& f : result.files)
    flags.push_back(f.copied);
  return flags;
}

void set_mtime(const std::string& path, const struct timespec& mtime)
{
  const struct timespec times[2] = {{0, UTIME_OMIT}, mtime};
  ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

} // namespace

TEST_CASE("pack::execute copies the plan, hashes it and writes the manifest and state")
{
  Scene scene;
  const ExecuteResult result = scene.run();
  REQUIRE_MESSAGE(result.ok, result.error_detail);
  scene.check_complete();
  REQUIRE(result.files.size() == 4);
  CHECK(copied_flags(result) == std::vector<bool>{true, true, true, true});
  CHECK(result.files[0].sha256 == mpcheck::util::sha256_hex(read_file(scene.source(0))));
  CHECK(result.files[0].size == 300000);
  CHECK(result.files[3].dest == "报告.txt");
  CHECK(read_file(scene.out + "/manifest-sha256.txt") == manifest_text(result.files));
  const State state = load_state(scene.out);
  CHECK(state.size() == 4);
  CHECK(state.at(scene.plan.files[1].dest).sha256 == result.files[1].sha256);
}

TEST_CASE("pack::execute never changes a source (times, mode and bytes), read-only tree too")
{
  Scene scene;
  std::filesystem::permissions(scene.src, std::filesystem::perms::owner_read |
                                              std::filesystem::perms::owner_exec);
  for (size_t i = 0; i < scene.plan.files.size(); ++i)
    ::chmod(scene.source(i).c_str(), 0444);
  std::vector<pack_files::Snapshot> before;
  for (size_t i = 0; i < scene.plan.files.size(); ++i)
    before.push_back(pack_files::snapshot(scene.source(i)));
  ExecuteOptions options;
  options.verify = true;
  REQUIRE(scene.run(options).ok);
  REQUIRE(scene.run(options).ok); // the resume path reads sources too
  for (size_t i = 0; i < scene.plan.files.size(); ++i)
    CHECK(pack_files::snapshot(scene.source(i)) == before[i]);
  scene.check_complete();
}

TEST_CASE("pack::execute reads sources from a read-only mount" *
          doctest::skip(!pack_files::can_bind_read_only()))
{
  Scene scene;
  REQUIRE(scene.dir.mount_read_only(scene.src, "ro"));
  for (PlannedFile& op : scene.plan.files)
    op.source.replace(0, scene.src.size(), scene.dir / "ro");
  const ExecuteResult result = scene.run();
  REQUIRE_MESSAGE(result.ok, result.error_detail);
  CHECK(::access((scene.dir / "ro/a.mp4").c_str(), W_OK) != 0);
  CHECK(errno == EROFS);
  scene.check_complete();
}

TEST_CASE("pack::execute resumes: files in place are neither recopied nor re-hashed")
{
  Scene scene;
  REQUIRE(scene.run().ok);
  SUBCASE("a second run copies nothing")
  {
    const ExecuteResult again = scene.run();
    REQUIRE(again.ok);
    CHECK(copied_flags(again) == std::vector<bool>{false, false, false, false});
    CHECK(again.files[0].sha256 == mpcheck::util::sha256_hex(read_file(scene.source(0))));
  }
  SUBCASE("same size and mtime: the state is trusted, the source is not read again")
  {
    // Proof that the source is not re-hashed: its bytes change behind pack's back, its size
    // and mtime do not, and the run keeps the recorded digest.
    const auto old = pack_files::snapshot(scene.source(1));
    write_file(scene.source(1), pack_files::pattern(5000, 99));
    set_mtime(scene.source(1), old.st.st_mtim);
    const ExecuteResult again = scene.run();
    CHECK_FALSE(again.files[1].copied);
    CHECK(again.files[1].sha256 == mpcheck::util::sha256_hex(old.content));
  }
  SUBCASE("a source edited since (mtime moved) is copied again")
  {
    write_file(scene.source(1), pack_files::pattern(5000, 99));
    const ExecuteResult again = scene.run();
    REQUIRE(again.ok);
    CHECK(copied_flags(again) == std::vector<bool>{false, true, false, false});
    scene.check_complete();
  }
  SUBCASE("with verify the drive's bytes are re-read: damage is repaired")
  {
    std::string damaged = read_file(scene.dest(0));
    damaged[1000] ^= 1;
    write_file(scene.dest(0), damaged);
    CHECK_FALSE(scene.run().files[0].copied); // without verify only sizes are compared
    ExecuteOptions options;
    options.verify = true;
    const ExecuteResult again = scene.run(options);
    REQUIRE(again.ok);
    CHECK(copied_flags(again) == std::vector<bool>{true, false, false, false});
    scene.check_complete();
  }
  SUBCASE("a changed generated file is rewritten")
  {
    scene.plan.generated[0].content = "有 1 项错误\n";
    const ExecuteResult again = scene.run();
    REQUIRE(again.ok);
    CHECK(copied_flags(again) == std::vector<bool>{false, false, false, true});
    CHECK(read_file(scene.out + "/报告.txt") == "有 1 项错误\n");
  }
}

TEST_CASE("pack::execute after a kill between rename and state entry adopts identical files")
{
  Scene scene;
  REQUIRE(scene.run().ok);
  ::unlink((scene.out + "/.mpcheck-pack-state").c_str());
  const ExecuteResult again = scene.run();
  REQUIRE(again.ok);
  CHECK(copied_flags(again) == std::vector<bool>{false, false, false, false});
  CHECK(load_state(scene.out).size() == 4);
}

TEST_CASE("pack::execute removes the temporary files a killed run of its plan left, only those")
{
  Scene scene;
  write_file(scene.out + "/作品/.mpcheck-tmp-奋斗者之歌-微视频-" + unit + ".mp4", "half a vid");
  // Another pack writing into deep/er at the same time: its temporary file is left alone.
  write_file(scene.out + "/deep/er/.mpcheck-tmp-x", "x");
  REQUIRE(scene.run().ok);
  for (size_t i = 0; i < scene.plan.files.size(); ++i)
    CHECK(read_file(scene.dest(i)) == read_file(scene.source(i)));
  CHECK_FALSE(exists(scene.out + "/作品/.mpcheck-tmp-奋斗者之歌-微视频-" + unit + ".mp4"));
  CHECK(read_file(scene.out + "/deep/er/.mpcheck-tmp-x") == "x");
}

TEST_CASE("pack::execute leaves the drive equal to the plan: extra files stop it, --clean "
          "removes those an earlier pack wrote, never the others")
{
  Scene scene;
  REQUIRE(scene.run().ok);
  // A later plan without the first file (a title changed), and a file put there by hand.
  const std::string old_dest = scene.plan.files[0].dest;
  scene.plan.files.erase(scene.plan.files.begin());
  write_file(scene.out + "/手工/说明.txt", "by hand");
  write_file(scene.out + "/.DS_Store", "junk");
  ExecuteResult r = scene.run();
  CHECK_FALSE(r.ok);
  CHECK(r.error_code == "foreign-files"); // the hand-made file first: --clean cannot help it
  CHECK(r.error_detail == "手工/说明.txt");
  ExecuteOptions clean;
  clean.clean = true;
  r = scene.run(clean);
  CHECK_FALSE(r.ok);
  CHECK(r.error_code == "foreign-files");
  CHECK(read_file(scene.out + "/手工/说明.txt") == "by hand"); // never removed
  CHECK(exists(scene.out + "/" + old_dest));
  // Moved away by its owner: what is left in the way is the earlier pack's (junk is not).
  std::filesystem::remove_all(scene.out + "/手工");
  r = scene.run();
  CHECK_FALSE(r.ok);
  CHECK(r.error_code == "extra-files");
  CHECK(r.error_detail == old_dest);
  clean.dry_run = true;
  r = scene.run(clean);
  CHECK(r.ok);
  CHECK(r.extra == std::vector<std::string>{".DS_Store", old_dest});
  CHECK(exists(scene.out + "/" + old_dest)); // a dry run removes nothing
  clean.dry_run = false;
  r = scene.run(clean);
  REQUIRE(r.ok);
  CHECK(r.extra.size() == 2);
  CHECK_FALSE(exists(scene.out + "/" + old_dest));
  CHECK_FALSE(exists(scene.out + "/.DS_Store"));
  CHECK(load_state(scene.out).count(old_dest) == 0);
  scene.check_complete();
  CHECK(scene.run().ok); // equal to the plan now: nothing in the way
}

TEST_CASE("pack::execute never overwrites a file it did not write")
{
  Scene scene;
  const std::string user_file = scene.dest(1);
  SUBCASE("different size")
  {
    write_file(user_file, "the user's own form");
    const ExecuteResult result = scene.run();
    CHECK(result.error_code == "dest-exists-different");
    CHECK(result.error_detail ==
          "表格/报名表-" + unit +
              ".docx is already on the drive with a different size (19 bytes, "
              "not 5000); pack never overwrites a file it did not write: move it away or choose "
              "another output folder");
    CHECK(read_file(user_file) == "the user's own form");
  }
  SUBCASE("same size, different bytes")
  {
    write_file(user_file, std::string(5000, 'u'));
    CHECK(scene.run().error_code == "dest-exists-different");
    CHECK(read_file(user_file) == std::string(5000, 'u'));
  }
  SUBCASE("a folder in the way")
  {
    std::filesystem::create_directories(user_file);
    CHECK(scene.run().error_code == "dest-exists-different");
  }
  CHECK_FALSE(exists(scene.dest(0))); // refused before anything was written
  CHECK_FALSE(exists(scene.out + "/.mpcheck-pack-state"));
}

TEST_CASE("pack::execute never writes through a symlinked folder inside the output folder")
{
  Scene scene;
  const std::string elsewhere = scene.dir / "elsewhere";
  std::filesystem::create_directories(elsewhere);
  std::filesystem::create_directories(scene.out);
  std::filesystem::create_directory_symlink("../elsewhere", scene.out + "/作品");
  for (const bool dry_run : {true, false}) {
    ExecuteOptions options;
    options.dry_run = dry_run;
    const ExecuteResult result = scene.run(options);
    CHECK(result.error_code == "dest-symlink");
    CHECK(result.error_detail ==
          scene.out + "/作品 is a symbolic link; pack writes only inside " + scene.out);
  }
  CHECK(std::filesystem::is_empty(elsewhere));
  CHECK_FALSE(exists(scene.dest(1))); // refused before anything was written
  SUBCASE("the output folder itself may be reached through a link")
  {
    std::filesystem::remove(scene.out + "/作品");
    const std::string real = scene.dir / "real-usb";
    std::filesystem::rename(scene.out, real);
    std::filesystem::create_directory_symlink(real, scene.out);
    const ExecuteResult result = scene.run();
    REQUIRE_MESSAGE(result.ok, result.error_detail);
    CHECK(read_file(real + "/" + scene.plan.files[0].dest) == read_file(scene.source(0)));
  }
}

TEST_CASE("pack::execute refuses junk and bad plans before writing anything")
{
  Scene scene;
  scene.add("Thumbs.db", "作品/Thumbs.db", 10, 7);
  const ExecuteResult result = scene.run();
  CHECK(result.error_code == "invalid-plan");
  CHECK(result.error_detail == "destination 作品/Thumbs.db is a junk file and is never copied");
  CHECK_FALSE(exists(scene.out));
}

TEST_CASE("pack::execute reports a missing source before writing anything")
{
  Scene scene;
  ::unlink(scene.source(2).c_str());
  const ExecuteResult result = scene.run();
  CHECK(result.error_code == "source-unreadable");
  CHECK(result.error_detail == "cannot read " + scene.source(2) + ": No such file or directory");
  CHECK_FALSE(exists(scene.out));
}

TEST_CASE("pack::execute dry run writes nothing")
{
  Scene scene;
  ExecuteOptions options;
  options.dry_run = true;
  SUBCASE("to a new folder")
  {
    const ExecuteResult result = scene.run(options);
    REQUIRE(result.ok);
    CHECK(copied_flags(result) == std::vector<bool>{false, false, false, false});
    CHECK(result.files[0].sha256 == "");
    CHECK(result.files[3].sha256 == mpcheck::util::sha256_hex("全部通过\n"));
    CHECK_FALSE(exists(scene.out));
  }
  SUBCASE("over an earlier run, with a leftover")
  {
    REQUIRE(scene.run().ok);
    write_file(scene.source(0), "edited");
    write_file(scene.out + "/.mpcheck-tmp-x", "left");
    const std::string state = read_file(scene.out + "/.mpcheck-pack-state");
    const ExecuteResult result = scene.run(options);
    REQUIRE(result.ok);
    CHECK(result.files[0].sha256 == "");
    CHECK(result.files[1].sha256 == mpcheck::util::sha256_hex(read_file(scene.source(1))));
    CHECK(read_file(scene.out + "/.mpcheck-tmp-x") == "left");
    CHECK(read_file(scene.out + "/.mpcheck-pack-state") == state);
    CHECK(read_file(scene.dest(0)) != "edited");
  }
}

TEST_CASE("pack::execute checks free space before writing anything" *
          doctest::skip(!pack_files::can_mount()))
{
  Scene scene;
  REQUIRE(scene.dir.mount_tmpfs("small", "1m"));
  scene.add("big.mp4", "作品/big.mp4", 1024 * 1024, 8);
  const std::string out = scene.dir / "small/usb";
  const ExecuteResult result = execute(scene.plan, out, {});
  CHECK(result.error_code == "no-space");
  CHECK(result.error_detail.starts_with("not enough free space in " + out + ": 1.4 MB needed ("));
  CHECK(result.error_detail.ends_with("), 1.0 MB available (1048576 bytes)"));
  CHECK_FALSE(exists(out));
}

TEST_CASE("pack::execute on a disk that fills up during the copy" *
          doctest::skip(!pack_files::can_mount()))
{
  Scene scene;
  REQUIRE(scene.dir.mount_tmpfs("small", "1m"));
  scene.add("big.mp4", "作品/big.mp4", 1024 * 1024, 8);
  const std::string out = scene.dir / "small/usb";
  testing::set_space_check(false);
  const ExecuteResult result = execute(scene.plan, out, {});
  testing::set_space_check(true);
  CHECK(result.error_code == "no-space");
  CHECK(result.error_detail == "cannot write " + out + "/作品/big.mp4: No space left on device");
  CHECK(result.files.size() == 3); // those before it are complete
  CHECK_FALSE(exists(out + "/作品/big.mp4"));
  CHECK(pack_files::files_named(out, ".mpcheck-tmp-").empty());
  for (size_t i = 0; i < 3; ++i)
    CHECK(read_file(out + "/" + scene.plan.files[i].dest) == read_file(scene.source(i)));
}

namespace {
int64_t g_budget = 0;
ssize_t write_until_budget(int fd, const void* data, size_t size)
{
  if (int64_t(size) > g_budget) {
    errno = EIO;
    return -1;
  }
  g_budget -= int64_t(size);
  return ::write(fd, data, size);
}
} // namespace

TEST_CASE("pack::execute stops at an I/O error; a re-run finishes the job")
{
  Scene scene;
  g_budget = 100000;
  testing::set_write_function(write_until_budget);
  const ExecuteResult result = scene.run();
  testing::set_write_function(nullptr);
  CHECK(result.error_code == "io");
  CHECK(result.error_detail == "cannot write " + scene.dest(0) + ": Input/output error");
  CHECK(result.files.empty());
  CHECK_FALSE(exists(scene.dest(0)));
  CHECK(pack_files::files_named(scene.out, ".mpcheck-tmp-").empty());
  REQUIRE(scene.run().ok);
  scene.check_complete();
}

TEST_CASE("pack::execute commits small files in batches; a failure in a later batch keeps every "
          "file staged before it")
{
  // More small files than one batch holds (batch_max_files), 10 bytes each; a write fails
  // a few files after the first batch.
  Scene scene;
  scene.plan.files.clear();
  scene.plan.generated.clear();
  const size_t count = batch_max_files + 4;
  for (size_t i = 0; i < count; ++i)
    scene.add("s" + std::to_string(10000 + i), "资料/" + std::to_string(10000 + i) + ".txt", 10,
              uint32_t(i));
  // (The budget also pays for the state file's header line, written at the start.)
  g_budget = int64_t((batch_max_files + 4) * 10);
  testing::set_write_function(write_until_budget);
  const ExecuteResult result = scene.run();
  testing::set_write_function(nullptr);
  CHECK(result.error_code == "io");
  // The files finished before the failure: the first batch and those staged after it.
  const size_t finished = result.files.size();
  REQUIRE(finished > batch_max_files);
  REQUIRE(finished < count);
  for (size_t i = 0; i < finished; ++i)
    REQUIRE(read_file(scene.dest(i)) == read_file(scene.source(i)));
  CHECK_FALSE(exists(scene.dest(finished)));
  CHECK(pack_files::files_named(scene.out, ".mpcheck-tmp-").empty());
  CHECK(load_state(scene.out).size() == finished); // each committed file vouched for

  const ExecuteResult again = scene.run();
  REQUIRE_MESSAGE(again.ok, again.error_detail);
  for (size_t i = 0; i < count; ++i)
    REQUIRE(read_file(scene.dest(i)) == read_file(scene.source(i)));
  CHECK(pack_files::files_named(scene.out, ".mpcheck-tmp-").empty());
  CHECK(load_state(scene.out).size() == count);
  size_t recopied = 0;
  for (const FileResult& f : again.files)
    recopied += f.copied ? 1 : 0;
  CHECK(recopied == count - finished); // the committed ones are in place
}

TEST_CASE("pack::execute on FAT32 refuses a file of 4 GiB before writing anything")
{
  Scene scene;
  const std::string big = scene.dir / "材料/big.mp4";
  write_file(big, "");
  ExecuteOptions options;
  options.fat32 = true;
  SUBCASE("4 GiB")
  {
    REQUIRE(::truncate(big.c_str(), int64_t(4) << 30) == 0); // sparse
    scene.plan.files.push_back({big, "作品/big.mp4"});
    const ExecuteResult result = scene.run(options);
    CHECK(result.error_code == "fat32-limit");
    CHECK(result.error_detail ==
          "作品/big.mp4 is 4.3 GB (4294967296 bytes); a FAT32 drive cannot hold a file of 4 GiB "
          "or more: format the drive as exFAT or NTFS, or make the file smaller");
    CHECK_FALSE(exists(scene.out));
  }
  SUBCASE("4 GiB - 1 byte is allowed")
  {
    REQUIRE(::truncate(big.c_str(), (int64_t(4) << 30) - 1) == 0);
    scene.plan.files.push_back({big, "作品/big.mp4"});
    options.dry_run = true;
    CHECK(scene.run(options).ok);
  }
}

TEST_CASE("pack::execute reports progress up to the totals")
{
  Scene scene;
  std::vector<Progress> seen;
  ExecuteOptions options;
  options.on_progress = [&](const Progress& p) { seen.push_back(p); };
  REQUIRE(scene.run(options).ok);
  REQUIRE_FALSE(seen.empty());
  for (size_t i = 1; i < seen.size(); ++i) {
    CHECK(seen[i].bytes_done >= seen[i - 1].bytes_done);
    CHECK(seen[i].files_done >= seen[i - 1].files_done);
  }
  const int64_t total = 300000 + 5000 + 0 + int64_t(std::string("全部通过\n").size());
  CHECK(seen.back().bytes_done == total);
  CHECK(seen.back().bytes_total == total);
  CHECK(seen.back().files_done == 4);
  CHECK(seen.back().files_total == 4);
}

TEST_CASE("pack::execute refuses a folder another pack is writing to")
{
  Scene scene;
  std::filesystem::create_directories(scene.out);
  const int fd = ::open(scene.out.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  const ExecuteResult result = scene.run();
  ::close(fd);
  CHECK(result.error_code == "locked");
  CHECK(result.error_detail == "another mpcheck pack is writing to " + scene.out);
}

TEST_CASE("pack::execute with verify and a relative output folder")
{
  Scene scene;
  ExecuteOptions options;
  options.verify = true;
  const std::string cwd = std::filesystem::current_path();
  std::filesystem::current_path(scene.dir.path());
  const ExecuteResult result = execute(scene.plan, "usb/", options);
  std::filesystem::current_path(cwd);
  REQUIRE_MESSAGE(result.ok, result.error_detail);
  scene.check_complete();
}

TEST_CASE("pack::execute writes the files, the folders, the report, then the manifest last")
{
  Scene scene;
  scene.plan.folders = {"作品", "空的/附件"};
  ExecuteOptions options;
  std::string seen_manifest;
  bool complete_when_asked = false;
  options.make_report = [&](const std::vector<FileResult>& files,
                            const std::string& manifest) -> std::optional<std::string> {
    // Every file and folder is there, the manifest not yet (nor the report).
    complete_when_asked = files.size() == 4 && exists(scene.dest(2)) &&
                          std::filesystem::is_directory(scene.out + "/空的/附件") &&
                          !exists(scene.out + "/manifest-sha256.txt") &&
                          !exists(scene.out + "/mpcheck-report.txt");
    seen_manifest = manifest;
    return std::string("报告：全部通过\n");
  };
  const ExecuteResult result = scene.run(options);
  REQUIRE_MESSAGE(result.ok, result.error_detail);
  CHECK(complete_when_asked);
  scene.check_complete();
  CHECK(read_file(scene.out + "/mpcheck-report.txt") == "报告：全部通过\n");
  CHECK(read_file(scene.out + "/manifest-sha256.txt") == seen_manifest);
  CHECK(seen_manifest == manifest_text(result.files));
  CHECK(seen_manifest.find("mpcheck-report.txt") == std::string::npos);

  SUBCASE("no report asked: none written; a dry run never asks")
  {
    TempDir other;
    options.make_report = [](const std::vector<FileResult>&, const std::string&) {
      return std::optional<std::string>();
    };
    REQUIRE(execute(scene.plan, other / "usb", options).ok);
    CHECK_FALSE(exists(other / "usb/mpcheck-report.txt"));
    CHECK(std::filesystem::is_directory(other / "usb/空的/附件"));
    options.dry_run = true;
    options.make_report = [](const std::vector<FileResult>&,
                             const std::string&) -> std::optional<std::string> {
      FAIL("make_report called in a dry run");
      return std::nullopt;
    };
    CHECK(execute(scene.plan, other / "dry", options).ok);
    CHECK_FALSE(exists(other / "dry"));
  }
}

TEST_CASE("pack::execute without the report on the drive writes no manifest")
{
  Scene scene;
  ExecuteOptions options;
  options.make_report = [&](const std::vector<FileResult>&,
                            const std::string&) -> std::optional<std::string> {
    std::filesystem::create_directories(scene.out + "/mpcheck-report.txt/x"); // in the way
    return std::string("报告\n");
  };
  const ExecuteResult result = scene.run(options);
  CHECK(result.error_code == "report");
  CHECK_FALSE(exists(scene.out + "/manifest-sha256.txt"));
}

TEST_CASE("pack::execute refuses a bad folder in the plan before writing anything")
{
  Scene scene;
  scene.plan.folders = {"作品/../.."};
  const ExecuteResult result = scene.run();
  CHECK(result.error_code == "invalid-plan");
  CHECK_FALSE(exists(scene.out));
}
