#include "mpcheck/rules/reader_words.hpp"

#include <doctest/doctest.h>

#include "rules_testing.hpp"

using namespace mpcheck;
using namespace mpcheck::rules;

namespace {

using Kind = ReaderProblem::Kind;

std::string both(const ReaderProblem& p)
{
  return reader_message(p, Lang::zh) + " | " + reader_message(p, Lang::en);
}

Found value(std::string text)
{
  return {Found::Kind::value, std::move(text)};
}

} // namespace

TEST_CASE("rules::reader_message a wrong type says what was expected and found, in each language")
{
  const Found list{Found::Kind::list, ""};
  CHECK(both(ReaderProblem::mismatch(Expected::string, list)) ==
        "应为一段文字，实际是一个列表 | expected a string, found a list");
  CHECK(both(ReaderProblem::mismatch(Expected::strings, {Found::Kind::map, ""})) ==
        "应为一段文字或一列文字，实际是一组“键: 值” | expected a string or a list of strings, "
        "found a map");
  CHECK(both(ReaderProblem::mismatch(Expected::text, list)) ==
        "应为一段文字，或含 zh 和 en 的一组“键: 值”，实际是一个列表 | expected a string or a map "
        "with zh and en, found a list");
  CHECK(both(ReaderProblem::mismatch(Expected::boolean, value("yes please"))) ==
        "应为 true 或 false，实际是“yes please” | expected true or false, found 'yes please'");
  CHECK(both(ReaderProblem::mismatch(Expectation(1, 100), value("0"))) ==
        "应为 1 到 100 之间的整数，实际是“0” | expected a whole number from 1 to 100, found '0'");
  CHECK(both(ReaderProblem::mismatch(Expected::date, {})) ==
        "应为日期，如 2024-09-05，实际是空白（什么也没填） | expected a date such as 2024-09-05, "
        "found nothing");
  CHECK(both(ReaderProblem::mismatch(Text{"一个作品", "a work"}, value("初心"))) ==
        "应为一个作品，实际是“初心” | expected a work, found '初心'");
  CHECK(both(ReaderProblem::mismatch(std::vector<std::string>{"a", "b"}, list)) ==
        "应为以下之一：a、b，实际是一个列表 | expected one of: a, b, found a list");
  // Every kind of expectation has words in both languages.
  for (int k = 0; k <= int(Expected::one_of); ++k) {
    CAPTURE(k);
    Expectation e(static_cast<Expected>(k));
    e.what = Text{"某物", "a thing"};
    CHECK_FALSE(expected_words(e, Lang::zh).empty());
    CHECK_FALSE(expected_words(e, Lang::en).empty());
  }
}

TEST_CASE("rules::reader_message unknown words, keys and choices")
{
  const std::vector<std::string> keys = {"title", "category"};
  CHECK(both(ReaderProblem::unknown(Kind::unknown_key, {"键", "key"}, "titel", keys)) ==
        "未知的键 'titel'，您是不是要写 'title'？ | unknown key 'titel', did you mean 'title'?");
  CHECK(both(ReaderProblem::unknown(Kind::unknown_key, {"键", "key"}, "colour", keys)) ==
        "未知的键 'colour'；这里可用的键：title, category | unknown key 'colour'; known keys "
        "here: title, category");
  CHECK(both(ReaderProblem::unknown(Kind::unknown_choice, {"范围", "scope"}, "team",
                                    {"unit", "work"})) ==
        "未知的范围 'team'（可选：unit、work） | unknown scope 'team' (expected one of: unit, "
        "work)");
  CHECK(both(ReaderProblem::unknown(Kind::unknown_word, {"分类", "category"}, "微视屏",
                                    {"微视频"})) ==
        "未知的分类 '微视屏'，您是不是要写 '微视频'？ | unknown category '微视屏', did you mean "
        "'微视频'?");
}

TEST_CASE("rules::reader_message the file's own problems")
{
  CHECK(both(ReaderProblem::duplicate_key("id", 1)) ==
        "键 'id' 写了两次（第一次在第 1 行）：删去一处 | duplicate key 'id' (first at line 1)");
  CHECK(reader_message(ReaderProblem::not_utf8(0xD7), Lang::zh)
            .starts_with("文件不是 UTF-8 文本（字节 0xD7）"));
  CHECK(reader_message(ReaderProblem::not_utf8(0xD7), Lang::en)
            .starts_with("the file is not UTF-8 text (byte 0xD7)"));
  CHECK(reader_message(ReaderProblem::syntax("illegal map value"), Lang::zh)
            .starts_with("YAML 格式错误：这里不能写值"));
  CHECK(reader_message(ReaderProblem::syntax("illegal tab when looking for indentation"), Lang::zh)
            .starts_with("YAML 格式错误：缩进里用了 Tab 键"));
  // A message yaml-cpp may add later is said in general words, never in English.
  CHECK(reader_message(ReaderProblem::syntax("some new problem"), Lang::zh)
            .starts_with("YAML 格式错误：写法不符合 YAML 的规则。"));
  CHECK(reader_message(ReaderProblem::syntax("illegal map value"), Lang::en) ==
        "YAML syntax error: illegal map value");
  CHECK(reader_message(ReaderProblem::syntax("illegal tab when looking for indentation"), Lang::en)
            .starts_with("YAML syntax error: a Tab in the indentation"));
  CHECK(reader_message(ReaderProblem::of(Kind::second_document), Lang::zh)
            .starts_with("出现了第二个"));
  CHECK(both(ReaderProblem::of(Kind::missing_zh)) ==
        "缺少 'zh'：中文文字必须给出 | missing 'zh': the Chinese text is required");
  CHECK(reader_message(ReaderProblem::control_character(value("a")), Lang::zh).find("控制字符") !=
        std::string::npos);
}

TEST_CASE("rules::load_rules_text words the reader's problems in the language asked for")
{
  const std::string yaml = with_head("works:\n  media:\n    resolution: [1920, 1080]\n");
  CHECK_THROWS_WITH_AS(load_rules_text(yaml, "t.yaml"),
                       "t.yaml:5:17: 应为像素尺寸，如 \"1920x1080\"，实际是一个列表", RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text(yaml, "t.yaml", Lang::en),
                       "t.yaml:5:17: expected a pixel size such as \"1920x1080\", found a list",
                       RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text("id: t\ntitle: [a]\n", "t.yaml"),
                       "t.yaml:2:8: 应为一段文字，或含 zh 和 en 的一组“键: 值”，实际是一个列表",
                       RuleError);
  CHECK_THROWS_WITH_AS(load_rules_text(with_head("works: [1]\n"), "t.yaml"),
                       "t.yaml:3:8: 应为所有作品的规则（一组“键: 值”），实际是一个列表", RuleError);
}

TEST_CASE("rules::colon_slip finds a key's Chinese colon or a colon without a space")
{
  auto slip = colon_slip("    creators：张三");
  REQUIRE(slip);
  CHECK(slip->key == "creators");
  CHECK(slip->chinese);
  CHECK(slip->column == 13);
  slip = colon_slip("  - title:初心");
  REQUIRE(slip);
  CHECK(slip->key == "title");
  CHECK_FALSE(slip->chinese);
  CHECK(slip->column == 10);
  CHECK_FALSE(colon_slip("    creators: 张三"));
  CHECK_FALSE(colon_slip("    summary:"));
  CHECK_FALSE(colon_slip("    summary: \"时间 12:30\""));
  CHECK_FALSE(colon_slip("  # 注释：说明"));
  CHECK_FALSE(colon_slip(""));
  CHECK(both(ReaderProblem::colon_slip("creators", true)) ==
        "“creators：”用了中文冒号：键名后面要用英文冒号加一个空格，写成“creators: ” | "
        "'creators：' has a Chinese colon: a key takes an ASCII colon and a space, 'creators: '");
  CHECK(both(ReaderProblem::colon_slip("title", false)) ==
        "“title:”后面少了空格：英文冒号后面要空一格，写成“title: ” | no space after 'title:': a "
        "key's colon takes a space after it, 'title: '");
}

TEST_CASE("rules::load_rules_text a YAML syntax error names the colon slip behind it")
{
  CHECK_THROWS_WITH_AS(
      load_rules_text("id: t\ntitle：x\nnote: y\n", "t.yaml"),
      "t.yaml:2:6: “title：”用了中文冒号：键名后面要用英文冒号加一个空格，写成“title: ”",
      RuleError);
}
