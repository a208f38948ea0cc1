#include "mpcheck/fix/apply.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mpcheck/manifest/works.hpp"
#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::fix {

namespace {

namespace fs = std::filesystem;

std::string errno_text(int e)
{
  return std::strerror(e);
}

// works.yaml with the original's name replaced by the fixed file's (and init's TODO about the
// old name dropped: manifest::rename_in_manifest), written atomically. Put back by withdraw,
// the name returns, not such a TODO: it asked for a title the clerk has written by then.
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
  const std::string before = buffer.str();
  const std::string text = manifest::rename_in_manifest(before, old_name, new_name);
  if (text == before)
    return "";
  if (const int e = util::write_file_atomically(works, text))
    return works + ": " + errno_text(e);
  return "";
}

// Copies `from` to `to` durably: into a temporary name beside `to`, flushed, renamed, the
// folder flushed (util::commit_file); its time of last change kept. Returns "" or why not;
// `to` is then untouched and no temporary file is left.
std::string copy_durably(const std::string& from, const std::string& to)
{
  std::error_code ec;
  const std::string tmp = util::temp_path_for(to);
  fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot copy the original to " + to + ": " + ec.message();
  }
  if (const auto when = fs::last_write_time(from, ec); !ec)
    fs::last_write_time(tmp, when, ec);
  if (const int e = util::commit_file(tmp, to))
    return "cannot copy the original to " + to + ": " + errno_text(e);
  return "";
}

} // namespace

std::string move_original(const std::string& from, const std::string& to,
                          const RenameFunction& rename)
{
  std::error_code ec;
  fs::create_directories(fs::path(to).parent_path(), ec);
  if (fs::exists(to, ec))
    return "an original is already kept there: " + to;
  const int e = rename ? rename(from, to) : (::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno);
  if (e == 0) {
    util::fsync_dir(util::folder_of(to));
    util::fsync_dir(util::folder_of(from));
    return "";
  }
  if (e != EXDEV)
    return "cannot move the original to " + to + ": " + errno_text(e);
  // Another file system (the drive is a USB stick, 原始文件/ is beside its mount point): a
  // rename cannot cross it. The copy is made durable first; only then is the source removed,
  // so that at every moment one whole copy of the original exists.
  if (std::string err = copy_durably(from, to); !err.empty())
    return err;
  if (!fs::remove(from, ec) || ec)
    return "the original was copied to " + to + " but cannot be removed: " + ec.message();
  util::fsync_dir(util::folder_of(from));
  return "";
}

std::string convert(const Plan& plan, const Destination& dest, const TranscodeProgress& progress,
                    PacketDigest* digest)
{
  std::error_code ec;
  const fs::path final_path(dest.final_path);
  if (dest.original_to.empty() && fs::equivalent(plan.source, final_path, ec))
    return "the output would replace the original: " + dest.final_path;
  fs::create_directories(final_path.parent_path(), ec);
  const std::string tmp = util::temp_path_for(dest.final_path);
  if (std::string err = transcode(plan, tmp, progress, digest); !err.empty()) {
    fs::remove(tmp, ec);
    return err;
  }
  return "";
}

void discard(const Destination& dest)
{
  std::error_code ec;
  fs::remove(util::temp_path_for(dest.final_path), ec);
}

std::string commit(const Plan& plan, const Destination& dest)
{
  const std::string tmp = util::temp_path_for(dest.final_path);
  if (!dest.original_to.empty()) {
    if (std::string err = move_original(plan.source, dest.original_to); !err.empty()) {
      discard(dest);
      return err;
    }
  }
  if (const int e = util::commit_file(tmp, dest.final_path))
    return dest.final_path + ": " + errno_text(e);
  return update_works(dest.works_yaml, fs::path(plan.source).filename().string(),
                      fs::path(dest.final_path).filename().string());
}

std::string withdraw(const Plan& plan, const Destination& dest)
{
  std::error_code ec;
  fs::remove(dest.final_path, ec);
  if (ec)
    return dest.final_path + ": " + ec.message();
  util::fsync_dir(util::folder_of(dest.final_path));
  if (dest.original_to.empty())
    return "";
  if (std::string err = move_original(dest.original_to, plan.source); !err.empty())
    return err;
  fs::remove(fs::path(dest.original_to).parent_path(), ec); // only when empty
  return update_works(dest.works_yaml, fs::path(dest.final_path).filename().string(),
                      fs::path(plan.source).filename().string());
}

std::string apply(const Plan& plan, const Destination& dest, const TranscodeProgress& progress)
{
  if (std::string err = convert(plan, dest, progress); !err.empty())
    return err;
  return commit(plan, dest);
}

} // namespace mpcheck::fix
