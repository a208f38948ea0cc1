#include "mpcheck/pack/sha256.hpp"

#include <doctest/doctest.h>

using namespace mpcheck::pack;

TEST_CASE("pack::sha256_hex")
{
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("pack::Sha256 fed in pieces equals the digest of the whole")
{
  Sha256 sha;
  sha.update("a", 1);
  sha.update("bc", 2);
  CHECK(sha.hex_digest() == sha256_hex("abc"));
}

TEST_CASE("pack::is_sha256_hex")
{
  CHECK(is_sha256_hex(sha256_hex("x")));
  CHECK_FALSE(is_sha256_hex(""));
  CHECK_FALSE(is_sha256_hex(std::string(63, 'a')));
  CHECK_FALSE(is_sha256_hex(std::string(64, 'A')));
  CHECK_FALSE(is_sha256_hex(std::string(64, 'g')));
}
