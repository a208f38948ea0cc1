#include "mpcheck/pack/execute.hpp"

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/naming/junk.hpp"
#include "mpcheck/pack/copy.hpp"
#include "mpcheck/pack/fileio.hpp"
#include "mpcheck/pack/manifest.hpp"
#include "mpcheck/pack/space.hpp"
#include "mpcheck/pack/state.hpp"
#include "mpcheck/util/sha256.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mpcheck::pack {

namespace {

// One file of the plan on its way to the drive.
struct Item {
  const PlannedFile* copy = nullptr;        // or
  const GeneratedFile* generated = nullptr; // exactly one of the two is set
  std::string dest_path;                    // absolute
  SourceStamp stamp;                        // generated: {content size, 0}
  std::string sha256;                       // when known (generated, in place, copied)
  bool in_place = false;                    // already there and verified
  bool done = false;                        // in place, or written and committed

  const std::string& dest() const { return copy ? copy->dest : generated->dest; }
};

Status conflict(const std::string& dest, const Text& why)
{
  ErrorFacts facts = ErrorFacts::at(dest);
  facts.differs = why;
  return {"dest-exists-different",
          fmt::format("{} is already on the drive {}; pack never overwrites a file it did not "
                      "write: move it away or choose another output folder",
                      dest, why.en),
          facts};
}

// `path` made absolute and normal, without a trailing slash (but "/" stays "/").
std::string absolute_folder(const std::string& path)
{
  std::string out = std::filesystem::absolute(path).lexically_normal().string();
  while (out.size() > 1 && out.ends_with('/'))
    out.pop_back();
  return out;
}

class Run {
public:
  Run(const PackPlan& plan, const std::string& out_dir, const ExecuteOptions& options)
      : m_plan(plan), m_out(absolute_folder(out_dir)), m_options(options),
        m_meter(options.on_progress)
  {
    m_copier.verify = options.verify;
    m_copier.on_bytes = [this](int64_t bytes) { m_meter.advance(bytes, 0); };
    if (options.on_small_file)
      m_copier.on_small_file = [this](const std::string& dest_path, std::string_view bytes) {
        const size_t root = join_path(m_out, "x").size() - 1; // m_out and its slash
        m_options.on_small_file(dest_path.substr(root), bytes);
      };
  }
  ~Run()
  {
    if (m_lock >= 0)
      ::close(m_lock);
  }

  ExecuteResult go();

private:
  Status prepare();
  Status lock_and_clean();
  std::vector<std::string> own_dests() const;
  Status find_extra();
  Status remove_extra();
  Status decide(Item& item);
  Status refuse_linked_folders(const Item& item);
  Status decide_owned(Item& item, const StateEntry& entry, int64_t dest_size);
  Status decide_foreign(Item& item, int64_t dest_size);
  Status content_sha(const Item& item, std::string& sha256);
  Status preflight();
  Status check_space();
  Status check_name_lengths();
  int count_new_folders() const;
  Status open_output();
  Status write_items();
  Status stage(Item& item, Staged& staged, bool batched = false);
  Status settle(std::future<Status>& committing, size_t index);
  void in_place(const Item& item) const;
  bool batchable(const Item& item) const;
  Status flush_batch();
  Status finish();
  ExecuteResult result(const Status& status) const;

  const PackPlan& m_plan;
  std::string m_out;
  const ExecuteOptions& m_options;
  std::vector<Item> m_items;
  State m_state;
  Copier m_copier;
  std::unique_ptr<StateJournal> m_journal;
  int m_lock = -1;
  std::set<std::string> m_real_folders; // folders below m_out known to be no symlinks
  std::set<std::string> m_made_folders; // folders below m_out this run made or found there
  int64_t m_freed = 0; // bytes of temporary leftovers (freed, or freeable in a dry run)
  std::vector<std::string> m_extra;                  // files under m_out the plan does not produce
  std::map<std::string, std::string> m_state_folded; // fold_for_collision(dest) → its dest
  Listing m_listing;      // what was under m_out when the run took it (lock_and_clean)
  Status m_listing_error; // a folder under m_out that could not be read
  // Small files staged and closed, waiting to be committed together (Copier::commit_batch).
  std::vector<Staged> m_batch;
  std::vector<size_t> m_batch_items; // their indices in m_items
  int64_t m_batch_bytes = 0;
  std::chrono::steady_clock::time_point m_batch_started; // when its first file was staged
  ProgressMeter m_meter; // after each buffer written and each file finished or recognised
};

ExecuteResult Run::go()
{
  Status status = prepare();
  if (status.ok())
    status = lock_and_clean();
  for (size_t i = 0; status.ok() && i < m_items.size(); ++i)
    status = decide(m_items[i]);
  if (status.ok())
    status = find_extra();
  if (status.ok())
    status = preflight();
  if (!status.ok() || m_options.dry_run) {
    for (Item& item : m_items)
      item.done = status.ok();
    return result(status);
  }
  status = open_output();
  if (status.ok())
    status = write_items();
  if (status.ok())
    status = finish();
  return result(status);
}

Status Run::prepare()
{
  if (std::string problem = plan_problem(m_plan); !problem.empty())
    return {"invalid-plan", problem};
  for (const PlannedFile& op : m_plan.files) {
    Item item{&op, nullptr, join_path(m_out, op.dest), {}, "", false, false};
    if (Status status = stat_source(op.source, item.stamp); !status.ok())
      return {status.code == "io" ? "source-unreadable" : status.code, status.detail, status.facts};
    m_items.push_back(item);
  }
  for (const GeneratedFile& file : m_plan.generated) {
    const SourceStamp stamp{int64_t(file.content.size()), 0};
    m_items.push_back({nullptr, &file, join_path(m_out, file.dest), stamp,
                       util::sha256_hex(file.content), false, false});
  }
  int64_t bytes = 0;
  for (const Item& item : m_items)
    bytes += item.stamp.size;
  m_meter.set_totals(int(m_items.size()), bytes);
  return {};
}

// Takes the folder for this run (two packs into one folder would trip over each other's
// temporary files) and removes what a killed run left, which may free much space.
// Takes the lock on the output folder, reads the resume state and removes the temporary
// files an interrupted run of this pack left: only those of this plan's destinations and of
// the files the state records, never another pack's.
Status Run::lock_and_clean()
{
  if (!m_options.dry_run) {
    m_lock = ::open(m_out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_lock < 0)
      return errno == ENOENT ? Status{} : errno_status(errno, "cannot open", m_out);
    if (::flock(m_lock, LOCK_EX | LOCK_NB) != 0)
      return {"locked", fmt::format("another mpcheck pack is writing to {}", m_out),
              ErrorFacts::at(m_out)};
  }
  m_listing = list_below(m_out, m_listing_error);
  m_state = load_state(m_out);
  for (const auto& [dest, entry] : m_state)
    m_state_folded.emplace(naming::fold_for_collision(dest), dest);
  m_freed = temp_leftovers(m_out, own_dests(), !m_options.dry_run, &m_listing);
  return {};
}

// Every destination this pack owns: the plan's, the earlier plans' its state records, and
// its own files at the root.
std::vector<std::string> Run::own_dests() const
{
  std::vector<std::string> dests = {std::string(manifest_name), std::string(report_name),
                                    std::string(state_name)};
  for (const Item& item : m_items)
    dests.push_back(item.dest());
  for (const auto& [dest, entry] : m_state)
    dests.push_back(dest);
  return dests;
}

// The files under the output folder the plan does not produce. Those an earlier pack wrote
// there (its state records them) and junk may go with options.clean; without it, any that is
// not junk stops the run here, before anything is written. A file no pack wrote (a photo that
// was on the stick, a folder the clerk copied in) is never removed, --clean or not: it stops
// the run, named, and the clerk moves it away or picks an empty drive.
Status Run::find_extra()
{
  std::set<std::string> planned, earlier;
  for (const Item& item : m_items)
    planned.insert(naming::fold_for_collision(item.dest()));
  for (const auto& [dest, entry] : m_state)
    earlier.insert(naming::fold_for_collision(dest));
  const Status& error = m_listing_error;
  std::string foreign, ours;
  for (std::string path : m_listing.files) {
    const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    const std::string folded = naming::fold_for_collision(path);
    if (naming::is_pack_metadata(path) || naming::is_pack_leftover(name) || planned.count(folded))
      continue;
    if (!naming::is_junk(path))
      (earlier.count(folded) ? ours : foreign) += path + "\n";
    m_extra.push_back(std::move(path));
  }
  if (!error.ok())
    return error;
  if (!foreign.empty()) {
    foreign.pop_back();
    return {"foreign-files", foreign};
  }
  if (m_options.clean)
    return {};
  if (ours.empty()) {
    m_extra.clear(); // junk only: left for the check to report
    return {};
  }
  ours.pop_back();
  return {"extra-files", ours};
}

// options.clean: removes the extra files, then the folders they leave empty.
Status Run::remove_extra()
{
  std::set<std::string, std::greater<>> folders; // deepest first
  for (const std::string& path : m_extra) {
    const std::string full = join_path(m_out, path);
    if (::unlink(full.c_str()) != 0 && errno != ENOENT)
      return errno_status(errno, "cannot remove", full);
    m_state.erase(path); // an earlier plan's file: no longer on the drive
    for (std::string_view dir = parent_of(path); !dir.empty(); dir = parent_of(dir))
      folders.insert(std::string(dir));
  }
  for (const std::string& folder : folders)
    ::rmdir(join_path(m_out, folder).c_str()); // only when empty; the plan's are made again
  if (!m_extra.empty() && fsync_dir(m_out) != 0)
    return errno_status(errno, "cannot flush the folder", m_out);
  return {};
}

// A folder on the way to a destination that is a symlink would let pack write outside the
// output folder (OUT/作品 -> ../elsewhere): refused before anything is written.
Status Run::refuse_linked_folders(const Item& item)
{
  for (std::string_view dir = parent_of(item.dest()); !dir.empty(); dir = parent_of(dir)) {
    const std::string folder(dir);
    if (m_real_folders.count(folder))
      break; // it and its parents were looked at
    struct stat st;
    const std::string path = join_path(m_out, folder);
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
      return {"dest-symlink",
              fmt::format("{} is a symbolic link; pack writes only inside {}", path, m_out)};
    m_real_folders.insert(folder);
  }
  return {};
}

Status Run::decide(Item& item)
{
  if (Status status = refuse_linked_folders(item); !status.ok())
    return status;
  if (!m_listing.may_exist(item.dest()))
    return {}; // not there when the run began, and this pack holds the folder's lock
  struct stat st;
  if (::lstat(item.dest_path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return {};
    return errno_status(errno, "cannot read", item.dest_path);
  }
  if (!S_ISREG(st.st_mode))
    return conflict(item.dest(), {"那里是一个文件夹或其他不是文件的东西", "and is not a file"});
  if (m_state.count(item.dest()) == 0) {
    // pack's own file under a name differing only in case or normalization (the title's case
    // changed, and the drive does not tell the two apart): ours, written again under the new
    // name, the old one forgotten.
    const auto earlier = m_state_folded.find(naming::fold_for_collision(item.dest()));
    if (earlier != m_state_folded.end() && m_state.erase(earlier->second) > 0)
      return {};
  }
  const auto entry = m_state.find(item.dest());
  const Status status = entry != m_state.end()
                            ? decide_owned(item, entry->second, int64_t(st.st_size))
                            : decide_foreign(item, int64_t(st.st_size));
  if (status.ok() && item.in_place)
    m_meter.advance(item.stamp.size, 1);
  return status;
}

// A file pack wrote before: in place while the state still describes it (and, with verify,
// the drive still holds those bytes); otherwise it is simply written again.
Status Run::decide_owned(Item& item, const StateEntry& entry, int64_t dest_size)
{
  const bool unchanged = entry.size == item.stamp.size && entry.mtime_ns == item.stamp.mtime_ns &&
                         dest_size == entry.size &&
                         (item.generated == nullptr || entry.sha256 == item.sha256);
  if (!unchanged)
    return {};
  if (m_options.verify) {
    std::string on_drive;
    int64_t size = 0;
    if (Status status = m_copier.hash_file(item.dest_path, true, on_drive, size); !status.ok())
      return status;
    if (on_drive != entry.sha256)
      return {};
  }
  item.sha256 = entry.sha256;
  item.in_place = true;
  return {};
}

// A file pack has no record of: either the one it renamed into place just before being
// killed (same bytes: adopted) or somebody else's file, which is never overwritten.
Status Run::decide_foreign(Item& item, int64_t dest_size)
{
  if (dest_size != item.stamp.size)
    return conflict(
        item.dest(),
        {fmt::format("大小不同：{} 字节，这次要写入的是 {} 字节", dest_size, item.stamp.size),
         fmt::format("with a different size ({} bytes, not {})", dest_size, item.stamp.size)});
  std::string on_drive, wanted;
  int64_t size = 0;
  Status status = m_copier.hash_file(item.dest_path, m_options.verify, on_drive, size);
  if (status.ok())
    status = content_sha(item, wanted);
  if (!status.ok())
    return status;
  if (on_drive != wanted)
    return conflict(item.dest(), {"大小相同，内容不同", "with different content"});
  item.sha256 = wanted;
  item.in_place = true; // adopted: this run records it in the state
  return {};
}

Status Run::content_sha(const Item& item, std::string& sha256)
{
  if (item.generated) {
    sha256 = item.sha256;
    return {};
  }
  int64_t size = 0;
  Status status = m_copier.hash_file(item.copy->source, false, sha256, size);
  if (status.ok() && size != item.stamp.size)
    status = {"source-changed",
              fmt::format("{} changed while pack was running", item.copy->source)};
  return status;
}

Status Run::preflight()
{
  const bool fat32 = m_options.fat32 || filesystem_type(m_out) == "vfat";
  m_copier.fat32 = fat32;
  for (const Item& item : m_items) {
    if (fat32 && !item.in_place && item.stamp.size > fat32_max_file_size)
      return {"fat32-limit",
              fmt::format("{} is {} ({} bytes); a FAT32 drive cannot hold a file of 4 GiB or "
                          "more: format the drive as exFAT or NTFS, or make the file smaller",
                          item.dest(), human_size(item.stamp.size), item.stamp.size)};
  }
  if (Status status = check_name_lengths(); !status.ok())
    return status;
  return testing::space_check_enabled() ? check_space() : Status{};
}

// A name FAT takes (255 UTF-16 units) may still be too long in bytes for the target's file
// system (ext4: 255 bytes, 85 CJK characters): said before anything is written, dry run too.
Status Run::check_name_lengths()
{
  std::vector<std::string> dests;
  for (const Item& item : m_items)
    dests.push_back(item.dest());
  return pack::check_name_lengths(dests, m_out);
}

Status Run::check_space()
{
  SpaceInfo space;
  if (Status status = space_of(m_out, space); !status.ok())
    return status;
  // A write-protected stick reports what it holds as full: "delete files" is no advice there
  // (QA Q13). Said as read-only before any figure of space.
  if (space.read_only && !m_options.dry_run)
    return errno_status(EROFS, "cannot write", m_out);
  std::vector<int64_t> sizes;
  int64_t own = 4096;
  for (const Item& item : m_items) {
    own += 2 * int64_t(item.dest().size() + 200); // its manifest and state lines, twice
    if (!item.in_place)
      sizes.push_back(item.stamp.size);
  }
  const int new_folders = count_new_folders();
  const int64_t needed = bytes_needed(sizes, space.cluster, new_folders, own);
  const int64_t available = space.available + (m_options.dry_run ? m_freed : 0);
  if (needed > available)
    return {"no-space",
            fmt::format("not enough free space in {}: {} needed ({} bytes), {} "
                        "available ({} bytes)",
                        m_out, human_size(needed), needed, human_size(available), available),
            ErrorFacts::at(m_out, "", needed, available)};
  // Each file written is one new entry (its temporary name becomes it), each folder one, and
  // pack's own files (state, manifest, report) with their temporary names. After the bytes:
  // exFAT through FUSE reports its free clusters as the files it may make, and a drive short
  // of clusters is short of space.
  const int64_t files_needed = int64_t(sizes.size()) + new_folders + 6;
  if (space.files_free >= 0 && files_needed > space.files_free) {
    ErrorFacts facts = ErrorFacts::at(m_out, "", needed, available);
    facts.files_needed = files_needed;
    facts.files_free = space.files_free;
    return {"no-space",
            fmt::format("{} can hold {} more files and folders; {} are needed", m_out,
                        space.files_free, files_needed),
            facts};
  }
  return {};
}

// Folders the files still to write need that do not exist yet (the output folder included).
int Run::count_new_folders() const
{
  std::set<std::string> folders;
  for (const Item& item : m_items) {
    for (std::string_view dir = parent_of(item.dest()); !item.in_place && !dir.empty();
         dir = parent_of(dir))
      folders.insert(std::string(dir));
  }
  int count = ::access(m_out.c_str(), F_OK) == 0 ? 0 : 1;
  for (const std::string& folder : folders)
    count += ::access(join_path(m_out, folder).c_str(), F_OK) == 0 ? 0 : 1;
  return count;
}

// The output folder, this run's lock on it, and a clean state file to append to.
Status Run::open_output()
{
  if (Status status = make_dirs("/", m_out.substr(1), true); !status.ok())
    return status;
  if (m_lock < 0) {
    if (Status status = lock_and_clean(); !status.ok())
      return status;
  }
  State clean;
  for (const Item& item : m_items) {
    if (item.in_place)
      clean[item.dest()] = {item.sha256, item.stamp.size, item.stamp.mtime_ns};
  }
  for (const auto& [dest, entry] : m_state)
    clean.emplace(dest, entry); // keep entries of files of earlier plans
  if (Status status = save_state(m_out, clean); !status.ok())
    return status;
  m_state = std::move(clean);
  m_journal = std::make_unique<StateJournal>(m_out);
  return m_journal->error();
}

// Writes the files not in place. A file's commit (flush, rename, state entry) runs on a
// thread of its own while the next file is copied, so the wait for the device overlaps
// useful work; commits stay in plan order, one at a time. Small files are committed in
// batches instead (two file-system flushes and one state flush for up to 4096 files, 64 MiB
// or one second of staging: batch_full): for them the flushes, not the bytes, are the cost.
Status Run::write_items()
{
  std::future<Status> committing;
  size_t committing_index = 0;
  // On a failure the files staged before it are still committed: as one by one, every file
  // before the failing one ends complete under its final name.
  const auto stop = [&](Staged& staged, const Status& status) {
    Copier::discard(staged);
    flush_batch();
    return status;
  };
  for (size_t i = 0; i < m_items.size(); ++i) {
    Item& item = m_items[i];
    item.done = item.in_place;
    if (item.in_place) {
      in_place(item);
      continue;
    }
    Staged staged;
    if (batchable(item)) {
      Status status = settle(committing, committing_index); // commits stay in plan order
      if (status.ok())
        status = stage(item, staged, true);
      if (!status.ok())
        return stop(staged, status);
      if (m_batch.empty())
        m_batch_started = std::chrono::steady_clock::now();
      m_batch.push_back(staged);
      m_batch_items.push_back(i);
      m_batch_bytes += item.stamp.size;
      const std::chrono::duration<double> open_for =
          std::chrono::steady_clock::now() - m_batch_started;
      if (!batch_full(m_batch.size(), m_batch_bytes, open_for.count()))
        continue;
      if (Status flushed = flush_batch(); !flushed.ok())
        return flushed;
      continue;
    }
    if (Status flushed = flush_batch(); !flushed.ok())
      return stop(staged, flushed);
    const Status status = stage(item, staged);
    const Status previous = settle(committing, committing_index);
    if (!previous.ok() || !status.ok())
      return stop(staged, previous.ok() ? status : previous);
    const StateEntry entry{item.sha256, item.stamp.size, item.stamp.mtime_ns};
    committing = std::async(std::launch::async, [this, staged, entry, &item]() mutable {
      const Status status = m_copier.commit(staged);
      return status.ok() ? m_journal->append(item.dest(), entry) : status;
    });
    committing_index = i;
  }
  const Status last = settle(committing, committing_index);
  const Status flushed = flush_batch();
  return last.ok() ? flushed : last;
}

// A file committed with others: small, and not read back one by one (--verify).
bool Run::batchable(const Item& item) const
{
  return !m_options.verify && item.stamp.size <= small_file_size;
}

// Commits the batch of small files, then records them in the state with one flush.
Status Run::flush_batch()
{
  std::size_t renamed = 0;
  const Status status = m_copier.commit_batch(m_batch, renamed);
  std::vector<std::pair<std::string, StateEntry>> entries;
  for (std::size_t k = 0; k < renamed; ++k) {
    const Item& item = m_items[m_batch_items[k]];
    entries.emplace_back(item.dest(),
                         StateEntry{item.sha256, item.stamp.size, item.stamp.mtime_ns});
  }
  m_batch.clear();
  m_batch_items.resize(renamed);
  m_batch_bytes = 0;
  const Status recorded = status.ok() && !entries.empty() ? m_journal->append(entries) : Status{};
  if (status.ok() && recorded.ok())
    for (const size_t index : m_batch_items) {
      Item& item = m_items[index];
      m_state[item.dest()] = {item.sha256, item.stamp.size, item.stamp.mtime_ns};
      item.done = true;
      m_meter.advance(item.generated ? item.stamp.size : 0, 1);
      in_place(item);
    }
  m_batch_items.clear();
  return status.ok() ? recorded : status;
}

Status Run::stage(Item& item, Staged& staged, bool batched)
{
  // Each folder is made (or found to be one, not a link) once a run, not once a file: 10 000
  // files in 文本/ made 10 000 failing mkdir calls and as many lstat.
  const std::string folder(parent_of(item.dest()));
  if (m_made_folders.count(folder) == 0) {
    if (Status status = make_dirs(m_out, folder); !status.ok())
      return status;
    m_made_folders.insert(folder);
  }
  if (item.generated)
    return m_copier.stage(item.generated->content, item.dest_path, item.sha256, staged, batched);
  const Status status =
      m_copier.stage(item.copy->source, item.stamp, item.dest_path, staged, batched);
  item.sha256 = staged.sha256;
  return status;
}

// Waits for the commit of m_items[index] (if one is running) and records it as done.
Status Run::settle(std::future<Status>& committing, size_t index)
{
  if (!committing.valid())
    return {};
  const Status status = committing.get();
  if (!status.ok())
    return status;
  Item& item = m_items[index];
  m_state[item.dest()] = {item.sha256, item.stamp.size, item.stamp.mtime_ns};
  item.done = true;
  m_meter.advance(item.generated ? item.stamp.size : 0, 1);
  in_place(item);
  return {};
}

void Run::in_place(const Item& item) const
{
  if (m_options.on_in_place)
    m_options.on_in_place(item.dest());
}

// The plan's folders (also when empty), the report, then the manifest: last, so that a drive
// with a manifest is complete.
Status Run::finish()
{
  if (Status status = remove_extra(); !status.ok())
    return status;
  for (const std::string& folder : m_plan.folders) {
    if (Status status = make_dirs(m_out, folder); !status.ok())
      return status;
  }
  const ExecuteResult done = result({});
  const std::string manifest = manifest_text(done.files);
  if (m_options.make_report) {
    const std::optional<std::string> report = m_options.make_report(done.files, manifest);
    if (report && !write_file_atomically(join_path(m_out, report_name), *report).ok())
      return {"report", fmt::format("cannot write {} into {}", report_name, m_out)};
  }
  if (Status status = write_file_atomically(join_path(m_out, manifest_name), manifest);
      !status.ok())
    return status;
  m_journal.reset();
  return save_state(m_out, m_state);
}

ExecuteResult Run::result(const Status& status) const
{
  ExecuteResult out{status.ok(), status.code, status.detail, {}, m_extra, status.facts};
  for (const Item& item : m_items) {
    if (!item.done)
      continue;
    const bool copied = !item.in_place && !m_options.dry_run;
    out.files.push_back({item.dest(), item.sha256, item.stamp.size, copied});
  }
  return out;
}

} // namespace

ExecuteResult execute(const PackPlan& plan, const std::string& out_dir,
                      const ExecuteOptions& options)
{
  Run run(plan, out_dir, options);
  return run.go();
}

} // namespace mpcheck::pack
