// file.*: checks/file.cpp on hand-built submissions: empty and too-large files, and a drive
// against its manifest-sha256.txt (issue 10).
#include <doctest/doctest.h>

#include "mpcheck/gather/drive_manifest.hpp"

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& sub_name = changzhou_sub;
const std::string& clean_name = changzhou_clean;
const std::string a(64, 'a');
const std::string b(64, 'b');

size_t index_of(const Submission& sub, const std::string& path)
{
  for (size_t i = 0; i < sub.files.size(); ++i)
    if (sub.files[i].path == path)
      return i;
  FAIL("no file ", path);
  return 0;
}

// A complete drive, each file with a digest: the submission and a manifest listing it all.
// The clean version's digest differs from the rest (two versions of the same bytes are
// subtitles.not-burned).
Submission packed_drive()
{
  TreeBuilder tb;
  tb.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  tb.file(sub_name, good_video()).file(clean_name, good_video());
  tb.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  Submission sub = tb.build(changzhou());
  std::string text;
  for (auto& f : sub.files) {
    f.sha256 = f.path == clean_name ? std::string(64, 'c') : a;
    text += f.sha256 + "  " + f.path + "\n";
  }
  sub.manifest = gather::parse_drive_manifest(text);
  gather::match_manifest(*sub.manifest, sub.files);
  return sub;
}

} // namespace

TEST_CASE("checks: file.empty and file.fat32-limit")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", {}, 0);
  MediaFacts huge = good_video();
  huge.size = int64_t(5) << 30;
  b.file("作品/初心-微视频-钟楼区委组织部（无字幕）.mp4", huge);
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "file.empty") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "file.fat32-limit") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（无字幕）.mp4"});
}

TEST_CASE("checks: the drive against its manifest")
{
  Submission sub = packed_drive();
  CHECK(ids(run_sub(sub)).empty());
  // Bytes changed, a listed file gone, a file added, malformed lines.
  sub.files[index_of(sub, sub_name)].sha256 = b;
  sub.manifest->entries.push_back({"文本/初心-解说词-钟楼区委组织部.docx", a, 9, -1});
  SubmissionFile added = sub.files[index_of(sub, clean_name)];
  added.path = added.raw_path = "作品/added.mp4";
  added.sha256.clear();
  sub.files.push_back(added);
  sub.manifest->problems.push_back({7, "outside"});
  const auto findings = run_sub(sub);
  CHECK(paths_of(findings, "file.hash-mismatch") == std::vector<std::string>{sub_name});
  CHECK(paths_of(findings, "file.missing-from-drive") ==
        std::vector<std::string>{"文本/初心-解说词-钟楼区委组织部.docx"});
  CHECK(paths_of(findings, "file.not-in-manifest") == std::vector<std::string>{"作品/added.mp4"});
  CHECK(paths_of(findings, "file.manifest-malformed") ==
        std::vector<std::string>{"manifest-sha256.txt"});
  for (const auto& f : findings) {
    if (f.check == "file.manifest-malformed")
      CHECK(f.actual.zh == "第 7 行（路径指向U盘以外或不是相对路径）");
    if (f.check == "file.hash-mismatch") {
      CHECK(f.expected.zh == "SHA-256 " + a);
      CHECK(f.work == "奋斗者之歌");
    }
  }
  // A listed file that could not be read in full: unreadable, not a mismatch.
  Submission unread = packed_drive();
  unread.files[index_of(unread, sub_name)].sha256.clear();
  CHECK(paths_of(run_sub(unread), "file.unreadable") == std::vector<std::string>{sub_name});
  // A manifest too large to read: said once, nothing compared.
  Submission large = packed_drive();
  large.manifest = DriveManifest{{}, {{0, "too-large"}}};
  CHECK(ids(run_sub(large)) == std::vector<std::string>{"file.manifest-malformed"});
}

TEST_CASE("checks: a manifest with no usable line is one error, no file 'added after packing'")
{
  auto manifest_findings = [](const std::string& text) {
    Submission sub = packed_drive();
    sub.manifest = gather::parse_drive_manifest(text);
    gather::match_manifest(*sub.manifest, sub.files);
    return run_sub(sub);
  };
  for (const std::string text : {std::string("\xff\xfe"), std::string(""), std::string("\n\n"),
                                 std::string("not a manifest\nat all\n")}) {
    const auto findings = manifest_findings(text);
    CHECK(paths_of(findings, "file.not-in-manifest").empty());
    REQUIRE(paths_of(findings, "file.manifest-malformed") ==
            std::vector<std::string>{"manifest-sha256.txt"});
    for (const auto& f : findings)
      if (f.check == "file.manifest-malformed") {
        CHECK(f.severity == Severity::error);
        CHECK(f.message.zh.find("无法核实") != std::string::npos);
        CHECK(f.hint.en.find("do not delete") != std::string::npos);
      }
  }
  // A manifest too large to read: the same error.
  Submission large = packed_drive();
  large.manifest = DriveManifest{{}, {{0, "too-large"}}};
  const auto findings = run_sub(large);
  REQUIRE(ids(findings) == std::vector<std::string>{"file.manifest-malformed"});
  CHECK(findings.front().severity == Severity::error);
}
