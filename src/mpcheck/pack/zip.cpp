#include "mpcheck/pack/zip.hpp"

#include "mpcheck/pack/fileio.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace mpcheck::pack {

namespace {

constexpr zip_flags_t utf8 = ZIP_FL_ENC_UTF_8;

// Media and office files are compressed already: deflating them costs time and saves nothing.
bool worth_compressing(const std::string& dest)
{
  static constexpr std::array<std::string_view, 9> text = {".txt", ".csv", ".json", ".xml", ".html",
                                                           ".md",  ".srt", ".ass",  ".yaml"};
  std::string lower = dest;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return std::any_of(text.begin(), text.end(),
                     [&](std::string_view ext) { return lower.ends_with(ext); });
}

std::string zip_error(zip_t* archive)
{
  return zip_strerror(archive);
}

bool add_folders(zip_t* archive, const Plan& plan, std::string& error)
{
  std::set<std::string> folders;
  const auto collect = [&](const std::string& dest) {
    for (std::string_view dir = parent_of(dest); !dir.empty(); dir = parent_of(dir))
      folders.insert(std::string(dir) + "/");
  };
  for (const CopyOp& op : plan.copies)
    collect(op.dest);
  for (const GeneratedFile& file : plan.generated)
    collect(file.dest);
  for (const std::string& folder : folders) {
    if (zip_dir_add(archive, folder.c_str(), utf8) < 0) {
      error = fmt::format("cannot add the folder {}: {}", folder, zip_error(archive));
      return false;
    }
  }
  return true;
}

bool add_source(zip_t* archive, zip_source_t* source, const std::string& dest, bool compress,
                std::string& error)
{
  const zip_int64_t index =
      source ? zip_file_add(archive, dest.c_str(), source, utf8 | ZIP_FL_OVERWRITE) : -1;
  if (index < 0) {
    error = fmt::format("cannot add {}: {}", dest, zip_error(archive));
    zip_source_free(source);
    return false;
  }
  zip_set_file_compression(archive, zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                           0);
  return true;
}

bool add_files(zip_t* archive, const Plan& plan, std::string& error)
{
  for (const CopyOp& op : plan.copies) {
    // Opened only when zip_close streams it, one file at a time.
    zip_source_t* source = zip_source_file(archive, op.source.c_str(), 0, 0);
    if (!add_source(archive, source, op.dest, worth_compressing(op.dest), error))
      return false;
  }
  for (const GeneratedFile& file : plan.generated) {
    zip_source_t* source = zip_source_buffer(archive, file.content.data(), file.content.size(), 0);
    if (!add_source(archive, source, file.dest, true, error))
      return false;
  }
  return true;
}

bool write_archive(const Plan& plan, const std::string& path, std::string& error)
{
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    error = fmt::format("cannot create {}: {}", path, zip_error_strerror(&err));
    zip_error_fini(&err);
    return false;
  }
  if (!add_folders(archive, plan, error) || !add_files(archive, plan, error)) {
    zip_discard(archive);
    return false;
  }
  if (zip_close(archive) != 0) {
    error = fmt::format("cannot write {}: {}", path, zip_error(archive));
    zip_discard(archive);
    return false;
  }
  return true;
}

bool move_into_place(const std::string& temp, const std::string& zip_path, std::string& error)
{
  if (const int err = util::commit_file(temp, zip_path)) {
    error = errno_status(err, "cannot write", zip_path).detail;
    return false;
  }
  return true;
}

} // namespace

bool write_zip(const Plan& plan, const std::string& zip_path, std::string& error)
{
  if (std::string problem = plan_problem(plan); !problem.empty()) {
    error = problem;
    return false;
  }
  const std::string temp = temp_path_for(zip_path);
  if (write_archive(plan, temp, error) && move_into_place(temp, zip_path, error))
    return true;
  ::unlink(temp.c_str());
  return false;
}

} // namespace mpcheck::pack
