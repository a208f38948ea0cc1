#pragma once
// The I/O behind work.duplicate: which submitted files hold the same bytes. Only files whose
// size another file shares are read at all; of those, first a sampled digest (the first,
// middle and last MiB), and only where that agrees too, the SHA-256 of the whole file. The
// decision (which copy is a finding) is pure, in checks/work.cpp.

#include <cstdint>
#include <utility>
#include <vector>

#include "mpcheck/core/progress.hpp"
#include "mpcheck/core/submission.hpp"

namespace mpcheck::gather {

// Bytes read from each end and the middle for the sampled digest.
inline constexpr int64_t kSampleBytes = int64_t{1} << 20;

// The indices of `sizes` grouped by equal size: only groups of two or more, each in
// ascending order, groups ordered by their first index. Sizes ≤ 0 are never grouped.
std::vector<std::vector<size_t>> same_size_groups(const std::vector<int64_t>& sizes);

// The (offset, length) ranges the sampled digest of a `size`-byte file reads: the whole file
// when it is at most 3 × `sample` bytes (the sample is then the full content), else the first,
// middle and last `sample` bytes.
std::vector<std::pair<int64_t, int64_t>> sample_ranges(int64_t size, int64_t sample = kSampleBytes);

// Sets SubmissionFile::sha256 of each candidate file that shares its size and its sampled
// digest with another candidate; reads on `jobs` threads (0: all cores). A file that cannot
// be read keeps an empty sha256 (file.unreadable and media.* speak about it). A file whose
// sha256 is already known (hash_whole_files) is not read again, and groups whose members
// are all known are not read at all.
void hash_possible_duplicates(Submission& sub, int jobs);

// Sets SubmissionFile::sha256 of the files `which` (indices into sub.files) that have none
// yet: the whole file, read once, sequentially, on `jobs` threads; each MiB hashed advances
// `meter` (bytes only). A file that cannot be read in full keeps an empty sha256.
void hash_whole_files(Submission& sub, const std::vector<size_t>& which, int jobs,
                      ProgressMeter* meter = nullptr);

} // namespace mpcheck::gather
