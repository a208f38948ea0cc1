#include "mpcheck/util/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace mpcheck::util {

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new())
{
  if (m_ctx == nullptr || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(m_ctx);
    throw std::runtime_error("OpenSSL: cannot start a SHA-256 digest");
  }
}

Sha256::~Sha256()
{
  EVP_MD_CTX_free(m_ctx);
}

void Sha256::update(const void* data, std::size_t size)
{
  EVP_DigestUpdate(m_ctx, data, size);
}

std::string Sha256::hex_digest()
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(m_ctx, digest, &length);
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 0xf];
  }
  return hex;
}

std::string sha256_hex(std::string_view data)
{
  Sha256 sha;
  sha.update(data.data(), data.size());
  return sha.hex_digest();
}

bool is_sha256_hex(std::string_view text)
{
  if (text.size() != 64)
    return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  }
  return true;
}

} // namespace mpcheck::util
