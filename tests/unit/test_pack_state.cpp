#include "mpcheck/pack/state.hpp"

#include "mpcheck/util/sha256.hpp"
#include "pack_files.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::pack;

namespace {
const std::string sha_a = mpcheck::util::sha256_hex("a");
const std::string sha_b = mpcheck::util::sha256_hex("b");
} // namespace

TEST_CASE("pack::format_state and parse_state round-trip, names with spaces included")
{
  State state{{"作品/a b.mp4", {sha_a, 12, 1700000000123456789}}, {"报告.txt", {sha_b, 3, 0}}};
  const std::string text = format_state(state);
  CHECK(text == "mpcheck-pack-state 1\n" + sha_a + " 12 1700000000123456789 作品/a b.mp4\n" +
                    sha_b + " 3 0 报告.txt\n");
  CHECK(parse_state(text) == state);
}

TEST_CASE("pack::parse_state ignores a torn last line and garbage, later lines win")
{
  const std::string text = "mpcheck-pack-state 1\n" + sha_a + " 1 5 x\n" + "nonsense\n" + sha_b +
                           " 2 6 x\n" + sha_a + " -1 5 neg\n" + sha_a + " 3 7 y";
  const State state = parse_state(text);
  REQUIRE(state.size() == 1);
  CHECK(state.at("x") == StateEntry{sha_b, 2, 6});
}

TEST_CASE("pack::parse_state needs its header")
{
  CHECK(parse_state(sha_a + " 1 5 x\n").empty());
  CHECK(parse_state("").empty());
}

TEST_CASE("pack::save_state, load_state and StateJournal")
{
  pack_files::TempDir dir;
  CHECK(load_state(dir.path()).empty());
  REQUIRE(save_state(dir.path(), {{"a", {sha_a, 1, 2}}}).ok());
  {
    StateJournal journal(dir.path());
    REQUIRE(journal.error().ok());
    REQUIRE(journal.append("b", {sha_b, 3, 4}).ok());
  }
  const State state = load_state(dir.path());
  CHECK(state == State{{"a", {sha_a, 1, 2}}, {"b", {sha_b, 3, 4}}});
  CHECK(pack_files::files_named(dir.path(), ".mpcheck-tmp-").empty());
}
