#pragma once
// Files that operating systems leave behind and nobody submits (Thumbs.db, .DS_Store, ...).
// `check` reports them as layout.junk; `pack` never copies them. Pure.

#include <string_view>

namespace mpcheck::naming {

// True when `relative_path` ('/'-separated) is junk itself or lies inside a junk folder
// (__MACOSX/, $RECYCLE.BIN/, System Volume Information/, .Trashes/, ...).
bool is_junk(std::string_view relative_path);

// True when a folder of this name holds only junk and is never descended into for checks.
bool is_junk_folder(std::string_view name);

// True for the files `pack` itself writes at the top of a drive (manifest-sha256.txt,
// mpcheck-report.txt, its resume state): they belong to the drive, not to the submission.
bool is_pack_metadata(std::string_view relative_path);

// The folder `mpcheck fix --in-place` keeps each original in, beside what it fixed.
inline constexpr const char* fix_originals_folder = "原始文件";

// True when a folder on the way to `relative_path` is fix_originals_folder: an original that
// a fixed file has replaced, never material of its own.
bool in_fix_originals(std::string_view relative_path);

// True for a temporary file an interrupted `pack` left (".mpcheck-tmp-<name>"): a file it
// was writing when it stopped. Junk too (never copied).
bool is_pack_leftover(std::string_view name);

} // namespace mpcheck::naming
