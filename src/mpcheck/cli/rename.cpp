// mpcheck rename DIR --rules R [--unit U] [--dry-run] [--journal FILE]
// mpcheck rename --undo JOURNAL
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/layout/rename.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/scan/walk.hpp"

#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::cli {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

struct RenameCommand {
  CommonOptions common;
  std::string dir;
  std::string rules;
  std::string unit;
  std::string journal;
  std::string undo;
  bool dry_run = false;
};

std::string default_journal()
{
  const std::time_t now = std::time(nullptr);
  std::tm t{};
  localtime_r(&now, &t);
  char buf[64];
  std::strftime(buf, sizeof buf, "mpcheck-rename-%Y%m%d-%H%M%S.json", &t);
  return buf;
}

// Renames without ever replacing an existing file.
bool rename_no_replace(const std::string& from, const std::string& to, std::string& error)
{
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
    return true;
  error = std::strerror(errno);
  return false;
}

// Writes `text` to `path` with util::write_file_atomically.
bool write_atomically(const std::string& path, const std::string& text)
{
  return util::write_file_atomically(path, text) == 0;
}

std::string read_text(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The journal: the renames, and works.yaml as it was when the renames come from it (its
// paths are updated with the files, and put back by --undo).
bool write_journal(const std::string& path, const std::string& root,
                   const std::vector<layout::Rename>& renames, const std::string& manifest_path)
{
  Json j{{"schema", "mpcheck-rename-journal/1"},
         {"root", fs::absolute(root).string()},
         {"renames", Json::array()}};
  for (const auto& r : renames)
    j["renames"].push_back(Json{{"from", r.from}, {"to", r.to}});
  if (!manifest_path.empty())
    j["manifest"] =
        Json{{"path", fs::absolute(manifest_path).string()}, {"before", read_text(manifest_path)}};
  return write_atomically(path, j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n");
}

// works.yaml with each renamed path replaced by its new name.
bool update_manifest(const std::string& path, const std::vector<layout::Rename>& renames)
{
  std::string text = read_text(path);
  for (const auto& r : renames)
    for (size_t at = text.find(r.from); at != std::string::npos;
         at = text.find(r.from, at + r.to.size()))
      text.replace(at, r.from.size(), r.to);
  return write_atomically(path, text);
}

// Applies `renames` under `root` in order; on a failure, puts back what was done.
bool apply(const std::string& root, const std::vector<layout::Rename>& renames, Lang lang)
{
  for (size_t i = 0; i < renames.size(); ++i) {
    std::string error;
    const std::string from = root + "/" + renames[i].from, to = root + "/" + renames[i].to;
    if (rename_no_replace(from, to, error))
      continue;
    print_error(lang == Lang::en ? fmt::format("cannot rename '{}' to '{}': {}; undoing",
                                               renames[i].from, renames[i].to, error)
                                 : fmt::format("无法把“{}”改名为“{}”：{}；正在撤销",
                                               renames[i].from, renames[i].to, error));
    for (size_t k = i; k-- > 0;) {
      std::string ignored;
      rename_no_replace(root + "/" + renames[k].to, root + "/" + renames[k].from, ignored);
    }
    return false;
  }
  return true;
}

int undo(const RenameCommand& cmd)
{
  const Lang lang = cmd.common.language();
  std::ifstream in(cmd.undo);
  Json j;
  try {
    in >> j;
  } catch (const std::exception&) {
    print_error(fmt::format("{}: {}", cmd.undo,
                            lang == Lang::en ? "not a rename journal" : "不是改名记录文件"));
    return exit_usage;
  }
  std::vector<layout::Rename> back;
  for (const auto& r : j.value("renames", Json::array()))
    back.insert(back.begin(),
                layout::Rename{r.at("to").get<std::string>(), r.at("from").get<std::string>()});
  if (!apply(j.value("root", std::string(".")), back, lang))
    return exit_runtime;
  if (j.contains("manifest") && !write_atomically(j["manifest"].at("path").get<std::string>(),
                                                  j["manifest"].at("before").get<std::string>())) {
    print_error(lang == Lang::en ? "cannot restore works.yaml" : "无法恢复 works.yaml");
    return exit_runtime;
  }
  fmt::print("{}\n", lang == Lang::en ? fmt::format("{} names restored", back.size())
                                      : fmt::format("已恢复 {} 个文件名", back.size()));
  return exit_ok;
}

int run(const RenameCommand& cmd)
{
  if (!cmd.undo.empty())
    return undo(cmd);
  const Lang lang = cmd.common.language();
  if (cmd.dir.empty() || cmd.rules.empty()) {
    print_error(lang == Lang::en ? "rename needs DIR and --rules (or --undo JOURNAL)"
                                 : "rename 需要 DIR 和 --rules（或 --undo 记录文件）");
    return exit_usage;
  }
  rules::RuleSet rules;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  // Names only: nothing needs probing.
  const Submission sub = gather::assemble(scan::walk({cmd.dir}), {}, rules);
  layout::RenamePlan plan;
  std::string works = (fs::path(cmd.dir) / "works.yaml").string();
  if (fs::exists(works)) {
    // A works manifest names every file: rename after it.
    try {
      const manifest::Manifest m = manifest::load_manifest(works, rules, cmd.dir, lang);
      plan =
          layout::plan_renames_from_manifest(layout::plan_from_manifest(m, rules), m.base_dir, sub);
    } catch (const rules::RuleError& e) {
      print_error(std::string(e.what()) + (lang == Lang::en ? " (nothing renamed)" : "（未改名）"));
      return exit_usage;
    }
  } else {
    works.clear();
    plan = layout::plan_renames(sub, rules, cmd.unit);
  }
  std::string out;
  for (const auto& r : plan.renames)
    out += fmt::format("  {}\n→ {}\n", r.from, r.to);
  for (const auto& [path, why] : plan.skipped)
    out += fmt::format("  {}: {}\n", path, why.in(lang));
  for (const auto& [path, why] : plan.refused)
    out += fmt::format("✗ {}: {}\n", path, why.in(lang));
  if (!plan.refused.empty()) {
    out += lang == Lang::en ? "Nothing renamed: resolve the clashes first.\n"
                            : "未改名：请先解决重名问题。\n";
    write_text(cmd.common, out);
    return exit_findings;
  }
  if (cmd.dry_run || plan.renames.empty()) {
    out += lang == Lang::en
               ? fmt::format("{} files would be renamed (dry run).\n", plan.renames.size())
               : fmt::format("将改名 {} 个文件（试运行，未改动）。\n", plan.renames.size());
    return write_text(cmd.common, out) ? exit_ok : exit_runtime;
  }
  const std::string journal = cmd.journal.empty() ? default_journal() : cmd.journal;
  if (!write_journal(journal, cmd.dir, plan.renames, works)) {
    print_error(fmt::format("{}: {}", journal,
                            lang == Lang::en ? "cannot write the undo journal; nothing renamed"
                                             : "无法写入撤销记录；未改名"));
    return exit_runtime;
  }
  if (!apply(cmd.dir, plan.renames, lang))
    return exit_runtime;
  if (!works.empty() && !update_manifest(works, plan.renames)) {
    print_error(lang == Lang::en
                    ? "renamed, but works.yaml could not be updated: undo with the journal"
                    : "已改名，但无法更新 works.yaml：请用撤销记录恢复");
    return exit_runtime;
  }
  out += lang == Lang::en ? fmt::format("{} files renamed. Undo: mpcheck rename --undo {}\n",
                                        plan.renames.size(), journal)
                          : fmt::format("已改名 {} 个文件。撤销：mpcheck rename --undo {}\n",
                                        plan.renames.size(), journal);
  return write_text(cmd.common, out) ? exit_ok : exit_runtime;
}

} // namespace

void add_rename_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<RenameCommand>();
  CLI::App* sub = app.add_subcommand(
      "rename", "Rename files in place into the rule set's naming pattern (undo journal)");
  sub->add_option("dir", cmd->dir, "The folder whose files to rename");
  sub->add_option("--rules", cmd->rules, "Built-in rule set id or YAML file");
  sub->add_option("--unit", cmd->unit, "Put this unit (报送单位) into every name");
  sub->add_flag("--dry-run", cmd->dry_run, "Print the new names, rename nothing");
  sub->add_option("--journal", cmd->journal,
                  "Where to write the undo journal (default: ./mpcheck-rename-DATE-TIME.json)");
  sub->add_option("--undo", cmd->undo, "Restore the names recorded in a journal");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
