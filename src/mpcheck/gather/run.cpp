#include "mpcheck/gather/run.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/gather/deep.hpp"
#include "mpcheck/gather/drive_manifest.hpp"
#include "mpcheck/gather/duplicates.hpp"
#include "mpcheck/media/document.hpp"
#include "mpcheck/media/probe.hpp"
#include "mpcheck/media/qr.hpp"
#include "mpcheck/naming/junk.hpp"
#include "mpcheck/scan/walk.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::gather {

bool is_waived(const std::string& check, const std::vector<std::string>& waive)
{
  return std::any_of(waive.begin(), waive.end(), [&](const std::string& w) {
    if (w.ends_with(".*"))
      return check.starts_with(w.substr(0, w.size() - 1));
    return check == w;
  });
}

std::vector<MediaFacts> probe_files(const std::vector<ProbeTarget>& targets, int jobs, bool decode,
                                    ProgressMeter* meter, KnownAnalyses* known)
{
  std::vector<MediaFacts> facts(targets.size());
  parallel_for(targets.size(), jobs, [&](size_t i) {
    const ProbeTarget& t = targets[i];
    if (is_probed_kind(t.kind)) {
      facts[i] = media::probe(t.abs_path);
      if (decode)
        media::add_qr_facts(facts[i]);
    } else if (is_document_kind(t.kind)) {
      facts[i].path = t.abs_path;
      facts[i].kind = "document";
      std::optional<DocumentFacts> written =
          known ? known->take_document(t.abs_path, t.size) : std::nullopt;
      facts[i].document = written ? std::move(*written) : media::probe_document(t.abs_path);
    }
    if (meter && t.last_step)
      meter->advance(t.size, 1);
  });
  return facts;
}

namespace {

void sort_findings(std::vector<Finding>& findings)
{
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.work, a.path, a.check) < std::tie(b.work, b.path, b.check);
  });
}

bool asks_for_qr_codes(const rules::RuleSet& rules)
{
  auto any = [](const rules::CategoryRules& c) {
    return std::any_of(c.images.begin(), c.images.end(),
                       [](const rules::ImageRole& r) { return r.qr_code; });
  };
  return any(rules.works) || std::any_of(rules.categories.begin(), rules.categories.end(), any);
}

} // namespace

namespace {

// The targets of probing for each file of `tree`, with their sizes (empty files are not
// probed: file.empty says what is wrong with them).
std::vector<ProbeTarget> probe_targets(const scan::Tree& tree, bool analysed_later)
{
  std::vector<ProbeTarget> targets;
  for (const auto& e : tree.files) {
    const FileKind kind = e.size == 0 ? FileKind::junk : kind_of_path(e.path);
    targets.push_back({e.abs_path, kind, e.size, !(analysed_later && kind == FileKind::video)});
  }
  return targets;
}

int64_t total_bytes(const std::vector<ProbeTarget>& targets)
{
  int64_t bytes = 0;
  for (const auto& t : targets)
    bytes += t.size;
  return bytes;
}

} // namespace

std::string works_yaml_of(const Target& target)
{
  if (target.scope != Scope::drive || target.paths.size() != 1)
    return "";
  std::filesystem::path folder = std::filesystem::absolute(target.paths.front()).lexically_normal();
  if (!folder.has_filename()) // "材料/"
    folder = folder.parent_path();
  std::error_code ec;
  const std::filesystem::path works = folder / "works.yaml";
  return std::filesystem::is_regular_file(works, ec) ? works.string() : "";
}

std::string judged_key(const std::string& path)
{
  return std::filesystem::absolute(path).lexically_normal().string();
}

namespace {

// Target::judged_as applied: each file listed there takes that relative path (the walk's
// order, by path, kept).
void judge_by(scan::Tree& tree, const std::map<std::string, std::string>& judged_as)
{
  for (auto& e : tree.files) {
    const auto it = judged_as.find(judged_key(e.abs_path));
    if (it != judged_as.end())
      e.path = it->second;
  }
  std::sort(tree.files.begin(), tree.files.end(),
            [](const scan::TreeEntry& a, const scan::TreeEntry& b) { return a.path < b.path; });
}

// The drive's manifest-sha256.txt, parsed; nullopt when the drive has none. Read through the
// walked entry (a regular file at the top of the drive), never through a path it lists.
std::optional<DriveManifest> read_drive_manifest(const scan::Tree& tree)
{
  const auto it = std::find_if(tree.files.begin(), tree.files.end(), [](const scan::TreeEntry& e) {
    return e.path == kDriveManifestName;
  });
  if (it == tree.files.end())
    return std::nullopt;
  if (it->is_symlink) // it could lead anywhere: not read
    return DriveManifest{{}, {{0, "unreadable"}}};
  if (it->size > kDriveManifestMaxBytes)
    return DriveManifest{{}, {{0, "too-large"}}};
  std::ifstream in(it->abs_path, std::ios::binary);
  std::string text(size_t(it->size), '\0');
  if (!in.read(text.data(), std::streamsize(text.size())))
    return DriveManifest{{}, {{0, "unreadable"}}};
  return parse_drive_manifest(text);
}

// The bytes the manifest makes `check` read: every listed file not hashed already.
int64_t bytes_to_hash(const DriveManifest& manifest, const scan::Tree& tree,
                      const std::map<std::string, std::string>& known)
{
  std::map<std::string, int64_t> sizes;
  for (const auto& e : tree.files)
    sizes.emplace(e.path, e.size);
  int64_t bytes = 0;
  for (const auto& entry : manifest.entries)
    if (auto it = sizes.find(entry.path); it != sizes.end() && !known.count(entry.path))
      bytes += it->second;
  return bytes;
}

// Hashes what the manifest lists (pack's digests where it gave them): each listed file once.
void hash_listed_files(Submission& sub, const RunOptions& options, ProgressMeter& meter)
{
  match_manifest(*sub.manifest, sub.files);
  std::vector<size_t> listed;
  for (const auto& entry : sub.manifest->entries) {
    if (entry.file < 0)
      continue;
    SubmissionFile& f = sub.files[size_t(entry.file)];
    if (auto it = options.known_sha256.find(f.raw_path); it != options.known_sha256.end())
      f.sha256 = it->second;
    listed.push_back(size_t(entry.file));
  }
  hash_whole_files(sub, listed, options.jobs, &meter);
}

} // namespace

Submission gather(const std::vector<std::string>& paths, const rules::RuleSet& rules, int jobs,
                  bool decode, ProgressMeter* meter, bool analysed_later)
{
  const scan::Tree tree = scan::walk(paths);
  const std::vector<ProbeTarget> targets = probe_targets(tree, analysed_later);
  if (meter)
    meter->set_totals(int(targets.size()), total_bytes(targets));
  return assemble(tree, probe_files(targets, jobs, decode, meter), rules);
}

media::AnalyzeOptions analyze_options(const RunOptions& options)
{
  media::AnalyzeOptions analyze;
  analyze.thumbnails = options.thumbnails;
  return analyze;
}

std::string Target::label() const
{
  std::string out;
  for (const auto& p : paths)
    out += (out.empty() ? "" : ", ") + p;
  return out;
}

CheckReport run_check(const Target& target, const rules::RuleSet& rules, const RunOptions& options)
{
  const auto start = std::chrono::steady_clock::now();
  CheckReport report;
  report.rules = &rules;
  report.as_of = options.checks.as_of;
  const bool drive = target.scope == Scope::drive;
  scan::Tree tree = scan::walk(target.paths);
  if (!target.judged_as.empty())
    judge_by(tree, target.judged_as);
  std::optional<DriveManifest> manifest;
  if (drive)
    manifest = options.pending_manifest ? parse_drive_manifest(*options.pending_manifest)
                                        : read_drive_manifest(tree);
  // Probing is quick; decoding the videos takes the time: a video counts as done once
  // analysed, and the ones that cannot be (unreadable, no picture) when all is over. The
  // bytes a drive's manifest makes us hash count too.
  ProgressMeter meter(options.on_progress);
  const std::vector<ProbeTarget> targets = probe_targets(tree, options.decode);
  meter.set_totals(int(targets.size()),
                   total_bytes(targets) +
                       (manifest ? bytes_to_hash(*manifest, tree, options.known_sha256) : 0));
  meter.advance(0, 0); // the line shows from the start, not once the first video is decoded
  // Pictures are decoded for their QR codes only when the rule set asks for one somewhere.
  const bool qr = options.decode && asks_for_qr_codes(rules);
  report.submission =
      assemble(tree, probe_files(targets, options.jobs, qr, &meter, options.known), rules);
  Submission& sub = report.submission;
  sub.scope = target.scope;
  sub.label = target.label();
  sub.manifest = std::move(manifest);
  if (drive && options.pending_manifest)
    sub.pack.manifest = true;
  if (options.decode) {
    analyze_submission(sub, options.jobs, analyze_options(options), &meter, options.known);
  }
  if (sub.manifest)
    hash_listed_files(sub, options, meter);
  meter.finish();
  hash_possible_duplicates(sub, options.jobs);
  report.findings = checks::run_all(sub, rules, options.checks);
  std::erase_if(report.findings,
                [&](const Finding& f) { return is_waived(f.check, options.waive); });
  sort_findings(report.findings);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

CheckReport run_check(const std::string& drive, const rules::RuleSet& rules,
                      const RunOptions& options)
{
  return run_check(Target{Scope::drive, {drive}, {}}, rules, options);
}

namespace {

std::string path_error(const std::error_code& ec)
{
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory)
    return "not-found";
  if (ec == std::errc::permission_denied)
    return "permission";
  if (ec == std::errc::too_many_symbolic_link_levels)
    return "loop";
  return "unreadable";
}

std::string errno_error(int error)
{
  return path_error(std::error_code(error, std::generic_category()));
}

// "" when the folder can be listed, else why not.
std::string folder_error(const std::string& path)
{
  DIR* dir = ::opendir(path.c_str());
  if (!dir)
    return errno_error(errno);
  errno = 0;
  const bool ok = ::readdir(dir) != nullptr || errno == 0;
  const int error = errno;
  ::closedir(dir);
  return ok ? "" : errno_error(error);
}

// "" when the file can be opened and its first byte read, else why not.
std::string file_error(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno_error(errno);
  char byte = 0;
  ssize_t got = 0;
  do
    got = ::read(fd, &byte, 1);
  while (got < 0 && errno == EINTR);
  const int error = errno;
  ::close(fd);
  return got < 0 ? errno_error(error) : "";
}

} // namespace

Targets plan_targets(const std::vector<std::string>& paths)
{
  namespace fs = std::filesystem;
  Targets out;
  std::set<std::string> given, places; // the PATHs as given, and where they lead
  int files_target = -1;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path place = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (!given.insert(p).second || (!ec && !places.insert(place.string()).second))
      continue;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back({p, ec ? path_error(ec) : "not-found"});
      continue;
    }
    if (!fs::is_directory(st) && !fs::is_regular_file(st)) {
      out.errors.push_back({p, "not-file"});
      continue;
    }
    const bool folder = fs::is_directory(st);
    if (const std::string error = folder ? folder_error(p) : file_error(p); !error.empty()) {
      out.errors.push_back({p, error});
      continue;
    }
    if (folder) {
      out.targets.push_back({Scope::drive, {p}, {}});
    } else if (files_target < 0) {
      files_target = int(out.targets.size());
      out.targets.push_back({Scope::files, {p}, {}});
    } else {
      out.targets[size_t(files_target)].paths.push_back(p);
    }
  }
  return out;
}

} // namespace mpcheck::gather
