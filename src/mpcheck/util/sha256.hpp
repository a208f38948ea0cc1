#pragma once
// SHA-256 through OpenSSL's EVP interface: the digest pack computes while it copies.

#include <cstddef>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace mpcheck::util {

// An incremental SHA-256. Not copyable; one object per file.
class Sha256 {
public:
  // A fresh digest; throws std::runtime_error when OpenSSL cannot set one up.
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // Feeds `size` bytes at `data`.
  void update(const void* data, std::size_t size);

  // The digest of everything fed so far, as 64 lower-case hex digits. Call once.
  std::string hex_digest();

private:
  evp_md_ctx_st* m_ctx;
};

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// True when `text` is 64 lower-case hex digits, the form hex_digest returns.
bool is_sha256_hex(std::string_view text);

} // namespace mpcheck::util
