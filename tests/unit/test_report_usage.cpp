#include "mpcheck/report/usage.hpp"

#include <doctest/doctest.h>

using mpcheck::Lang;
using mpcheck::report::usage_error;
using mpcheck::report::UsageContext;

namespace {

UsageContext top()
{
  UsageContext c;
  c.command = "mpcheck";
  c.subcommands = {"check", "rules", "rename", "pack", "init", "probe"};
  c.options = {"--help", "-h", "--version"};
  return c;
}

UsageContext check()
{
  UsageContext c;
  c.command = "mpcheck check";
  c.options = {"--rules", "--format", "--waive", "--output", "-o", "--lang"};
  return c;
}

} // namespace

TEST_CASE("report::usage_error: a mistyped command gets the closest one")
{
  UsageContext c = top();
  c.typed_command = "chek";
  CHECK(usage_error("RequiredError", "A subcommand is required", c, Lang::zh) ==
        "未知命令“chek”，您是不是要用“check”？\n用法见 mpcheck --help");
  CHECK(usage_error("RequiredError", "A subcommand is required", c, Lang::en) ==
        "unknown command 'chek', did you mean 'check'?\nRun 'mpcheck --help' for the usage.");
  c.typed_command = "xyzzy";
  CHECK(usage_error("RequiredError", "A subcommand is required", c, Lang::zh)
            .starts_with("未知命令“xyzzy”；可用的命令：check、rules、"));
  CHECK(usage_error("RequiredError", "A subcommand is required", top(), Lang::zh)
            .starts_with("缺少命令：check、rules、rename、pack、init、probe 之一"));
}

TEST_CASE("report::usage_error: missing options and values, unknown options, values not allowed")
{
  CHECK(usage_error("RequiredError", "--rules is required", check(), Lang::zh) ==
        "缺少必填的选项 --rules\n用法见 mpcheck check --help");
  UsageContext paths = check();
  paths.positional = "要检查的U盘";
  CHECK(usage_error("RequiredError", "paths is required", paths, Lang::zh)
            .starts_with("缺少参数：要检查的U盘\n"));
  CHECK(usage_error("RequiredError", "paths is required", check(), Lang::zh)
            .starts_with("缺少参数（paths）\n"));
  CHECK(usage_error("ExcludesError", "--out excludes --in-place", check(), Lang::zh)
            .starts_with("--out 不能与 --in-place 同时使用\n"));
  CHECK(usage_error("RequiresError", "--zip requires --out", check(), Lang::zh)
            .starts_with("--zip 需要同时给出 --out\n"));
  CHECK(usage_error("ExcludesError", "--out excludes --in-place", check(), Lang::en)
            .starts_with("--out excludes --in-place\n"));
  CHECK(usage_error("ExtrasError", "The following argument was not expected: --rulez", check(),
                    Lang::zh)
            .starts_with("未知选项“--rulez”，您是不是要用“--rules”？"));
  CHECK(usage_error("ExtrasError", "The following arguments were not expected: --formt=html x",
                    check(), Lang::en)
            .starts_with("unknown option '--formt', did you mean '--format'?; unexpected "
                         "argument 'x'"));
  CHECK(usage_error("check", "The following argument was not expected: --rulez", check(), Lang::zh)
            .starts_with("未知选项“--rulez”")); // a subcommand's ExtrasError is named after it
  CHECK(usage_error("ArgumentMismatch", "--rules: 1 required TEXT missing", check(), Lang::zh)
            .starts_with("--rules 后面缺少值"));
  CHECK(usage_error("ValidationError", "--format: html2 not in {text,json,html}", check(), Lang::zh)
            .starts_with("--format 的值“html2”不可用：可选 text/json/html"));
  CHECK(usage_error("ValidationError", "--jobs: Value 0 not in range 1 to 256", check(), Lang::zh)
            .starts_with("--jobs 的值“0”超出范围：应在 1 到 256 之间"));
  CHECK(usage_error("ConversionError", "Could not convert: --jobs = many", check(), Lang::zh)
            .starts_with("--jobs 的值“many”不是一个数"));
}

TEST_CASE("report: the Chinese help of commands and options")
{
  using mpcheck::report::command_help_zh;
  using mpcheck::report::option_help_zh;
  CHECK(command_help_zh("check") == "按规则集检查文件夹、文件或U盘");
  CHECK_FALSE(command_help_zh("nosuch"));
  CHECK(option_help_zh("check", "--rules")->starts_with("内置规则集编号（见 mpcheck rules list）"));
  CHECK(option_help_zh("init", "--rules") == "内置规则集编号或 YAML 规则文件"); // shared row
  CHECK(option_help_zh("probe", "--format") == "输出格式：text 或 json");
  CHECK_FALSE(option_help_zh("check", "--no-such-option"));
  CHECK(mpcheck::report::help_label_zh("Usage") == "用法");
  CHECK(mpcheck::report::help_label_zh("UNKNOWN") == "UNKNOWN");
}

TEST_CASE("report::value_zh: an option's value in words, never CLI11's TEXT or INT")
{
  using mpcheck::report::value_zh;
  CHECK(value_zh("--rules", "TEXT") == "规则集");
  CHECK(value_zh("paths", "TEXT") == "路径");
  CHECK(value_zh("--output", "TEXT") == "文件");
  CHECK(value_zh("--lang", "TEXT:{zh,en}") == "{zh,en} 之一");
  CHECK(value_zh("--jobs", "INT:INT in [1 - 256]") == "整数（1 到 256）");
  CHECK(value_zh("--something", "TEXT") == "文本");
  CHECK(value_zh("--count", "INT") == "整数");
}
