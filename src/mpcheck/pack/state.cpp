#include "mpcheck/pack/state.hpp"

#include "mpcheck/pack/plan.hpp"
#include "mpcheck/util/sha256.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace mpcheck::pack {

namespace {

constexpr std::string_view header = "mpcheck-pack-state 1\n";

// Takes the text up to the next space off the front of `line`.
std::string_view take_field(std::string_view& line)
{
  const size_t space = line.find(' ');
  if (space == std::string_view::npos)
    return std::exchange(line, std::string_view());
  const std::string_view field = line.substr(0, space);
  line.remove_prefix(space + 1);
  return field;
}

bool parse_int(std::string_view text, int64_t& value)
{
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool parse_line(std::string_view line, std::string& dest, StateEntry& entry)
{
  const std::string_view sha = take_field(line);
  const std::string_view size = take_field(line);
  const std::string_view mtime = take_field(line);
  if (!util::is_sha256_hex(sha) || !parse_int(size, entry.size) ||
      !parse_int(mtime, entry.mtime_ns) || entry.size < 0 || line.empty())
    return false;
  entry.sha256 = std::string(sha);
  dest = std::string(line);
  return true;
}

std::string state_path(const std::string& out_dir)
{
  return join_path(out_dir, state_name);
}

} // namespace

State parse_state(std::string_view text)
{
  State state;
  if (!text.starts_with(header))
    return state;
  text.remove_prefix(header.size());
  // Only '\n'-terminated lines count: an unterminated last line is a torn append.
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n')) {
    std::string dest;
    StateEntry entry;
    if (parse_line(text.substr(0, nl), dest, entry))
      state[dest] = entry;
    text.remove_prefix(nl + 1);
  }
  return state;
}

std::string format_state_line(const std::string& dest, const StateEntry& entry)
{
  return fmt::format("{} {} {} {}\n", entry.sha256, entry.size, entry.mtime_ns, dest);
}

std::string format_state(const State& state)
{
  std::string text(header);
  for (const auto& [dest, entry] : state)
    text += format_state_line(dest, entry);
  return text;
}

State load_state(const std::string& out_dir)
{
  std::ifstream in(state_path(out_dir), std::ios::binary);
  if (!in)
    return {};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_state(text.str());
}

Status save_state(const std::string& out_dir, const State& state)
{
  return write_file_atomically(state_path(out_dir), format_state(state));
}

StateJournal::StateJournal(const std::string& out_dir) : m_path(state_path(out_dir))
{
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (m_fd < 0)
    m_error = errno_status(errno, "cannot open", m_path);
}

StateJournal::~StateJournal()
{
  if (m_fd >= 0)
    ::close(m_fd);
}

Status StateJournal::append(const std::string& dest, const StateEntry& entry)
{
  return append({{dest, entry}});
}

Status StateJournal::append(const std::vector<std::pair<std::string, StateEntry>>& entries)
{
  std::string line;
  for (const auto& [dest, entry] : entries)
    line += format_state_line(dest, entry);
  // Plain ::write, not the test hook: the hook stands for the data path only.
  if (::write(m_fd, line.data(), line.size()) != ssize_t(line.size()) || ::fdatasync(m_fd) != 0)
    return errno_status(errno, "cannot write", m_path);
  return {};
}

} // namespace mpcheck::pack
