#include "mpcheck/gather/deep.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <sys/stat.h>

#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/media/document.hpp"
#include "mpcheck/media/picture.hpp"
#include "mpcheck/util/parallel.hpp"
#include "mpcheck/util/path.hpp"

namespace mpcheck::gather {

namespace {

bool analysable(const SubmissionFile& f)
{
  return f.kind == FileKind::video && f.facts.video && !f.facts.error;
}

// One unit of work: a pair (both files) or a single video.
struct Unit {
  int first = -1, second = -1; // second: the clean version of a pair, else -1
  int pair = -1;               // index into Submission::pairs
};

std::vector<Unit> plan_units(const Submission& sub)
{
  std::vector<Unit> units;
  std::vector<bool> taken(sub.files.size(), false);
  for (int p = 0; p < int(sub.pairs.size()); ++p) {
    const VersionPair& pair = sub.pairs[size_t(p)];
    const SubmissionFile& a = sub.files[size_t(pair.subtitled)];
    const SubmissionFile& b = sub.files[size_t(pair.clean)];
    if (!analysable(a) || !analysable(b))
      continue;
    units.push_back({pair.subtitled, pair.clean, p});
    taken[size_t(pair.subtitled)] = taken[size_t(pair.clean)] = true;
  }
  for (int i = 0; i < int(sub.files.size()); ++i)
    if (!taken[size_t(i)] && analysable(sub.files[size_t(i)]))
      units.push_back({i, -1, -1});
  return units;
}

// What one version tells the other before sampling: its duration and keyframe times.
struct Published {
  double duration = 0;
  std::vector<double> keyframes;
};

// Hands a version's keyframes to the other exactly once (empty when it could not be opened),
// so neither waits for ever.
class Exchange {
public:
  std::shared_future<Published> future() { return m_promise.get_future().share(); }
  void publish(Published p)
  {
    if (!m_sent.exchange(true))
      m_promise.set_value(std::move(p));
  }

private:
  std::promise<Published> m_promise;
  std::atomic<bool> m_sent{false};
};

// `options` counting the part of file `index` analysed so far on `meter` (none: as they are).
media::AnalyzeOptions counted(const media::AnalyzeOptions& options, ProgressMeter* meter,
                              const Submission& sub, int index)
{
  media::AnalyzeOptions out = options;
  if (meter)
    out.on_progress = [meter, index, size = sub.files[size_t(index)].size](double done) {
      meter->advance_within(size_t(index), int64_t(done * double(size)));
    };
  return out;
}

// Both versions at once, on two threads: each opens its file, publishes its keyframes and
// waits for the other's; both then plan the same times (plan_pair_times), so that where the
// two exports share their GOPs every sample is a single keyframe in both. Returns the
// subtitled version's analysis, then the clean one's.
std::vector<media::Analysis> analyze_pair(const std::string& subtitled_path,
                                          const std::string& clean_path,
                                          const media::AnalyzeOptions& subtitled_options,
                                          const media::AnalyzeOptions& clean_options)
{
  Exchange from_a, from_b;
  std::shared_future<Published> a_keys = from_a.future(), b_keys = from_b.future();
  auto plan = [](Exchange& mine, const std::shared_future<Published>& theirs, bool first) {
    return media::SamplePlan{
        [&mine, theirs, first](double duration, const std::vector<double>& keys) {
          mine.publish({duration, keys});
          const Published other = theirs.get();
          if (other.duration <= 0) // the other could not be opened
            return media::plan_sample_times(duration, keys);
          const double d = std::min(duration, other.duration);
          return first ? media::plan_pair_times(d, keys, other.keyframes)
                       : media::plan_pair_times(d, other.keyframes, keys);
        }};
  };
  std::vector<media::Analysis> out(2);
  std::thread worker([&] {
    out[1] = media::analyze(clean_path, plan(from_b, a_keys, false), clean_options);
    from_b.publish({}); // when it failed before planning
  });
  try {
    out[0] = media::analyze(subtitled_path, plan(from_a, b_keys, true), subtitled_options);
  } catch (...) {
    from_a.publish({});
    worker.join();
    throw;
  }
  from_a.publish({});
  worker.join();
  return out;
}

// What the decoded pictures of a unit tell: each file's facts and, for a pair (`first` is
// its subtitled version), the comparison of their samples, matched within half a frame: the
// same picture in two encodes of one timeline.
UnitAnalysis unit_of(const SubmissionFile& first, std::vector<media::Analysis>& analyses)
{
  UnitAnalysis out;
  if (analyses.size() == 2) {
    const double fps = first.facts.video && first.facts.video->frame_rate.valid()
                           ? first.facts.video->frame_rate.value()
                           : 25;
    out.comparison =
        media::compare_pair(analyses[0].samples, analyses[1].samples, 0.5 / std::max(1.0, fps));
  }
  for (media::Analysis& a : analyses)
    out.facts.push_back(std::move(a.facts));
  return out;
}

// Hands the analysis of unit `u` to its files (and its pair's comparison).
void apply(Submission& sub, const Unit& u, UnitAnalysis& analysis)
{
  sub.files[size_t(u.first)].facts.deep = std::move(analysis.facts.at(0));
  if (u.second < 0)
    return;
  sub.files[size_t(u.second)].facts.deep = std::move(analysis.facts.at(1));
  if (analysis.comparison) {
    VersionPair& pair = sub.pairs[size_t(u.pair)];
    pair.comparison = *analysis.comparison;
    pair.compared = true;
  }
}

} // namespace

void analyze_submission(Submission& sub, int jobs, media::AnalyzeOptions options,
                        ProgressMeter* meter, KnownAnalyses* known)
{
  const std::vector<Unit> units = plan_units(sub);
  // Fewer videos than jobs (one film, a folder of two): the sound of each goes on a core of
  // its own beside the pictures. A pair already takes two threads.
  options.sound_alongside =
      units.size() < size_t(jobs_or_all(jobs)) &&
      std::none_of(units.begin(), units.end(), [](const Unit& u) { return u.second >= 0; });
  parallel_for(units.size(), jobs, [&](size_t i) {
    const Unit& u = units[i];
    const SubmissionFile& a = sub.files[size_t(u.first)];
    const SubmissionFile* b = u.second >= 0 ? &sub.files[size_t(u.second)] : nullptr;
    std::optional<UnitAnalysis> analysis;
    if (known)
      analysis = known->take_unit(a, b, [&](double a_done, double b_done) {
        if (!meter)
          return;
        meter->advance_within(size_t(u.first), int64_t(a_done * double(a.size)));
        if (b)
          meter->advance_within(size_t(u.second), int64_t(b_done * double(b->size)));
      });
    if (analysis && analysis->facts.size() != (b ? 2u : 1u))
      analysis.reset(); // not this unit's: analyse it here
    if (!analysis) {
      const media::AnalyzeOptions a_options = counted(options, meter, sub, u.first);
      std::vector<media::Analysis> decoded =
          b ? analyze_pair(a.abs_path, b->abs_path, a_options,
                           counted(options, meter, sub, u.second))
            : std::vector<media::Analysis>{
                  media::analyze(a.abs_path, media::own_keyframes_plan(), a_options)};
      analysis = unit_of(a, decoded);
    }
    apply(sub, u, *analysis);
    if (meter)
      meter->advance(a.size + (b ? b->size : 0), b ? 2 : 1,
                     b ? std::vector<size_t>{size_t(u.first), size_t(u.second)}
                       : std::vector<size_t>{size_t(u.first)});
  });
}

// ---- analyses begun early --------------------------------------------------------------

EarlyAnalyses::EarlyAnalyses(std::string root, media::AnalyzeOptions options, int jobs)
    : m_root(std::move(root)), m_options(std::move(options)), m_jobs(jobs_or_all(jobs))
{
}

EarlyAnalyses::~EarlyAnalyses()
{
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_changed.notify_all();
  for (auto& t : m_workers)
    t.join();
}

void EarlyAnalyses::single(const std::string& rel)
{
  add(rel, "");
}

void EarlyAnalyses::pair(const std::string& subtitled_rel, const std::string& clean_rel)
{
  add(subtitled_rel, clean_rel);
}

EarlyAnalyses::Stamp EarlyAnalyses::stamp_of(const std::string& rel) const
{
  struct stat st {};
  if (rel.empty() || ::stat(util::join_path(m_root, rel).c_str(), &st) != 0)
    return {};
  return {uint64_t(st.st_dev), uint64_t(st.st_ino), int64_t(st.st_size),
          int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

void EarlyAnalyses::add(const std::string& first, const std::string& second)
{
  auto task = std::make_shared<Task>();
  task->first = first;
  task->second = second;
  task->stamps = {stamp_of(first), stamp_of(second)};
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping || !m_tasks.emplace(std::pair{first, second}, task).second)
      return;
    m_queue.push_back(task);
    // The workers start with the first video (a pack of documents only never needs them).
    while (int(m_workers.size()) < m_jobs)
      m_workers.emplace_back([this] { work(); });
  }
  m_changed.notify_one();
}

void EarlyAnalyses::written(const std::string& rel, std::string_view bytes)
{
  if (!is_document_kind(kind_of_path(rel)))
    return;
  DocumentFacts facts = media::probe_document_bytes(
      reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::lock_guard lock(m_mutex);
  m_documents[util::join_path(m_root, rel)] = {int64_t(bytes.size()), std::move(facts)};
}

std::optional<DocumentFacts> EarlyAnalyses::take_document(const std::string& abs_path, int64_t size)
{
  std::lock_guard lock(m_mutex);
  const auto it = m_documents.find(abs_path);
  if (it == m_documents.end() || it->second.first != size)
    return std::nullopt;
  DocumentFacts facts = std::move(it->second.second);
  m_documents.erase(it);
  ++m_taken;
  return facts;
}

void EarlyAnalyses::work()
{
  for (;;) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
      if (m_stopping)
        return;
      task = m_queue.front();
      m_queue.pop_front();
      if (task->state != State::queued)
        continue;
      task->state = State::running;
    }
    std::optional<std::vector<media::Analysis>> result;
    try {
      result = run(*task);
    } catch (...) {
      result.reset(); // the check analyses it again and meets the same trouble itself
    }
    {
      std::lock_guard lock(m_mutex);
      task->result = std::move(result);
      task->state = State::done;
    }
    m_changed.notify_all();
  }
}

std::vector<media::Analysis> EarlyAnalyses::run(Task& task)
{
  auto counting = [&](int which) {
    media::AnalyzeOptions options = m_options;
    options.on_progress = [this, &task, which](double done) {
      std::lock_guard lock(m_mutex);
      task.done[which] = done;
    };
    return options;
  };
  const std::string a = util::join_path(m_root, task.first);
  if (task.second.empty())
    return {media::analyze(a, media::own_keyframes_plan(), counting(0))};
  return analyze_pair(a, util::join_path(m_root, task.second), counting(0), counting(1));
}

std::optional<std::vector<media::Analysis>>
EarlyAnalyses::take(const std::string& first, const std::string& second,
                    const std::function<void(double, double)>& progress)
{
  std::unique_lock lock(m_mutex);
  const auto it = m_tasks.find({first, second});
  if (it == m_tasks.end())
    return std::nullopt;
  const std::shared_ptr<Task> task = it->second;
  m_tasks.erase(it);
  if (task->state == State::queued) {
    task->state = State::withdrawn;
    return std::nullopt;
  }
  while (!m_changed.wait_for(lock, std::chrono::milliseconds(100),
                             [&] { return task->state == State::done; }))
    if (progress) {
      const double a = task->done[0], b = task->done[1];
      lock.unlock(); // the meter takes its own lock
      progress(a, b);
      lock.lock();
    }
  lock.unlock();
  const std::vector<Stamp> now = {stamp_of(first), stamp_of(second)};
  if (!task->result || now != task->stamps || now[0].size < 0)
    return std::nullopt;
  lock.lock();
  ++m_taken;
  return std::move(task->result);
}

std::optional<UnitAnalysis>
EarlyAnalyses::take_unit(const SubmissionFile& first, const SubmissionFile* second,
                         const std::function<void(double, double)>& progress)
{
  std::optional<std::vector<media::Analysis>> analyses =
      take(first.raw_path, second ? second->raw_path : "", progress);
  if (!analyses)
    return std::nullopt;
  return unit_of(first, *analyses);
}

void EarlyAnalyses::wait()
{
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] {
    return std::all_of(m_tasks.begin(), m_tasks.end(),
                       [](const auto& t) { return t.second->state == State::done; });
  });
}

int EarlyAnalyses::taken() const
{
  std::lock_guard lock(m_mutex);
  return m_taken;
}

} // namespace mpcheck::gather
