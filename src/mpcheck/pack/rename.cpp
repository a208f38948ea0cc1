#include "mpcheck/pack/rename.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::pack {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Renames without ever replacing an existing file.
bool rename_no_replace(const std::string& from, const std::string& to, std::string& error,
                       int& code)
{
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
    return true;
  code = errno;
  error = std::strerror(code);
  return false;
}

std::string read_text(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_atomically(const std::string& path, const std::string& text)
{
  return util::write_file_atomically(path, text) == 0;
}

} // namespace

std::string default_journal_name(std::time_t now)
{
  std::tm t{};
  localtime_r(&now, &t);
  char buf[64];
  std::strftime(buf, sizeof buf, "mpcheck-rename-%Y%m%d-%H%M%S.json", &t);
  return buf;
}

bool write_journal(const std::string& journal, const std::string& root,
                   const std::vector<layout::Rename>& renames, const std::string& manifest_path,
                   int* error)
{
  Json j{{"schema", "mpcheck-rename-journal/1"},
         {"root", fs::absolute(root).string()},
         {"renames", Json::array()}};
  for (const auto& r : renames)
    j["renames"].push_back(Json{{"from", r.from}, {"to", r.to}});
  if (!manifest_path.empty())
    j["manifest"] =
        Json{{"path", fs::absolute(manifest_path).string()}, {"before", read_text(manifest_path)}};
  const int err = util::write_file_atomically(
      journal, j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n");
  if (error)
    *error = err;
  return err == 0;
}

bool apply_renames(const std::string& root, const std::vector<layout::Rename>& renames,
                   RenameFailure& failure)
{
  for (size_t i = 0; i < renames.size(); ++i) {
    std::string error;
    int code = 0;
    if (rename_no_replace(root + "/" + renames[i].from, root + "/" + renames[i].to, error, code))
      continue;
    failure = {renames[i].from, renames[i].to, error, code};
    for (size_t k = i; k-- > 0;) {
      std::string ignored;
      int ignored_code = 0;
      rename_no_replace(root + "/" + renames[k].to, root + "/" + renames[k].from, ignored,
                        ignored_code);
    }
    return false;
  }
  return true;
}

bool update_manifest(const std::string& path, const std::vector<layout::Rename>& renames)
{
  std::string text = read_text(path);
  for (const auto& r : renames)
    for (size_t at = text.find(r.from); at != std::string::npos;
         at = text.find(r.from, at + r.to.size()))
      text.replace(at, r.from.size(), r.to);
  return write_atomically(path, text);
}

namespace {

// True when every name a journal would put back is already there and none of the names it would
// undo is: the journal was undone before (running it again changes nothing and is no failure).
bool already_undone(const std::string& root, const std::vector<layout::Rename>& back)
{
  std::error_code ec;
  const auto present = [&](const std::string& name) {
    return fs::exists(fs::symlink_status(root + "/" + name, ec));
  };
  return !back.empty() && std::all_of(back.begin(), back.end(), [&](const layout::Rename& r) {
    return !present(r.from) && present(r.to);
  });
}

} // namespace

UndoResult undo(const std::string& journal)
{
  UndoResult result;
  std::vector<layout::Rename> back;
  std::string root, manifest_path, manifest_before;
  bool has_manifest = false;
  try {
    std::ifstream in(journal);
    Json j;
    in >> j;
    // Only what rename wrote: any other JSON (a report, a works list) is not undone as
    // "0 names restored".
    if (!j.is_object() || j.value("schema", std::string()) != "mpcheck-rename-journal/1" ||
        !j.contains("renames") || !j["renames"].is_array())
      throw std::runtime_error("not a rename journal");
    for (const auto& r : j.value("renames", Json::array()))
      back.insert(back.begin(),
                  layout::Rename{r.at("to").get<std::string>(), r.at("from").get<std::string>()});
    root = j.value("root", std::string("."));
    has_manifest = j.contains("manifest");
    if (has_manifest) {
      manifest_path = j["manifest"].at("path").get<std::string>();
      manifest_before = j["manifest"].at("before").get<std::string>();
    }
  } catch (const std::exception&) {
    result.error = "not-a-journal";
    return result;
  }
  if (already_undone(root, back)) {
    result.error = "already-undone";
    return result;
  }
  if (!apply_renames(root, back, result.failure)) {
    result.error = "rename";
    return result;
  }
  result.restored = back.size();
  if (has_manifest && !write_atomically(manifest_path, manifest_before))
    result.error = "manifest";
  return result;
}

} // namespace mpcheck::pack
