#include "mpcheck/media/isobmff.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace mpcheck::media {

namespace {

constexpr int max_boxes = 100000;

uint32_t be32(const unsigned char* p)
{
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

uint64_t be64(const unsigned char* p)
{
  return uint64_t(be32(p)) << 32 | be32(p + 4);
}

bool printable_type(const unsigned char* p)
{
  return std::all_of(p, p + 4, [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
}

} // namespace

bool known_top_level(const std::string& type)
{
  static const char* const known[] = {"ftyp", "moov", "mdat", "free", "skip", "wide", "uuid",
                                      "pnot", "moof", "styp", "sidx", "meta", "mfra", "pdin",
                                      "udta", "junk", "emsg", "prft", "ssix", "PICT"};
  return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return type == k; });
}

namespace {

std::string brand_at(const unsigned char* p)
{
  std::string brand(reinterpret_cast<const char*>(p), 4);
  while (!brand.empty() && (brand.back() == ' ' || brand.back() == '\0'))
    brand.pop_back();
  return brand;
}

void read_ftyp(const ReadAt& read, int64_t payload, int64_t payload_size, IsoBoxSummary& out)
{
  std::array<unsigned char, 256> buf{};
  const size_t want = size_t(std::clamp<int64_t>(payload_size, 0, int64_t(buf.size())));
  const size_t got = read(payload, buf.data(), want);
  if (got < 8)
    return;
  out.major_brand = brand_at(buf.data());
  for (size_t i = 8; i + 4 <= got; i += 4)
    out.compatible_brands.push_back(brand_at(buf.data() + i));
}

} // namespace

IsoBoxSummary scan_top_level_boxes(const ReadAt& read, int64_t file_size)
{
  IsoBoxSummary out;
  int64_t offset = 0;
  for (int n = 0; n < max_boxes && offset + 8 <= file_size; ++n) {
    unsigned char head[16];
    const size_t got = read(offset, head, sizeof head);
    if (got < 8 || !printable_type(head + 4))
      break;
    const std::string type(reinterpret_cast<const char*>(head + 4), 4);
    if (n == 0 && !known_top_level(type))
      break; // not an ISO file
    out.is_iso = true;
    int64_t header = 8;
    uint64_t size = be32(head);
    if (size == 1) {
      if (got < 16)
        break;
      size = be64(head + 8);
      header = 16;
    } else if (size == 0) {
      size = uint64_t(file_size - offset); // "extends to the end of the file"
    }
    if (size < uint64_t(header))
      break; // corrupt size: stop walking, the demuxer will judge
    // What is left of the file from this box on; a declared size beyond it (up to 2^64 - 1 in a
    // 64-bit size field) is judged below without adding it to the offset.
    const uint64_t left = uint64_t(file_size - offset);
    if (type == "ftyp")
      read_ftyp(read, offset + header, int64_t(std::min(size, left)) - header, out);
    if (type == "moov" || type == "moof") {
      out.has_moov = true;
      if (!out.moov_before_mdat)
        out.moov_before_mdat = !out.has_mdat;
    }
    if (type == "mdat") {
      out.has_mdat = true;
      if (out.has_moov && !out.moov_before_mdat)
        out.moov_before_mdat = true;
    }
    if (size > left) {
      // Only a box the format knows says "cut short"; a garbage type with a garbage size is a
      // damaged file (media.unreadable when the demuxer fails too), not an interrupted copy.
      if (!known_top_level(type))
        break;
      const uint64_t room = uint64_t(INT64_MAX) - uint64_t(offset);
      out.declared_size = size > room ? INT64_MAX : int64_t(uint64_t(offset) + size);
      out.box_past_eof = true;
      out.past_eof_box = type;
      break;
    }
    offset += int64_t(size);
    out.declared_size = offset;
  }
  if (out.has_mdat && out.has_moov && !out.moov_before_mdat)
    out.moov_before_mdat = false;
  if (out.has_mdat && !out.has_moov)
    out.moov_before_mdat.reset();
  return out;
}

} // namespace mpcheck::media
