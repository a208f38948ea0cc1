#pragma once
// Carries out `mpcheck rename` on a folder (docs/pack.md, "Renaming in place"): the plan
// (layout/rename.hpp) is written to an undo journal first, then applied rename by rename with
// renameat2(RENAME_NOREPLACE) — an existing file is never replaced —, and rolled back when one
// fails midway, so the folder ends with all the new names or all the old ones. The journal
// also keeps works.yaml as it was when its paths are updated; undo() puts both back.

#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

#include "mpcheck/layout/rename.hpp"

namespace mpcheck::pack {

// The rename that failed: its names (as planned, relative to the folder) and strerror.
struct RenameFailure {
  std::string from;
  std::string to;
  std::string error; // strerror's words
  int code = 0;      // the errno (core/system_errors.hpp says it in Chinese)
};

// "mpcheck-rename-YYYYMMDD-HHMMSS.json" for the local time `now`.
std::string default_journal_name(std::time_t now);

// Writes the journal at `journal` (atomically, util::write_file_atomically): schema
// "mpcheck-rename-journal/1", the absolute `root`, the renames in order and, when
// `manifest_path` is not empty, that file's path and current text. Returns false when it
// cannot be written (then nothing may be renamed), with its errno in `error` when given.
bool write_journal(const std::string& journal, const std::string& root,
                   const std::vector<layout::Rename>& renames, const std::string& manifest_path,
                   int* error = nullptr);

// Renames each `from` to `to` under `root`, in order, never replacing an existing file. On the
// first failure, the renames already done are undone in reverse order and `failure` says which
// one failed; returns false. Returns true when all were applied.
bool apply_renames(const std::string& root, const std::vector<layout::Rename>& renames,
                   RenameFailure& failure);

// Rewrites the file `path` (works.yaml) with every occurrence of a rename's `from` replaced by
// its `to`, atomically. Returns false when it cannot be written.
bool update_manifest(const std::string& path, const std::vector<layout::Rename>& renames);

struct UndoResult {
  // "" (done), "not-a-journal" (unreadable or not a journal: nothing changed),
  // "already-undone" (every original name is back already, none of the new ones left: nothing
  // changed; no failure), "rename" (a
  // name could not be put back: `failure`, the others were rolled forward again), "manifest"
  // (the names are back, works.yaml could not be restored).
  std::string error;
  RenameFailure failure;
  size_t restored = 0; // names put back
};

// Puts back the names recorded in the journal `journal` (last rename first) and the works.yaml
// text it kept.
UndoResult undo(const std::string& journal);

} // namespace mpcheck::pack
