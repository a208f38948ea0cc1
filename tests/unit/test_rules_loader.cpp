#include "mpcheck/rules/loader.hpp"

#include <doctest/doctest.h>

#include "rules_testing.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/rules/embedded.hpp"

using namespace mpcheck;
using namespace mpcheck::rules;

namespace {

} // namespace

TEST_CASE("rules::load_rules every built-in rule set loads and lints clean")
{
  const auto ids = builtin_rule_set_ids();
  CHECK(ids == std::vector<std::string>{"branch-everyone", "changzhou-2024", "jiaozuo-2019",
                                        "liaoning-2023"});
  for (const auto& id : ids) {
    CAPTURE(id);
    const RuleSet rules = load_rules(id);
    CHECK(rules.id == id);
    CHECK(rules.file == id + ".yaml");
    CHECK_FALSE(rules.title.zh.empty());
    CHECK_FALSE(rules.title.en.empty());
    CHECK_FALSE(rules.clauses.empty());
    CHECK_FALSE(rules.manual.empty());
    CHECK(lint_rules(rules).empty());
  }
}

TEST_CASE("rules::load_rules changzhou-2024")
{
  const RuleSet rules = load_rules("changzhou-2024");
  CHECK(rules.document == "常组通〔2024〕40号");
  CHECK(rules.notice_date == Date{2024, 5, 31});
  REQUIRE(rules.deadline);
  CHECK(rules.deadline->value == Date{2024, 9, 5});
  CHECK(rules.deadline->origin.source == "报送截止日期为2024年9月5日。");
  // 逾期报送…不予受理: a late drive is refused, so lateness is an error here.
  CHECK(rules.severity_for("submission.deadline", rules.deadline->origin) == Severity::error);
  CHECK(rules.deadline->origin.note.en.find("不予受理") != std::string::npos);
  REQUIRE(rules.categories.size() == 7);

  const CategoryRules* micro = rules.category("微视频");
  REQUIRE(micro);
  const MediaRules& media = micro->media;
  REQUIRE(media.containers);
  CHECK(media.containers->value == std::vector<std::string>{"mp4"});
  CHECK(media.containers->origin.source == "微视频报送mp4（1080/25P/8Mbps）格式");
  CHECK(media.extensions->value == std::vector<std::string>{".mp4"});
  CHECK(media.resolution->value == Size{1920, 1080});
  CHECK(media.frame_rate->value == Rational{25, 1});
  CHECK(media.scan->value == Scan::progressive);
  CHECK(media.aspect_ratio->value == Rational{16, 9});
  CHECK(media.aspect_ratio->origin.source == "画幅宽高比为16:9");
  CHECK(media.bitrate->value.target == 8000000);
  CHECK(media.bitrate->value.min == 6800000);
  CHECK(media.bitrate->value.max == 12000000);
  // 8Mbps is a floor, not a ceiling: too few bits an error, far too many (+50%) a warning.
  CHECK(rules.severity_for("video.bitrate", media.bitrate->value.min_origin) == Severity::error);
  CHECK(rules.severity_for("video.bitrate", media.bitrate->value.max_origin) == Severity::warning);
  CHECK(media.bitrate->value.max_origin.source == "微视频报送mp4（1080/25P/8Mbps）格式");
  CHECK(media.bitrate->value.max_origin.note.zh.find("+50%") != std::string::npos);
  CHECK(media.max_duration->value == 480);
  CHECK_FALSE(media.min_duration);
  CHECK_FALSE(media.audio_required);
  REQUIRE(micro->variants);
  CHECK(micro->variants->subtitled.suffix == "（有字幕）");
  CHECK(micro->variants->clean.suffix == "（无字幕）");
  CHECK(micro->variants->origin.source == "包含有字幕和无字幕两个版本");

  const CategoryRules& story = rules.rules_for("典型事迹片");
  CHECK(story.media.min_duration->value == 600);
  CHECK_FALSE(story.media.containers);
  CHECK_FALSE(story.variants);

  const CategoryRules* new_media = rules.category("新媒体作品");
  REQUIRE(new_media);
  CHECK(new_media->kinds == std::vector<std::string>{"image", "video", "audio"});
  const ImageRole* qr = new_media->image_role("qr_code");
  REQUIRE(qr);
  CHECK(qr->required);
  CHECK(qr->qr_code);
  const ImageRole* poster = new_media->image_role("poster");
  REQUIRE(poster);
  CHECK(poster->formats == std::vector<std::string>{"jpeg"});
  CHECK(poster->color_mode == "cmyk");
  CHECK(poster->expected_size() == Size{3508, 4961});

  CHECK(rules.category("党课开讲啦视频") == rules.category("“党课开讲啦”视频"));
  CHECK(rules.category("宣传片") == nullptr);
  CHECK(&rules.rules_for("宣传片") == &rules.works);

  REQUIRE(rules.layout);
  CHECK(rules.layout->folders.size() == 3);
  CHECK(rules.folder_for("video")->name == "作品");
  CHECK(rules.folder_for("image")->name == "作品");
  CHECK(rules.folder_for("汇总表")->name == "表格");
  CHECK(rules.folder_for("创意说明")->name == "文本");
  CHECK(rules.document_rule("创意说明")->per == DocumentScope::work);
  CHECK(rules.document_rule("报名表")->extensions == std::vector<std::string>{".docx", ".doc"});
  REQUIRE(rules.naming);
  CHECK(rules.naming->pattern == "{title}-{category}-{unit}");

  CHECK(rules.quotas.max_works->value == 10);
  REQUIRE(rules.quotas.per_category.size() == 1);
  CHECK(rules.quotas.per_category[0].first == "新媒体作品");
  CHECK(rules.quotas.per_category[0].second.value.max == 2);
  CHECK_FALSE(rules.quotas.per_category[0].second.value.min);
  CHECK(rules.quotas.min_series_episodes->value == 5);
  CHECK(rules.quotas.max_age_years->value == 2);

  CHECK(rules.manual_item("manual.paper-forms"));
  CHECK(rules.severity_for("manual.final", rules.manual_item("manual.final")->origin) ==
        Severity::info);
  CHECK(rules.severity_of("video.codec") == Severity::warning);
  CHECK(rules.severity_of("layout.folder-missing") == Severity::error);
}

TEST_CASE("rules::load_rules liaoning-2023, jiaozuo-2019 and branch-everyone")
{
  const RuleSet liaoning = load_rules("liaoning-2023");
  CHECK(liaoning.categories.empty());
  CHECK(liaoning.deadline->value == Date{2023, 6, 12});
  const MediaRules& video = liaoning.rules_for("").media;
  CHECK(video.max_duration->value == 480);
  CHECK(video.orientation->value == Orientation::landscape);
  CHECK(video.resolution->value == Size{1920, 1080});
  CHECK(video.audio_required->value);
  CHECK(video.audio_not_silent->value);
  CHECK(video.loudness->value.min == -36);
  REQUIRE(liaoning.quotas.max_works);
  CHECK_FALSE(liaoning.quotas.max_works->value); // 数量不限
  CHECK(liaoning.manual_item("manual.title-card")->scope == ManualScope::work);
  CHECK_FALSE(liaoning.layout);
  CHECK_FALSE(liaoning.naming);

  const RuleSet jiaozuo = load_rules("jiaozuo-2019");
  // The contest entries: 8月上旬, the day to be announced; the last day of 上旬 at the latest.
  CHECK(jiaozuo.deadline->value == Date{2019, 8, 10});
  CHECK(jiaozuo.deadline->origin.source ==
        "8月上旬，市委宣传部举行全市微型党课十佳宣讲员评选比赛活动");
  CHECK(jiaozuo.severity_for("submission.deadline", jiaozuo.deadline->origin) == Severity::warning);
  CHECK(jiaozuo.works.media.max_duration->value == 360);
  const DocumentRule* courseware = jiaozuo.document_rule("PPT课件");
  REQUIRE(courseware);
  CHECK(courseware->per == DocumentScope::work);
  CHECK(courseware->required);
  CHECK(courseware->extensions == std::vector<std::string>{".pptx", ".ppt", ".dps"});
  const DocumentRule* statistics = jiaozuo.document_rule("统计表");
  CHECK(statistics->per == DocumentScope::unit);
  REQUIRE(statistics->deadline);
  CHECK(statistics->deadline->value == Date{2019, 9, 30});
  CHECK(statistics->units.empty()); // every submitting unit
  // The 县市区 documents: required, each with its own date, not info items.
  const DocumentRule* pool = jiaozuo.document_rule("附件2");
  REQUIRE(pool);
  CHECK(pool->kind == "师资库统计表");
  CHECK(pool->required);
  CHECK(pool->deadline->value == Date{2019, 6, 30});
  CHECK(pool->deadline->origin.source == "于6月30日前报送市委宣传部宣传科");
  CHECK(pool->required_of("修武县委宣传部"));
  CHECK(pool->required_of("解放区委宣传部"));
  CHECK(pool->required_of("")); // unknown unit: asked for
  CHECK_FALSE(pool->required_of("市教育局"));
  CHECK_FALSE(pool->required_of("市委市直机关工委"));
  const DocumentRule* report = jiaozuo.document_rule("情况报告");
  REQUIRE(report);
  CHECK(report->required);
  CHECK(report->deadline->value == Date{2019, 9, 30});
  CHECK(report->units == pool->units);
  CHECK_FALSE(jiaozuo.manual_item("manual.teacher-pool"));
  CHECK_FALSE(jiaozuo.manual_item("manual.demonstration-report"));
  CHECK(jiaozuo.names_document(*pool, "师资库统计表-修武县委宣传部.xlsx"));
  CHECK_FALSE(jiaozuo.names_document(*statistics, "师资库统计表-修武县委宣传部.xlsx"));
  CHECK(jiaozuo.names_document(*statistics, "微型党课系列活动统计表-修武县委宣传部.docx"));
  CHECK(jiaozuo.quotas.max_works->value == 2);
  CHECK(jiaozuo.manual_item("manual.party-member"));

  const RuleSet branch = load_rules("branch-everyone");
  CHECK(branch.works.kinds == std::vector<std::string>{"video", "audio"});
  CHECK(branch.works.media.min_duration->value == 600);
  CHECK(branch.works.media.max_duration->value == 900);
  // "10–15分钟以内" bounds from above: over 15 minutes an error, under 10 a warning.
  CHECK(branch.severity_for("duration.max", branch.works.media.max_duration->origin) ==
        Severity::error);
  CHECK(branch.severity_for("duration.min", branch.works.media.min_duration->origin) ==
        Severity::warning);
  CHECK_FALSE(branch.deadline);
  const DocumentRule* slides = branch.document_rule("课件");
  REQUIRE(slides);
  CHECK(branch.severity_for("document.missing", slides->origin) == Severity::info);
}

TEST_CASE("rules::load_rules_text unknown keys are named with a suggestion")
{
  const std::string yaml = "schema: mpcheck-rules/1\n"
                           "id: changzhou\n"
                           "title: 测试\n"
                           "works:\n"
                           "  media:\n"
                           "    source: 微视频报送mp4（1080/25P/8Mbps）格式\n"
                           "    containers: mp4\n"
                           "    extensions: .mp4\n"
                           "    resolution: 1920x1080\n"
                           "    frame_rate: 25\n"
                           "    bitrate: 8Mbps\n"
                           "    max_bitrat: 12Mbps\n";
  CHECK_THROWS_WITH_AS(load_rules_text(yaml, "changzhou.yaml", Lang::en),
                       "changzhou.yaml:12:5: unknown key 'max_bitrat', did you mean 'max_bitrate'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("titel: x\n"), "t.yaml:3:1: unknown key 'titel', did you mean 'title'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(
      load("colour: red\n"),
      "t.yaml:3:1: unknown key 'colour'; known keys here: schema, id, title, document, issuer, "
      "notice_date, deadline, works, categories, documents, layout, naming, quotas, manual, "
      "not_checked, severity",
      RuleError);
}

TEST_CASE("rules::load_rules_text columns count characters, not bytes")
{
  CHECK_THROWS_WITH_AS(load("categories:\n  - {name: 微视频, kind: video}\n"),
                       "t.yaml:4:17: unknown key 'kind', did you mean 'kinds'?", RuleError);
}

TEST_CASE("rules::load_rules_text a byte order mark does not shift columns")
{
  CHECK_THROWS_WITH_AS(
      load_rules_text("\xEF\xBB\xBFid: t\ntitle: x\nfoo: 1\n", "bom.yaml", Lang::en),
      "bom.yaml:3:1: unknown key 'foo'; known keys here: schema, id, title, document, "
      "issuer, notice_date, deadline, works, categories, documents, layout, naming, "
      "quotas, manual, not_checked, severity",
      RuleError);
}

TEST_CASE("rules::load_rules_text wrong types")
{
  CHECK_THROWS_WITH_AS(
      load("works:\n  media:\n    max_duration: abc\n"),
      "t.yaml:5:19: expected a number of seconds such as 480 or \"8min\", found 'abc'", RuleError);
  CHECK_THROWS_WITH_AS(
      load("works:\n  media:\n    bitrate: fast\n"),
      "t.yaml:5:14: expected a bit rate such as 8000000 or \"8Mbps\", found 'fast'", RuleError);
  CHECK_THROWS_WITH_AS(
      load("works:\n  media:\n    max_duration:\n"),
      "t.yaml:5:5: expected a number of seconds such as 480 or \"8min\", found nothing", RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  media:\n    audio_required: yes please\n"),
                       "t.yaml:5:21: expected true or false, found 'yes please'", RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  media:\n    resolution: [1920, 1080]\n"),
                       "t.yaml:5:17: expected a pixel size such as \"1920x1080\", found a list",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("deadline: 2024-09-31\n"),
                       "t.yaml:3:11: expected a date such as 2024-09-05, found '2024-09-31'",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("works: [1]\n"),
                       "t.yaml:3:8: expected a map of rules for every work, found a list",
                       RuleError);
  CHECK_THROWS_WITH_AS(
      load("quotas:\n  max_works: 0\n"),
      "t.yaml:4:14: expected a whole number of at least 1 or 'unlimited', found '0'", RuleError);
}

TEST_CASE("rules::load_rules_text YAML syntax errors point at the spot")
{
  CHECK_THROWS_WITH_AS(load_rules_text("id: t\n title: x\n", "bad.yaml", Lang::en),
                       "bad.yaml:2:7: YAML syntax error: illegal map value", RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text("id: t\ntitle: [a, b\nx: 1\n", "bad.yaml", Lang::en),
                       "bad.yaml:3:2: YAML syntax error: end of sequence flow not found",
                       RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text("", "empty.yaml"), "empty.yaml: the rule file is empty",
                       RuleError);
  CHECK_THROWS_WITH_AS(
      load_rules_text("- a\n", "list.yaml", Lang::en),
      "list.yaml:1:1: expected a map of rule set keys at the top level, found a list", RuleError);
}

TEST_CASE("rules::load_rules_text bad values")
{
  CHECK_THROWS_WITH_AS(load("severity:\n  video.codecs: error\n"),
                       "t.yaml:4:3: unknown check id 'video.codecs', did you mean 'video.codec'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("severity:\n  video.codec: warn\n"),
                       "t.yaml:4:16: unknown severity 'warn', did you mean 'warning'?", RuleError);
  CHECK_THROWS_WITH_AS(load("categories:\n  - name: 微视频\n  - name: 新媒体作品\n"
                            "quotas:\n  per_category:\n    新媒体: {max: 2}\n"),
                       "t.yaml:8:5: unknown category '新媒体', did you mean '新媒体作品'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("quotas:\n  per_category:\n    微视频: {max: 2}\n"),
                       "t.yaml:5:5: unknown category '微视频': this rule set defines no categories",
                       RuleError);
  CHECK_THROWS_WITH_AS(
      load("works:\n  media:\n    min_duration: 15min\n    max_duration: 10 min\n"),
      "t.yaml:5:5: min_duration 15:00 is greater than max_duration 10:00", RuleError);
  CHECK_THROWS_WITH_AS(load("categories:\n  - name: 新媒体作品\n"
                            "quotas:\n  per_category:\n    新媒体作品: {min: 3, max: 2}\n"),
                       "t.yaml:7:12: min 3 is greater than max 2", RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  media:\n    min_bitrate: 9Mbps\n    max_bitrate: 8Mbps\n"),
                       "t.yaml:5:5: min_bitrate 9 Mbps is greater than max_bitrate 8 Mbps",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  media:\n    containers: [mp4, mp5]\n"),
                       "t.yaml:5:23: unknown container 'mp5', did you mean 'mp4'?", RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  media:\n    orientation: landscap\n"),
                       "t.yaml:5:18: unknown orientation 'landscap', did you mean 'landscape'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(
      load("manual:\n  - id: title-card\n    text: 片头\n"),
      "t.yaml:4:9: expected a manual item id such as manual.title-card, found 'title-card'",
      RuleError);
  CHECK_THROWS_WITH_AS(load("naming:\n  pattern: \"{titel}-{unit}\"\n"),
                       "t.yaml:4:12: unknown placeholder '{titel}', did you mean '{title}'?",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("notice_date: 2024-05-31\ndeadline: 2024-05-01\n"),
                       "t.yaml:4:1: deadline 2024-05-01 is before notice_date 2024-05-31",
                       RuleError);
}

TEST_CASE("rules::load_rules_text images, variants, documents and layout")
{
  const std::string category = "categories:\n  - name: 新媒体作品\n";
  CHECK_THROWS_WITH_AS(
      load(category + "    images:\n      - {role: poster, accept: 海报, paper: A3}\n"),
      "t.yaml:6:36: paper needs dpi to give a pixel size", RuleError);
  CHECK_THROWS_WITH_AS(
      load(category + "    images:\n      - {role: poster}\n"),
      "t.yaml:6:9: missing required key 'accept' (the words that mark this image in a "
      "file name)",
      RuleError);
  CHECK_THROWS_WITH_AS(
      load(category + "    variants:\n      subtitled: {accept: [字幕版]}\n"
                      "      clean: {accept: [字幕版]}\n"),
      "t.yaml:6:7: '字幕版' is accepted for both the subtitled and the clean version", RuleError);
  CHECK_THROWS_WITH_AS(load("documents:\n  - kind: 报名表\n  - {kind: 汇总表, aliases: 报名表}\n"),
                       "t.yaml:5:5: document kind '报名表' is defined twice", RuleError);
  CHECK_THROWS_WITH_AS(load("documents:\n  - {kind: 报名表, per: team}\n"),
                       "t.yaml:4:22: unknown document scope 'team' (expected one of: unit, work)",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("documents:\n  - {kind: 报名表}\nlayout:\n  folders:\n"
                            "    - {name: 表格, holds: [vidoe]}\n"),
                       "t.yaml:7:26: unknown file kind 'vidoe', did you mean 'video'?", RuleError);
  CHECK_THROWS_WITH_AS(
      load("naming:\n  pattern: \"{title}-{category}-{unit}\"\n"),
      "t.yaml:4:12: the pattern uses {category} but this rule set defines no categories",
      RuleError);
  CHECK_THROWS_WITH_AS(
      load("works:\n  name: 微视频\n"),
      "t.yaml:4:3: works: has no name: it applies to every work (named ones go under "
      "categories:)",
      RuleError);

  const RuleSet rules =
      load(category + "    images:\n      - {role: qr_code, accept: [二维码], qr_code: true}\n"
                      "    variants: {}\n");
  const CategoryRules& rules_of = *rules.category("新媒体作品");
  CHECK(rules_of.image_role("qr_code")->suffix == "（二维码）"); // from the first accepted word
  REQUIRE(rules_of.variants);
  CHECK(rules_of.variants->required);
  CHECK(rules_of.variants->subtitled.suffix == "（有字幕）"); // defaults
  CHECK(rules_of.variants->clean.accept.front() == "无字幕");
}

TEST_CASE("rules::load_rules_text duplicates and missing keys")
{
  CHECK_THROWS_WITH_AS(load_rules_text("id: a\ntitle: x\nid: b\n", "t.yaml", Lang::en),
                       "t.yaml:3:1: duplicate key 'id' (first at line 1)", RuleError);
  CHECK_THROWS_WITH_AS(
      load("works:\n  media:\n    - max_duration: 8min\n    - max_duration: 9min\n"),
      "t.yaml:6:7: 'max_duration' is already set at line 5", RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text("title: x\n", "t.yaml"),
                       "t.yaml:1:1: missing required key 'id'", RuleError);
  CHECK_THROWS_WITH_AS(load("categories:\n  - name: 微视频\n  - name: 微视频\n"),
                       "t.yaml:5:5: duplicate category '微视频'", RuleError);
  CHECK_THROWS_WITH_AS(load("categories:\n  - source: x\n"),
                       "t.yaml:4:5: missing required key 'name'", RuleError);
  CHECK_THROWS_WITH_AS(load("manual:\n  - id: manual.seal\n    text: 盖章\n"
                            "  - id: manual.other\n    text: 其他\n"
                            "  - id: manual.seal\n    text: 又一次\n"),
                       "t.yaml:8:9: duplicate manual item id 'manual.seal' (first at line 4)",
                       RuleError);
}

TEST_CASE("rules::load_rules_text many manual items load, each id kept once")
{
  std::string body = "manual:\n";
  for (int i = 0; i < 20000; ++i)
    body +=
        "  - id: manual.item-" + std::to_string(i) + "\n    text: 第" + std::to_string(i) + "项\n";
  const RuleSet rules = load(body);
  REQUIRE(rules.manual.size() == 20000);
  CHECK(rules.manual_item("manual.item-19999")->text.zh == "第19999项");
  CHECK_THROWS_WITH_AS(load(body + "  - id: manual.item-7\n    text: x\n"),
                       "t.yaml:40004:9: duplicate manual item id 'manual.item-7' (first at line "
                       "18)",
                       RuleError);
}

TEST_CASE("rules::load_rules_text quantities in their units")
{
  const RuleSet rules = load("works:\n"
                             "  media:\n"
                             "    - bitrate: 8 Mbps\n"
                             "      min_duration: \"1:30\"\n"
                             "      max_duration: 8min\n"
                             "      frame_rate: 29.97\n"
                             "      aspect_ratio: 16/9\n"
                             "    - min_loudness: -30 LUFS\n"
                             "categories:\n"
                             "  - name: 短片\n"
                             "    media:\n"
                             "      bitrate: 8M\n"
                             "      bitrate_tolerance: 800kbps\n"
                             "      max_duration: \"10:00\"\n");
  const MediaRules& media = rules.works.media;
  CHECK(media.bitrate->value.target == 8000000);
  CHECK(media.bitrate->value.min == 7200000); // 10% by default
  CHECK(media.bitrate->value.max == 8800000);
  CHECK(media.min_duration->value == 90);
  CHECK(media.max_duration->value == 480);
  CHECK(media.frame_rate->value == Rational{30000, 1001});
  CHECK(media.aspect_ratio->value == Rational{16, 9});
  CHECK(media.loudness->value.min == -30);
  CHECK_FALSE(media.loudness->value.max);
  CHECK(media.duration_tolerance == 0);

  // A category starts from works: and replaces what it sets.
  const MediaRules& short_film = rules.rules_for("短片").media;
  CHECK(short_film.bitrate->value.min == 7200000);
  CHECK(short_film.bitrate->value.max == 8800000);
  CHECK(short_film.max_duration->value == 600);
  CHECK(short_film.min_duration->value == 90);
  CHECK(short_film.frame_rate->value == Rational{30000, 1001});
}

TEST_CASE("rules::load_rules_text severity overrides")
{
  const RuleSet rules = load("severity:\n  video.codec: error\n  video.black: off\n");
  CHECK(rules.severity_of("video.codec") == Severity::error);
  CHECK(rules.severity_of("video.codec", Severity::info) == Severity::error);
  CHECK(rules.severity_of("audio.loudness") == Severity::warning);
  CHECK(rules.severity_of("manual.anything") == Severity::manual);
  CHECK(rules.disabled("video.black"));
  CHECK_FALSE(rules.disabled("video.codec"));

  const RuleSet manual = load("manual:\n  - id: manual.seal\n    text: {zh: 盖章, en: sealed}\n"
                              "severity:\n  manual.seal: info\n");
  CHECK(manual.severity_of("manual.seal") == Severity::info);
  CHECK(manual.manual_item("manual.seal")->text.en == "sealed");
}

TEST_CASE("rules::load_rules unknown ids and unreadable paths")
{
  CHECK_THROWS_WITH_AS(load_rules("changzhou"),
                       "unknown rule set 'changzhou', did you mean 'changzhou-2024'?", RuleError);
  CHECK_THROWS_WITH_AS(
      load_rules("nothing-like-it"),
      "unknown rule set 'nothing-like-it' (built-in: branch-everyone changzhou-2024 "
      "jiaozuo-2019 liaoning-2023; or give the path of a .yaml file)",
      RuleError);
  CHECK_THROWS_WITH_AS(
      load_rules("/nonexistent/rules.yaml"),
      "/nonexistent/rules.yaml: cannot read the rule file: No such file or directory", RuleError);
}

TEST_CASE("rules::load_rules reads a rule file from a path")
{
  const auto path = std::filesystem::temp_directory_path() / "mpcheck-test-rules.yaml";
  std::ofstream(path) << with_head("works:\n  media:\n    max_duration: 6min\n");
  const RuleSet rules = load_rules(path.string());
  std::filesystem::remove(path);
  CHECK(rules.works.media.max_duration->value == 360);
  CHECK(rules.file == path.string());
}

TEST_CASE("rules::RuleError keeps its parts")
{
  const RuleError error("a.yaml", 3, 7, "bad");
  CHECK(std::string(error.what()) == "a.yaml:3:7: bad");
  CHECK(error.file() == "a.yaml");
  CHECK(error.line() == 3);
  CHECK(error.column() == 7);
  CHECK(error.message() == "bad");
}

TEST_CASE("rules::load_rules_text refuses what no rule file holds, at its position")
{
  // A file saved as GBK by a Windows editor: 作品 is D7 F7 C6 B7 there.
  CHECK_THROWS_WITH_AS(load("layout:\n  folders:\n    - name: \xD7\xF7\xC6\xB7\n"),
                       "t.yaml:5:13: the file is not UTF-8 text (byte 0xD7); it was probably "
                       "saved as GBK/ANSI: save it again as UTF-8 (记事本：另存为 → 编码 UTF-8)",
                       RuleError);
  // Overlong and surrogate forms are not UTF-8 either.
  CHECK_THROWS_AS(load("note: \xC0\xAF\n"), RuleError);
  CHECK_THROWS_AS(load("note: \xED\xA0\x80\n"), RuleError);
  CHECK_THROWS_WITH_AS(load("categories:\n  - name: \"微\\0视频\"\n"),
                       "t.yaml:4:11: a control character (such as NUL or escape) in '微\0视频': "
                       "names and texts cannot hold one",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("---\nid: other\n"),
                       "t.yaml:3:1: a second YAML document ('---'): a file holds one rule set or "
                       "manifest",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("...\n"),
                       "t.yaml:3:1: a second YAML document ('---'): a file holds "
                       "one rule set or manifest",
                       RuleError);
  // A marker before any content opens the first document; "---x" and "  ---" are text.
  CHECK(load_rules_text("# rules\n---\nid: t\ntitle: 测试\n", "t.yaml").id == "t");
  CHECK(load_rules_text("id: t\ntitle: |\n  ---x\n    ---\n", "t.yaml").title.zh ==
        "---x\n  ---\n");
  // yaml-cpp's LoadAll never returns on this text (found by fuzz_rules): a plain error now.
  CHECK_THROWS_AS(load_rules_text(",\x04", "t.yaml"), RuleError);
  CHECK_THROWS_WITH_AS(load("works:\n  images:\n    - role: poster\n      dpi: 2147483647\n"),
                       "t.yaml:6:12: expected a whole number from 1 to 9600, found '2147483647'",
                       RuleError);
  for (const char* folder : {"../../outside", "/abs", "\"\"", "作品/子", ".."})
    CHECK_THROWS_WITH_AS(load(std::string("layout:\n  folders:\n    - name: ") + folder + "\n"),
                         doctest::Contains("expected a folder name right below the drive's root"),
                         RuleError);
}

TEST_CASE("rules::load_rules_text bit-rate bounds keep the block that sets each")
{
  const RuleSet one = load("works:\n"
                           "  media:\n"
                           "    - source: 8Mbps\n"
                           "      bitrate: 8Mbps\n");
  const BitrateRange& r1 = one.works.media.bitrate->value;
  CHECK(r1.min_origin.source == "8Mbps");
  CHECK(r1.max_origin.source == "8Mbps");
  CHECK(r1.max_origin.line == 6);

  const RuleSet two = load("works:\n"
                           "  media:\n"
                           "    - source: 码率8Mbps\n"
                           "      bitrate: 8Mbps\n"
                           "      min_bitrate: 6.8Mbps\n"
                           "    - source: 码率8Mbps\n"
                           "      note: far above is only a larger file\n"
                           "      severity: warning\n"
                           "      max_bitrate: 12Mbps\n");
  const auto& bitrate = *two.works.media.bitrate;
  CHECK(bitrate.value.target == 8000000);
  CHECK(bitrate.value.min == 6800000);
  CHECK(bitrate.value.max == 12000000);
  CHECK(bitrate.value.min_origin.line == 7);
  CHECK_FALSE(bitrate.value.min_origin.severity);
  CHECK(bitrate.value.max_origin.line == 11);
  CHECK(bitrate.value.max_origin.severity == Severity::warning);
  CHECK(bitrate.value.max_origin.note.zh == "far above is only a larger file");
  CHECK(two.severity_for("video.bitrate", bitrate.value.min_origin) == Severity::error);

  // A max_bitrate alone: the target's tolerance gives the lower side, with the target's block.
  const RuleSet three = load("works:\n"
                             "  media:\n"
                             "    - bitrate: 8Mbps\n"
                             "    - severity: warning\n"
                             "      max_bitrate: 12Mbps\n");
  const BitrateRange& r3 = three.works.media.bitrate->value;
  CHECK(r3.min == 7200000);
  CHECK_FALSE(r3.min_origin.severity);
  CHECK(r3.max_origin.severity == Severity::warning);
  // The same key twice is still refused.
  CHECK_THROWS_WITH_AS(load("works:\n"
                            "  media:\n"
                            "    - max_bitrate: 12Mbps\n"
                            "    - max_bitrate: 13Mbps\n"),
                       "t.yaml:6:7: 'max_bitrate' is already set at line 5", RuleError);
}

TEST_CASE("rules::load_rules_text deadlines: a severity, and documents with their own")
{
  const RuleSet r = load("notice_date: 2019-05-01\n"
                         "deadline:\n"
                         "  date: 2019-08-10\n"
                         "  source: 逾期不予受理\n"
                         "  severity: error\n"
                         "documents:\n"
                         "  - kind: 统计表\n"
                         "    deadline: 2019-09-30\n"
                         "  - kind: 师资库统计表\n"
                         "    units: [县委宣传部, 区委宣传部]\n"
                         "    deadline:\n"
                         "      date: 2019-06-30\n"
                         "      source: 于6月30日前报送\n"
                         "      note: its own date\n");
  CHECK(r.deadline->value == Date{2019, 8, 10});
  CHECK(r.deadline->origin.severity == Severity::error);
  CHECK(r.severity_for("submission.deadline", r.deadline->origin) == Severity::error);
  const DocumentRule* stats = r.document_rule("统计表");
  REQUIRE(stats->deadline);
  CHECK(stats->deadline->value == Date{2019, 9, 30});
  CHECK(stats->deadline->origin.line == 10);
  CHECK(r.severity_for("submission.deadline", stats->deadline->origin) == Severity::warning);
  const DocumentRule* pool = r.document_rule("师资库统计表");
  CHECK(pool->deadline->value == Date{2019, 6, 30});
  CHECK(pool->deadline->origin.source == "于6月30日前报送");
  CHECK(pool->deadline->origin.note.zh == "its own date");
  CHECK(pool->units == std::vector<std::string>{"县委宣传部", "区委宣传部"});
  CHECK(pool->required_of("博爱县委宣传部"));
  CHECK_FALSE(pool->required_of("市教育局"));
  // Each deadline is a clause of submission.deadline, the document's scoped by its kind.
  std::vector<std::string> scopes;
  for (const auto& c : r.clauses)
    if (c.check == "submission.deadline")
      scopes.push_back(c.scope + "=" + c.value);
  CHECK(scopes ==
        std::vector<std::string>{"=2019-08-10", "统计表=2019-09-30", "师资库统计表=2019-06-30"});
  // A file name marks the longest document name it holds.
  CHECK(r.names_document(*pool, "师资库统计表-博爱县委宣传部.docx"));
  CHECK_FALSE(r.names_document(*stats, "师资库统计表-博爱县委宣传部.docx"));
  CHECK(r.names_document(*stats, "统计表-博爱县委宣传部.docx"));

  CHECK_THROWS_WITH_AS(load("notice_date: 2019-05-01\n"
                            "documents:\n"
                            "  - kind: 统计表\n"
                            "    deadline: 2019-04-30\n"),
                       "t.yaml:6:5: deadline 2019-04-30 is before notice_date 2019-05-01",
                       RuleError);
  CHECK_THROWS_WITH_AS(load("documents:\n"
                            "  - kind: 统计表\n"
                            "    deadline: {dat: 2019-09-30}\n"),
                       "t.yaml:5:16: unknown key 'dat', did you mean 'date'?", RuleError);
  CHECK_THROWS_WITH_AS(load("deadline: {date: 2019-09-30, severity: warn}\n"),
                       "t.yaml:3:40: unknown severity 'warn', did you mean 'warning'?", RuleError);
}

TEST_CASE("rules::RuleSet::names_document: a file may hold two documents")
{
  const RuleSet r = load_rules("changzhou-2024");
  const DocumentRule* entry = r.document_rule("报名表");
  const DocumentRule* summary = r.document_rule("汇总表");
  CHECK(r.names_document(*entry, "报名表（汇总表）-钟楼区委组织部.docx"));
  CHECK(r.names_document(*summary, "报名表（汇总表）-钟楼区委组织部.docx"));
  CHECK_FALSE(r.names_document(*summary, "报名表-钟楼区委组织部.docx"));
}
