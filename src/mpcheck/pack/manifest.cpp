#include "mpcheck/pack/manifest.hpp"

#include <algorithm>

namespace mpcheck::pack {

namespace {

std::string manifest_line(const FileResult& file)
{
  const bool escape = file.dest.find_first_of("\\\n\r") != std::string::npos;
  std::string line = escape ? "\\" : "";
  line += file.sha256 + "  ";
  for (const char c : file.dest) {
    if (escape && c == '\\')
      line += "\\\\";
    else if (escape && c == '\n')
      line += "\\n";
    else if (escape && c == '\r')
      line += "\\r";
    else
      line += c;
  }
  return line + "\n";
}

} // namespace

std::string manifest_text(const std::vector<FileResult>& files)
{
  std::vector<const FileResult*> sorted;
  for (const FileResult& file : files)
    sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](const FileResult* a, const FileResult* b) { return a->dest < b->dest; });
  std::string text;
  for (const FileResult* file : sorted)
    text += manifest_line(*file);
  return text;
}

} // namespace mpcheck::pack
