// report/check_json.cpp: the JSON report (schema mpcheck-report/1) and JSON Lines, read back.
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/words.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include <fmt/format.h>

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

// The report as it was rendered before it was streamed: one tree, dumped whole. The streamed
// text must stay byte for byte this one (same keys, order, spacing, escapes).
report::Json legacy_report_json(const checks::CheckReport& report, Lang lang)
{
  using report::Json;
  const Submission& sub = report.submission;
  Json works = Json::array();
  for (const auto& w : sub.works) {
    Json files = Json::array();
    for (int i : w.files)
      files.push_back(sub.files[size_t(i)].path);
    Json docs = Json::array();
    for (int i : w.documents)
      docs.push_back(sub.files[size_t(i)].path);
    works.push_back(Json{{"title", w.title},
                         {"category", w.category},
                         {"unit", w.unit},
                         {"episodes", w.episodes},
                         {"files", files},
                         {"documents", docs}});
  }
  Json files = Json::array();
  for (const auto& f : sub.files) {
    Json facts = nullptr;
    if (f.facts.container || f.facts.image || f.facts.document || f.facts.error) {
      facts = report::facts_to_json(f.facts, lang);
      facts.erase("path");
    }
    files.push_back(Json{{"path", f.path},
                         {"kind", kind_name(f.kind)},
                         {"size", f.size},
                         {"sha256", f.sha256.empty() ? Json(nullptr) : Json(f.sha256)},
                         {"facts", facts}});
  }
  Json findings = Json::array();
  for (const auto& f : report.findings)
    findings.push_back(Json{{"check", f.check},
                            {"severity", severity_name(f.severity)},
                            {"path", f.path},
                            {"work", f.work},
                            {"expected", f.expected.in(lang)},
                            {"actual", f.actual.in(lang)},
                            {"message", f.message.in(lang)},
                            {"hint", f.hint.in(lang)},
                            {"source", f.source}});
  Json unread = Json::array();
  for (const auto& u : report.unread)
    unread.push_back(
        Json{{"path", u.path}, {"reason", u.reason}, {"message", report::unread_text(u, lang)}});
  return Json{{"schema", "mpcheck-report/1"},
              {"tool", {{"name", "mpcheck"}, {"version", MPCHECK_VERSION}}},
              {"rules", {{"id", report.rules->id}, {"title", report.rules->title.in(lang)}}},
              {"as_of", report.as_of.str()},
              {"root", sub.root},
              {"summary", report::summary_json(checks::summarize(report))},
              {"works", works},
              {"files", files},
              {"findings", findings},
              {"unread", unread}};
}

std::string legacy_dump(const report::Json& j, int indent)
{
  return j.dump(indent, ' ', false, report::Json::error_handler_t::replace) + "\n";
}

// Representative reports: a work with its forms, texts, findings of every kind and a probe
// error; names with quotes, backslashes, control characters and bytes that are not UTF-8.
std::vector<checks::CheckReport> representative()
{
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  std::vector<checks::CheckReport> out{checked(pair_with(small), "/media/usb1")};
  TreeBuilder hostile = pair_with(good_video());
  MediaFacts broken;
  broken.kind = "video";
  broken.error = ProbeError{"invalid-data", "moov atom not found"};
  hostile.file("作品/\"引号\"\\反斜杠\x1b[31m\t-微视频-钟楼区委组织部.mp4", broken, 10);
  hostile.file("作品/坏\xff\xfe字节.mp4", good_video());
  hostile.file("空.docx", MediaFacts{}, 0);
  out.push_back(checked(hostile, "/media/U盘 \"2\""));
  out.back().submission.files.back().sha256 = std::string(64, 'a');
  TreeBuilder empty;
  out.push_back(checked(empty, ""));
  out.back().unread.push_back({"锁住的.mp4", "permission"}); // a loose file that was not read
  TreeBuilder locked;
  out.push_back(checked(locked, "/media/usb3"));
  out.back().unread.push_back({"/media/usb3", "loop"}); // a drive that was not read
  return out;
}

} // namespace

TEST_CASE("report::check_json and check_jsonl: streamed, the very text of the whole tree")
{
  const std::vector<checks::CheckReport> reports = representative();
  for (const Lang lang : {Lang::zh, Lang::en}) {
    report::Json all = report::Json::array();
    std::string lines;
    for (const auto& r : reports) {
      const report::Json legacy = legacy_report_json(r, lang);
      CHECK(report::check_json(r, lang) == legacy_dump(legacy, 2));
      all.push_back(legacy);
      lines += legacy_dump(legacy, -1);
    }
    CHECK(report::check_json(report::Reports(reports), lang) == legacy_dump(all, 2));
    CHECK(report::check_jsonl(report::Reports(reports), lang) == lines);
    CHECK(report::check_json(report::Reports(), lang) == "[]\n");
    CHECK(report::check_jsonl(report::Reports(), lang).empty());
  }
  const std::string text = report::check_json(reports[1], Lang::zh);
  CHECK(text.find("\\u001b[31m") != std::string::npos);
  CHECK(text.find('\xff') == std::string::npos);
  CHECK(json::parse(text)["files"].size() == reports[1].submission.files.size());
}

TEST_CASE("report::write_check_json: the report reaches the sink file by file, as it is made")
{
  TreeBuilder many;
  for (int i = 0; i < 2000; ++i)
    many.file(fmt::format("资料{:05d}.txt", i), document(), 100);
  const checks::CheckReport r = checked(many, "/many");
  struct Largest final : report::Sink {
    size_t largest = 0, total = 0;
    void write(std::string_view piece) override
    {
      largest = std::max(largest, piece.size());
      total += piece.size();
    }
  } sink;
  report::write_check_json(report::Reports(&r, 1), Lang::zh, sink);
  CHECK(sink.total == report::check_json(r, Lang::zh).size());
  CHECK(sink.total > 1'000'000);
  CHECK(sink.largest < 4096); // one file's entry or one finding at a time
}

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
