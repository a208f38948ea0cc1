#include "mpcheck/pack/plan.hpp"

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/junk.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace mpcheck::pack {

namespace {

std::vector<std::string_view> split_parts(std::string_view path)
{
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos)
      return parts;
    start = slash + 1;
  }
}

bool has_control_character(std::string_view text)
{
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string part_problem(std::string_view part)
{
  if (part.empty())
    return "has an empty part";
  if (part == "." || part == "..")
    return "has a '.' or '..' part";
  if (part.starts_with(temp_prefix))
    return fmt::format("uses pack's temporary prefix {}", temp_prefix);
  return "";
}

std::vector<std::string> all_dests(const PackPlan& plan)
{
  std::vector<std::string> dests;
  for (const PlannedFile& op : plan.files)
    dests.push_back(op.dest);
  for (const GeneratedFile& file : plan.generated)
    dests.push_back(file.dest);
  return dests;
}

// A destination that another destination uses as a folder ("a" and "a/b").
std::string folder_clash(const std::vector<std::string>& dests)
{
  std::set<std::string> folders;
  for (const std::string& dest : dests) {
    for (size_t slash = dest.find('/'); slash != std::string::npos;
         slash = dest.find('/', slash + 1))
      folders.insert(naming::fold_for_collision(dest.substr(0, slash)));
  }
  for (const std::string& dest : dests) {
    if (folders.count(naming::fold_for_collision(dest)))
      return fmt::format("destination {} is also a folder of another destination", dest);
  }
  return "";
}

} // namespace

std::string dest_problem(std::string_view dest)
{
  if (dest.empty())
    return "empty destination";
  if (!naming::is_valid_utf8(dest))
    return fmt::format("destination {} is not valid UTF-8", naming::replace_invalid_utf8(dest));
  if (dest.front() == '/')
    return fmt::format("destination {} is not relative", dest);
  if (has_control_character(dest))
    return fmt::format("destination {} has a control character", dest);
  for (const std::string_view part : split_parts(dest)) {
    if (const std::string problem = part_problem(part); !problem.empty())
      return fmt::format("destination {} {}", dest, problem);
  }
  if (dest == manifest_name || dest == state_name)
    return fmt::format("destination {} is a name pack keeps for itself", dest);
  if (naming::is_junk(dest))
    return fmt::format("destination {} is a junk file and is never copied", dest);
  return "";
}

std::string plan_problem(const PackPlan& plan)
{
  for (const PlannedFile& op : plan.files) {
    if (op.source.empty() || op.source.front() != '/')
      return fmt::format("source {} of {} is not an absolute path", op.source, op.dest);
  }
  const std::vector<std::string> dests = all_dests(plan);
  for (const std::string& dest : dests) {
    if (std::string problem = dest_problem(dest); !problem.empty())
      return problem;
  }
  for (const std::string& folder : plan.folders) {
    if (std::string problem = dest_problem(folder); !problem.empty())
      return "folder: " + problem;
  }
  const auto collisions = naming::find_collisions(dests);
  if (!collisions.empty())
    return fmt::format("destinations {} are the same file on a USB drive",
                       fmt::join(collisions.front(), " and "));
  return folder_clash(dests);
}

} // namespace mpcheck::pack
