#include "mpcheck/util/sha256.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::util;

TEST_CASE("util::sha256_hex")
{
  CHECK(mpcheck::util::sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(mpcheck::util::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("util::Sha256 fed in pieces equals the digest of the whole")
{
  mpcheck::util::Sha256 sha;
  sha.update("a", 1);
  sha.update("bc", 2);
  CHECK(sha.hex_digest() == mpcheck::util::sha256_hex("abc"));
}

TEST_CASE("pack::is_sha256_hex")
{
  CHECK(mpcheck::util::is_sha256_hex(mpcheck::util::sha256_hex("x")));
  CHECK_FALSE(mpcheck::util::is_sha256_hex(""));
  CHECK_FALSE(mpcheck::util::is_sha256_hex(std::string(63, 'a')));
  CHECK_FALSE(mpcheck::util::is_sha256_hex(std::string(64, 'A')));
  CHECK_FALSE(mpcheck::util::is_sha256_hex(std::string(64, 'g')));
}
