#include "mpcheck/cli/common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "mpcheck/core/system_errors.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/util/atomic_file.hpp"
#include "mpcheck/util/suggest.hpp"

namespace mpcheck::cli {

Lang CommonOptions::language() const
{
  Lang lang = Lang::zh;
  if (!this->lang.empty() && parse_lang(this->lang, lang))
    return lang;
  return lang_from_environment();
}

bool CommonOptions::color() const
{
  if (no_color || std::getenv("NO_COLOR") || !output.empty())
    return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

void add_common_options(CLI::App* sub, CommonOptions& options)
{
  sub->add_option("--lang", options.lang, "Language of messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_option("-o,--output", options.output, "Write the report to FILE instead of stdout");
  sub->add_option("-j,--jobs", options.jobs, "Files processed in parallel (default: all cores)")
      ->check(CLI::Range(1, 256));
  sub->add_flag("--quiet", options.quiet, "Print nothing but the report");
  sub->add_flag("--no-color", options.no_color, "No colour (also: NO_COLOR)");
}

void print_error(const std::string& message)
{
  fmt::print(stderr, "{}{}\n", error_prefix(usage_language()), report::terminal_safe(message));
}

namespace {
Lang g_usage_language = Lang::zh;
} // namespace

void set_usage_language(Lang lang)
{
  g_usage_language = lang;
}

Lang usage_language()
{
  return g_usage_language;
}

bool load_rules_or_report(const std::string& id_or_path, rules::RuleSet& out)
{
  try {
    out = rules::load_rules(id_or_path, usage_language());
    return true;
  } catch (const rules::UnknownRuleSet& e) {
    if (usage_language() == Lang::en) {
      print_error(e.what());
      return false;
    }
    std::string message = fmt::format("未知的规则集“{}”", e.id());
    if (auto best = closest_match(e.id(), e.known()))
      message += fmt::format("，您是不是要用“{}”？", *best);
    else
      message += fmt::format("（内置规则集：{}；或者给出 .yaml 规则文件的路径）",
                             fmt::join(e.known(), "、"));
    print_error(message);
    return false;
  } catch (const rules::RuleError& e) {
    if (usage_language() == Lang::zh && e.line() == 0 &&
        e.message().starts_with("cannot read the rule file")) {
      std::error_code ec;
      print_error(fmt::format("{}：无法读取规则文件（{}）", e.file(),
                              std::filesystem::exists(e.file(), ec) ? "没有读取权限或读取出错"
                                                                    : "文件不存在"));
      return false;
    }
    print_error(single_line(e.what())); // a value quoted in it keeps its line breaks out
    return false;
  }
}

std::optional<Date> as_of_or_report(const std::string& given, Lang lang)
{
  if (given.empty())
    return today();
  if (std::optional<Date> day = parse_date(given))
    return day;
  print_error(lang == Lang::en
                  ? fmt::format("--as-of: expected a day such as 2024-09-01, found '{}'", given)
                  : fmt::format("--as-of：应为 2024-09-01 这样的日期，实际是“{}”", given));
  return std::nullopt;
}

bool stdout_failed(Lang lang)
{
  if (std::fflush(stdout) == 0 && !std::ferror(stdout))
    return false;
  print_error(lang == Lang::en
                  ? "could not write the output to standard output (the disk it goes to is full, "
                    "or the pipe was closed): the output is incomplete"
                  : "无法把结果写到标准输出（重定向到的磁盘已满，或管道已关闭）：输出不完整");
  return true;
}

bool write_stdout(const std::string& text, Lang lang)
{
  const size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
  if (written != text.size()) {
    stdout_failed(lang);
    std::clearerr(stdout); // said once; the last check of the run need not say it again
    return false;
  }
  if (!stdout_failed(lang))
    return true;
  std::clearerr(stdout);
  return false;
}

namespace {

// Why the file `path` could not be written and what to do, in both languages: a missing folder
// says so; a folder that exists but takes no new file (ENOENT from /proc and the like, EROFS,
// EACCES) says that, not "the folder does not exist".
Text cannot_write_why(const std::string& path, int err)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = fs::absolute(path, ec).parent_path();
  const bool folder_exists = fs::is_directory(folder, ec);
  const Text elsewhere{"请用 -o 换一个自己可以写入的文件夹（例如自己的主目录）。",
                       "Give -o a file in a folder you may write to (your home folder, say)."};
  if (err == ENOENT && !folder_exists)
    return {"所在的文件夹 " + folder.string() + " 不存在。请先建好它，或用 -o 换一个路径。",
            "its folder " + folder.string() +
                " does not exist. Create it first, or give -o another path."};
  if (err == ENOENT || err == EROFS || err == EACCES || err == EPERM)
    return {"文件夹 " + folder.string() +
                (err == EROFS ? " 是只读的（写保护或只读挂载）。"
                 : err == ENOENT ? " 里不能新建文件（系统文件夹或只读的文件夹）。"
                                 : " 没有写入权限（不属于当前用户，或被设为只读）。") +
                elsewhere.zh,
            "the folder " + folder.string() +
                (err == EROFS    ? " is read-only (write-protected or mounted read-only). "
                 : err == ENOENT ? " takes no new file (a system or read-only folder). "
                                 : " is not writable for you (not yours, or read-only). ") +
                elsewhere.en};
  if (err == ENOSPC || err == EDQUOT)
    return {"磁盘已满。请腾出空间，或用 -o 写到另一块盘上。",
            "the disk is full. Free some space, or give -o a file on another disk."};
  const Text system = system_error_text(err);
  return {system.zh + "。", system.en + "."};
}

} // namespace

namespace {

void say_cannot_write(const CommonOptions& options, int err)
{
  const Text why = cannot_write_why(options.output, err);
  print_error(options.language() == Lang::en
                  ? fmt::format("cannot write '{}': {}", options.output, why.en)
                  : fmt::format("无法写入 '{}'：{}", options.output, why.zh));
}

// stdout through its stdio buffer; the first piece that does not go through stops the rest.
class StdoutSink final : public report::Sink {
public:
  bool failed = false;
  void write(std::string_view text) override
  {
    if (!failed && std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
      failed = true;
  }
};

class FileSink final : public report::Sink {
public:
  explicit FileSink(const std::string& path) : file(path) {}
  util::AtomicFileWriter file;
  void write(std::string_view text) override { file.write(text); }
};

} // namespace

bool write_output_streamed(const CommonOptions& options,
                           const std::function<void(report::Sink&)>& render)
{
  if (options.output.empty() || options.output == "-") {
    const Lang lang = options.language();
    StdoutSink out;
    render(out);
    if (!out.failed && !stdout_failed(lang))
      return true;
    if (out.failed)
      stdout_failed(lang);
    std::clearerr(stdout); // said once; the last check of the run need not say it again
    return false;
  }
  FileSink out(options.output);
  if (out.file.error() == 0) // no rendering for a file that cannot be created
    render(out);
  if (const int err = out.file.commit()) {
    say_cannot_write(options, err);
    return false;
  }
  return true;
}

bool write_output(const CommonOptions& options, const std::string& text)
{
  if (options.output.empty() || options.output == "-")
    return write_stdout(text, options.language());
  if (const int err = util::write_file_atomically(options.output, text)) {
    say_cannot_write(options, err);
    return false;
  }
  return true;
}

bool write_text(const CommonOptions& options, const std::string& text)
{
  return write_output(options, report::terminal_safe(text));
}

} // namespace mpcheck::cli
