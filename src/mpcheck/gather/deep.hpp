#pragma once
// The deep analysis of a submission's videos (the I/O edge of the deep checks): every video
// decoded once, as media::analyze samples it; the two versions of a programme together, at
// the same times, so their pictures can be compared. Fills SubmissionFile::facts.deep and
// VersionPair::comparison; the checks judge them.

#include "mpcheck/core/progress.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/media/analyze.hpp"

namespace mpcheck::gather {

// Analyses every readable video of `sub` on up to `jobs` workers (0: all cores). A pair's
// two files are decoded side by side on two threads; memory stays bounded by the workers
// (sampled pictures are dropped once a pair is compared). Each video analysed advances
// `meter` by its size.
void analyze_submission(Submission& sub, int jobs, const media::AnalyzeOptions& options = {},
                        ProgressMeter* meter = nullptr);

} // namespace mpcheck::gather
