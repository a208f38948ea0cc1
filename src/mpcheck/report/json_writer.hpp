#pragma once
// Streamed JSON: a document written piece by piece to a Sink, never held whole in memory. The
// text is byte for byte what nlohmann's dump of the same document prints — pretty (indent 2)
// or compact (one line), UTF-8 kept as is (ensure_ascii off), invalid UTF-8 replaced by
// U+FFFD — so that a report streamed file by file and finding by finding is the report the
// whole tree would have given (docs/benchmarks.md, "Many small files": 10 000 files).

#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/report/probe_report.hpp"

namespace mpcheck::report {

// Where streamed output goes: text in order, piece by piece. A sink that cannot write (a full
// disk) remembers it and drops the rest; its owner says so once at the end (cli/common.cpp).
class Sink {
public:
  virtual ~Sink() = default;
  virtual void write(std::string_view text) = 0;
};

// Gathers the pieces into one string (the std::string forms of the renderers, tests).
class StringSink final : public Sink {
public:
  std::string text;
  void write(std::string_view piece) override { text.append(piece); }
};

// The text of `value` as nlohmann's dump prints it: indent 2 for pretty, -1 for compact.
std::string dump_json(const Json& value, bool pretty);

class JsonWriter {
public:
  enum class Style { pretty, compact };
  explicit JsonWriter(Sink& out, Style style = Style::pretty) : out_(out), style_(style) {}

  // A container as the next value (at the top, in an array, or after key()).
  void begin_object();
  void begin_array();
  // Close the innermost container ({} and [] when nothing was put in it).
  void end_object();
  void end_array();
  // The next value is this member of the innermost object.
  void key(std::string_view name);
  // A whole value (scalar or small tree), laid out as if it had been part of the document.
  void value(const Json& v);
  void member(std::string_view name, const Json& v)
  {
    key(name);
    value(v);
  }
  // Ends a top-level value with its newline (dump + "\n"; one line each for JSON Lines).
  void end_document();

  // How deep the writer is: 0 at the top level.
  size_t depth() const { return levels_.size(); }

private:
  struct Level {
    bool object = false;
    bool empty = true;
  };
  void separate();            // "," and the new line before an element or member
  void close(char bracket);   // the end of the innermost container
  void indent(size_t levels); // a new line and 2 spaces a level (pretty only)
  bool pretty() const { return style_ == Style::pretty; }

  Sink& out_;
  Style style_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  std::string piece_; // reused for each piece written
};

} // namespace mpcheck::report
