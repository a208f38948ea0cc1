#include "mpcheck/pack/zip.hpp"

#include "mpcheck/pack/fileio.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

#include "mpcheck/util/sha256.hpp"

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

bool add_folders(zip_t* archive, const PackPlan& plan, std::string& error)
{
  std::set<std::string> folders;
  const auto collect = [&](const std::string& dest) {
    for (std::string_view dir = parent_of(dest); !dir.empty(); dir = parent_of(dir))
      folders.insert(std::string(dir) + "/");
  };
  for (const PlannedFile& op : plan.files)
    collect(op.dest);
  for (const GeneratedFile& file : plan.generated)
    collect(file.dest);
  for (const std::string& folder : plan.folders) {
    collect(folder);
    folders.insert(folder + "/");
  }
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

// A file of the drive read as libzip streams it, checked against the SHA-256 pack computed
// from the source bytes while writing it: at its end a file whose bytes differ fails the
// archive (zip_close) instead of shipping unverified. `expected` "" checks nothing (pack's own
// report and manifest).
struct HashedFile {
  std::string path;
  std::string dest;
  std::string expected;
  std::optional<util::Fd> fd;
  std::optional<util::Sha256> sha;
  zip_error_t error{};
  bool checked = false;
};

zip_int64_t fail(HashedFile& f, int code)
{
  zip_error_set(&f.error, code, errno);
  return -1;
}

zip_int64_t read_hashed(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd)
{
  auto& f = *static_cast<HashedFile*>(userdata);
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    f.fd.emplace(::open(f.path.c_str(), O_RDONLY | O_CLOEXEC));
    f.sha.emplace();
    f.checked = false;
    return f.fd->fd < 0 ? fail(f, ZIP_ER_OPEN) : 0;
  case ZIP_SOURCE_READ: {
    const ssize_t n = ::read(f.fd->fd, data, len);
    if (n < 0)
      return fail(f, ZIP_ER_READ);
    f.sha->update(data, size_t(n));
    if (n == 0 && !f.expected.empty() && !f.checked) {
      f.checked = true;
      if (f.sha->hex_digest() != f.expected) {
        errno = 0;
        return fail(f, ZIP_ER_CRC); // shown by zip_close as the file's name below
      }
    }
    return n;
  }
  case ZIP_SOURCE_CLOSE:
    f.fd.reset();
    return 0;
  case ZIP_SOURCE_STAT: {
    struct stat st {};
    if (::stat(f.path.c_str(), &st) != 0)
      return fail(f, ZIP_ER_READ);
    auto* out = static_cast<zip_stat_t*>(data);
    zip_stat_init(out);
    out->size = zip_uint64_t(st.st_size);
    out->mtime = st.st_mtime;
    out->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
    return sizeof(zip_stat_t);
  }
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(&f.error, data, len);
  case ZIP_SOURCE_FREE:
    zip_error_fini(&f.error);
    return 0;
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                          ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
  default:
    zip_error_set(&f.error, ZIP_ER_OPNOTSUPP, 0);
    return -1;
  }
}

bool add_files(zip_t* archive, std::vector<std::unique_ptr<HashedFile>>& files, std::string& error)
{
  for (auto& file : files) {
    zip_error_init(&file->error);
    // Opened only when zip_close streams it, one file at a time.
    zip_source_t* source = zip_source_function(archive, read_hashed, file.get());
    if (!add_source(archive, source, file->dest, worth_compressing(file->dest), error))
      return false;
  }
  return true;
}

// Which file zip_close failed on: the first whose check failed, for the message.
std::string failed_file(const std::vector<std::unique_ptr<HashedFile>>& files)
{
  for (const auto& f : files)
    if (zip_error_code_zip(&f->error) != ZIP_ER_OK)
      return f->dest;
  return "";
}

bool write_archive(const PackPlan& plan, std::vector<std::unique_ptr<HashedFile>>& files,
                   const std::string& path, std::string& error)
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
  if (!add_folders(archive, plan, error) || !add_files(archive, files, error)) {
    zip_discard(archive);
    return false;
  }
  if (zip_close(archive) != 0) {
    const std::string file = failed_file(files);
    const bool changed = std::any_of(files.begin(), files.end(), [](const auto& f) {
      return zip_error_code_zip(&f->error) == ZIP_ER_CRC;
    });
    error = changed ? fmt::format("{} on the drive no longer matches what pack wrote (SHA-256); "
                                  "the ZIP was not written",
                                  file)
                    : fmt::format("cannot write {}{}: {}", path,
                                  file.empty() ? "" : " (" + file + ")", zip_error(archive));
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

bool write_zip(const PackPlan& plan, const std::vector<FileResult>& written,
               const std::string& drive, const std::string& zip_path, std::string& error)
{
  if (std::string problem = plan_problem(plan); !problem.empty()) {
    error = problem;
    return false;
  }
  std::vector<std::unique_ptr<HashedFile>> files;
  const auto add = [&](const std::string& dest, const std::string& sha256) {
    auto f = std::make_unique<HashedFile>();
    f->path = join_path(drive, dest);
    f->dest = dest;
    f->expected = sha256;
    files.push_back(std::move(f));
  };
  for (const FileResult& f : written) {
    if (f.sha256.empty()) {
      error = fmt::format("{} has no digest from pack; the ZIP was not written", f.dest);
      return false;
    }
    add(f.dest, f.sha256);
  }
  for (const std::string_view own : {report_name, manifest_name})
    if (::access(join_path(drive, std::string(own)).c_str(), F_OK) == 0)
      add(std::string(own), "");
  const std::string temp = temp_path_for(zip_path);
  if (write_archive(plan, files, temp, error) && move_into_place(temp, zip_path, error))
    return true;
  ::unlink(temp.c_str());
  return false;
}

} // namespace mpcheck::pack
