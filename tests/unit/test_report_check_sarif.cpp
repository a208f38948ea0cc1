#include "mpcheck/report/check_report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "check_builder.hpp"
#include "mpcheck/rules/check_ids.hpp"

using namespace mpcheck;

TEST_CASE("report::check_sarif")
{
  const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  test::TreeBuilder b;
  b.dir("作品").file("作品/星火 #1.mp4", test::good_video());
  checks::CheckReport report;
  report.rules = &rules;
  report.as_of = Date{2024, 9, 1};
  report.submission = b.build(rules);
  report.submission.root = "/media/U盘";
  report.findings = {
      {"video.resolution", Severity::error, "作品/星火 #1.mp4", "", Text{"1920x1080"},
       Text{"1280x720"}, Text{"分辨率不对", "wrong size"}, Text{"重新导出"}, ""},
      {"manual.originality", Severity::manual, "", "", {}, {}, Text{"原创"}, {}, ""},
  };
  const auto sarif = nlohmann::json::parse(report::check_sarif(report, Lang::zh));
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"][0];
  const auto& rules_json = run["tool"]["driver"]["rules"];
  const auto& catalogue = rules::known_check_ids();
  REQUIRE(rules_json.size() == catalogue.size() + rules.manual.size());
  CHECK(rules_json[0]["id"] == catalogue[0].id);
  CHECK(rules_json[0]["shortDescription"]["text"] == catalogue[0].meaning_zh);
  CHECK(run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///media/U%E7%9B%98/");
  CHECK(run["artifacts"][0]["location"]["uri"] ==
        "%E4%BD%9C%E5%93%81/%E6%98%9F%E7%81%AB%20%231.mp4");
  const auto& error = run["results"][0];
  CHECK(error["ruleId"] == "video.resolution");
  CHECK(rules_json[error["ruleIndex"].get<size_t>()]["id"] == "video.resolution");
  CHECK(error["level"] == "error");
  CHECK(error["message"]["text"] == "分辨率不对");
  CHECK(error["properties"]["expected"] == "1920x1080");
  const auto& where = error["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(where["uriBaseId"] == "SRCROOT");
  CHECK(where["index"] == 0);
  const auto& manual = run["results"][1];
  CHECK(manual["level"] == "note");
  CHECK(rules_json[manual["ruleIndex"].get<size_t>()]["id"] == "manual.originality");
  CHECK_FALSE(manual.contains("locations"));
  const auto en = nlohmann::json::parse(report::check_sarif(report, Lang::en));
  CHECK(en["runs"][0]["results"][0]["message"]["text"] == "wrong size");
  CHECK(en["runs"][0]["language"] == "en-US");
}

TEST_CASE("report::check_sarif: streamed run by run, artifact by artifact, result by result")
{
  const rules::RuleSet rules = rules::load_rules("changzhou-2024");
  test::TreeBuilder b;
  b.dir("作品").file("作品/星火 #1.mp4", test::good_video());
  b.file("作品/\"引号\"\\\x1b[31m坏\xff.mp4", test::good_video());
  b.file("作品/星火 #1.mp4", test::good_video()); // the same path twice: the first one's index
  checks::CheckReport report;
  report.rules = &rules;
  report.as_of = Date{2024, 9, 1};
  report.submission = b.build(rules);
  report.findings = {
      {"video.resolution", Severity::error, "作品/星火 #1.mp4", "", {}, {}, Text{"x"}, {}, ""},
      {"video.codec", Severity::error, "作品/不在清单.mp4", "", {}, {}, Text{"y"}, {}, ""},
  };
  const std::vector<checks::CheckReport> two{report, report};
  const std::string text = report::check_sarif(mpcheck::report::Reports(two), Lang::zh);
  using Json = mpcheck::report::Json;
  const Json sarif = Json::parse(text);
  // The text is the dump of the whole tree (same spacing, order and escapes).
  CHECK(sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n" == text);
  REQUIRE(sarif["runs"].size() == 2);
  const auto& run = sarif["runs"][1];
  CHECK(run["artifacts"].size() == 3);
  const auto& first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(first["index"] == 0);
  CHECK(first["uri"] == run["artifacts"][0]["location"]["uri"]);
  const auto& absent = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK_FALSE(absent.contains("index"));
  CHECK(text.find("\\u001b[31m") != std::string::npos);
  mpcheck::report::StringSink sink;
  report::write_check_sarif(mpcheck::report::Reports(two), Lang::zh, sink);
  CHECK(sink.text == text);
}
