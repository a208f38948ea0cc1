// mpcheck rules list | show ID | lint FILE [--notice TEXT]
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/rules/loader.hpp"

namespace mpcheck::cli {

namespace {

struct RulesCommand {
  CommonOptions common;
  std::string id;
  std::string file;
  std::string notice;
};

int list(const RulesCommand& cmd)
{
  const Lang lang = cmd.common.language();
  std::string out;
  for (const auto& id : rules::builtin_rule_set_ids()) {
    try {
      const rules::RuleSet r = rules::load_rules(id);
      out += fmt::format("{:<18} {}  {}\n", id, r.title.in(lang), r.document);
    } catch (const rules::RuleError& e) {
      out += fmt::format("{:<18} ({})\n", id, e.what());
    }
  }
  return write_text(cmd.common, out) ? exit_ok : exit_runtime;
}

// A block's own severity, as `rules show` prints it.
std::string severity_word(Severity s, Lang lang)
{
  if (lang == Lang::en)
    return severity_name(s);
  switch (s) {
  case Severity::error:
    return "错误";
  case Severity::warning:
    return "警告";
  case Severity::manual:
    return "人工确认";
  case Severity::info:
    break;
  }
  return "仅供参考";
}

// A rule author's note in `lang`, else in the language it was written in.
const std::string& note_in(const Text& note, Lang lang)
{
  const std::string& asked = note.in(lang);
  return asked.empty() ? note.in(lang == Lang::en ? Lang::zh : Lang::en) : asked;
}

int show(const RulesCommand& cmd)
{
  const Lang lang = cmd.common.language();
  rules::RuleSet r;
  if (!load_rules_or_report(cmd.id, r)) // an unknown id is said in the user's language
    return exit_usage;
  std::string out = fmt::format("{} — {}\n", r.id, r.title.in(lang));
  if (!r.document.empty())
    out += fmt::format("{}{}\n", lang == Lang::en ? "document: " : "文号：", r.document);
  if (r.deadline)
    out += fmt::format("{}{}\n", lang == Lang::en ? "deadline: " : "截止日期：",
                       r.deadline->value.str());
  std::string last_note; // a block's note is said once, under its first requirement
  for (const auto& c : r.clauses) {
    out += fmt::format("\n{:<26} {}{}: {}\n", c.check.empty() ? "-" : c.check,
                       c.scope.empty() ? "" : "[" + c.scope + "] ", c.key, c.value);
    if (!c.origin.source.empty())
      out += fmt::format("    {}“{}”\n", lang == Lang::en ? "from: " : "原文：", c.origin.source);
    const std::string& note = note_in(c.origin.note, lang);
    if (!note.empty() && note != last_note)
      out += fmt::format("    {}{}\n", lang == Lang::en ? "note: " : "说明：", note);
    else if (!note.empty())
      out += lang == Lang::en ? "    note: as above\n" : "    说明：同上\n";
    last_note = note;
    if (c.origin.severity)
      out += fmt::format("    {}{}\n", lang == Lang::en ? "severity: " : "级别：",
                         severity_word(*c.origin.severity, lang));
  }
  for (const auto& n : r.not_checked)
    out += fmt::format("\n{:<26} “{}”\n    {}\n", lang == Lang::en ? "(not checked)" : "（不检查）",
                       n.source, note_in(n.reason, lang));
  return write_text(cmd.common, out) ? exit_ok : exit_runtime;
}

std::string read_file(const std::string& path, bool& ok)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ok = bool(in) || in.eof();
  return ss.str();
}

int lint(const RulesCommand& cmd)
{
  bool ok = true;
  const std::string text = read_file(cmd.file, ok);
  if (!ok) {
    print_error(cmd.common.language() == Lang::en
                    ? fmt::format("{}: cannot read the file", cmd.file)
                    : fmt::format("{}：无法读取这个文件", cmd.file));
    return exit_usage;
  }
  std::string notice;
  if (!cmd.notice.empty()) {
    notice = read_file(cmd.notice, ok);
    if (!ok) {
      print_error(cmd.common.language() == Lang::en
                      ? fmt::format("{}: cannot read the notice", cmd.notice)
                      : fmt::format("{}：无法读取通知原文", cmd.notice));
      return exit_usage;
    }
  }
  try {
    const rules::RuleSet r = rules::load_rules_text(text, cmd.file, cmd.common.language());
    std::string out;
    for (const auto& w : rules::lint_rules(r, notice))
      out += w + "\n";
    out += cmd.common.language() == Lang::en
               ? fmt::format("{}: ok ({} requirements)\n", cmd.file, r.clauses.size())
               : fmt::format("{}：没有错误（{} 条要求）\n", cmd.file, r.clauses.size());
    return write_text(cmd.common, out) ? exit_ok : exit_runtime;
  } catch (const rules::RuleError& e) {
    print_error(e.what());
    return exit_usage;
  }
}

} // namespace

void add_rules_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<RulesCommand>();
  CLI::App* sub = app.add_subcommand("rules", "The built-in rule sets; show one; lint a rule file");
  sub->require_subcommand(1);
  CLI::App* ls = sub->add_subcommand("list", "List the built-in rule sets");
  CLI::App* sh = sub->add_subcommand(
      "show", "Each requirement of a rule set with its notice sentence and check id");
  sh->add_option("id", cmd->id, "Rule set id or YAML file")->required();
  CLI::App* li = sub->add_subcommand("lint", "Validate a rule file (exit 2 on errors)");
  li->add_option("file", cmd->file, "YAML rule file")->required();
  li->add_option("--notice", cmd->notice,
                 "The notice's text: every source sentence must occur in it");
  for (CLI::App* s : {ls, sh, li})
    add_common_options(s, cmd->common);
  ls->callback([cmd, &exit_code] { exit_code = list(*cmd); });
  sh->callback([cmd, &exit_code] { exit_code = show(*cmd); });
  li->callback([cmd, &exit_code] { exit_code = lint(*cmd); });
}

} // namespace mpcheck::cli
