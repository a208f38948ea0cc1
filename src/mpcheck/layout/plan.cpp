#include "mpcheck/layout/plan.hpp"

#include <filesystem>
#include <map>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/junk.hpp"
#include "mpcheck/naming/work_name.hpp"

namespace mpcheck::layout {

namespace {

std::string extension_of(const std::string& path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The suffix an image role asks for in names: "（海报）".
std::string role_suffix(const rules::RuleSet& rules, const std::string& category,
                        const std::string& role)
{
  for (const auto& r : rules.rules_for(category).images)
    if (r.role == role || (role == "qr" && r.qr_code))
      return r.suffix;
  return role == "qr" ? "（二维码）" : "（海报）";
}

// `name` (作品名-分类-单位（有字幕）.mp4) with the episode mark the rule set asks for after the
// variant: 作品名-分类-单位（第2集）.mp4.
std::string with_episode(std::string name, const std::string& extension, const std::string& pattern,
                         int n)
{
  name.insert(name.size() - extension.size(), naming::episode_suffix(pattern, n));
  return name;
}

std::string episode_pattern(const rules::RuleSet& rules)
{
  return rules.naming && !rules.naming->episode_suffix.empty() ? rules.naming->episode_suffix
                                                               : "（第{n}集）";
}

struct ManifestPlanner {
  const manifest::Manifest& m;
  const rules::RuleSet& rules;
  PackPlan& plan;

  std::string work_name(const std::string& title, const std::string& category, naming::Variant v,
                        const std::string& ext, const std::string& suffix = "") const
  {
    if (!rules.naming)
      return title + suffix + ext;
    naming::WorkName n{title, category, m.unit, v, rules.variant_suffix(category, v), ext};
    std::string name = naming::format_work_name(n, n.variant_text);
    if (!suffix.empty())
      name.insert(name.size() - ext.size(), suffix);
    return name;
  }

  void add(const std::string& source, const std::string& folder_kind, const std::string& name,
           const std::string& role, const std::string& work) const
  {
    plan.files.push_back({m.resolve(source), folder_prefix(rules, folder_kind) + name, role, work});
  }

  void media(const manifest::Work& w) const
  {
    const auto& f = w.files;
    if (!f.subtitled.empty()) {
      add(f.subtitled, "video",
          work_name(w.title, w.category, naming::Variant::subtitled, extension_of(f.subtitled)),
          "subtitled", w.title);
      add(f.clean, "video",
          work_name(w.title, w.category, naming::Variant::clean, extension_of(f.clean)), "clean",
          w.title);
    }
    if (!f.video.empty())
      add(f.video, "video",
          work_name(w.title, w.category, naming::Variant::none, extension_of(f.video)), "video",
          w.title);
    // A series: each episode named with its number; a series of pairs, each episode's two
    // versions with their marks too (作品名-分类-单位（有字幕）（第1集）.mp4, as `rename` names
    // them).
    const bool pairs = f.clean_episodes.size() == f.episodes.size() && !f.episodes.empty();
    const auto episode = [&](const std::string& source, naming::Variant v, size_t i) {
      add(source, "video",
          with_episode(work_name(w.title, w.category, v, extension_of(source)),
                       extension_of(source), episode_pattern(rules), int(i) + 1),
          "episode", w.title);
    };
    for (size_t i = 0; i < f.episodes.size(); ++i) {
      episode(f.episodes[i], pairs ? naming::Variant::subtitled : naming::Variant::none, i);
      if (pairs)
        episode(f.clean_episodes[i], naming::Variant::clean, i);
    }
    if (!f.poster.empty())
      add(f.poster, "image",
          work_name(w.title, w.category, naming::Variant::none, extension_of(f.poster),
                    role_suffix(rules, w.category, "poster")),
          "poster", w.title);
    if (!f.qr.empty())
      add(f.qr, "image",
          work_name(w.title, w.category, naming::Variant::none, extension_of(f.qr),
                    role_suffix(rules, w.category, "qr")),
          "qr", w.title);
  }

  void documents(const manifest::Work& w) const
  {
    if (!w.files.script.empty())
      add(w.files.script, "解说词", w.title + "-解说词-" + m.unit + extension_of(w.files.script),
          "script", w.title);
    if (!w.files.courseware.empty())
      add(w.files.courseware, "课件",
          w.title + "-课件-" + m.unit + extension_of(w.files.courseware), "courseware", w.title);
  }

  // The unit's own documents (`documents:`), named as the notice names them: KIND-单位.ext
  // (naming's unit_document_pattern, the one spelling a rule set may give), in their folder.
  void unit_documents() const
  {
    for (const auto& d : m.documents)
      add(d.path, d.kind, d.kind + "-" + m.unit + extension_of(d.path), "document", "");
  }
};

// The name an image or a document keeps on the drive: its own, unless a USB drive or
// Windows cannot hold it (a line break, a ':' or '?'): then its stem made safe as titles are
// (sanitize_title: the characters' full-width forms, controls gone).
std::string kept_name(const SubmissionFile& f)
{
  const std::string name = naming::to_nfc(f.name);
  if (naming::check_file_name(name).empty())
    return name;
  const std::string stem =
      naming::sanitize_title(f.name.substr(0, f.name.size() - f.extension.size()));
  return stem.empty() ? name : stem + naming::to_nfc(f.extension);
}

void add_folders(const rules::RuleSet& rules, PackPlan& plan)
{
  if (rules.layout)
    for (const auto& f : rules.layout->folders)
      plan.folders.push_back(f.name);
}

} // namespace

std::string canonical_name(const SubmissionFile& file, const std::string& unit,
                           const std::string& extension, const rules::RuleSet& rules)
{
  naming::WorkName n = file.work_name->name;
  if (!unit.empty())
    n.unit = unit;
  const std::string refused = rules.naming ? rules.naming->forbidden_characters : "";
  n.title = naming::sanitize_title(n.title, refused);
  n.unit = naming::sanitize_title(n.unit, refused);
  n.variant_text = rules.variant_suffix(n.category, n.variant);
  n.extension = extension;
  const std::string name = naming::format_work_name(n, n.variant_text);
  return file.episode > 0 ? with_episode(name, extension, episode_pattern(rules), file.episode)
                          : name;
}

std::string folder_prefix(const rules::RuleSet& rules, const std::string& kind)
{
  const rules::FolderRule* f = rules.folder_for(kind);
  return f ? f->name + "/" : "";
}

std::vector<PlanProblem> destination_collisions(const PackPlan& plan)
{
  // Each planned file is its own claimant (the same source planned twice collides too).
  naming::NameClaims names;
  std::vector<PlanProblem> out;
  for (size_t i = 0; i < plan.files.size(); ++i) {
    const PlannedFile& f = plan.files[i];
    if (const std::string other = names.claim(f.dest, std::to_string(i)); !other.empty()) {
      const std::string& first = plan.files[std::stoul(other)].source;
      out.push_back({f.source,
                     {"与“" + first + "”会得到同一个名字：" + f.dest,
                      "would get the same name as '" + first + "': " + f.dest}});
    }
  }
  return out;
}

PackPlan plan_from_manifest(const manifest::Manifest& manifest, const rules::RuleSet& rules)
{
  PackPlan plan;
  add_folders(rules, plan);
  const ManifestPlanner p{manifest, rules, plan};
  for (const auto& w : manifest.works) {
    p.media(w);
    p.documents(w);
  }
  p.unit_documents();
  auto collisions = destination_collisions(plan);
  plan.problems.insert(plan.problems.end(), collisions.begin(), collisions.end());
  return plan;
}

namespace {

} // namespace

PackPlan plan_from_submission(const Submission& sub, const rules::RuleSet& rules,
                              const std::string& unit)
{
  PackPlan plan;
  add_folders(rules, plan);
  for (const auto& f : sub.files) {
    if (f.kind == FileKind::junk || f.kind == FileKind::other || naming::in_fix_originals(f.path))
      continue;
    if (f.work_name && naming::understood(*f.work_name) && rules.naming &&
        f.kind != FileKind::image) {
      plan.files.push_back(
          {f.abs_path,
           folder_prefix(rules, kind_name(f.kind)) + canonical_name(f, unit, f.extension, rules),
           "video",
           naming::sanitize_title(f.work_name->name.title,
                                  rules.naming->forbidden_characters)}); // as in the name
      continue;
    }
    if (f.work_name && !f.work_name->ok && rules.naming && f.kind != FileKind::image) {
      plan.problems.push_back(
          {f.abs_path,
           {"文件名无法识别为“作品名-分类-报送单位”，请先改名或写 works.yaml",
            "the name is not 作品名-分类-报送单位: rename it or describe it in works.yaml"}});
      continue;
    }
    // Images keep their role marks; documents go to the folder their type names (an alias
    // too: 创意说明 is a 解说词). A document of no type the rule set asks for has no place on
    // the drive (the check would call it unexpected): it is left out, and pack says why.
    std::string kind = kind_name(f.kind);
    bool typed = false;
    for (const auto& doc : rules.documents)
      if (rules.names_document(doc, f.name)) {
        kind = doc.kind;
        typed = true;
      }
    if (is_document_kind(f.kind) && !typed)
      continue;
    plan.files.push_back({f.abs_path, folder_prefix(rules, kind) + kept_name(f), kind, ""});
  }
  auto collisions = destination_collisions(plan);
  plan.problems.insert(plan.problems.end(), collisions.begin(), collisions.end());
  return plan;
}

} // namespace mpcheck::layout
