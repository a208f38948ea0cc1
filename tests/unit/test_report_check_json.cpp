// report/check_json.cpp: the JSON report (schema mpcheck-report/1) and JSON Lines, read back.
#include "mpcheck/report/check_report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "check_builder.hpp"

using namespace test;
using nlohmann::json;

namespace {

checks::CheckReport checked(const TreeBuilder& b, const std::string& root)
{
  checks::CheckReport r;
  r.rules = &changzhou();
  r.as_of = Date{2024, 9, 1};
  r.submission = b.build(changzhou());
  r.submission.root = root;
  r.findings = run(b, changzhou());
  return r;
}

} // namespace

TEST_CASE("report::check_json: the report object with its summary, works, files and findings")
{
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  const auto r = checked(pair_with(small), "/media/usb1");
  const json j = json::parse(report::check_json(r, Lang::en));
  CHECK(j["schema"] == "mpcheck-report/1");
  CHECK(j["rules"]["id"] == "changzhou-2024");
  CHECK(j["as_of"] == "2024-09-01");
  CHECK(j["root"] == "/media/usb1");
  const checks::Summary s = checks::summarize(r);
  CHECK(j["summary"]["error"] == s.error);
  CHECK(j["summary"]["files"] == s.files);
  REQUIRE(j["works"].size() == 1);
  CHECK(j["works"][0]["title"] == "奋斗者之歌");
  CHECK(j["works"][0]["category"] == "微视频");
  CHECK(j["files"].size() == r.submission.files.size());
  bool found = false;
  for (const auto& f : j["findings"])
    if (f["check"] == "video.resolution") {
      found = true;
      CHECK(f["severity"] == "error");
      CHECK(f["path"] == changzhou_clean);
      CHECK(f["work"] == "奋斗者之歌");
      CHECK_FALSE(f["message"].get<std::string>().empty());
    }
  CHECK(found);
}

TEST_CASE("report::check_json speaks the language asked; several reports make an array")
{
  const auto r = checked(pair_with(good_video()), "/media/usb1");
  const json zh = json::parse(report::check_json(r, Lang::zh));
  CHECK(zh["rules"]["title"] == changzhou().title.zh);
  const std::vector<checks::CheckReport> two{r, checked(pair_with(good_video()), "/media/usb2")};
  const json many = json::parse(report::check_json(report::Reports(two), Lang::en));
  REQUIRE(many.is_array());
  CHECK(many.size() == 2);
  CHECK(many[1]["root"] == "/media/usb2");
  const std::vector<checks::CheckReport> one{r};
  CHECK(json::parse(report::check_json(report::Reports(one), Lang::en)).is_object());
}

TEST_CASE("report::check_jsonl: one object per line")
{
  const std::vector<checks::CheckReport> two{checked(pair_with(good_video()), "/a"),
                                             checked(pair_with(good_video()), "/b")};
  std::istringstream lines(report::check_jsonl(report::Reports(two), Lang::en));
  std::vector<std::string> roots;
  for (std::string line; std::getline(lines, line);)
    if (!line.empty())
      roots.push_back(json::parse(line)["root"]);
  CHECK(roots == std::vector<std::string>{"/a", "/b"});
}
