#include "mpcheck/util/path.hpp"

namespace mpcheck::util {

std::string_view parent_of(std::string_view path)
{
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string folder_prefix_of(std::string_view path)
{
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string join_path(const std::string& root, std::string_view relative)
{
  if (relative.empty())
    return root;
  return root.ends_with('/') ? root + std::string(relative) : root + "/" + std::string(relative);
}

} // namespace mpcheck::util
