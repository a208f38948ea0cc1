// report/check_html.cpp: the HTML report, one page; names from the drive are escaped.
#include "mpcheck/report/check_html.hpp"

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

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

size_t count(const std::string& text, const std::string& what)
{
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("report::check_html: a page in the language asked, with each finding")
{
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  const auto r = checked(pair_with(small), "/media/usb1");
  const std::string zh = report::check_html(r, Lang::zh);
  CHECK(zh.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(zh.find(changzhou().title.zh) != std::string::npos);
  CHECK(zh.find("video.resolution") != std::string::npos);
  CHECK(zh.ends_with("</html>\n"));
  const std::string en = report::check_html(r, Lang::en);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.find(changzhou().title.en) != std::string::npos);
}

TEST_CASE("report::check_html escapes what comes from the drive")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/<script>alert(1)</script>.mp4", good_video());
  const std::string page = report::check_html(checked(b, "/media/<usb>"), Lang::en);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;.mp4") != std::string::npos);
}

TEST_CASE("report::check_html: several reports on one page, none for no report")
{
  const std::vector<checks::CheckReport> two{checked(pair_with(good_video()), "/media/usb1"),
                                             checked(pair_with(good_video()), "/media/usb2")};
  const std::string page = report::check_html(std::span<const checks::CheckReport>(two), Lang::en);
  CHECK(count(page, "<!DOCTYPE html>") == 1);
  CHECK(page.find("/media/usb1") != std::string::npos);
  CHECK(page.find("/media/usb2") != std::string::npos);
  CHECK(report::check_html(std::span<const checks::CheckReport>(), Lang::en).empty());
}

TEST_CASE("report::check_html: one fix per file for the findings it mends, under the last of them")
{
  MediaFacts wrong = good_video();
  wrong.video->width = wrong.video->display_width = 1440; // 4:3: resolution and aspect ratio
  wrong.video->height = wrong.video->display_height = 1080;
  wrong.video->frame_rate = Rational{30, 1}; // its own fix: export at the rule's rate
  const auto r = checked(pair_with(wrong), "/media/usb1");
  const std::string html = report::check_html(r, Lang::zh);
  const auto res = html.find("data-check=\"video.resolution\"");
  const auto aspect = html.find("data-check=\"video.aspect-ratio\"");
  REQUIRE(res != std::string::npos);
  REQUIRE(aspect != std::string::npos);
  // the wrong file's aspect-ratio and resolution findings, together, with one fix command
  CHECK(count(html, "<div class=\"fix\">怎么改：重新导出，或用：mpcheck fix") == 1);
  CHECK(html.find("<div class=\"fix\">怎么改：重新导出，或用：mpcheck fix",
                  std::max(res, aspect)) != std::string::npos);
  CHECK(count(html, "<div class=\"fix\">怎么改：在剪辑软件的导出设置里选 25 fps") == 1);
}

TEST_CASE("report::check_html: an item to confirm by hand is one line with a box to tick")
{
  const auto r = checked(pair_with(good_video()), "/media/usb1");
  const std::string html = report::check_html(r, Lang::zh);
  const auto at = html.find("<li class=\"manual\" data-check=\"manual.seal\">");
  REQUIRE(at != std::string::npos);
  const std::string item = html.substr(at, html.find("</li>", at) - at);
  CHECK(item.find("<input type=\"checkbox\">") != std::string::npos);
  CHECK(count(item, "已加盖单位公章") == 1); // the sentence once
  CHECK(item.find("怎么改") == std::string::npos);
}
