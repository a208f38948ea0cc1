#pragma once
// Walks the paths given on the command line (a drive, a unit folder, single files) into a
// flat list of files and folders. The only code in check that lists directories.

#include <cstdint>
#include <string>
#include <vector>

namespace mpcheck::scan {

struct TreeEntry {
  std::string path;     // relative to the checked root, '/'-separated, as the bytes on disk
  std::string abs_path; // what to open
  int64_t size = 0;
  bool is_dir = false;
  bool is_symlink = false;
  std::string error; // "" or why it could not be read: permission, loop, unreadable,
                     // symlink-dir, symlink-outside, too-deep, not-found
  std::string link;  // a symlink's target, every link resolved: relative like `path` when
                     // inside the walked folder, absolute when outside; "" for no symlink
};

struct Tree {
  std::string root;                // the checked root ("" when several paths were given)
  std::vector<TreeEntry> files;    // every regular file (junk included), sorted by path
  std::vector<TreeEntry> dirs;     // every folder below the root, sorted by path
  std::vector<TreeEntry> problems; // entries that could not be read or followed
};

// Walks `paths`. One directory: paths are relative to it. One file: relative to its folder.
// Several: each entry keeps the path as given. Directory symlinks are not followed (no
// loops); a missing path is a problem entry, not an exception. A file symlink found below a
// given folder is followed only when its target, all links resolved, lies inside that folder
// (a file entry with is_symlink and link); one that leaves it is a "symlink-outside" problem
// and is never opened (docs/pack.md, "What pack reads and writes": a hostile drive cannot make
// mpcheck read elsewhere).
Tree walk(const std::vector<std::string>& paths);

} // namespace mpcheck::scan
