#include "mpcheck/rules/reader_words.hpp"
#include "mpcheck/util/join.hpp"

#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules {

namespace {

// yaml-cpp's messages (yaml-cpp/exceptions.h, ErrorMsg) in Chinese: a clerk never reads the
// parser's English. One table; a message not in it is said in general words.
std::string syntax_zh(const std::string& en)
{
  static constexpr std::pair<std::string_view, std::string_view> table[] = {
      {"illegal tab when looking for indentation",
       "缩进里用了 Tab 键，YAML 只能用空格缩进（把 Tab 换成空格，与上下同级的行对齐）"},
      {"end of map not found", "这一组“键: 值”没有正常结束（多半是缩进不齐）"},
      {"end of map flow not found", "花括号“{”没有配对的“}”"},
      {"end of sequence not found", "列表没有正常结束（多半是缩进不齐）"},
      {"end of sequence flow not found", "方括号“[”没有配对的“]”"},
      {"illegal map value", "这里不能写值（多半是一行里有两个冒号，或冒号后少了空格）"},
      {"illegal map key", "这里不能写键"},
      {"illegal block entry", "这里不能出现以“- ”开头的列表项（多半是缩进不齐）"},
      {"illegal flow end", "多出了一个右括号“]”或“}”"},
      {"illegal EOF in scalar", "文件在引号里就结束了（少了一个右引号）"},
      {"illegal character in scalar", "文字里有不能出现的字符"},
      {"illegal document indicator in scalar", "文字里出现了“---”或“...”"},
      {"unknown token", "有无法识别的内容"},
      {"unknown escape character: ", "双引号里有无法识别的转义（反斜杠“\\”后的字符）"},
      {"invalid character in single-quoted string", "单引号里有不能出现的字符"},
      {"alias not found after *", "“*”后面缺少名字"},
      {"anchor not found after &", "“&”后面缺少名字"},
      {"the referenced anchor is not defined", "引用了没有定义的“&”名字"},
      {"unexpected character in block scalar", "多行文字（| 或 >）里有不该出现的字符"},
      {"cannot set zero indentation for a block scalar", "多行文字（| 或 >）的缩进不能为 0"},
  };
  for (const auto& [key, zh] : table)
    if (en.starts_with(key))
      return std::string(zh);
  return "写法不符合 YAML 的规则";
}

using util::join;

std::string expected_zh(const Expectation& e)
{
  switch (e.kind) {
  case Expected::string:
    return "一段文字";
  case Expected::key:
    return "一个键名";
  case Expected::strings:
    return "一段文字或一列文字";
  case Expected::boolean:
    return "true 或 false";
  case Expected::whole_number:
    return fmt::format("{} 到 {} 之间的整数", e.min, e.max);
  case Expected::number:
    return "一个数";
  case Expected::seconds:
    return "秒数，如 480 或 \"8min\"";
  case Expected::bit_rate:
    return "码率，如 8000000 或 \"8Mbps\"";
  case Expected::loudness:
    return "响度（LUFS），如 -23";
  case Expected::percentage:
    return "百分比，如 \"10%\"";
  case Expected::frame_rate:
    return "帧率，如 25 或 \"30000/1001\"";
  case Expected::aspect_ratio:
    return "宽高比，如 \"16:9\"";
  case Expected::pixel_size:
    return "像素尺寸，如 \"1920x1080\"";
  case Expected::date:
    return "日期，如 2024-09-05";
  case Expected::text:
    return "一段文字，或含 zh 和 en 的一组“键: 值”";
  case Expected::named:
    return e.what.zh;
  case Expected::one_of:
    return "以下之一：" + join(e.names, "、");
  }
  return "";
}

std::string expected_en(const Expectation& e)
{
  switch (e.kind) {
  case Expected::string:
    return "a string";
  case Expected::key:
    return "a key";
  case Expected::strings:
    return "a string or a list of strings";
  case Expected::boolean:
    return "true or false";
  case Expected::whole_number:
    return fmt::format("a whole number from {} to {}", e.min, e.max);
  case Expected::number:
    return "a number";
  case Expected::seconds:
    return "a number of seconds such as 480 or \"8min\"";
  case Expected::bit_rate:
    return "a bit rate such as 8000000 or \"8Mbps\"";
  case Expected::loudness:
    return "a loudness in LUFS such as -23";
  case Expected::percentage:
    return "a percentage such as \"10%\"";
  case Expected::frame_rate:
    return "a frame rate such as 25 or \"30000/1001\"";
  case Expected::aspect_ratio:
    return "an aspect ratio such as \"16:9\"";
  case Expected::pixel_size:
    return "a pixel size such as \"1920x1080\"";
  case Expected::date:
    return "a date such as 2024-09-05";
  case Expected::text:
    return "a string or a map with zh and en";
  case Expected::named:
    return e.what.en;
  case Expected::one_of:
    return "one of: " + join(e.names, ", ");
  }
  return "";
}

// The Chinese of every problem.
std::string say_zh(const ReaderProblem& p)
{
  using K = ReaderProblem::Kind;
  switch (p.kind) {
  case K::mismatch: {
    const std::string expected = expected_zh(p.expected);
    // A space between a Chinese word and a Latin one ("应为 true 或 false").
    const bool latin = !expected.empty() && static_cast<unsigned char>(expected[0]) < 0x80;
    return "应为" + std::string(latin ? " " : "") + expected + "，实际是" +
           found_words(p.found, Lang::zh);
  }
  case K::unknown_word:
  case K::unknown_key:
  case K::unknown_choice: {
    std::string out = "未知的" + p.what.zh + " '" + p.word + "'";
    if (const auto best = closest_match(p.word, p.candidates))
      return out + "，您是不是要写 '" + *best + "'？";
    if (p.kind == K::unknown_key)
      return out + "；这里可用的" + p.what.zh + "：" + join(p.candidates, ", ");
    if (p.kind == K::unknown_choice)
      return out + "（可选：" + join(p.candidates, "、") + "）";
    return out;
  }
  case K::duplicate_key:
    return fmt::format("键 '{}' 写了两次（第一次在第 {} 行）：删去一处", p.word, p.number);
  case K::not_utf8:
    return fmt::format("文件不是 UTF-8 文本（字节 0x{:02X}），多半是存成了 GBK/ANSI："
                       "请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）",
                       p.number);
  case K::second_document:
    return "出现了第二个 YAML 文档（'---'）：一个文件只能写一份规则集或清单";
  case K::syntax:
    return "YAML 格式错误：" + syntax_zh(p.word) +
           "。请检查这一行和上一行的缩进，以及英文冒号“:”后面是否有空格";
  case K::control_character:
    return "值 " + found_words(p.found, Lang::zh) +
           " 里有控制字符（如 NUL 或 Esc）：名字和文字里不能有，请删去";
  case K::missing_zh:
    return "缺少 'zh'：中文文字必须给出";
  case K::chinese_colon:
    return "“" + p.word + "：”用了中文冒号：键名后面要用英文冒号加一个空格，写成“" + p.word + ": ”";
  case K::colon_no_space:
    return "“" + p.word + ":”后面少了空格：英文冒号后面要空一格，写成“" + p.word + ": ”";
  }
  return "";
}

// The English of every problem.
std::string say_en(const ReaderProblem& p)
{
  using K = ReaderProblem::Kind;
  switch (p.kind) {
  case K::mismatch:
    return "expected " + expected_en(p.expected) + ", found " + found_words(p.found, Lang::en);
  case K::unknown_word:
    return unknown_message(p.what.en, p.word, p.candidates);
  case K::unknown_key:
    if (closest_match(p.word, p.candidates))
      return unknown_message(p.what.en, p.word, p.candidates);
    return "unknown " + p.what.en + " '" + p.word + "'; known " + p.what.en +
           "s here: " + join(p.candidates, ", ");
  case K::unknown_choice:
    if (closest_match(p.word, p.candidates))
      return unknown_message(p.what.en, p.word, p.candidates);
    return unknown_message(p.what.en, p.word, p.candidates) +
           " (expected one of: " + join(p.candidates, ", ") + ")";
  case K::duplicate_key:
    return fmt::format("duplicate key '{}' (first at line {})", p.word, p.number);
  case K::not_utf8:
    return fmt::format("the file is not UTF-8 text (byte 0x{:02X}); it was probably saved "
                       "as GBK/ANSI: save it again as UTF-8 (记事本：另存为 → 编码 UTF-8)",
                       p.number);
  case K::second_document:
    return "a second YAML document ('---'): a file holds one rule set or manifest";
  case K::syntax:
    if (p.word.starts_with("illegal tab")) // the one a clerk meets most, said as in Chinese
      return "YAML syntax error: a Tab in the indentation; YAML indents with spaces only "
             "(replace the Tab with spaces, aligned with the lines at the same level)";
    return "YAML syntax error: " + p.word;
  case K::control_character:
    return "a control character (such as NUL or escape) in " + found_words(p.found, Lang::en) +
           ": names and texts cannot hold one";
  case K::missing_zh:
    return "missing 'zh': the Chinese text is required";
  case K::chinese_colon:
    return "'" + p.word + "：' has a Chinese colon: a key takes an ASCII colon and a space, '" +
           p.word + ": '";
  case K::colon_no_space:
    return "no space after '" + p.word + ":': a key's colon takes a space after it, '" + p.word +
           ": '";
  }
  return "";
}

bool key_character(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

std::optional<ColonSlip> colon_slip(std::string_view line)
{
  size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos)
    return std::nullopt;
  if (line.substr(at).starts_with("- "))
    at = line.find_first_not_of(' ', at + 2);
  size_t end = at;
  while (end < line.size() && key_character(line[end]))
    ++end;
  if (end == at || end == std::string_view::npos)
    return std::nullopt;
  const std::string_view rest = line.substr(end);
  const bool chinese = rest.starts_with("\xEF\xBC\x9A"); // U+FF1A ：
  const bool tight = rest.size() > 1 && rest[0] == ':' && rest[1] != ' ' && rest[1] != '\t' &&
                     rest[1] != '\r' && rest[1] != '#';
  if (!chinese && !tight)
    return std::nullopt;
  return ColonSlip{std::string(line.substr(at, end - at)), chinese, int(end) + 1};
}

ReaderProblem ReaderProblem::with(Kind kind, Found found, Text what, std::string word, int number)
{
  ReaderProblem p;
  p.kind = kind;
  p.found = std::move(found);
  p.what = std::move(what);
  p.word = std::move(word);
  p.number = number;
  return p;
}

ReaderProblem ReaderProblem::mismatch(Expectation expected, Found found)
{
  ReaderProblem p = with(Kind::mismatch, std::move(found), {}, "", 0);
  p.expected = std::move(expected);
  return p;
}

ReaderProblem ReaderProblem::unknown(Kind kind, Text what, std::string word,
                                     std::vector<std::string> candidates)
{
  ReaderProblem p = with(kind, {}, std::move(what), std::move(word), 0);
  p.candidates = std::move(candidates);
  return p;
}

ReaderProblem ReaderProblem::duplicate_key(std::string key, int first_line)
{
  return with(Kind::duplicate_key, {}, {}, std::move(key), first_line);
}

ReaderProblem ReaderProblem::control_character(Found found)
{
  return with(Kind::control_character, std::move(found), {}, "", 0);
}

std::string found_words(const Found& found, Lang lang)
{
  const bool en = lang == Lang::en;
  switch (found.kind) {
  case Found::Kind::value:
    return en ? "'" + found.value + "'" : "“" + found.value + "”";
  case Found::Kind::list:
    return en ? "a list" : "一个列表";
  case Found::Kind::map:
    return en ? "a map" : "一组“键: 值”";
  case Found::Kind::nothing:
    break;
  }
  return en ? "nothing" : "空白（什么也没填）";
}

std::string expected_words(const Expectation& expected, Lang lang)
{
  return lang == Lang::en ? expected_en(expected) : expected_zh(expected);
}

std::string reader_message(const ReaderProblem& problem, Lang lang)
{
  return lang == Lang::en ? say_en(problem) : say_zh(problem);
}

} // namespace mpcheck::rules
