#include "mpcheck/manifest/lecture_record.hpp"

#include <doctest/doctest.h>

#include "mpcheck/rules/loader.hpp"

using mpcheck::manifest::record_gaps;

namespace {

const mpcheck::rules::RuleSet& branch()
{
  static const auto r = mpcheck::rules::load_rules("branch-everyone");
  return r;
}

mpcheck::manifest::Manifest parse(const std::string& yaml, const mpcheck::rules::RuleSet& rules)
{
  return mpcheck::manifest::parse_manifest(yaml, "works.yaml", "/src", rules,
                                           [](const std::string&) { return true; });
}

// Each gap as "LINE:COL key required|optional".
std::vector<std::string> gaps_of(const std::string& yaml,
                                 const mpcheck::rules::RuleSet& rules = branch())
{
  std::vector<std::string> out;
  for (const auto& g : record_gaps(parse(yaml, rules), rules))
    out.push_back(std::to_string(g.line) + ":" + std::to_string(g.column) + " " +
                  std::string(g.field->key) + (g.required ? " required" : " optional"));
  return out;
}

} // namespace

TEST_CASE("manifest::wants_lecture_record follows the rule set's manual.lesson-record")
{
  CHECK(mpcheck::manifest::wants_lecture_record(branch()));
  CHECK_FALSE(
      mpcheck::manifest::wants_lecture_record(mpcheck::rules::load_rules("changzhou-2024")));
  CHECK_FALSE(mpcheck::manifest::wants_lecture_record(mpcheck::rules::load_rules("jiaozuo-2019")));
}

TEST_CASE("manifest::record_requires reads the cells from the notice's sentence")
{
  // 党支部安排专人对授课情况进行记录,包括授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况等
  for (const auto& f : mpcheck::manifest::record_fields)
    CHECK(mpcheck::manifest::record_requires(branch(), f));
  auto narrower = branch();
  for (auto& item : narrower.manual)
    if (item.id == "manual.lesson-record")
      item.origin.source = "记录授课时间、授课人";
  CHECK(mpcheck::manifest::record_requires(narrower, mpcheck::manifest::record_fields[0]));
  CHECK_FALSE(mpcheck::manifest::record_requires(narrower, mpcheck::manifest::record_fields[5]));
}

TEST_CASE("manifest::record_gaps lists the empty cells of each lecture")
{
  const std::string lectures = R"(unit: 第一党支部
works:
  - title: 红色足迹
    files: {video: a.mp4}
lectures:
  - title: 红色足迹
    date: 2024-05-01
    speaker: 李明
    content: 要点
    audience: 全体党员
    discussion: 谈体会
  - speaker: 王芳
    discussion: ""
)";
  CHECK(gaps_of(lectures) == std::vector<std::string>{"12:5 date required", "12:5 title required",
                                                      "12:5 content required",
                                                      "12:5 audience required",
                                                      "12:5 discussion required"});
  // No lectures: the works are the lectures, the summary standing for the content.
  CHECK(gaps_of(R"(unit: 第一党支部
works:
  - title: 红色足迹
    files: {video: a.mp4}
    summary: 要点
    speaker: 李明
)") == std::vector<std::string>{"3:5 date required", "3:5 audience required",
                                "3:5 discussion required"});
  // A rule set without the record has no gaps.
  const auto changzhou = mpcheck::rules::load_rules("changzhou-2024");
  CHECK(record_gaps(parse("unit: 单位\nworks: []\nlectures:\n  - speaker: 李明\n", changzhou),
                    changzhou)
            .empty());
}

TEST_CASE("manifest::gap_error says the form, the cell, the lecture and where to write it")
{
  const auto m = parse(R"(unit: 第一党支部
works:
  - title: 红色足迹
    files: {video: a.mp4}
lectures:
  - title: 红色足迹
    date: 2024-05-01
    speaker: ""
    content: 要点
    audience: 全体党员
    discussion: 谈体会
)",
                       branch());
  const auto gaps = record_gaps(m, branch());
  REQUIRE(gaps.size() == 1);
  CHECK(std::string(
            mpcheck::manifest::gap_error(gaps[0], "材料/works.yaml", mpcheck::Lang::zh).what()) ==
        "材料/works.yaml:6:5: 授课记录的“授课人”一栏会是空的：这一次讲课（《红色足迹》）没有填 "
        "speaker。请在 works.yaml 这一条下写 speaker: 授课人姓名（通知要求记录授课人）");
  CHECK(
      std::string(mpcheck::manifest::gap_error(gaps[0], "works.yaml", mpcheck::Lang::en).what()) ==
      "works.yaml:6:5: the 授课记录 would have its 授课人 (speaker) cell empty: the lecture "
      "《红色足迹》 gives no speaker. Write speaker: (the speaker's name) under this lecture in "
      "works.yaml (the notice asks the record to give it)");
  auto work = gaps[0];
  work.from_work = true;
  work.required = false;
  work.field = &mpcheck::manifest::record_fields[3];
  CHECK(std::string(mpcheck::manifest::gap_error(work, "works.yaml", mpcheck::Lang::zh).what()) ==
        "works.yaml:6:5: 授课记录的“主要内容”一栏会是空的：作品《红色足迹》没有填 "
        "content（也没有 summary）。请在 works.yaml 这个作品下写 content: 主要内容");
}
