#include "mpcheck/gather/deep.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unistd.h>

#include <doctest/doctest.h>

#include "mpcheck/gather/run.hpp"
#include "mpcheck/media/document.hpp"
#include "mpcheck/rules/loader.hpp"

using namespace mpcheck;
using namespace mpcheck::gather;

namespace {

namespace fs = std::filesystem;

// A folder with copies of two fixtures: a pair's versions (the 4-second 1080p25 clips).
struct Drive {
  fs::path dir = fs::temp_directory_path() / ("mpcheck-early-" + std::to_string(::getpid()));
  Drive()
  {
    fs::remove_all(dir);
    fs::create_directories(dir / "作品");
    const fs::path fixtures = MPCHECK_FIXTURES_DIR;
    fs::copy_file(fixtures / "h264-1080p25-8M-subtitled.mp4", dir / "作品/a（有字幕）.mp4");
    fs::copy_file(fixtures / "h264-1080p25-8M.mp4", dir / "作品/a（无字幕）.mp4");
    fs::copy_file(fixtures / "h264-720p25.mp4", dir / "作品/b.mp4");
  }
  ~Drive() { fs::remove_all(dir); }
  std::string path(const std::string& rel) const { return (dir / rel).string(); }
};

} // namespace

TEST_CASE("EarlyAnalyses on fixtures: a file handed over is analysed as the check would")
{
  Drive drive;
  const media::AnalyzeOptions options;
  EarlyAnalyses early(drive.dir.string(), options, 2);
  early.single("作品/b.mp4");
  early.wait();
  const auto taken = early.take("作品/b.mp4", "");
  REQUIRE(taken);
  REQUIRE(taken->size() == 1);
  const media::Analysis direct =
      media::analyze(drive.path("作品/b.mp4"), media::own_keyframes_plan(), options);
  const DeepFacts& got = (*taken)[0].facts;
  CHECK(got.error == direct.facts.error);
  CHECK(got.frames_decoded == direct.facts.frames_decoded);
  CHECK(got.samples == direct.facts.samples);
  CHECK(got.loudness_lufs == doctest::Approx(direct.facts.loudness_lufs));
  CHECK(got.scan_content == direct.facts.scan_content);
  CHECK((*taken)[0].samples.size() == direct.samples.size());
  CHECK(early.taken() == 1);
  // Taken once: a second check of the same file analyses it itself.
  CHECK_FALSE(early.take("作品/b.mp4", ""));
}

TEST_CASE("EarlyAnalyses on fixtures: a pair is taken only as that pair")
{
  Drive drive;
  EarlyAnalyses early(drive.dir.string(), {}, 1);
  early.pair("作品/a（有字幕）.mp4", "作品/a（无字幕）.mp4");
  early.wait();
  CHECK_FALSE(early.take("作品/a（有字幕）.mp4", "")); // the same file, not the same unit
  CHECK_FALSE(early.take("作品/a（无字幕）.mp4", "作品/a（有字幕）.mp4")); // versions swapped
  const auto taken = early.take("作品/a（有字幕）.mp4", "作品/a（无字幕）.mp4");
  REQUIRE(taken);
  REQUIRE(taken->size() == 2);
  CHECK((*taken)[0].samples.size() == (*taken)[1].samples.size());
  CHECK_FALSE((*taken)[0].samples.empty());
  CHECK(early.taken() == 1);
}

TEST_CASE("EarlyAnalyses on fixtures: a file changed after it was handed over is analysed again")
{
  Drive drive;
  EarlyAnalyses early(drive.dir.string(), {}, 1);
  early.single("作品/b.mp4");
  early.wait();
  // Another file's bytes under the same name (a new inode), or the same file touched.
  fs::remove(drive.path("作品/b.mp4"));
  fs::copy_file(fs::path(MPCHECK_FIXTURES_DIR) / "h264-noaudio.mp4", drive.path("作品/b.mp4"));
  CHECK_FALSE(early.take("作品/b.mp4", ""));

  early.single("作品/a（无字幕）.mp4");
  early.wait();
  fs::last_write_time(drive.path("作品/a（无字幕）.mp4"),
                      fs::last_write_time(drive.path("作品/a（无字幕）.mp4")) +
                          std::chrono::seconds(5));
  CHECK_FALSE(early.take("作品/a（无字幕）.mp4", ""));
  CHECK(early.taken() == 0);
}

TEST_CASE("EarlyAnalyses on fixtures: what was never handed over, or is gone, is not taken")
{
  Drive drive;
  EarlyAnalyses early(drive.dir.string(), {}, 1);
  CHECK_FALSE(early.take("作品/b.mp4", ""));
  early.single("作品/nothing-here.mp4");
  early.wait();
  CHECK_FALSE(early.take("作品/nothing-here.mp4", ""));
  // Handed over twice: analysed once.
  early.single("作品/b.mp4");
  early.single("作品/b.mp4");
  early.wait();
  CHECK(early.take("作品/b.mp4", ""));
  CHECK_FALSE(early.take("作品/b.mp4", ""));
}

TEST_CASE("EarlyAnalyses on fixtures: a unit still queued is taken back, not waited for")
{
  Drive drive;
  EarlyAnalyses early(drive.dir.string(), {}, 1);
  early.pair("作品/a（有字幕）.mp4", "作品/a（无字幕）.mp4"); // keeps the one worker busy
  early.single("作品/b.mp4");
  CHECK_FALSE(early.take("作品/b.mp4", "")); // queued behind the pair: the caller does it
  early.wait();
  CHECK(early.take("作品/a（有字幕）.mp4", "作品/a（无字幕）.mp4"));
}

TEST_CASE("EarlyAnalyses on fixtures: stopping with work queued drops it and waits for none")
{
  Drive drive;
  {
    EarlyAnalyses early(drive.dir.string(), {}, 1);
    for (int i = 0; i < 20; ++i)
      early.single("作品/b.mp4#" + std::to_string(i)); // not files: each fails quickly
    early.single("作品/b.mp4");
  } // the destructor returns: queued units dropped, a running one finished
  CHECK(fs::exists(drive.path("作品/b.mp4")));
}

namespace {

// Hands out what it was given for one unit (by the first file's path relative to the folder)
// and counts the calls; every other unit is the check's to decode.
class GivenAnalyses final : public KnownAnalyses {
public:
  std::string first;
  UnitAnalysis given;
  int asked = 0;
  std::optional<UnitAnalysis> take_unit(const SubmissionFile& a, const SubmissionFile*,
                                        const std::function<void(double, double)>&) override
  {
    ++asked;
    if (a.raw_path != first)
      return std::nullopt;
    return given;
  }
};

} // namespace

TEST_CASE("analyze_submission on fixtures: a unit known is taken, not decoded; the rest is")
{
  Drive drive;
  fs::rename(drive.path("作品/a（有字幕）.mp4"), drive.path("作品/党课-微视频-单位（有字幕）.mp4"));
  fs::rename(drive.path("作品/a（无字幕）.mp4"), drive.path("作品/党课-微视频-单位（无字幕）.mp4"));
  const auto rules = rules::load_rules("changzhou-2024");
  Submission sub = gather::gather({drive.dir.string()}, rules, 2, false, nullptr, true);
  REQUIRE(sub.pairs.size() == 1);
  GivenAnalyses known;
  known.first = "作品/b.mp4";
  DeepFacts marked;
  marked.frames_decoded = 4242; // no analysis decodes that many pictures of a 4-second clip
  known.given = {{marked}, std::nullopt};
  analyze_submission(sub, 2, {}, nullptr, &known);
  CHECK(known.asked == 2); // the pair and the single video
  for (const SubmissionFile& f : sub.files) {
    REQUIRE(f.facts.deep);
    if (f.raw_path == "作品/b.mp4")
      CHECK(f.facts.deep->frames_decoded == 4242);
    else
      CHECK((f.facts.deep->frames_decoded > 0 && f.facts.deep->frames_decoded < 200));
  }
  CHECK(sub.pairs[0].compared);

  SUBCASE("facts for the wrong number of files are not taken")
  {
    known.first = sub.files[size_t(sub.pairs[0].subtitled)].raw_path;
    known.given = {{marked}, std::nullopt}; // one file's facts for a pair
    analyze_submission(sub, 2, {}, nullptr, &known);
    for (const SubmissionFile& f : sub.files)
      CHECK(f.facts.deep->frames_decoded != 4242);
  }
}

TEST_CASE("EarlyAnalyses: a small document is classified from the bytes written, once")
{
  EarlyAnalyses early("/drive", {}, 1);
  const std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  early.written("文本/a-解说词-单位.docx", pdf);          // a PDF named .docx
  early.written("作品/a-微视频-单位.mp4", "not a video"); // not a document: ignored
  // What probe_files would have read from the drive: the same facts, without opening it (the
  // paths do not exist).
  std::vector<ProbeTarget> targets = {
      {"/drive/文本/a-解说词-单位.docx", FileKind::document, int64_t(pdf.size())},
      {"/drive/作品/a-微视频-单位.mp4", FileKind::video, 11}};
  const std::vector<MediaFacts> facts = probe_files(targets, 1, false, nullptr, &early);
  REQUIRE(facts[0].document);
  CHECK(facts[0].document->format == "pdf");
  CHECK(facts[0].document->format ==
        media::probe_document_bytes(reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size())
            .format);
  CHECK(facts[1].error); // the video was probed itself: not there
  CHECK(early.taken() == 1);
  // Taken once: a second check reads the file.
  CHECK_FALSE(early.take_document("/drive/文本/a-解说词-单位.docx", int64_t(pdf.size())));
}

TEST_CASE("EarlyAnalyses: a document whose size changed since it was written is read again")
{
  EarlyAnalyses early("/drive/", {}, 1); // a root given with its slash
  early.written("文本/b.docx", "PK\x03\x04");
  CHECK_FALSE(early.take_document("/drive/文本/b.docx", 5));
  early.written("文本/b.docx", "PK\x03\x04");
  CHECK(early.take_document("/drive/文本/b.docx", 4));
}
