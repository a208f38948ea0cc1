#include "mpcheck/scan/walk.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mpcheck::scan {

namespace fs = std::filesystem;

namespace {

constexpr int max_depth = 64;

std::string join(const std::string& base, const std::string& name)
{
  return base.empty() ? name : base + "/" + name;
}

std::string error_code_name(const std::error_code& ec)
{
  if (ec == std::errc::permission_denied)
    return "permission";
  if (ec == std::errc::too_many_symbolic_link_levels)
    return "loop";
  if (ec == std::errc::no_such_file_or_directory)
    return "not-found";
  return "unreadable";
}

void add_file(Tree& tree, const fs::path& abs, const std::string& rel, bool symlink)
{
  TreeEntry e{rel, abs.string(), 0, false, symlink, ""};
  std::error_code ec;
  const auto size = fs::file_size(abs, ec);
  if (ec) {
    e.error = error_code_name(ec);
    tree.problems.push_back(e);
    return;
  }
  e.size = int64_t(size);
  tree.files.push_back(std::move(e));
}

void walk_dir(Tree& tree, const fs::path& dir, const std::string& rel, int depth)
{
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    tree.problems.push_back({rel, dir.string(), 0, true, false, error_code_name(ec)});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      tree.problems.push_back({rel, dir.string(), 0, true, false, error_code_name(ec)});
      break;
    }
    const fs::path abs = it->path();
    const std::string child = join(rel, abs.filename().string());
    std::error_code lec;
    const bool symlink = it->is_symlink(lec);
    const fs::file_status st = fs::status(abs, lec); // follows symlinks
    if (lec) {
      tree.problems.push_back({child, abs.string(), 0, false, symlink, error_code_name(lec)});
      continue;
    }
    if (fs::is_directory(st)) {
      if (symlink) {
        // Not followed: a link to a folder may point back up the tree.
        tree.problems.push_back({child, abs.string(), 0, true, true, "symlink-dir"});
        continue;
      }
      tree.dirs.push_back({child, abs.string(), 0, true, false, ""});
      if (depth + 1 >= max_depth)
        tree.problems.push_back({child, abs.string(), 0, true, false, "too-deep"});
      else
        walk_dir(tree, abs, child, depth + 1);
    } else if (fs::is_regular_file(st)) {
      add_file(tree, abs, child, symlink);
    }
    // Sockets, FIFOs and devices are not submissions: skipped silently.
  }
}

} // namespace

Tree walk(const std::vector<std::string>& paths)
{
  Tree tree;
  const bool single = paths.size() == 1;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path path(p);
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      tree.problems.push_back({p, p, 0, false, false, ec ? error_code_name(ec) : "not-found"});
      continue;
    }
    if (fs::is_directory(st)) {
      if (single)
        tree.root = p;
      walk_dir(tree, path, single ? "" : p, 0);
    } else {
      if (single)
        tree.root = path.parent_path().string();
      add_file(tree, path, single ? path.filename().string() : p, fs::is_symlink(path, ec));
    }
  }
  auto by_path = [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; };
  std::sort(tree.files.begin(), tree.files.end(), by_path);
  std::sort(tree.dirs.begin(), tree.dirs.end(), by_path);
  return tree;
}

} // namespace mpcheck::scan
