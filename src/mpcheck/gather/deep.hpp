#pragma once
// The deep analysis of a submission's videos (the I/O edge of the deep checks): every video
// decoded once, as media::analyze samples it; the two versions of a programme together, at
// the same times, so their pictures can be compared. Fills SubmissionFile::facts.deep and
// VersionPair::comparison; the checks judge them.

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "mpcheck/core/progress.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/media/analyze.hpp"

namespace mpcheck::gather {

// What the analysis of one unit — a single video, or the two versions of a programme — gives
// the check: the deep facts of its file or files (the subtitled version first) and, for a
// pair, how the two compare.
struct UnitAnalysis {
  std::vector<DeepFacts> facts;
  std::optional<PairComparison> comparison;
};

// Analyses the check does not make itself, unit by unit: made ahead of it (pack hands each
// video to EarlyAnalyses as soon as it is on the drive) or known by proof (fix: a remux holds
// its source's very packets, so what decoding learnt of the source holds for it). The one way
// the check takes an analysis it did not make.
class KnownAnalyses {
public:
  virtual ~KnownAnalyses() = default;
  // The analysis of the unit of `first` (and `second`, null for a single video), or nullopt:
  // the check analyses it itself. `progress`, when given, is told while the call waits for an
  // analysis under way how far each file is (0…1, `first` then `second`).
  virtual std::optional<UnitAnalysis>
  take_unit(const SubmissionFile& first, const SubmissionFile* second,
            const std::function<void(double first_done, double second_done)>& progress) = 0;
  // What the document at `abs_path` is, learnt from the very bytes written there, when they
  // were `size` bytes (the size the check's walk found); nullopt: the check reads it itself.
  virtual std::optional<DocumentFacts> take_document(const std::string& abs_path, int64_t size)
  {
    (void)abs_path;
    (void)size;
    return std::nullopt;
  }
};

// Analyses every readable video of `sub` on up to `jobs` workers (0: all cores). A pair's
// two files are decoded side by side on two threads; memory stays bounded by the workers
// (sampled pictures are dropped once a pair is compared). Each video analysed advances
// `meter` by its size. Units `known` has are taken from it instead of decoded.
void analyze_submission(Submission& sub, int jobs, media::AnalyzeOptions options = {},
                        ProgressMeter* meter = nullptr, KnownAnalyses* known = nullptr);

// Analyses begun before the check, on their own workers: `pack` hands each video over as
// soon as it is in place on the drive, and decodes it while it copies the next, instead of
// reading the whole drive again once the copy is done. The check takes a result only for the
// same unit (the same pair, or the same single file, by path relative to the folder) whose
// files are still the ones analysed (device, inode, size and modification time unchanged);
// anything else it analyses itself, so the report is the one a plain check would give.
class EarlyAnalyses final : public KnownAnalyses {
public:
  // `root`: the folder the check will walk; `options` must be the check's (analyze_options).
  EarlyAnalyses(std::string root, media::AnalyzeOptions options, int jobs);
  ~EarlyAnalyses(); // stops the workers: analyses under way finish, queued ones are dropped
  EarlyAnalyses(const EarlyAnalyses&) = delete;
  EarlyAnalyses& operator=(const EarlyAnalyses&) = delete;

  // A video alone, or the two versions of a programme (compared as a pair), by their paths
  // relative to the root.
  void single(const std::string& rel);
  void pair(const std::string& subtitled_rel, const std::string& clean_rel);

  // The analyses of `first` (and `second`, "" for a single) when that unit was handed over
  // and its files are unchanged; waits for one under way. nullopt: analyse it yourself (a
  // unit still queued is taken back from the queue).
  // `progress`, when given, is told while it waits how far each file of the unit is (0…1,
  // `first` then `second`), about every 100 ms.
  std::optional<std::vector<media::Analysis>>
  take(const std::string& first, const std::string& second,
       const std::function<void(double first_done, double second_done)>& progress = {});

  // take() by the unit's paths relative to the root, the pair compared.
  std::optional<UnitAnalysis>
  take_unit(const SubmissionFile& first, const SubmissionFile* second,
            const std::function<void(double, double)>& progress) override;

  // A small file's whole content as pack wrote it, by its path relative to the root: a
  // document (by its extension) is classified from these bytes (media::probe_document_bytes),
  // and the check takes that instead of opening the file again (10 000 small files: 30 000
  // system calls fewer). Other files are ignored.
  void written(const std::string& rel, std::string_view bytes);
  std::optional<DocumentFacts> take_document(const std::string& abs_path, int64_t size) override;

  void wait();       // until every unit handed over is analysed (for the tests)
  int taken() const; // results used, for the tests

private:
  struct Stamp {
    uint64_t dev = 0, ino = 0;
    int64_t size = -1, mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  enum class State { queued, running, done, withdrawn };
  struct Task {
    std::string first, second;
    std::vector<Stamp> stamps;
    State state = State::queued;
    std::optional<std::vector<media::Analysis>> result;
    double done[2] = {0, 0}; // how far each file's analysis is, under m_mutex
  };

  Stamp stamp_of(const std::string& rel) const;
  void add(const std::string& first, const std::string& second);
  void work();
  std::vector<media::Analysis> run(Task& task);

  std::string m_root;
  media::AnalyzeOptions m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Task>> m_tasks;
  std::deque<std::shared_ptr<Task>> m_queue;
  std::map<std::string, std::pair<int64_t, DocumentFacts>> m_documents; // by path, as written
  bool m_stopping = false;
  int m_taken = 0;
  int m_jobs;
  std::vector<std::thread> m_workers;
};

} // namespace mpcheck::gather
