#include "mpcheck/gather/duplicates.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <unistd.h>

#include "mpcheck/util/parallel.hpp"
#include "mpcheck/util/sha256.hpp"

namespace mpcheck::gather {

namespace {

constexpr size_t kBufferBytes = size_t{1} << 20;

class Fd {
public:
  explicit Fd(const std::string& path) : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Fd()
  {
    if (m_fd >= 0)
      ::close(m_fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }

private:
  int m_fd;
};

// Feeds `length` bytes from `offset` into `sha`, telling `meter` of each read. False on a
// read error or a short file.
bool hash_range(int fd, int64_t offset, int64_t length, util::Sha256& sha,
                std::vector<char>& buffer, ProgressMeter* meter)
{
  while (length > 0) {
    const size_t want = size_t(std::min<int64_t>(length, int64_t(buffer.size())));
    const ssize_t got = ::pread(fd, buffer.data(), want, off_t(offset));
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return false;
    sha.update(buffer.data(), size_t(got));
    if (meter)
      meter->advance(got, 0);
    offset += got;
    length -= got;
  }
  return true;
}

// The SHA-256 of the given ranges of the file, or "" when it cannot be read.
std::string digest(const std::string& path, const std::vector<std::pair<int64_t, int64_t>>& ranges,
                   ProgressMeter* meter = nullptr)
{
  Fd fd(path);
  if (fd.get() < 0)
    return "";
  ::posix_fadvise(fd.get(), 0, 0, ranges.size() == 1 ? POSIX_FADV_SEQUENTIAL : POSIX_FADV_RANDOM);
  std::vector<char> buffer(kBufferBytes);
  util::Sha256 sha;
  for (const auto& [offset, length] : ranges)
    if (!hash_range(fd.get(), offset, length, sha, buffer, meter))
      return "";
  // A whole file read for its digest is not needed again soon: leave the page cache to the
  // files still to read.
  if (ranges.size() == 1)
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
  return sha.hex_digest();
}

} // namespace

std::vector<std::vector<size_t>> same_size_groups(const std::vector<int64_t>& sizes)
{
  std::map<int64_t, std::vector<size_t>> by_size;
  for (size_t i = 0; i < sizes.size(); ++i)
    if (sizes[i] > 0)
      by_size[sizes[i]].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [size, members] : by_size)
    if (members.size() >= 2)
      groups.push_back(std::move(members));
  std::sort(groups.begin(), groups.end());
  return groups;
}

std::vector<std::pair<int64_t, int64_t>> sample_ranges(int64_t size, int64_t sample)
{
  if (size <= 3 * sample)
    return {{0, size}};
  return {{0, sample}, {(size - sample) / 2, sample}, {size - sample, sample}};
}

void hash_possible_duplicates(Submission& sub, int jobs)
{
  std::vector<size_t> candidates;
  std::vector<int64_t> sizes;
  for (size_t i = 0; i < sub.files.size(); ++i)
    if (is_duplicate_candidate(sub.files[i])) {
      candidates.push_back(i);
      sizes.push_back(sub.files[i].size);
    }
  std::vector<size_t> sampled; // indices into sub.files
  for (const auto& group : same_size_groups(sizes)) {
    const bool all_known = std::all_of(group.begin(), group.end(), [&](size_t k) {
      return !sub.files[candidates[k]].sha256.empty();
    });
    if (!all_known)
      for (size_t k : group)
        sampled.push_back(candidates[k]);
  }
  // Pass 1: the sampled digest (for a file of at most 3 MiB, already the full SHA-256).
  std::vector<std::string> samples(sampled.size());
  parallel_for(sampled.size(), jobs, [&](size_t k) {
    const SubmissionFile& f = sub.files[sampled[k]];
    samples[k] = digest(f.abs_path, sample_ranges(f.size));
  });
  std::map<std::pair<int64_t, std::string>, std::vector<size_t>> same_sample;
  for (size_t k = 0; k < sampled.size(); ++k)
    if (!samples[k].empty())
      same_sample[{sub.files[sampled[k]].size, samples[k]}].push_back(sampled[k]);
  std::vector<size_t> full; // indices into sub.files whose whole content must be hashed
  for (const auto& [key, members] : same_sample) {
    if (members.size() < 2)
      continue;
    for (size_t i : members) {
      if (sample_ranges(key.first).size() == 1)
        sub.files[i].sha256 = key.second;
      else
        full.push_back(i);
    }
  }
  // Pass 2: the whole file, only where size and samples agree (and not known already).
  hash_whole_files(sub, full, jobs);
}

void hash_whole_files(Submission& sub, const std::vector<size_t>& which, int jobs,
                      ProgressMeter* meter)
{
  std::vector<size_t> todo;
  for (size_t i : which)
    if (sub.files[i].sha256.empty() && sub.files[i].size >= 0)
      todo.push_back(i);
  parallel_for(todo.size(), jobs, [&](size_t k) {
    SubmissionFile& f = sub.files[todo[k]];
    f.sha256 = digest(f.abs_path, {{0, f.size}}, meter);
  });
}

} // namespace mpcheck::gather
