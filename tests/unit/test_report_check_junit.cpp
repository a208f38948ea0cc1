#include "mpcheck/report/check_report.hpp"

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace mpcheck;

namespace {

// A report over a hand-built tree: one work of two files, a file outside any work, and
// findings of each kind placed by hand.
checks::CheckReport sample_report(const rules::RuleSet& rules)
{
  test::TreeBuilder b;
  b.dir("作品")
      .file("作品/星火-微视频-单位（有字幕）.mp4", test::good_video())
      .file("作品/星火-微视频-单位（无字幕）.mp4", test::good_video())
      .file("作品/a&b <\"c\">.mp4", test::good_video());
  checks::CheckReport report;
  report.rules = &rules;
  report.as_of = Date{2024, 9, 1};
  report.submission = b.build(rules);
  report.submission.root = report.submission.label = "/media/usb";
  report.findings = {
      {"video.resolution", Severity::error, "作品/星火-微视频-单位（无字幕）.mp4", "星火",
       Text{"1920x1080"}, Text{"1280x720"}, Text{"分辨率不对", "wrong size"},
       Text{"重新导出", "export again"}, "1080"},
      {"name.characters",
       Severity::error,
       "作品/a&b <\"c\">.mp4",
       "",
       {},
       {},
       Text{"字符<>"},
       {},
       ""},
      {"layout.junk", Severity::warning, "作品/a&b <\"c\">.mp4", "", {}, {}, Text{"垃圾"}, {}, ""},
      {"document.missing", Severity::error, "文本", "星火", {}, {}, Text{"缺少解说词"}, {}, ""},
      {"manual.originality", Severity::manual, "", "", {}, {}, Text{"原创"}, {}, ""},
  };
  return report;
}

} // namespace

TEST_CASE("report::check_junit")
{
  const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  const std::string xml = report::check_junit(sample_report(rules), Lang::zh);
  // Four cases (three files, the submission); three fail (two files, the submission).
  CHECK(xml.find("<testsuites name=\"mpcheck\" tests=\"4\" failures=\"3\" errors=\"0\"") !=
        std::string::npos);
  CHECK(xml.find("<testsuite name=\"/media/usb\" tests=\"4\" failures=\"3\" errors=\"0\" "
                 "skipped=\"0\"") != std::string::npos);
  // The work's title is the class; the folder for a file of no work.
  CHECK(xml.find("<testcase classname=\"星火\" name=\"作品/星火-微视频-单位（有字幕）.mp4\"/>") !=
        std::string::npos);
  CHECK(xml.find("<testcase classname=\"作品\" name=\"作品/a&amp;b &lt;&quot;c&quot;&gt;.mp4\">") !=
        std::string::npos);
  CHECK(xml.find("<failure type=\"video.resolution\" message=\"分辨率不对\">要求: 1920x1080\n"
                 "实际: 1280x720\n怎么改: 重新导出\n依据: “1080”\n</failure>") !=
        std::string::npos);
  // A warning fails nothing, and is in the case's system-out.
  CHECK(xml.find("type=\"layout.junk\"") == std::string::npos);
  CHECK(xml.find("[警告] layout.junk: 垃圾") != std::string::npos);
  // What names no file: the submission's case.
  CHECK(xml.find("<testcase classname=\"submission\" name=\".\">\n      <failure "
                 "type=\"document.missing\"") != std::string::npos);
  CHECK(xml.find("[需人工确认] manual.originality: 原创") != std::string::npos);
  CHECK(report::check_junit(sample_report(rules), Lang::en).find("message=\"wrong size\"") !=
        std::string::npos);
}

TEST_CASE("report::check_junit keeps classname + name unique")
{
  const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  test::TreeBuilder b;
  // The NFC and the NFD spelling of one name: one report path, two files.
  b.dir("作品").file("作品/caf\u00e9.mp4").file("作品/cafe\u0301.mp4").file("作品/x\x01.mp4");
  checks::CheckReport report;
  report.rules = &rules;
  report.submission = b.build(rules);
  const std::string xml = report::check_junit(report, Lang::zh);
  CHECK(xml.find("name=\"作品/caf\u00e9.mp4\"/>") != std::string::npos);
  CHECK(xml.find("name=\"作品/caf\u00e9.mp4 (2)\"/>") != std::string::npos);
  CHECK(xml.find("name=\"作品/x\uFFFD.mp4\"/>") != std::string::npos);
}

TEST_CASE("report::check_junit: one testsuite per report, named by its PATH, unique")
{
  const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  std::vector<checks::CheckReport> reports(3, sample_report(rules));
  reports[1].submission.label = "/media/usb2";
  // Bytes that are not UTF-8 read the same once escaped: the second gets " (2)".
  reports[0].submission.label = "/media/\xff";
  reports[2].submission.label = "/media/\xfe";
  const std::string xml = report::check_junit(reports, Lang::zh);
  CHECK(xml.find("<testsuites name=\"mpcheck\" tests=\"12\" failures=\"9\" errors=\"0\"") !=
        std::string::npos);
  CHECK(xml.find("<testsuite name=\"/media/\xef\xbf\xbd\" tests=\"4\"") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"/media/usb2\" tests=\"4\"") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"/media/\xef\xbf\xbd (2)\" tests=\"4\"") != std::string::npos);
}
