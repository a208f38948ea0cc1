#include "mpcheck/layout/rename.hpp"

#include <filesystem>
#include <map>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/work_name.hpp"

namespace mpcheck::layout {

namespace {

std::string parent_of(const std::string& path)
{
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

bool renamable(const SubmissionFile& f)
{
  return (f.kind == FileKind::video || f.kind == FileKind::audio) && f.work_name &&
         naming::understood(*f.work_name);
}

// Why a name is left alone: it does not split into 作品名-分类-报送单位, or what would be its
// category is none of the notice's (a camera's VID_20240801_123456.mp4).
Text not_understood(const SubmissionFile& f)
{
  const bool split =
      f.work_name && !f.work_name->name.category.empty() && !f.work_name->known_category;
  if (split)
    return {"文件名无法识别为“作品名-分类-报送单位”（“" + f.work_name->name.category +
                "”不是通知规定的分类），请手工改名",
            "the name is not recognisable as 作品名-分类-报送单位 ('" + f.work_name->name.category +
                "' is none of the notice's categories); rename it "
                "by hand"};
  return {"文件名无法识别为“作品名-分类-报送单位”，请手工改名",
          "the name is not recognisable as 作品名-分类-报送单位; rename it by hand"};
}

} // namespace

RenamePlan plan_renames(const Submission& sub, const rules::RuleSet& rules, const std::string& unit)
{
  RenamePlan plan;
  std::map<std::string, std::string> taken; // folded name → who has it
  for (const auto& f : sub.files)
    taken[naming::fold_for_collision(f.path)] = f.raw_path;
  for (const auto& f : sub.files) {
    if (f.kind != FileKind::video && f.kind != FileKind::audio)
      continue;
    if (!rules.naming)
      break;
    if (!renamable(f)) {
      plan.skipped.push_back({f.path, not_understood(f)});
      continue;
    }
    const std::string to =
        parent_of(f.path) + canonical_name(f, unit, f.work_name->name.extension, rules);
    if (to == f.raw_path)
      continue;
    const std::string key = naming::fold_for_collision(to);
    auto it = taken.find(key);
    if (it != taken.end() && it->second != f.raw_path) {
      plan.refused.push_back({f.path,
                              {"改名后会与“" + it->second + "”重名：" + to,
                               "renaming would clash with '" + it->second + "': " + to}});
      continue;
    }
    taken[key] = f.raw_path;
    plan.renames.push_back({f.raw_path, to});
  }
  return plan;
}

RenamePlan plan_renames_from_manifest(const PackPlan& plan, const std::string& root,
                                      const Submission& sub)
{
  RenamePlan out;
  std::map<std::string, std::string> taken;
  for (const auto& f : sub.files)
    taken[naming::fold_for_collision(f.path)] = f.raw_path;
  const std::filesystem::path base =
      std::filesystem::path(root.empty() ? "." : root).lexically_normal();
  for (const auto& f : plan.files) {
    const std::string from =
        std::filesystem::path(f.source).lexically_normal().lexically_relative(base).string();
    if (from.empty() || from.starts_with(".."))
      continue; // outside the folder: not renamed in place
    const size_t slash = f.dest.rfind('/');
    const std::string to =
        parent_of(from) + (slash == std::string::npos ? f.dest : f.dest.substr(slash + 1));
    if (to == from)
      continue;
    const std::string key = naming::fold_for_collision(to);
    auto it = taken.find(key);
    if (it != taken.end() && it->second != from) {
      out.refused.push_back({from,
                             {"改名后会与“" + it->second + "”重名：" + to,
                              "renaming would clash with '" + it->second + "': " + to}});
      continue;
    }
    taken[key] = from;
    out.renames.push_back({from, to});
  }
  return out;
}

} // namespace mpcheck::layout
