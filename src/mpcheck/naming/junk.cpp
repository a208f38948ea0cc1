#include "mpcheck/naming/junk.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::naming {

namespace {

std::string lower(std::string_view s)
{
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

bool is_junk_file(std::string_view name)
{
  static constexpr std::array<std::string_view, 8> names = {
      "thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store",
      "icon\r",    ".localized",  ".directory",  "autorun.inf"};
  const std::string l = lower(name);
  if (std::find(names.begin(), names.end(), l) != names.end())
    return true;
  // AppleDouble forks (._name), Office lock files (~$name.docx), an interrupted pack's temp.
  return name.starts_with("._") || name.starts_with("~$") || is_pack_leftover(name);
}

} // namespace

bool is_junk_folder(std::string_view name)
{
  static constexpr std::array<std::string_view, 8> names = {
      "__macosx",   "$recycle.bin",    "system volume information", ".trashes",
      ".fseventsd", ".spotlight-v100", ".temporaryitems",           "recycler"};
  const std::string l = lower(name);
  return std::find(names.begin(), names.end(), l) != names.end();
}

bool in_fix_originals(std::string_view relative_path)
{
  const std::string_view folder = fix_originals_folder;
  for (size_t start = 0; start < relative_path.size();) {
    const size_t slash = relative_path.find('/', start);
    if (slash == std::string_view::npos)
      return false; // the last part is the file itself
    if (relative_path.substr(start, slash - start) == folder)
      return true;
    start = slash + 1;
  }
  return false;
}

bool is_pack_leftover(std::string_view name)
{
  return name.starts_with(util::temp_prefix);
}

bool is_pack_metadata(std::string_view relative_path)
{
  return relative_path == "manifest-sha256.txt" || relative_path == "mpcheck-report.txt" ||
         relative_path == ".mpcheck-pack-state";
}

bool is_junk(std::string_view relative_path)
{
  size_t start = 0;
  while (true) {
    const size_t slash = relative_path.find('/', start);
    const std::string_view part = relative_path.substr(start, slash - start);
    if (slash == std::string_view::npos)
      return is_junk_file(part) || is_junk_folder(part);
    if (is_junk_folder(part))
      return true;
    start = slash + 1;
  }
}

} // namespace mpcheck::naming
