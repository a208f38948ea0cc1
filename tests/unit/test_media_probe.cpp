#include "mpcheck/media/probe.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using mpcheck::MediaFacts;
using mpcheck::media::probe;
using mpcheck::media::probe_bytes;

namespace {

std::string read_all(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

MediaFacts of_bytes(const std::string& bytes, const std::string& name)
{
  return probe_bytes(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), name);
}

// What probe found, in one line, to compare a file's probe with its bytes' probe.
std::string summary(const MediaFacts& f)
{
  std::string s = f.kind + " size=" + std::to_string(f.size) +
                  " error=" + (f.error ? f.error->code : "-") +
                  " truncated=" + std::to_string(f.truncated) + " " + f.truncated_detail;
  if (f.container)
    s += " format=" + f.container->format + " brand=" + f.container->brand +
         " duration=" + std::to_string(std::lround(f.container->duration_s * 1000)) +
         " faststart=" + std::to_string(f.container->faststart.value_or(-1));
  if (f.video)
    s += " video=" + f.video->codec + " " + std::to_string(f.video->width) + "x" +
         std::to_string(f.video->height) + " frames=" + std::to_string(f.video->frame_count) +
         " kbps=" + std::to_string(f.video->bitrate_measured / 1000) + " scan=" + f.video->scan +
         " " + f.video->pix_fmt + " rotation=" + std::to_string(f.video->rotation);
  s += " audio=" + std::to_string(f.audio.size()) +
       " subtitles=" + std::to_string(f.subtitles.size());
  if (f.image)
    s += " image=" + f.image->format + " " + std::to_string(f.image->width) + "x" +
         std::to_string(f.image->height) + " " + f.image->color_mode;
  return s;
}

void check_same_as_file(const fs::path& path)
{
  const std::string bytes = read_all(path);
  const MediaFacts from_file = probe(path.string());
  const MediaFacts from_bytes = of_bytes(bytes, path.string());
  INFO(path.string());
  CHECK(summary(from_bytes) == summary(from_file));
  CHECK(from_bytes.path == path.string());
}

std::vector<fs::path> files_in(const fs::path& dir)
{
  std::vector<fs::path> out;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() != ".md" && e.path().extension() != ".json")
        out.push_back(e.path());
  return out;
}

} // namespace

TEST_CASE("media::probe_bytes of nothing, of text")
{
  const MediaFacts empty = of_bytes("", "a.mp4");
  CHECK(empty.kind == "unknown");
  REQUIRE(empty.error);
  CHECK(empty.error->code == "empty");
  const MediaFacts text = of_bytes("这不是视频，是一段文字。\n", "a.mp4");
  CHECK(text.kind == "unknown");
  REQUIRE(text.error);
  CHECK(text.error->code == "not-media");
}

TEST_CASE("media::probe_bytes on fixtures: the same facts as probe of the file")
{
#ifdef MPCHECK_FIXTURES_DIR
  const std::vector<fs::path> fixtures = files_in(MPCHECK_FIXTURES_DIR);
  REQUIRE_MESSAGE(fixtures.size() >= 10, "run tests/fixtures/make-fixtures.sh");
  for (const fs::path& path : fixtures)
    if (fs::file_size(path) < 64 * 1024 * 1024)
      check_same_as_file(path);
#endif
#ifdef MPCHECK_CORPUS_DIR
  for (const fs::path& path : files_in(MPCHECK_CORPUS_DIR)) // the real-world corpus, if present
    check_same_as_file(path);
#endif
}
