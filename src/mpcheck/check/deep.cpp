#include "mpcheck/check/deep.hpp"

#include <future>
#include <thread>

#include "mpcheck/media/picture.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::check {

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

// Both versions at once: the subtitled one chooses the times (its keyframes, so it decodes
// single pictures) and publishes the pictures' times; the clean one samples the same times.
void analyze_pair(Submission& sub, const Unit& u, const media::AnalyzeOptions& options)
{
  SubmissionFile& a = sub.files[size_t(u.first)];
  SubmissionFile& b = sub.files[size_t(u.second)];
  std::promise<std::vector<double>> published;
  std::shared_future<std::vector<double>> times = published.get_future().share();
  bool sent = false;
  media::Analysis clean;
  std::thread worker([&] {
    clean = media::analyze(
        b.abs_path, {[&](double, const std::vector<double>&) { return times.get(); }, nullptr},
        options);
  });
  media::SamplePlan plan = media::own_keyframes_plan();
  plan.sampled = [&](const std::vector<double>& taken) {
    published.set_value(taken);
    sent = true;
  };
  media::Analysis subtitled;
  try {
    subtitled = media::analyze(a.abs_path, plan, options);
  } catch (...) {
    if (!sent)
      published.set_value({});
    worker.join();
    throw;
  }
  if (!sent)
    published.set_value({});
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
      analyze_pair(sub, u, options);
    } else {
      SubmissionFile& f = sub.files[size_t(u.first)];
      f.facts.deep = media::analyze(f.abs_path, media::own_keyframes_plan(), options).facts;
    }
    if (meter)
      meter->advance(sub.files[size_t(u.first)].size +
                         (u.second >= 0 ? sub.files[size_t(u.second)].size : 0),
                     u.second >= 0 ? 2 : 1);
  });
}

} // namespace mpcheck::check
