#include "mpcheck/rules/check_ids.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace mpcheck;
using namespace mpcheck::rules;

TEST_CASE("rules::known_check_ids")
{
  std::set<std::string_view> ids;
  for (const auto& check : known_check_ids())
    CHECK(ids.insert(check.id).second); // no duplicates
  // SPEC §6 without the open family manual.*, plus media.decode-error (the deep checks count
  // decode errors: issue 5 asks for a finding, and no SPEC id covers it), plus the drive's
  // manifest (file.hash-mismatch, file.missing-from-drive, file.not-in-manifest,
  // file.manifest-malformed) and the half-written drive (submission.incomplete): issue 10;
  // links (file.symlink-outside, file.symlink: docs/pack.md, "What pack reads and writes", issue
  // 16); the baseline's video.hdr and video.bit-depth (issue 10).
  CHECK(ids.size() == 59);
  CHECK(find_check("file.hash-mismatch")->default_severity == Severity::error);
  CHECK(find_check("file.missing-from-drive")->default_severity == Severity::error);
  CHECK(find_check("file.not-in-manifest")->default_severity == Severity::warning);
  CHECK(find_check("file.manifest-malformed")->default_severity == Severity::warning);
  CHECK(find_check("submission.incomplete")->default_severity == Severity::error);
  for (const char* id : {"video.hdr", "video.bit-depth"}) {
    REQUIRE(find_check(id));
    CHECK(find_check(id)->default_severity == Severity::warning);
  }
  REQUIRE(find_check("media.decode-error"));
  CHECK(find_check("media.decode-error")->default_severity == Severity::error);
  REQUIRE(find_check("video.codec"));
  CHECK(find_check("video.codec")->default_severity == Severity::warning);
  CHECK(find_check("duration.max")->default_severity == Severity::error);
  CHECK(find_check("submission.deadline")->default_severity == Severity::warning);
  CHECK_FALSE(find_check("manual.title-card"));
  CHECK_FALSE(find_check("video.codecs"));
}

TEST_CASE("rules::is_manual_check_id, parse_severity")
{
  CHECK(is_manual_check_id("manual.title-card"));
  CHECK(is_manual_check_id("manual.x2"));
  CHECK_FALSE(is_manual_check_id("manual."));
  CHECK_FALSE(is_manual_check_id("manual.Title"));
  CHECK_FALSE(is_manual_check_id("manual.-x"));
  CHECK_FALSE(is_manual_check_id("manual.a--b"));
  CHECK_FALSE(is_manual_check_id("title-card"));
  CHECK(parse_severity("warning") == Severity::warning);
  CHECK(parse_severity("info") == Severity::info);
  CHECK_FALSE(parse_severity("off"));
  CHECK_FALSE(parse_severity("Warning"));
}
