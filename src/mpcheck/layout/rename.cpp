#include "mpcheck/layout/rename.hpp"

#include <filesystem>
#include <map>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/work_name.hpp"
#include "mpcheck/util/path.hpp"

namespace mpcheck::layout {

namespace {

bool renamable(const SubmissionFile& f)
{
  return (f.kind == FileKind::video || f.kind == FileKind::audio) && f.work_name &&
         naming::understood(*f.work_name);
}

// Why a name is left alone: it does not split into 作品名-分类-报送单位, or what would be its
// category is none of the notice's (a camera's VID_20240801_123456.mp4). rename cannot guess
// a title or a category, so the clerk names it, or says it in works.yaml (rename then renames
// after it).
Text not_understood(const SubmissionFile& f, const rules::RuleSet& rules)
{
  std::string names;
  for (const auto& c : rules.categories)
    names += (names.empty() ? "" : "、") + c.name;
  const std::string zh_todo =
      "：rename 看不出作品名和分类，不会替你起名。请手工改名为“作品名-分类-报送单位" +
      (f.extension.empty() ? std::string(".mp4") : f.extension) + "”" +
      (names.empty() ? "" : "（分类是 " + names + " 之一）") +
      "；或用 mpcheck init 在这个文件夹里写一份 works.yaml，写明每部作品的名字和分类，rename "
      "就按它改名";
  const std::string en_todo =
      ": rename cannot tell the title and the category and does not invent them. Rename it by "
      "hand to 作品名-分类-报送单位" +
      (f.extension.empty() ? std::string(".mp4") : f.extension) +
      (names.empty() ? "" : " (the category one of " + names + ")") +
      ", or write a works.yaml in this folder with mpcheck init, giving each work's title and "
      "category: rename then renames after it";
  const bool split =
      f.work_name && !f.work_name->name.category.empty() && !f.work_name->known_category;
  if (split)
    return {"文件名无法识别为“作品名-分类-报送单位”（“" + f.work_name->name.category +
                "”不是通知规定的分类）" + zh_todo,
            "the name is not recognisable as 作品名-分类-报送单位 ('" + f.work_name->name.category +
                "' is none of the notice's categories)" + en_todo};
  return {"文件名无法识别为“作品名-分类-报送单位”" + zh_todo,
          "the name is not recognisable as 作品名-分类-报送单位" + en_todo};
}

// The names a folder's files hold now, each its own owner.
naming::NameClaims names_on_disk(const Submission& sub)
{
  naming::NameClaims names;
  for (const auto& f : sub.files)
    names.claim(f.path, f.raw_path);
  return names;
}

// Renames `from` to `to` unless another file has that name (or will have it): then refused.
void add_rename(RenamePlan& plan, naming::NameClaims& names, const std::string& shown,
                const std::string& from, const std::string& to)
{
  if (const std::string other = names.claim(to, from); !other.empty()) {
    plan.refused.push_back({shown,
                            {"改名后会与“" + other + "”重名：" + to,
                             "renaming would clash with '" + other + "': " + to}});
    return;
  }
  plan.renames.push_back({from, to});
}

} // namespace

RenamePlan plan_renames(const Submission& sub, const rules::RuleSet& rules, const std::string& unit)
{
  RenamePlan plan;
  naming::NameClaims names = names_on_disk(sub);
  for (const auto& f : sub.files) {
    if (f.kind != FileKind::video && f.kind != FileKind::audio)
      continue;
    if (!rules.naming)
      break;
    if (!renamable(f)) {
      plan.skipped.push_back({f.path, not_understood(f, rules)});
      continue;
    }
    const std::string to = util::folder_prefix_of(f.path) +
                           canonical_name(f, unit, f.work_name->name.extension, rules);
    if (to != f.raw_path)
      add_rename(plan, names, f.path, f.raw_path, to);
  }
  return plan;
}

RenamePlan plan_renames_from_manifest(const PackPlan& plan, const std::string& root,
                                      const Submission& sub)
{
  RenamePlan out;
  naming::NameClaims names = names_on_disk(sub);
  const std::filesystem::path base =
      std::filesystem::path(root.empty() ? "." : root).lexically_normal();
  for (const auto& f : plan.files) {
    const std::string from =
        std::filesystem::path(f.source).lexically_normal().lexically_relative(base).string();
    if (from.empty() || from.starts_with(".."))
      continue; // outside the folder: not renamed in place
    const size_t slash = f.dest.rfind('/');
    const std::string to = util::folder_prefix_of(from) +
                           (slash == std::string::npos ? f.dest : f.dest.substr(slash + 1));
    if (to != from)
      add_rename(out, names, from, from, to);
  }
  return out;
}

} // namespace mpcheck::layout
