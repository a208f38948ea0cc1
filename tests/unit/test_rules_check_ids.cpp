#include "mpcheck/rules/check_ids.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace mpcheck;
using namespace mpcheck::rules;

TEST_CASE("rules::known_check_ids")
{
  // The catalogue is the table of check_ids.hpp, whole and in order. How many ids it holds is
  // not pinned: tests/cli/test_catalogue.py proves each is raised by a check, documented in
  // man/mpcheck.1 (CHECK IDS) and tested end to end.
  REQUIRE(known_check_ids().size() == catalogue_ids.size());
  std::set<std::string_view> ids;
  for (size_t i = 0; i < catalogue_ids.size(); ++i) {
    const CheckInfo& check = known_check_ids()[i];
    CAPTURE(check.id);
    CHECK(check.id == catalogue_ids[i]);
    CHECK(ids.insert(check.id).second); // no duplicates
    CHECK(find_check(check.id) == &check);
    // "family.words": the family that raises it (container.format: the media family).
    const std::string_view prefix = check.id.substr(0, check.id.find('.'));
    CHECK((prefix == check.family || (prefix == "container" && check.family == "media")));
    CHECK(check.id.size() > prefix.size() + 1);
    CHECK_FALSE(check.meaning.empty());
    CHECK_FALSE(check.meaning_zh.empty());
    CHECK_FALSE(check.rule_keys.starts_with(' '));
    CHECK_FALSE(check.rule_keys.ends_with(' '));
    CHECK_FALSE(is_manual_check_id(check.id));
  }
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
  CHECK(find_check("video.bitrate")->rule_keys ==
        "media.bitrate media.min_bitrate media.max_bitrate");
  CHECK(find_check("layout.junk")->rule_keys == "");
  CHECK(find_check("container.format")->family == "media");
  CHECK_FALSE(find_check("manual.title-card"));
  CHECK_FALSE(find_check("video.codecs"));
}

TEST_CASE("rules::CheckId: the table's constants, and manual items")
{
  // The constants are the table's ids, checked at compile time; CheckId{"video.codecs"} (not in
  // the table) does not compile.
  static_assert(ids::video_resolution.str() == "video.resolution");
  static_assert(ids::container_format.str() == "container.format");
  static_assert(ids::file_symlink_outside.str() == "file.symlink-outside");
  static_assert(ids::submission_incomplete == CheckId{"submission.incomplete"});
  static_assert(ids::video_bitrate != ids::video_bit_depth);
  const std::string manual = "manual.title-card";
  CHECK(CheckId::manual(manual).str() == "manual.title-card");
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

TEST_CASE("rules::is_waivable and closest_waivable: what --waive may name")
{
  using mpcheck::rules::closest_waivable;
  using mpcheck::rules::is_waivable;
  CHECK(is_waivable("video.bitrate"));
  CHECK(is_waivable("video.*"));
  CHECK(is_waivable("manual.title-card"));
  CHECK(is_waivable("manual.*"));
  CHECK_FALSE(is_waivable("video.bitrat"));
  CHECK_FALSE(is_waivable("vidoe.*"));
  CHECK_FALSE(is_waivable("bitrate"));
  CHECK(closest_waivable("video.bitrat") == "video.bitrate");
  CHECK(closest_waivable("vidoe.*") == "video.*");
  CHECK_FALSE(closest_waivable("zzzzzzzz"));
}
