#include "mpcheck/pack/manifest.hpp"

#include "mpcheck/util/sha256.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::pack;

TEST_CASE("pack::manifest_text is sha256sum's format, sorted bytewise")
{
  const std::string a = mpcheck::util::sha256_hex("a"), b = mpcheck::util::sha256_hex("b"),
                    c = mpcheck::util::sha256_hex("c");
  const std::vector<FileResult> files = {
      {"作品/b.mp4", b, 1, true}, {"Z.txt", c, 1, false}, {"作品/a b.mp4", a, 1, true}};
  CHECK(manifest_text(files) == c + "  Z.txt\n" + a + "  作品/a b.mp4\n" + b + "  作品/b.mp4\n");
}

TEST_CASE("pack::manifest_text escapes a backslash as sha256sum does")
{
  const std::string a = mpcheck::util::sha256_hex("a");
  CHECK(manifest_text({{"a\\b.txt", a, 1, true}}) == "\\" + a + "  a\\\\b.txt\n");
  CHECK(manifest_text({}) == "");
}
