#include "mpcheck/gather/deep.hpp"

#include <atomic>
#include <future>
#include <thread>

#include "mpcheck/media/picture.hpp"
#include "mpcheck/util/parallel.hpp"

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
// two exports share their GOPs every sample is a single keyframe in both.
void analyze_pair(Submission& sub, const Unit& u, const media::AnalyzeOptions& options,
                  ProgressMeter* meter)
{
  SubmissionFile& a = sub.files[size_t(u.first)];
  SubmissionFile& b = sub.files[size_t(u.second)];
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
  media::Analysis clean;
  std::thread worker([&] {
    clean = media::analyze(b.abs_path, plan(from_b, a_keys, false),
                           counted(options, meter, sub, u.second));
    from_b.publish({}); // when it failed before planning
  });
  media::Analysis subtitled;
  try {
    subtitled = media::analyze(a.abs_path, plan(from_a, b_keys, true),
                               counted(options, meter, sub, u.first));
  } catch (...) {
    from_a.publish({});
    worker.join();
    throw;
  }
  from_a.publish({});
  worker.join();
  // Matched within half a frame: the same picture in two encodes of one timeline.
  const double fps = a.facts.video->frame_rate.valid() ? a.facts.video->frame_rate.value() : 25;
  VersionPair& pair = sub.pairs[size_t(u.pair)];
  pair.comparison = media::compare_pair(subtitled.samples, clean.samples, 0.5 / std::max(1.0, fps));
  pair.compared = true;
  a.facts.deep = std::move(subtitled.facts);
  b.facts.deep = std::move(clean.facts);
}

} // namespace

void analyze_submission(Submission& sub, int jobs, const media::AnalyzeOptions& options,
                        ProgressMeter* meter)
{
  const std::vector<Unit> units = plan_units(sub);
  parallel_for(units.size(), jobs, [&](size_t i) {
    const Unit& u = units[i];
    if (u.second >= 0) {
      analyze_pair(sub, u, options, meter);
    } else {
      SubmissionFile& f = sub.files[size_t(u.first)];
      f.facts.deep = media::analyze(f.abs_path, media::own_keyframes_plan(),
                                    counted(options, meter, sub, u.first))
                         .facts;
    }
    if (meter)
      meter->advance(sub.files[size_t(u.first)].size +
                         (u.second >= 0 ? sub.files[size_t(u.second)].size : 0),
                     u.second >= 0 ? 2 : 1,
                     u.second >= 0 ? std::vector<size_t>{size_t(u.first), size_t(u.second)}
                                   : std::vector<size_t>{size_t(u.first)});
  });
}

} // namespace mpcheck::gather
