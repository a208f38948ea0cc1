#pragma once
// What each of execute()'s error codes (execute.hpp) means to the user, in both languages:
// what happened, naming the file, and what to do. Pure.

#include <cstdint>
#include <string>
#include <utility>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::pack {

// The facts an error is worded from, so that each language says it in its own words (never a
// system's English sentence inside a Chinese one): what pack was doing (errno_status's
// `what`, "cannot write"), to which path, the errno; the sizes of a space or name problem.
struct ErrorFacts {
  std::string action;     // "" when the error is not a failed system call
  std::string path;       // the file or folder concerned (a too-long name: the name)
  std::string where;      // the output folder, when it is not `path`
  int err = 0;            // the errno of the failed call, 0 for none
  int64_t needed = -1;    // bytes needed (no-space), or a name's length in bytes (name-too-long)
  int64_t available = -1; // bytes free (no-space), or the file system's longest name
  // no-space for want of files, not bytes: the files and folders to make, and how many the
  // file system may still make (-1: not known, or not the cause).
  int64_t files_needed = -1;
  int64_t files_free = -1;
  // dest-exists-different: how the file in the way differs from the one pack would write.
  Text differs;

  // A failed system call: `what` pack was doing to `path`, and the errno.
  static ErrorFacts call(std::string what, std::string path, int err)
  {
    ErrorFacts f;
    f.action = std::move(what);
    f.path = std::move(path);
    f.err = err;
    return f;
  }
  // No failed call: `path`, and the sizes when they matter.
  static ErrorFacts at(std::string path, std::string where = "", int64_t needed = -1,
                       int64_t available = -1)
  {
    ErrorFacts f;
    f.path = std::move(path);
    f.where = std::move(where);
    f.needed = needed;
    f.available = available;
    return f;
  }
};

// The message for a failure with these facts, in both languages: what happened, naming the
// file, the cause in plain words (read-only drive, no permission, a path that is not a
// folder, a full disk with the sizes, ...) and what to do about it. Falls back on
// error_text(code, detail) when the facts say nothing.
Text error_text(const std::string& code, const std::string& detail, const ErrorFacts& facts);

// The message for ExecuteResult's `code` and `detail` (an unknown code reads as a write
// failure: a drive error, or the drive was unplugged).
Text error_text(const std::string& code, const std::string& detail);

} // namespace mpcheck::pack
