// What a submission is (issue 10): loose files checked as files, a drive with no work, a drive
// an interrupted pack left, a drive against its manifest-sha256.txt. Hand-built submissions.
#include <doctest/doctest.h>

#include "check_builder.hpp"
#include "mpcheck/gather/drive_manifest.hpp"
#include "mpcheck/gather/run.hpp"

using namespace test;

namespace {

const std::string unit = "钟楼区委组织部";
const std::string sub_name = "作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4";
const std::string clean_name = "作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4";
const std::string a(64, 'a');
const std::string b(64, 'b');

const rules::RuleSet& changzhou()
{
  static const rules::RuleSet r = rules::load_rules("changzhou-2024");
  return r;
}

std::vector<Finding> run_sub(const Submission& sub)
{
  checks::Options options;
  options.as_of = Date{2024, 9, 1};
  return checks::run_all(sub, changzhou(), options);
}

std::vector<std::string> ids(const std::vector<Finding>& findings, bool manual = false)
{
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (manual || (f.severity != Severity::manual && f.severity != Severity::info))
      out.push_back(f.check);
  return out;
}

size_t index_of(const Submission& sub, const std::string& path)
{
  for (size_t i = 0; i < sub.files.size(); ++i)
    if (sub.files[i].path == path)
      return i;
  FAIL("no file ", path);
  return 0;
}

// A complete drive, each file with a digest: the submission and a manifest listing it all.
Submission packed_drive()
{
  TreeBuilder tb;
  tb.changzhou_layout(unit, {"奋斗者之歌"});
  tb.file(sub_name, good_video()).file(clean_name, good_video());
  tb.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  Submission sub = tb.build(changzhou());
  std::string text;
  for (auto& f : sub.files) {
    f.sha256 = a;
    text += a + "  " + f.path + "\n";
  }
  sub.manifest = gather::parse_drive_manifest(text);
  gather::match_manifest(*sub.manifest, sub.files);
  return sub;
}

} // namespace

TEST_CASE("checks: a loose file gets its own checks, nothing about the drive")
{
  TreeBuilder tb;
  tb.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  Submission sub = tb.build(changzhou());
  // As a drive: folders, forms, the missing version...
  const auto as_drive = ids(run_sub(sub));
  CHECK(std::count(as_drive.begin(), as_drive.end(), "layout.folder-missing") == 3);
  CHECK(std::find(as_drive.begin(), as_drive.end(), "subtitles.pair-missing") != as_drive.end());
  CHECK(std::find(as_drive.begin(), as_drive.end(), "document.missing") != as_drive.end());
  // ...as a file: nothing wrong with it; its work's manual items only, none of the submission's.
  sub.scope = Scope::files;
  const auto findings = run_sub(sub);
  CHECK(ids(findings).empty());
  for (const auto& f : findings)
    CHECK(!f.work.empty());
  // Its own defects still show.
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  small.video->height = small.video->display_height = 720;
  TreeBuilder bad;
  bad.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", small).file("初心.mp4", good_video());
  Submission loose = bad.build(changzhou());
  loose.scope = Scope::files;
  const auto found = ids(run_sub(loose));
  CHECK(std::find(found.begin(), found.end(), "video.resolution") != found.end());
  CHECK(std::find(found.begin(), found.end(), "name.pattern") != found.end());
  CHECK(std::find(found.begin(), found.end(), "layout.misplaced") == found.end());
}

TEST_CASE("checks: loose files of one work are compared as a pair")
{
  TreeBuilder tb;
  MediaFacts longer = good_video(200);
  tb.file("奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4", good_video())
      .file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", longer);
  Submission sub = tb.build(changzhou());
  sub.scope = Scope::files;
  CHECK(ids(run_sub(sub)) == std::vector<std::string>{"subtitles.pair-mismatch"});
}

TEST_CASE("checks: work.count for a drive without a single work")
{
  TreeBuilder tb;
  tb.changzhou_layout(unit, {});
  const auto findings = run_sub(tb.build(changzhou()));
  CHECK(paths_of(findings, "work.count") == std::vector<std::string>{""});
  for (const auto& f : findings)
    if (f.check == "work.count") {
      CHECK(f.severity == Severity::error);
      CHECK(f.actual.zh == "0");
    }
  // A drive with a work has none of it.
  tb.file(sub_name, good_video()).file(clean_name, good_video());
  CHECK(paths_of(run_sub(tb.build(changzhou())), "work.count").empty());
}

TEST_CASE("checks: submission.incomplete for what an interrupted pack leaves")
{
  auto drive = [] {
    TreeBuilder tb;
    tb.changzhou_layout(unit, {"奋斗者之歌"});
    tb.file(sub_name, good_video()).file(clean_name, good_video());
    return tb;
  };
  CHECK(paths_of(run_sub(drive().build(changzhou())), "submission.incomplete").empty());
  // Its state file, but not the manifest it writes last.
  TreeBuilder state = drive();
  state.file(".mpcheck-pack-state");
  auto findings = run_sub(state.build(changzhou()));
  CHECK(paths_of(findings, "submission.incomplete") == std::vector<std::string>{""});
  // The temporary file of the copy it was making: this finding, not layout.junk.
  TreeBuilder temp = drive();
  temp.file("作品/.mpcheck-tmp-初心-微视频-钟楼区委组织部（无字幕）.mp4");
  temp.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  findings = run_sub(temp.build(changzhou()));
  CHECK(paths_of(findings, "submission.incomplete") == std::vector<std::string>{""});
  CHECK(paths_of(findings, "layout.junk").empty());
  // A finished pack: both files, no temporary one.
  TreeBuilder done = drive();
  done.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  CHECK(paths_of(run_sub(done.build(changzhou())), "submission.incomplete").empty());
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

TEST_CASE("checks::summarize counts every severity once")
{
  checks::CheckReport report;
  report.findings = {{"video.resolution", Severity::error},
                     {"layout.junk", Severity::warning},
                     {"manual.originality", Severity::manual},
                     {"manual.originality", Severity::manual},
                     {"manual.note", Severity::info}};
  const checks::Summary s = checks::summarize(report);
  CHECK(s.error == 1);
  CHECK(s.warning == 1);
  CHECK(s.manual == 2); // one per work it concerns, as the findings are
  CHECK(s.info == 1);
}
