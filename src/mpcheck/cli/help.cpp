#include "mpcheck/cli/help.hpp"

#include <memory>
#include <string>
#include <vector>

#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/report/usage.hpp"

namespace mpcheck::cli {

namespace {

// "check", "rules show": the path of a command below the top one ("" for the top).
std::string command_path(const CLI::App* app)
{
  std::string path;
  for (; app && app->get_parent(); app = app->get_parent())
    path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

// The name the table knows an option by: its first long name, else its short or positional one.
std::string option_key(const CLI::Option* opt)
{
  if (!opt->get_lnames().empty())
    return "--" + opt->get_lnames().front();
  if (!opt->get_snames().empty())
    return "-" + opt->get_snames().front();
  return opt->get_name(true, false);
}

class ChineseFormatter : public CLI::Formatter {
public:
  ChineseFormatter()
  {
    for (const char* key : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals",
                            "REQUIRED", "Needs", "Excludes", "Env"})
      label(key, report::help_label_zh(key));
  }

  // As CLI11's, with the columns counted on the screen (a Chinese character takes two), not in
  // bytes.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override
  {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const int width = report::display_width(name);
    const int column = int(get_column_width());
    std::string out = name;
    out += width < column ? std::string(std::size_t(column - width), ' ')
                          : "\n" + std::string(std::size_t(column), ' ');
    std::string desc = make_option_desc(opt);
    for (std::size_t at = desc.find('\n'); at != std::string::npos; at = desc.find('\n', at + 1))
      desc.insert(at + 1, std::string(std::size_t(column), ' '));
    return out + desc + "\n";
  }

  // A positional by what it is in Chinese words ("路径", "文件夹"), in the usage line and the
  // list alike: its name (paths, src) is the English help's.
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override
  {
    if (is_positional)
      return report::value_zh(option_key(opt), opt->get_type_name());
    return CLI::Formatter::make_option_name(opt, is_positional);
  }

  // As CLI11's, with the value in Chinese words ("--rules 规则集", "-j,--jobs 整数（1 到 256）")
  // where CLI11 writes its type names (TEXT, INT:INT in [1 - 256]); a positional's name says
  // it already.
  std::string make_option_opts(const CLI::Option* opt) const override
  {
    if (opt->get_type_size() == 0 || !opt->get_option_text().empty())
      return CLI::Formatter::make_option_opts(opt);
    std::string out =
        opt->get_positional() ? "" : " " + report::value_zh(option_key(opt), opt->get_type_name());
    if (!opt->get_default_str().empty())
      out += "=" + opt->get_default_str();
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
      out += " ...";
    else if (opt->get_expected_min() > 1)
      out += " x " + std::to_string(opt->get_expected());
    if (opt->get_required())
      out += " " + get_label("REQUIRED");
    for (const auto& [label, list] :
         {std::pair{"Needs", opt->get_needs()}, std::pair{"Excludes", opt->get_excludes()}})
      if (!list.empty()) {
        out += " " + get_label(label) + ":";
        for (const CLI::Option* other : list)
          out += " " + other->get_name();
      }
    return out;
  }
};

void translate(CLI::App* app, const std::shared_ptr<CLI::FormatterBase>& formatter)
{
  app->formatter(formatter);
  const std::string path = command_path(app);
  if (auto zh = report::command_help_zh(path))
    app->description(*zh);
  if (app->get_parent())
    app->group("命令");
  app->footer(
      "退出码：0 没有错误，1 发现错误，2 用法或规则文件错误，3 运行失败。\n详见 man mpcheck。");
  for (CLI::Option* opt : app->get_options({})) {
    if (auto zh = report::option_help_zh(path, option_key(opt)))
      opt->description(*zh);
    opt->group("选项"); // its value in words: ChineseFormatter::make_option_opts
  }
  for (CLI::App* sub : app->get_subcommands({}))
    translate(sub, formatter);
}

// What the parser reached on this command line: the deepest command named, and the word given
// where a subcommand was expected.
report::UsageContext context_of(CLI::App& top, int argc, char** argv)
{
  CLI::App* app = &top;
  std::string typed;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("-"))
      continue;
    CLI::App* next = nullptr;
    for (CLI::App* sub : app->get_subcommands({}))
      if (sub->get_name() == arg)
        next = sub;
    if (!next) {
      if (!app->get_subcommands({}).empty())
        typed = arg;
      break;
    }
    app = next;
  }
  report::UsageContext c;
  const std::string path = command_path(app);
  c.command = "mpcheck" + (path.empty() ? "" : " " + path);
  c.typed_command = typed;
  for (CLI::App* sub : app->get_subcommands({}))
    c.subcommands.push_back(sub->get_name());
  for (const CLI::Option* opt : app->get_options({})) {
    for (const auto& n : opt->get_lnames())
      c.options.push_back("--" + n);
    for (const auto& n : opt->get_snames())
      c.options.push_back("-" + n);
  }
  return c;
}

} // namespace

void localize(CLI::App& app, Lang lang, int argc, char** argv)
{
  if (lang == Lang::zh) {
    translate(&app, std::make_shared<ChineseFormatter>());
  }
  app.failure_message([lang, argc, argv](const CLI::App* top, const CLI::Error& e) {
    report::UsageContext c = context_of(const_cast<CLI::App&>(*top), argc, argv);
    const std::string what = e.what();
    if (e.get_name() == "RequiredError" && what.ends_with(" is required") && !what.starts_with("-"))
      c.positional =
          report::option_help_zh(c.command.substr(std::min<std::size_t>(8, c.command.size())),
                                 what.substr(0, what.size() - 12));
    return std::string(error_prefix(lang)) +
           report::terminal_safe(report::usage_error(e.get_name(), what, c, lang)) + "\n";
  });
}

} // namespace mpcheck::cli
