#include "mpcheck/report/json_writer.hpp"

#include <cassert>

namespace mpcheck::report {

std::string dump_json(const Json& value, bool pretty)
{
  return value.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

void JsonWriter::indent(size_t levels)
{
  if (!pretty())
    return;
  piece_ += '\n';
  piece_.append(2 * levels, ' ');
}

// Before an element of an array or a member of an object: nothing at the top, nothing right
// after a key; else "," unless it is the first, and in pretty style the new line and indent.
void JsonWriter::separate()
{
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty())
    return;
  Level& level = levels_.back();
  if (!level.empty)
    piece_ += ',';
  level.empty = false;
  indent(levels_.size());
}

void JsonWriter::begin_object()
{
  piece_.clear();
  separate();
  piece_ += '{';
  out_.write(piece_);
  levels_.push_back({true, true});
}

void JsonWriter::begin_array()
{
  piece_.clear();
  separate();
  piece_ += '[';
  out_.write(piece_);
  levels_.push_back({false, true});
}

void JsonWriter::close(char bracket)
{
  assert(!levels_.empty() && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  piece_.clear();
  if (!empty)
    indent(levels_.size());
  piece_ += bracket;
  out_.write(piece_);
}

void JsonWriter::end_object()
{
  assert(!levels_.empty() && levels_.back().object);
  close('}');
}

void JsonWriter::end_array()
{
  assert(!levels_.empty() && !levels_.back().object);
  close(']');
}

void JsonWriter::key(std::string_view name)
{
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  piece_.clear();
  separate();
  piece_ += dump_json(Json(std::string(name)), false);
  piece_ += pretty() ? ": " : ":";
  out_.write(piece_);
  after_key_ = true;
}

// nlohmann prints a nested value at its place with each of its lines indented by the depth;
// its strings never hold a raw new line (they are escaped), so indenting after each '\n' of
// the value's own dump gives the same text.
void JsonWriter::value(const Json& v)
{
  assert(levels_.empty() || !levels_.back().object || after_key_);
  piece_.clear();
  separate();
  const std::string text = dump_json(v, pretty());
  if (!pretty() || levels_.empty()) {
    piece_ += text;
  } else {
    const size_t spaces = 2 * levels_.size();
    size_t from = 0;
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
      piece_.append(text, from, nl + 1 - from);
      piece_.append(spaces, ' ');
      from = nl + 1;
    }
    piece_.append(text, from);
  }
  out_.write(piece_);
}

void JsonWriter::end_document()
{
  assert(levels_.empty() && !after_key_);
  out_.write("\n");
}

} // namespace mpcheck::report
