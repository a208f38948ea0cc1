#pragma once
// Where the outputs a user names (`--zip`, `-o`) may be written (docs/pack.md, "What pack reads and
// writes"): never a source, never inside a folder that is only read, never inside the folder pack
// fills, and an existing file only when replacing is allowed. Paths are compared with their links
// and '..' resolved (weakly_canonical), and files also by device and inode (hard links).

#include <string>
#include <vector>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::pack {

struct OutputGuard {
  // Folders or files that are only read: pack's SRC, check's PATHs. Nothing is written
  // inside them.
  std::vector<std::string> read_only;
  // What `read_only` is called in messages: {"源文件夹", "the source folder"}.
  Text read_only_name;
  // The folder pack writes the drive into ("" for other commands): outside the plan, a file
  // written there would be neither in the manifest nor safe from pack's own files.
  std::string out_dir;
  // Files read that may lie elsewhere (works.yaml given with --manifest, a rule file):
  // compared by path and by inode.
  std::vector<std::string> sources;
  // Every other file read (the plan's sources, the checked files): compared by inode when
  // the output exists with more than one link, the only way it can be one of them unseen.
  std::vector<std::string> read_files;
  // An existing file may be replaced (pack: --force; check: always, a report replacing an
  // older report is the normal CI use).
  bool replace = false;
};

// Why `path`, given as `option`, may not be written, or "" when it may ("" and "-": stdout).
std::string output_problem(const OutputGuard& guard, const std::string& option,
                           const std::string& path, Lang lang);

// Whether `path` is `root` or lies inside it, both with their links and '..' resolved as far as
// they exist.
bool is_inside(const std::string& path, const std::string& root);

// Whether `path` exists and is the same file (device and inode) as one of `files`.
bool same_file_as_any(const std::string& path, const std::vector<std::string>& files);

} // namespace mpcheck::pack
