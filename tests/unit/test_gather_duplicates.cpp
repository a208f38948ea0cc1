#include "mpcheck/gather/duplicates.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

#include "mpcheck/util/sha256.hpp"

using namespace mpcheck;
using namespace mpcheck::gather;

namespace {

namespace fs = std::filesystem;

// Deterministic bytes that differ from one seed to the next.
std::string bytes(size_t size, unsigned seed)
{
  std::string out(size, '\0');
  unsigned x = seed * 2654435761u + 1;
  for (auto& c : out) {
    x = x * 1103515245u + 12345u;
    c = char(x >> 16);
  }
  return out;
}

struct Folder {
  fs::path dir = fs::temp_directory_path() / ("mpcheck-dup-" + std::to_string(::getpid()));
  Submission sub;
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  void add(const std::string& name, const std::string& content, FileKind kind = FileKind::video)
  {
    std::ofstream(dir / name, std::ios::binary) << content;
    SubmissionFile f;
    f.path = f.name = name;
    f.abs_path = (dir / name).string();
    f.size = int64_t(content.size());
    f.kind = kind;
    sub.files.push_back(f);
  }
  const std::string& sha(size_t i) const { return sub.files[i].sha256; }
};

} // namespace

TEST_CASE("gather::same_size_groups")
{
  CHECK(same_size_groups({}).empty());
  CHECK(same_size_groups({5, 6, 7}).empty());
  CHECK(same_size_groups({7, 5, 7, 0, 0, 5, 7}) ==
        std::vector<std::vector<size_t>>{{0, 2, 6}, {1, 5}});
}

TEST_CASE("gather::sample_ranges: the first, middle and last MiB, or the whole small file")
{
  using Ranges = std::vector<std::pair<int64_t, int64_t>>;
  CHECK(sample_ranges(10, 4) == Ranges{{0, 10}});
  CHECK(sample_ranges(12, 4) == Ranges{{0, 12}});
  CHECK(sample_ranges(13, 4) == Ranges{{0, 4}, {4, 4}, {9, 4}});
  const int64_t mib = int64_t{1} << 20;
  CHECK(sample_ranges(10 * mib) == Ranges{{0, mib}, {9 * mib / 2, mib}, {9 * mib, mib}});
}

TEST_CASE("gather::hash_possible_duplicates reads only what it must")
{
  const size_t big = size_t(5) << 20; // over 3 MiB: sampled first
  Folder f;
  const std::string a = bytes(big, 1);
  f.add("a.mp4", a);
  f.add("a-copy.mp4", a);
  std::string between = a; // the same first, middle and last MiB; one byte differs between
  between[size_t(3) << 19] ^= 1;
  f.add("a-differs-between-samples.mp4", between);
  f.add("same-size-other.mp4", bytes(big, 2));
  f.add("small.jpg", bytes(1000, 3), FileKind::image);
  f.add("small-copy.jpg", bytes(1000, 3), FileKind::image);
  f.add("other-size.mp4", bytes(999, 3));
  f.add("form.docx", bytes(1000, 3), FileKind::document); // not a candidate
  hash_possible_duplicates(f.sub, 2);

  CHECK(f.sha(0) == util::sha256_hex(a));
  CHECK(f.sha(1) == f.sha(0));
  CHECK(f.sha(2) == util::sha256_hex(between)); // samples agreed, the full hash tells them apart
  CHECK(f.sha(3).empty());                      // samples differ: never read in full
  CHECK(f.sha(4) == util::sha256_hex(bytes(1000, 3)));
  CHECK(f.sha(5) == f.sha(4));
  CHECK(f.sha(6).empty()); // no other file of its size
  CHECK(f.sha(7).empty()); // documents take no part
}

TEST_CASE("gather::hash_possible_duplicates: a file that cannot be read keeps no hash")
{
  Folder f;
  f.add("a.mp4", bytes(100, 1));
  f.add("b.mp4", bytes(100, 1));
  f.sub.files[1].abs_path += ".gone";
  hash_possible_duplicates(f.sub, 1);
  CHECK(f.sha(0).empty()); // its only partner could not be read
  CHECK(f.sha(1).empty());
}

TEST_CASE("gather::hash_possible_duplicates reuses digests already known (the manifest's)")
{
  Folder f;
  f.add("a.mp4", bytes(100, 1));
  f.add("b.mp4", bytes(100, 1));
  f.add("c.mp4", bytes(200, 2));
  f.add("d.mp4", bytes(200, 2));
  // Known digests of files that are gone: were they read again, they would lose them.
  for (size_t i : {0, 1}) {
    f.sub.files[i].sha256 = std::string(64, 'e');
    f.sub.files[i].abs_path += ".gone";
  }
  hash_possible_duplicates(f.sub, 2);
  CHECK(f.sha(0) == std::string(64, 'e'));
  CHECK(f.sha(1) == std::string(64, 'e'));
  CHECK(f.sha(2) == util::sha256_hex(bytes(200, 2)));
  // hash_whole_files skips what is known, and hashes the rest in full.
  f.sub.files[3].sha256.clear();
  f.sub.files[2].sha256 = "known";
  hash_whole_files(f.sub, {0, 2, 3}, 1);
  CHECK(f.sha(0) == std::string(64, 'e'));
  CHECK(f.sha(2) == "known");
  CHECK(f.sha(3) == util::sha256_hex(bytes(200, 2)));
}
