// rules/ruleset.cpp: the lookups the checks make in a loaded RuleSet: categories, documents and
// their names, folders, severities.
#include "mpcheck/rules/ruleset.hpp"

#include <doctest/doctest.h>

#include "mpcheck/rules/loader.hpp"

using namespace mpcheck;
using namespace mpcheck::rules;

TEST_CASE("rules::RuleSet::category and rules_for: a name or an alias, else the works' rules")
{
  const RuleSet r = load_rules("changzhou-2024");
  REQUIRE(r.category("微视频"));
  CHECK(r.category("微视频")->name == "微视频");
  CHECK(r.category("微电影") == nullptr);
  CHECK(&r.rules_for("微电影") == &r.works);
  CHECK(&r.rules_for("") == &r.works);
  CHECK(&r.rules_for("微视频") == r.category("微视频"));
}

TEST_CASE("rules::CategoryRules::takes: the kinds of files a work may be made of")
{
  CategoryRules c; // by default, videos only
  CHECK(c.takes("video"));
  CHECK_FALSE(c.takes("audio"));
  CHECK_FALSE(c.takes("image"));
  c.kinds = {"video", "audio"}; // branch-everyone's lessons: a video or a sound recording
  CHECK(c.takes("audio"));
  CHECK_FALSE(c.takes("image"));
}

TEST_CASE("rules::RuleSet::category_decides: a category asks else of a video than works:")
{
  CHECK(load_rules("changzhou-2024").category_decides()); // 微视频 1920x1080/25P, 纪录片 none
  CHECK_FALSE(load_rules("liaoning-2023").category_decides()); // no categories
  // Categories that only repeat works: ask the same: the category does not matter.
  RuleSet same = load_rules("liaoning-2023");
  CategoryRules a = same.works, b = same.works;
  a.name = "甲";
  b.name = "乙";
  same.categories = {a, b};
  CHECK_FALSE(same.category_decides());
  same.categories[1].media.resolution.reset();
  CHECK(same.category_decides());
  same.categories[1].kinds = {"image"}; // a category of pictures asks nothing of a video
  CHECK_FALSE(same.category_decides());
}

TEST_CASE("rules::RuleSet::names_document: a 师资库统计表 is not the 统计表")
{
  const RuleSet r = load_rules("jiaozuo-2019");
  const DocumentRule* table = r.document_rule("统计表");
  const DocumentRule* pool = r.document_rule("师资库统计表");
  REQUIRE(table);
  REQUIRE(pool);
  CHECK(r.names_document(*table, "统计表-修武县委宣传部.docx"));
  CHECK_FALSE(r.names_document(*table, "师资库统计表-修武县委宣传部.xlsx"));
  CHECK(r.names_document(*pool, "师资库统计表-修武县委宣传部.xlsx"));
  // Asked of a 县市区 only: a unit whose name holds one of the words.
  CHECK(pool->required_of("修武县委宣传部"));
  CHECK_FALSE(pool->required_of("市教育局"));
  CHECK(pool->required_of("")); // no unit known: asked
}

TEST_CASE("rules::RuleSet::folder_for: the layout folder of a kind, documents by their kind")
{
  const RuleSet r = load_rules("changzhou-2024");
  REQUIRE(r.folder_for("video"));
  CHECK(r.folder_for("video")->name == "作品");
  REQUIRE(r.folder_for("报名表"));
  CHECK(r.folder_for("报名表")->name == "表格");
  REQUIRE(r.folder_for("解说词"));
  CHECK(r.folder_for("解说词")->name == "文本");
  CHECK(load_rules("liaoning-2023").folder_for("video") == nullptr); // no layout
}

TEST_CASE("rules::RuleSet::severity_of: the catalogue's default, the set's override, off")
{
  const RuleSet plain = load_rules_text("id: t\ntitle: t\n", "t.yaml");
  CHECK(plain.severity_of("manual.anything") == Severity::manual);
  CHECK(plain.severity_of("no.such-id") == Severity::error);
  CHECK(plain.severity_of("no.such-id", Severity::warning) == Severity::warning);
  CHECK_FALSE(plain.disabled("video.hdr"));
  const RuleSet strict = load_rules_text(
      "id: t\ntitle: t\nseverity:\n  audio.silent: error\n  video.hdr: off\n", "t.yaml");
  CHECK(strict.severity_of("audio.silent", Severity::warning) == Severity::error);
  CHECK(strict.disabled("video.hdr"));
  CHECK(strict.manual_item("manual.nothing") == nullptr);
}

TEST_CASE("rules::DocumentRule::takes_extension ignores case; no extensions take any")
{
  mpcheck::rules::DocumentRule rule;
  CHECK(rule.takes_extension(".pdf"));
  rule.extensions = {".docx", ".doc"};
  CHECK(rule.takes_extension(".docx"));
  CHECK(rule.takes_extension(".DOCX"));
  CHECK_FALSE(rule.takes_extension(".pdf"));
  CHECK_FALSE(rule.takes_extension(""));
}
