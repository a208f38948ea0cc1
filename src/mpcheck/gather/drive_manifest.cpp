#include "mpcheck/gather/drive_manifest.hpp"

#include <map>
#include <optional>

#include "mpcheck/naming/fs_rules.hpp"

namespace mpcheck::gather {

namespace {

bool is_hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// 64 hex digits in lower case, or nullopt.
std::optional<std::string> digest_of(std::string_view text)
{
  if (text.size() != 64)
    return std::nullopt;
  std::string out;
  for (char c : text) {
    if (!is_hex(c))
      return std::nullopt;
    out += (c >= 'A' && c <= 'F') ? char(c - 'A' + 'a') : c;
  }
  return out;
}

// sha256sum's escaping of a name: "\\" and "\n" (and "\r"); nullopt for any other escape.
std::optional<std::string> unescape(std::string_view name)
{
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != '\\') {
      out += name[i];
      continue;
    }
    if (++i == name.size())
      return std::nullopt;
    if (name[i] == '\\')
      out += '\\';
    else if (name[i] == 'n')
      out += '\n';
    else if (name[i] == 'r')
      out += '\r';
    else
      return std::nullopt;
  }
  return out;
}

struct Parsed {
  std::string digest, path;
};

// "SHA256 (PATH) = HEX".
std::optional<Parsed> parse_tag(std::string_view line)
{
  constexpr std::string_view head = "SHA256 (";
  constexpr std::string_view mid = ") = ";
  if (!line.starts_with(head) || line.size() < head.size() + mid.size() + 64)
    return std::nullopt;
  const size_t at = line.size() - 64 - mid.size();
  if (line.substr(at, mid.size()) != mid)
    return std::nullopt;
  auto digest = digest_of(line.substr(line.size() - 64));
  if (!digest)
    return std::nullopt;
  return Parsed{*digest, std::string(line.substr(head.size(), at - head.size()))};
}

// "HEX  PATH" (text mode), "HEX *PATH" (binary mode), "HEX<blanks>PATH" (BagIt).
std::optional<Parsed> parse_plain(std::string_view line)
{
  if (line.size() < 66)
    return std::nullopt;
  auto digest = digest_of(line.substr(0, 64));
  if (!digest || (line[64] != ' ' && line[64] != '\t'))
    return std::nullopt;
  size_t start = 65;
  if (line[64] == ' ' && (line[65] == ' ' || line[65] == '*'))
    start = 66;
  else
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t'))
      ++start;
  return Parsed{*digest, std::string(line.substr(start))};
}

// The path as a drive-relative one ("./a" → "a"), or "" when it is not one: absolute, with
// an empty, "." or ".." part, or a NUL byte.
std::string inside_path(std::string path)
{
  while (path.starts_with("./"))
    path.erase(0, 2);
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string::npos)
    return "";
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    const std::string_view part = std::string_view(path).substr(
        start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..")
      return "";
    if (slash == std::string::npos)
      return path;
    start = slash + 1;
  }
}

} // namespace

DriveManifest parse_drive_manifest(std::string_view text)
{
  DriveManifest out;
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::map<std::string, size_t> seen; // path → entry
  int number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    if (line.ends_with('\r'))
      line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
      continue;
    const bool escaped = line.starts_with('\\');
    if (escaped)
      line.remove_prefix(1);
    std::optional<Parsed> p = parse_tag(line);
    if (!p)
      p = parse_plain(line);
    std::optional<std::string> name = p ? (escaped ? unescape(p->path) : p->path) : std::nullopt;
    if (!name || name->empty()) {
      out.problems.push_back({number, "syntax"});
      continue;
    }
    const std::string path = inside_path(*name);
    if (path.empty()) {
      out.problems.push_back({number, "outside"});
      continue;
    }
    if (auto it = seen.find(path); it != seen.end()) {
      if (out.entries[it->second].sha256 != p->digest)
        out.problems.push_back({number, "duplicate"});
      continue;
    }
    seen.emplace(path, out.entries.size());
    out.entries.push_back({path, p->digest, number, -1});
  }
  return out;
}

void match_manifest(DriveManifest& manifest, const std::vector<SubmissionFile>& files)
{
  std::map<std::string, int> by_raw, by_nfc;
  for (int i = 0; i < int(files.size()); ++i) {
    by_raw.emplace(files[size_t(i)].raw_path, i);
    by_nfc.emplace(files[size_t(i)].path, i);
  }
  for (ManifestEntry& e : manifest.entries) {
    if (auto it = by_raw.find(e.path); it != by_raw.end()) {
      e.file = it->second;
      continue;
    }
    const auto it = by_nfc.find(naming::to_nfc(naming::replace_invalid_utf8(e.path)));
    e.file = it == by_nfc.end() ? -1 : it->second;
  }
}

} // namespace mpcheck::gather
