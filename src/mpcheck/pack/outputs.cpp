#include "mpcheck/pack/outputs.hpp"

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

#include <fmt/format.h>

namespace mpcheck::pack {

namespace fs = std::filesystem;

namespace {

// `path` absolute, with every link and '..' resolved as far as it exists.
fs::path real(const std::string& path)
{
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  const fs::path out = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : out;
}

bool within(const fs::path& path, const fs::path& root)
{
  return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
}

std::string say(Lang lang, const std::string& zh, const std::string& en)
{
  return lang == Lang::en ? en : zh;
}

// The first of `files` that is the file `out` describes (same device and inode), or "".
std::string same_file(const struct stat& out, const std::vector<std::string>& files)
{
  for (const std::string& file : files) {
    struct stat st;
    if (::stat(file.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      return file;
  }
  return "";
}

} // namespace

bool is_inside(const std::string& path, const std::string& root)
{
  return within(real(path), real(root));
}

bool same_file_as_any(const std::string& path, const std::vector<std::string>& files)
{
  struct stat out;
  return ::stat(path.c_str(), &out) == 0 && !same_file(out, files).empty();
}

std::string output_problem(const OutputGuard& guard, const std::string& option,
                           const std::string& path, Lang lang)
{
  if (path.empty() || path == "-")
    return "";
  const fs::path target = real(path);
  const auto problem = [&](const std::string& zh, const std::string& en) {
    return fmt::format("{} {}: {}", option, path, say(lang, zh, en));
  };
  std::error_code ec;
  if (fs::is_directory(target, ec))
    return problem("是一个文件夹，请给出文件名", "is a folder; give a file name");
  for (const std::string& root : guard.read_only) {
    const fs::path r = real(root);
    if (within(target, r))
      return problem(fmt::format("在{} {} 之内；它只被读取，从不写入。请写到别处",
                                 guard.read_only_name.zh, r.string()),
                     fmt::format("is inside {} {}, which is only read, never written; write "
                                 "it elsewhere",
                                 guard.read_only_name.en, r.string()));
  }
  if (!guard.out_dir.empty() && within(target, real(guard.out_dir)))
    return problem(fmt::format("在输出文件夹 {} 之内；那里只放打包的文件（不在清单里的文件会让U盘"
                               "校验失败）。请写到别处",
                               real(guard.out_dir).string()),
                   fmt::format("is inside the output folder {}, which holds only what pack lays "
                               "out (a file outside the manifest fails the drive's check); "
                               "write it elsewhere",
                               real(guard.out_dir).string()));
  struct stat st;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  for (const std::string& source : guard.sources)
    if (real(source) == target || (exists && !same_file(st, {source}).empty()))
      return problem(fmt::format("就是要读取的文件 {}，不能覆盖", source),
                     fmt::format("is the file {} that is read; it is never overwritten", source));
  if (const std::string file = exists && st.st_nlink > 1 ? same_file(st, guard.read_files) : "";
      !file.empty())
    return problem(fmt::format("与要读取的文件 {} 是同一个文件（硬链接），不能覆盖", file),
                   fmt::format("is the same file (a hard link) as {}, which is read; it is never "
                               "overwritten",
                               file));
  if (!guard.replace && fs::exists(target, ec))
    return problem("已存在；要替换它请加 --force", "exists; add --force to replace it");
  return "";
}

} // namespace mpcheck::pack
