#pragma once
// The resume state `.mpcheck-pack-state` at the root of the output folder: for each file pack
// has put under its final name, its size, the source's mtime when it was copied and its
// SHA-256. A re-run trusts an entry while the source's size and mtime are unchanged and the
// destination has that size, so it neither recopies nor re-hashes the source.
//
// Format: a header line, then one line per file, appended (and fdatasynced) right after the
// file is renamed into place, so a kill loses at most the entry of the file being finished:
//   mpcheck-pack-state 1
//   <sha256> <size> <source mtime ns> <dest>
// A later line for the same dest wins. Lines that do not parse (a torn last line) are ignored.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mpcheck/pack/fileio.hpp"

namespace mpcheck::pack {

struct StateEntry {
  std::string sha256;
  int64_t size = 0;
  int64_t mtime_ns = 0; // the source's; 0 for a generated file
  friend bool operator==(const StateEntry&, const StateEntry&) = default;
};

using State = std::map<std::string, StateEntry>; // by dest

// The entries of a state file's text; anything unparsable is skipped.
State parse_state(std::string_view text);

// The text of a whole state file holding `state`.
std::string format_state(const State& state);

// One entry's line, '\n'-terminated.
std::string format_state_line(const std::string& dest, const StateEntry& entry);

// Reads `out_dir`/.mpcheck-pack-state; an absent or unreadable file is an empty state.
State load_state(const std::string& out_dir);

// Replaces the state file atomically with exactly `state`.
Status save_state(const std::string& out_dir, const State& state);

// Appends one entry to the state file (created by save_state before) and fdatasyncs it.
class StateJournal {
public:
  // Opens `out_dir`/.mpcheck-pack-state for appending; check ok() / error().
  explicit StateJournal(const std::string& out_dir);
  ~StateJournal();
  StateJournal(const StateJournal&) = delete;
  StateJournal& operator=(const StateJournal&) = delete;

  // Why the file could not be opened ("" when it could).
  const Status& error() const { return m_error; }

  // Appends and flushes the entry for `dest`.
  Status append(const std::string& dest, const StateEntry& entry);

  // Appends the entries of several files and flushes them once (a batch of small files).
  Status append(const std::vector<std::pair<std::string, StateEntry>>& entries);

private:
  std::string m_path;
  int m_fd = -1;
  Status m_error;
};

} // namespace mpcheck::pack
