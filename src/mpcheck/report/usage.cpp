#include "mpcheck/report/usage.hpp"
#include "mpcheck/util/join.hpp"

#include <algorithm>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "mpcheck/util/suggest.hpp"

namespace mpcheck::report {

namespace {

using util::join;

using Row = std::pair<std::string_view, std::string_view>;

// Each command's help in Chinese (its English is where the command is registered, cli/*.cpp).
constexpr Row commands_zh[] = {
    {"", "mpcheck：按征集通知的要求检查党员教育作品（微党课/党员教育作品），并制作合规的报送U盘。"},
    {"check", "按规则集检查文件夹、文件或U盘"},
    {"rules", "内置规则集：列出、查看某一个、检查规则文件"},
    {"rules list", "列出内置规则集"},
    {"rules show", "逐条列出规则集的要求：检查编号和通知原文"},
    {"rules lint", "检查规则文件是否有误（有错误时退出码 2）"},
    {"rename", "按规则集的命名格式原地改名（写撤销记录，可撤销）"},
    {"pack",
     "把材料文件夹做成合规的报送U盘（写到 --out 指定的文件夹，从不改动材料），然后检查一遍"},
    {"init", "根据文件夹猜出一份 works.yaml，由您补全"},
    {"probe", "显示检查所用的媒体信息"},
    {"fix", "把不合格的视频转成合格的（在本程序内重新封装或重新编码），再检查一遍"},
};

// Options: "COMMAND OPTION" rows first (an option that means something else in that command),
// then "OPTION" rows shared by every command that has it.
constexpr Row options_zh[] = {
    {"check paths",
     "要检查的U盘或单位文件夹（各自单独成一份报送），或媒体文件（按文件检查，合为一份）"},
    {"check --rules", "内置规则集编号（见 mpcheck rules list）或 YAML 规则文件"},
    {"check --format", "报告格式：text、json（多个路径时为数组）、jsonl（每个路径"
                       "一行）、html（带缩略图的单个网页）、"
                       "junit 或 sarif"},
    {"check --as-of", "按这一天判断截止日期和作品年限（YYYY-MM-DD）"},
    {"check --unit", "报送单位：每个文件名都必须带上它"},
    {"check --fast", "跳过需要解码画面或声音的检查（二维码等）；这些检查不下结论"},
    {"pack src", "单位的材料（带 works.yaml，或已经按要求命名）"},
    {"pack --as-of", "按这一天判断截止日期，并作为表格上的日期（YYYY-MM-DD）"},
    {"pack --format", "报告格式：text 或 json"},
    {"pack --fast", "打包后的检查跳过需要解码画面或声音的部分（二维码等）"},
    {"pack --force", "覆盖已有的 --zip 或 -o 文件（从不覆盖源文件）"},
    {"pack --dry-run", "只显示计划，不写任何文件"},
    {"pack --clean", "删除 --out 文件夹里以前打包写入、这次不再产生的文件（如改名前的旧作品）"
                     "和系统垃圾文件，使U盘与打包计划一致；不是 pack 写入的文件从不删除"},
    {"pack --forms", "单位手工填写的表格：保留它们，只生成缺少的（keep，默认）；全部改用生成的（gen"
                     "erate）；或两者都要（both）"},
    {"pack --unit", "报送单位"},
    {"fix paths", "U盘、单位文件夹或视频文件"},
    {"fix --unit", "修复后的文件名里写上的报送单位"},
    {"fix --out", "把修复后的文件写到这个文件夹"},
    {"fix --in-place", "用修复后的文件替换原文件；原文件移到U盘旁边的“原始文件”文件夹"},
    {"fix --dry-run", "只显示修复计划，不写任何文件"},
    {"fix --trim", "剪掉超过规则最长时长的部分"},
    {"fix --pillarbox", "把竖屏画面放到横屏画布上（两侧加黑边）"},
    {"init --force", "覆盖已有的 works.yaml"},
    {"init --unit", "报送单位"},
    {"rename --unit", "把这个报送单位写进每个文件名"},
    {"rename --dry-run", "只显示新名字，不改名"},
    {"probe --format", "输出格式：text 或 json"},
    {"probe --fast", "不解码画面和声音：不读二维码，不从画面判断扫描方式，不测黑场、响度和静音"},
    {"rules show id", "规则集编号或 YAML 文件"},
    {"rules lint file", "YAML 规则文件"},
    {"--rules", "内置规则集编号或 YAML 规则文件"},
    {"--waive", "去掉这个检查编号的结果（可重复；'video.*' 表示整个类别）"},
    {"--strict", "警告也按错误算退出码（= --fail-on warning）"},
    {"--fail-on", "出现这个级别或更严重的结果时退出码为 1：error（默认）或 warning"},
    {"--exit-zero", "无论结果如何都以 0 退出（用法错误和运行错误仍为 2 和 3）"},
    {"--fat32", "U盘是 FAT32 格式：4 GiB 及以上的文件算错误"},
    {"--out", "目标文件夹（U盘）"},
    {"--manifest", "要使用的 works.yaml（默认：材料文件夹里的 works.yaml，如果有）"},
    {"--zip",
     "同时把打包好的U盘（含校验清单）写成 ZIP 文件（不能在材料文件夹或 --out 文件夹之内）"},
    {"--verify", "把写入的每个文件读回来（绕过缓存）逐字节比较"},
    {"--journal", "撤销记录写到哪里（默认：./mpcheck-rename-日期-时间.json）"},
    {"--undo", "按撤销记录恢复原来的名字"},
    {"--notice", "通知原文：规则里每一句原文都必须能在其中找到"},
    {"--no-scan", "只读文件头：不对没有索引的容器（TS、Matroska）逐包读取"},
    {"--lang", "信息的语言：zh（默认）或 en"},
    {"--output", "把报告写到这个文件，而不是标准输出"},
    {"--jobs", "同时处理的文件数（默认：全部 CPU 核）"},
    {"--quiet", "只输出报告本身"},
    {"--no-color", "不用颜色（也可设 NO_COLOR）"},
    {"--help", "显示帮助并退出"},
    {"--version", "显示版本并退出"},
    {"dir", "要改名的文件夹"},
    {"files", "媒体文件或图片"},
    {"src", "放着单位材料的文件夹"},
};

// What each option's value is, by the option's long or positional name.
constexpr Row values_zh[] = {
    {"paths", "路径"},          {"files", "文件"},    {"dir", "文件夹"},
    {"src", "文件夹"},          {"id", "规则集"},     {"file", "文件"},
    {"--rules", "规则集"},      {"--output", "文件"}, {"--out", "文件夹"},
    {"--unit", "单位名称"},     {"--as-of", "日期"},  {"--waive", "检查编号"},
    {"--manifest", "文件"},     {"--zip", "文件"},    {"--journal", "文件"},
    {"--undo", "撤销记录文件"}, {"--notice", "文件"},
};

// CLI11's own type names.
constexpr Row types_zh[] = {{"TEXT", "文本"}, {"INT", "整数"}, {"UINT", "整数"}, {"FLOAT", "数"}};

constexpr Row labels_zh[] = {
    {"Usage", "用法"},       {"OPTIONS", "选项"},
    {"Options", "选项"},     {"SUBCOMMAND", "命令"},
    {"SUBCOMMANDS", "命令"}, {"Subcommands", "命令"},
    {"Positionals", "参数"}, {"REQUIRED", "（必填）"},
    {"Needs", "需要"},       {"Excludes", "不能与之同用"},
    {"Env", "环境变量"},
};

std::optional<std::string> find(std::span<const Row> rows, std::string_view key)
{
  for (const auto& [k, v] : rows)
    if (k == key)
      return std::string(v);
  return std::nullopt;
}

std::string_view after(std::string_view text, std::string_view prefix)
{
  return text.substr(std::min(text.size(), prefix.size()));
}

// The words CLI11 lists after "The following argument(s) was/were not expected: ".
std::vector<std::string> split_words(std::string_view text)
{
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start)
      out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates, Lang lang)
{
  const auto best = closest_match(word, candidates);
  if (!best)
    return "";
  return lang == Lang::en ? fmt::format(", did you mean '{}'?", *best)
                          : fmt::format("，您是不是要用“{}”？", *best);
}

std::string unknown_command(const UsageContext& c, Lang lang)
{
  const bool en = lang == Lang::en;
  if (!c.typed_command.empty()) {
    const std::string hint = suggestion(c.typed_command, c.subcommands, lang);
    if (!hint.empty())
      return en ? fmt::format("unknown command '{}'{}", c.typed_command, hint)
                : fmt::format("未知命令“{}”{}", c.typed_command, hint);
    return en ? fmt::format("unknown command '{}'; the commands: {}", c.typed_command,
                            join(c.subcommands, ", "))
              : fmt::format("未知命令“{}”；可用的命令：{}", c.typed_command,
                            join(c.subcommands, "、"));
  }
  return en ? fmt::format("a command is required: {}", join(c.subcommands, ", "))
            : fmt::format("缺少命令：{} 之一", join(c.subcommands, "、"));
}

std::string unexpected(std::string_view list, const UsageContext& c, Lang lang)
{
  const bool en = lang == Lang::en;
  std::string out;
  for (const auto& word : split_words(list)) {
    if (!out.empty())
      out += en ? "; " : "；";
    if (word.starts_with("-")) {
      const std::string name = word.substr(0, word.find('='));
      out += (en ? fmt::format("unknown option '{}'", name) : fmt::format("未知选项“{}”", name)) +
             suggestion(name, c.options, lang);
    } else if (!c.subcommands.empty()) {
      UsageContext typed = c;
      typed.typed_command = word;
      out += unknown_command(typed, lang);
    } else {
      out +=
          en ? fmt::format("unexpected argument '{}'", word) : fmt::format("多余的参数“{}”", word);
    }
  }
  return out;
}

// "--rules: 1 required TEXT missing", "Expected exactly 1 arguments to --rules, got 0".
std::string missing_value(std::string_view what, Lang lang)
{
  std::string name;
  if (const std::size_t colon = what.find(": "); colon != std::string_view::npos)
    name = what.substr(0, colon);
  else if (const std::size_t to = what.find(" arguments to "); to != std::string_view::npos)
    name = what.substr(to + 14, what.find(',', to) - to - 14);
  if (name.empty())
    return lang == Lang::en ? std::string(what) : fmt::format("参数个数不对（{}）", what);
  return lang == Lang::en ? fmt::format("{} needs a value", name)
                          : fmt::format("{} 后面缺少值", name);
}

// "--format: html2 not in {text,json}", "--jobs: Value 0 not in range 1 to 256",
// "--lang: Check fr value in {zh,en} FAILED" and the like.
std::string bad_value(std::string_view what, Lang lang)
{
  const std::size_t colon = what.find(": ");
  if (colon == std::string_view::npos || lang == Lang::en)
    return std::string(what);
  const std::string name(what.substr(0, colon));
  const std::string_view rest = what.substr(colon + 2);
  if (const std::size_t in = rest.find(" not in {"); in != std::string_view::npos) {
    std::string set(rest.substr(in + 9));
    set = set.substr(0, set.find('}'));
    std::replace(set.begin(), set.end(), ',', '/');
    return fmt::format("{} 的值“{}”不可用：可选 {}", name, rest.substr(0, in), set);
  }
  if (const std::size_t range = rest.find(" not in range "); range != std::string_view::npos) {
    std::string bounds(rest.substr(range + 14));
    if (const std::size_t to = bounds.find(" to "); to != std::string::npos)
      bounds.replace(to, 4, " 到 ");
    return fmt::format("{} 的值“{}”超出范围：应在 {} 之间", name,
                       after(rest.substr(0, range), "Value "), bounds);
  }
  return fmt::format("{} 的值不对（{}）", name, rest);
}

// "Could not convert: -j = x", "The value x is not an allowed value for -j".
std::string not_converted(std::string_view what, Lang lang)
{
  if (lang == Lang::en)
    return std::string(what);
  if (what.starts_with("Could not convert: ")) {
    const std::string_view rest = after(what, "Could not convert: ");
    const std::size_t eq = rest.find(" = ");
    if (eq != std::string_view::npos)
      return fmt::format("{} 的值“{}”不是一个数", rest.substr(0, eq), rest.substr(eq + 3));
  }
  if (const std::size_t at = what.find(" is not an allowed value for ");
      at != std::string_view::npos && what.starts_with("The value "))
    return fmt::format("{} 的值“{}”不可用", what.substr(at + 29), what.substr(10, at - 10));
  return fmt::format("选项的值不对（{}）", what);
}

// CLI11's "--out excludes --in-place" and "--a requires --b" in Chinese, or nullopt.
std::optional<std::string> two_options(std::string_view what)
{
  for (const auto& [word, zh] :
       {std::pair<std::string_view, const char*>{" excludes ", "{} 不能与 {} 同时使用"},
        {" requires ", "{} 需要同时给出 {}"}})
    if (const std::size_t at = what.find(word); at != std::string_view::npos)
      return fmt::format(fmt::runtime(zh), what.substr(0, at), what.substr(at + word.size()));
  return std::nullopt;
}

std::string message(std::string_view kind, std::string_view what, const UsageContext& c, Lang lang)
{
  const bool en = lang == Lang::en;
  if (kind == "RequiredError") {
    if (what.starts_with("A subcommand") || what.starts_with("Requires at least"))
      return unknown_command(c, lang);
    if (what.ends_with(" is required")) {
      const std::string_view name = what.substr(0, what.size() - 12);
      if (en)
        return std::string(what);
      if (c.positional)
        return fmt::format("缺少参数：{}", *c.positional);
      if (!name.starts_with("-"))
        return fmt::format("缺少参数（{}）", name);
      return fmt::format("缺少必填的选项 {}", name);
    }
  }
  // A subcommand's ExtrasError carries the subcommand's name as its kind: known by its text.
  if (const std::size_t at = what.find("not expected: "); at != std::string_view::npos)
    return unexpected(what.substr(at + 14), c, lang);
  if (kind == "ArgumentMismatch")
    return missing_value(what, lang);
  if (kind == "ValidationError")
    return bad_value(what, lang);
  if (kind == "ConversionError")
    return not_converted(what, lang);
  if (!en)
    if (auto zh = two_options(what))
      return *zh;
  return en ? std::string(what) : fmt::format("命令行有误（{}）", what);
}

} // namespace

std::optional<std::string> command_help_zh(std::string_view command)
{
  return find(commands_zh, command);
}

std::optional<std::string> option_help_zh(std::string_view command, std::string_view option)
{
  if (auto own = find(options_zh, std::string(command) + " " + std::string(option)))
    return own;
  return find(options_zh, option);
}

std::string value_zh(std::string_view option, std::string_view type_name)
{
  const std::size_t colon = type_name.find(':');
  const std::string_view type = type_name.substr(0, colon);
  const std::string_view rest =
      colon == std::string_view::npos ? std::string_view{} : type_name.substr(colon + 1);
  const std::string name =
      find(values_zh, option).value_or(find(types_zh, type).value_or(std::string(type)));
  if (rest.empty())
    return name;
  if (rest.starts_with("{")) // IsMember: the set says it all
    return std::string(rest) + " 之一";
  // Range: "INT in [1 - 256]".
  if (const std::size_t in = rest.find(" in [");
      in != std::string_view::npos && rest.ends_with("]")) {
    std::string bounds(rest.substr(in + 5, rest.size() - in - 6));
    if (const std::size_t dash = bounds.find(" - "); dash != std::string::npos)
      bounds.replace(dash, 3, " 到 ");
    return name + "（" + bounds + "）";
  }
  return name + "（" + std::string(rest) + "）";
}

std::string help_label_zh(std::string_view key)
{
  return find(labels_zh, key).value_or(std::string(key));
}

std::string usage_error(std::string_view kind, std::string_view what, const UsageContext& context,
                        Lang lang)
{
  const std::string text = message(kind, what, context, lang);
  const std::string command = context.command.empty() ? "mpcheck" : context.command;
  return lang == Lang::en ? fmt::format("{}\nRun '{} --help' for the usage.", text, command)
                          : fmt::format("{}\n用法见 {} --help", text, command);
}

} // namespace mpcheck::report
