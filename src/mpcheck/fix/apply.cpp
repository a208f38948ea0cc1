#include "mpcheck/fix/apply.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::fix {

namespace {

namespace fs = std::filesystem;

std::string errno_text(int e)
{
  return std::strerror(e);
}

// works.yaml with the original's name replaced by the fixed file's, written atomically.
std::string update_works(const std::string& works, const std::string& old_name,
                         const std::string& new_name)
{
  if (works.empty() || old_name == new_name)
    return "";
  std::ifstream in(works, std::ios::binary);
  if (!in)
    return "";
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  bool changed = false;
  for (size_t at = text.find(old_name); at != std::string::npos;
       at = text.find(old_name, at + new_name.size())) {
    text.replace(at, old_name.size(), new_name);
    changed = true;
  }
  if (!changed)
    return "";
  if (const int e = util::write_file_atomically(works, text))
    return works + ": " + errno_text(e);
  return "";
}

} // namespace

std::string apply(const Plan& plan, const Destination& dest, const TranscodeProgress& progress)
{
  std::error_code ec;
  const fs::path final_path(dest.final_path);
  if (dest.original_to.empty() && fs::equivalent(plan.source, final_path, ec))
    return "the output would replace the original: " + dest.final_path;
  fs::create_directories(final_path.parent_path(), ec);
  const std::string tmp = util::temp_path_for(dest.final_path);
  if (std::string err = transcode(plan, tmp, progress); !err.empty()) {
    fs::remove(tmp, ec);
    return err;
  }
  if (!dest.original_to.empty()) {
    const fs::path to(dest.original_to);
    fs::create_directories(to.parent_path(), ec);
    if (fs::exists(to, ec)) {
      fs::remove(tmp, ec);
      return "an original is already kept there: " + dest.original_to;
    }
    fs::rename(plan.source, to, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return "cannot move the original to " + dest.original_to + ": " + ec.message();
    }
    util::fsync_dir(util::folder_of(dest.original_to));
    util::fsync_dir(util::folder_of(plan.source));
  }
  if (const int e = util::commit_file(tmp, dest.final_path))
    return dest.final_path + ": " + errno_text(e);
  return update_works(dest.works_yaml, fs::path(plan.source).filename().string(),
                      final_path.filename().string());
}

} // namespace mpcheck::fix
