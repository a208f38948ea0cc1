#include "mpcheck/gather/assemble.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/junk.hpp"

namespace mpcheck::gather {

std::pair<std::string, int> split_episode(const std::string& title)
{
  naming::EpisodeMark mark = naming::take_episode_mark(title, "");
  return {std::move(mark.rest), mark.number};
}

namespace {

std::string lower(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

std::string extension_of(const std::string& name)
{
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0)
    return "";
  return lower(name.substr(dot));
}

std::string clean_path(const std::string& raw)
{
  return naming::to_nfc(naming::replace_invalid_utf8(raw));
}

// The names a file's category part may take: every category's name and aliases.
std::vector<std::string> category_names(const rules::RuleSet& rules)
{
  std::vector<std::string> names;
  for (const auto& c : rules.categories) {
    names.push_back(c.name);
    names.insert(names.end(), c.aliases.begin(), c.aliases.end());
  }
  return names;
}

// A drive may hold the unit's folder rather than 作品/表格/文本 itself: look one level down
// when the root has none of the layout's folders and exactly one real folder.
std::string find_base(const scan::Tree& tree, const rules::RuleSet& rules)
{
  if (!rules.layout || rules.layout->folders.empty())
    return "";
  std::vector<std::string> top;
  for (const auto& d : tree.dirs)
    if (d.path.find('/') == std::string::npos && !naming::is_junk_folder(d.path))
      top.push_back(clean_path(d.path));
  auto is_layout_folder = [&](const std::string& name) {
    return std::any_of(rules.layout->folders.begin(), rules.layout->folders.end(),
                       [&](const rules::FolderRule& f) { return f.name == name; });
  };
  if (std::any_of(top.begin(), top.end(), is_layout_folder) || top.size() != 1)
    return "";
  const std::string prefix = top.front() + "/";
  for (const auto& d : tree.dirs) {
    const std::string p = clean_path(d.path);
    if (p.starts_with(prefix) && p.find('/', prefix.size()) == std::string::npos &&
        is_layout_folder(p.substr(prefix.size())))
      return prefix;
  }
  return "";
}

} // namespace

FileKind kind_of_path(const std::string& relative_path)
{
  if (naming::is_junk(relative_path))
    return FileKind::junk;
  const size_t slash = relative_path.rfind('/');
  return kind_from_extension(
      extension_of(relative_path.substr(slash == std::string::npos ? 0 : slash + 1)));
}

namespace {

// Fills f, made in place in the submission's vector (a 2 KB record a file: not moved again).
void make_file(SubmissionFile& f, const scan::TreeEntry& entry, MediaFacts&& facts,
               const std::string& base)
{
  f.path = clean_path(entry.path);
  f.raw_path = entry.path;
  f.abs_path = entry.abs_path;
  f.link_target = entry.is_symlink ? entry.link : "";
  f.size = entry.size;
  const size_t slash = f.path.rfind('/');
  f.name = slash == std::string::npos ? f.path : f.path.substr(slash + 1);
  if (f.path.starts_with(base)) {
    const std::string inner = f.path.substr(base.size());
    const size_t first = inner.find('/');
    f.folder = first == std::string::npos ? "" : inner.substr(0, first);
  } else {
    f.folder = "";
  }
  f.extension = extension_of(f.name);
  f.kind = kind_of_path(entry.path);
  f.facts = std::move(facts);
}

// An image's name without its role mark: "微光-新媒体作品-单位（海报）.jpg" →
// "微光-新媒体作品-单位.jpg", so that the unit part reads "单位". Marks: each role's suffix and its
// words in brackets.
std::string strip_role_mark(const std::string& name, const std::string& extension,
                            const rules::RuleSet& rules)
{
  const std::string stem = name.substr(0, name.size() - extension.size());
  std::vector<const rules::CategoryRules*> categories{&rules.works};
  for (const auto& c : rules.categories)
    categories.push_back(&c);
  std::vector<std::string> marks;
  for (const auto* cat : categories)
    for (const auto& role : cat->images) {
      if (!role.suffix.empty())
        marks.push_back(role.suffix);
      for (const auto& word : role.accept)
        for (const char* open_close : {"（|）", "(|)", "【|】", "[|]", "-|", "_|"}) {
          const std::string oc = open_close;
          const size_t bar = oc.find('|');
          marks.push_back(oc.substr(0, bar) + word + oc.substr(bar + 1));
        }
    }
  for (const auto& mark : marks)
    if (stem.size() > mark.size() && stem.ends_with(mark))
      return stem.substr(0, stem.size() - mark.size()) + extension;
  return name;
}

// The words the rule set's variants add to naming's built-in ones: each `accept` word and the
// word inside each `suffix` ("（中文字幕）" → "中文字幕").
naming::VariantWords variant_words(const rules::RuleSet& rules)
{
  naming::VariantWords out;
  auto add = [](std::vector<std::string>& to, const rules::VariantRule& v) {
    to.insert(to.end(), v.accept.begin(), v.accept.end());
    std::string inner = v.suffix;
    for (const char* bracket : {"（", "）", "(", ")", "【", "】", "[", "]"})
      for (size_t at; (at = inner.find(bracket)) != std::string::npos;)
        inner.erase(at, std::string_view(bracket).size());
    to.push_back(inner);
  };
  std::vector<const rules::CategoryRules*> categories{&rules.works};
  for (const auto& c : rules.categories)
    categories.push_back(&c);
  for (const auto* c : categories)
    if (c->variants) {
      add(out.subtitled, c->variants->subtitled);
      add(out.clean, c->variants->clean);
    }
  return out;
}

// The episode of a work's file, taken off its name: after the unit (the rule set's
// `episode_suffix`, 作品-纪录片-单位（第2集）.mp4, also before or after a variant suffix) or,
// as people also write it, at the end of the title (作品（第2集）-纪录片-单位.mp4).
naming::ParseResult parse_work_file(SubmissionFile& f, const std::string& name,
                                    const std::vector<std::string>& categories,
                                    const std::string& pattern, const naming::VariantWords& words)
{
  const std::string ext = name.substr(name.size() - f.extension.size());
  naming::EpisodeMark mark =
      naming::take_episode_mark(name.substr(0, name.size() - ext.size()), pattern);
  naming::ParseResult r = naming::parse_work_name(mark.rest + ext, categories, words);
  f.episode = mark.number;
  for (std::string* part : {&r.name.unit, &r.name.title}) {
    if (f.episode > 0)
      break;
    mark = naming::take_episode_mark(*part, part == &r.name.unit ? pattern : "");
    if (mark.number > 0) {
      f.episode = mark.number;
      *part = mark.rest;
    }
  }
  return r;
}

void parse_names(SubmissionFile& f, const std::vector<std::string>& categories,
                 const naming::VariantWords& words, const rules::RuleSet& rules)
{
  const bool named = rules.naming.has_value();
  if (f.kind == FileKind::image && named) {
    // A picture named as a form or a text (汇总表-单位（扫描）.jpg: the signed, stamped copy)
    // is that document's scan, not a work: it is not held to the works' name pattern.
    naming::DocumentName doc = naming::parse_document_name(f.name);
    if (!doc.doc_type.empty() && doc.problem.empty()) {
      f.document_name = std::move(doc);
      return;
    }
  }
  if (is_probed_kind(f.kind)) {
    if (named) {
      const std::string name =
          f.kind == FileKind::image ? strip_role_mark(f.name, f.extension, rules) : f.name;
      f.work_name = parse_work_file(f, name, categories, rules.naming->episode_suffix, words);
    } else {
      // No naming rule: the file is its own work, titled by its name.
      naming::ParseResult r;
      r.ok = true;
      r.name.title = f.name.substr(0, f.name.size() - f.extension.size());
      r.name.extension = f.extension;
      r.known_category = true;
      auto [title, episode] = split_episode(r.name.title);
      f.episode = episode;
      r.name.title = title;
      f.work_name = r;
    }
  } else if (is_document_kind(f.kind)) {
    f.document_name = naming::parse_document_name(f.name);
  }
}

bool usable_name(const naming::ParseResult& r)
{
  return r.ok || r.problem == "unknown-category";
}

void group_works(Submission& sub)
{
  std::map<std::pair<std::string, std::string>, int> index;
  for (int i = 0; i < int(sub.files.size()); ++i) {
    SubmissionFile& f = sub.files[size_t(i)];
    if (!f.work_name || !usable_name(*f.work_name))
      continue;
    const auto& n = f.work_name->name;
    const auto key = std::make_pair(n.title, n.category);
    auto [it, fresh] = index.emplace(key, int(sub.works.size()));
    if (fresh)
      sub.works.push_back(Work{n.title, n.category, n.unit, {}, {}, 0});
    f.work = it->second;
    sub.works[size_t(it->second)].files.push_back(i);
  }
  for (Work& w : sub.works) {
    std::vector<int> episodes;
    for (int i : w.files)
      if (sub.files[size_t(i)].episode > 0)
        episodes.push_back(sub.files[size_t(i)].episode);
    std::sort(episodes.begin(), episodes.end());
    w.episodes = int(std::unique(episodes.begin(), episodes.end()) - episodes.begin());
  }
  // Texts and courseware that name a work's title belong to it.
  for (int i = 0; i < int(sub.files.size()); ++i) {
    SubmissionFile& f = sub.files[size_t(i)];
    if (!f.document_name || f.document_name->title.empty())
      continue;
    for (int w = 0; w < int(sub.works.size()); ++w)
      if (sub.works[size_t(w)].title == f.document_name->title) {
        sub.works[size_t(w)].documents.push_back(i);
        f.work = w;
        break;
      }
  }
}

// Each work's subtitled video with its clean twin of the same episode (the first of each).
void pair_versions(Submission& sub)
{
  for (int w = 0; w < int(sub.works.size()); ++w) {
    std::map<int, VersionPair> by_episode;
    for (int i : sub.works[size_t(w)].files) {
      const SubmissionFile& f = sub.files[size_t(i)];
      if (f.kind != FileKind::video || !f.work_name)
        continue;
      VersionPair& p = by_episode[f.episode];
      p.work = w;
      const naming::Variant v = f.work_name->name.variant;
      if (v == naming::Variant::subtitled && p.subtitled < 0)
        p.subtitled = i;
      else if (v == naming::Variant::clean && p.clean < 0)
        p.clean = i;
    }
    for (const auto& [episode, p] : by_episode)
      if (p.subtitled >= 0 && p.clean >= 0)
        sub.pairs.push_back(p);
  }
}

} // namespace

Submission assemble(const scan::Tree& tree, std::vector<MediaFacts> facts,
                    const rules::RuleSet& rules)
{
  Submission sub;
  sub.root = tree.root;
  sub.base = find_base(tree, rules);
  for (const auto& d : tree.dirs) {
    const std::string p = clean_path(d.path);
    if (p.starts_with(sub.base) && p.size() > sub.base.size() &&
        p.find('/', sub.base.size()) == std::string::npos)
      sub.folders.push_back(p.substr(sub.base.size()));
  }
  const std::vector<std::string> categories = category_names(rules);
  const naming::VariantWords words = variant_words(rules);
  facts.resize(tree.files.size());
  // One allocation: grown by doubling, the vector of 10 000 files (2 KB each, most of it the
  // MediaFacts) would hold its old and new blocks at once, 1.5 times its size at the peak.
  sub.files.reserve(tree.files.size());
  for (size_t i = 0; i < tree.files.size(); ++i) {
    if (naming::is_pack_metadata(tree.files[i].path)) {
      sub.pack.manifest |= tree.files[i].path == kDriveManifestName;
      sub.pack.state_file |= tree.files[i].path == ".mpcheck-pack-state";
      continue;
    }
    SubmissionFile& f = sub.files.emplace_back();
    make_file(f, tree.files[i], std::move(facts[i]), sub.base);
    parse_names(f, categories, words, rules);
  }
  for (const auto& p : tree.problems)
    sub.problems.push_back({clean_path(p.path), p.error, p.link});
  group_works(sub);
  pair_versions(sub);
  return sub;
}

} // namespace mpcheck::gather
