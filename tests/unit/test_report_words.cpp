// report/words.cpp: the words the text and HTML reports share: labels, the summary line, the
// closing line of each drive, and the findings grouped as the reports show them.
#include "mpcheck/report/words.hpp"

#include <doctest/doctest.h>

#include <string>

#include "check_builder.hpp"

using namespace test;
using namespace mpcheck::report;

namespace {

checks::CheckReport report_with(std::vector<Finding> findings)
{
  checks::CheckReport r;
  r.rules = &changzhou();
  r.submission = pair_with(good_video()).build(changzhou());
  r.submission.root = "/media/usb1";
  r.findings = std::move(findings);
  return r;
}

} // namespace

TEST_CASE("report::words and severity_label in both languages")
{
  CHECK(std::string(words(Lang::zh).expected) != std::string(words(Lang::en).expected));
  CHECK(severity_label(Severity::error, Lang::zh) == "✗ 错误");
  CHECK(severity_label(Severity::warning, Lang::en) == "! warning");
  CHECK(severity_label(Severity::manual, Lang::zh) == "? 人工");
}

TEST_CASE("report::check_summary says checks::summarize's counts, with English plurals (1 work)")
{
  const auto r = report_with({{"video.resolution", Severity::error},
                              {"layout.junk", Severity::warning},
                              {"layout.junk", Severity::warning},
                              {"manual.originality", Severity::manual}});
  const size_t files = r.submission.files.size();
  CHECK(check_summary(r, Lang::zh) ==
        "共 " + std::to_string(files) +
            " 个文件、1 部作品：1 个错误，2 个警告，1 项需人工确认，0 条提示");
  CHECK(check_summary(r, Lang::en) ==
        std::to_string(files) +
            " files, 1 work: 1 error, 2 warnings, 1 to confirm by hand, 0 notes");
}

TEST_CASE("report::drive_line marks each drive by its worst finding")
{
  CHECK(drive_line(report_with({}), Lang::en).starts_with("✓ /media/usb1  "));
  CHECK(drive_line(report_with({{"layout.junk", Severity::warning}}), Lang::en).starts_with("! "));
  auto r = report_with({{"layout.junk", Severity::warning}, {"video.codec", Severity::error}});
  r.submission.label = "U盘";
  CHECK(drive_line(r, Lang::zh).starts_with("✗ U盘  共 "));
  CHECK(drives_heading(3, Lang::zh) == "共检查 3 份报送：");
  CHECK(drives_heading(3, Lang::en) == "3 submissions checked:");
}

TEST_CASE("report::group_findings: problems by work, items to confirm apart")
{
  Finding a{"video.codec", Severity::error};
  a.work = "奋斗者之歌";
  Finding b{"layout.junk", Severity::warning};
  Finding m{"manual.originality", Severity::manual};
  m.work = "奋斗者之歌";
  Finding i{"manual.note", Severity::info};
  const auto r = report_with({a, b, m, i});
  const GroupedFindings g = group_findings(r);
  REQUIRE(g.by_work.size() == 2);
  REQUIRE(g.by_work.at("奋斗者之歌").size() == 1);
  CHECK(g.by_work.at("奋斗者之歌")[0]->check == "video.codec");
  CHECK(g.by_work.at("")[0]->check == "layout.junk");
  REQUIRE(g.manual.size() == 2);
  CHECK(g.manual[0]->check == "manual.originality");
  CHECK(g.manual[1]->check == "manual.note");
}

TEST_CASE("report::work_ok and fast_note say what --fast did not decode")
{
  // good_video() has no deep facts: as under --fast.
  auto fast = report_with({});
  CHECK(undecoded_videos(fast) == 2);
  CHECK(undecoded_videos(fast, 0) == 2);
  CHECK(work_ok(fast, 0, Lang::zh) ==
        "没有发现问题（--fast：未解码画面和声音，黑场、静音、响度等未检查）");
  CHECK(work_ok(fast, 0, Lang::en)
            .starts_with("no problems found (--fast: pictures and sound not decoded"));
  const std::string zh = fast_note(fast, Lang::zh);
  CHECK(zh.starts_with("ℹ 用了 --fast：2 个视频的画面和声音没有解码"));
  for (const char* id : {"video.black", "audio.silent", "audio.loudness", "video.scan",
                         "subtitles.not-burned", "media.decode-error"})
    CHECK(zh.find(id) != std::string::npos);
  CHECK(fast_note(fast, Lang::en).find("check again without --fast") != std::string::npos);
  // Decoded (no --fast): the plain words, no note.
  auto deep = report_with({});
  for (auto& f : deep.submission.files)
    if (f.kind == FileKind::video)
      f.facts.deep = DeepFacts{};
  CHECK(undecoded_videos(deep) == 0);
  CHECK(work_ok(deep, 0, Lang::zh) == "没有发现问题");
  CHECK(fast_note(deep, Lang::en).empty());
  // The summary names the note beside its counts (which stay checks::summarize's).
  CHECK(fast_note_in_summary(fast, Lang::zh) ==
        "（另有上面 ℹ 的一条 --fast 说明：2 个视频的画面和声音没有解码）");
  CHECK(fast_note_in_summary(fast, Lang::en) ==
        " (besides, the --fast note above: the pictures and sound of 2 videos were not decoded)");
  CHECK(fast_note_in_summary(deep, Lang::zh).empty());
}
