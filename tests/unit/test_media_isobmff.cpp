#include "mpcheck/media/isobmff.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <doctest/doctest.h>

using mpcheck::media::scan_top_level_boxes;

namespace {

using Bytes = std::vector<unsigned char>;

void put32(Bytes& b, uint32_t v)
{
  for (int s = 24; s >= 0; s -= 8)
    b.push_back(static_cast<unsigned char>(v >> s));
}

// A box of `type` whose header declares `declared` bytes but holds `payload` bytes.
void box(Bytes& b, const char* type, uint32_t declared, size_t payload)
{
  put32(b, declared);
  b.insert(b.end(), type, type + 4);
  b.insert(b.end(), payload, 0);
}

void ftyp(Bytes& b, const char* major, std::vector<const char*> compatible)
{
  put32(b, uint32_t(16 + 4 * compatible.size()));
  b.insert(b.end(), {'f', 't', 'y', 'p'});
  b.insert(b.end(), major, major + 4);
  put32(b, 0x200);
  for (const char* c : compatible)
    b.insert(b.end(), c, c + 4);
}

mpcheck::media::IsoBoxSummary scan(const Bytes& b)
{
  return scan_top_level_boxes(
      [&](int64_t off, unsigned char* buf, size_t n) -> size_t {
        if (off >= int64_t(b.size()))
          return 0;
        const size_t k = std::min(n, b.size() - size_t(off));
        std::memcpy(buf, b.data() + off, k);
        return k;
      },
      int64_t(b.size()));
}

} // namespace

TEST_CASE("media::scan_top_level_boxes faststart MP4")
{
  Bytes b;
  ftyp(b, "isom", {"isom", "iso2", "avc1", "mp41"});
  box(b, "moov", 108, 100);
  box(b, "mdat", 1008, 1000);
  const auto s = scan(b);
  CHECK(s.is_iso);
  CHECK(s.major_brand == "isom");
  CHECK(s.compatible_brands == std::vector<std::string>{"isom", "iso2", "avc1", "mp41"});
  CHECK(s.moov_before_mdat == true);
  CHECK_FALSE(s.box_past_eof);
}

TEST_CASE("media::scan_top_level_boxes QuickTime brand is trimmed; moov after mdat")
{
  Bytes b;
  ftyp(b, "qt  ", {"qt  "});
  box(b, "wide", 8, 0);
  box(b, "mdat", 508, 500);
  box(b, "moov", 58, 50);
  const auto s = scan(b);
  CHECK(s.major_brand == "qt");
  CHECK(s.moov_before_mdat == false);
}

TEST_CASE("media::scan_top_level_boxes a copy cut half way")
{
  Bytes b;
  ftyp(b, "mp42", {"mp42"});
  box(b, "mdat", 100000, 400); // declares 100000 bytes, holds 400
  const auto s = scan(b);
  CHECK(s.box_past_eof);
  CHECK(s.past_eof_box == "mdat");
  CHECK(s.has_mdat);
  CHECK_FALSE(s.has_moov);
  CHECK_FALSE(s.moov_before_mdat.has_value());
}

TEST_CASE("media::scan_top_level_boxes 64-bit sizes and size 0")
{
  Bytes b;
  ftyp(b, "isom", {});
  put32(b, 1);
  b.insert(b.end(), {'m', 'd', 'a', 't'});
  put32(b, 0);
  put32(b, 16 + 20);
  b.insert(b.end(), 20, 0);
  box(b, "moov", 0, 30); // size 0: to the end of the file
  const auto s = scan(b);
  CHECK(s.has_mdat);
  CHECK(s.has_moov);
  CHECK_FALSE(s.box_past_eof);
  CHECK(s.moov_before_mdat == false);
}

TEST_CASE("media::scan_top_level_boxes not ISO, garbage and tiny inputs")
{
  Bytes text(64, 'a');
  CHECK_FALSE(scan(text).is_iso);
  Bytes tiny{0, 0, 0};
  CHECK_FALSE(scan(tiny).is_iso);
  Bytes bad;
  ftyp(bad, "isom", {});
  put32(bad, 3); // a size smaller than its own header
  bad.insert(bad.end(), {'m', 'o', 'o', 'v'});
  const auto s = scan(bad);
  CHECK(s.is_iso);
  CHECK_FALSE(s.has_moov);
}

TEST_CASE("media::scan_top_level_boxes a 64-bit size beyond any file is past its end, not a wrap")
{
  // The fuzzer's case: an ftyp whose 64-bit size is 2^63 (it overflowed `size - header`), and
  // an mdat declaring 2^64 - 16 bytes (it wrapped `offset + size` back into the file).
  for (const uint64_t huge : {uint64_t(1) << 63, ~uint64_t(15)}) {
    for (const char* type : {"ftyp", "mdat"}) {
      CAPTURE(huge);
      CAPTURE(type);
      Bytes b;
      if (std::string(type) == "mdat")
        ftyp(b, "isom", {"isom"});
      const int64_t at = int64_t(b.size());
      put32(b, 1);
      b.insert(b.end(), type, type + 4);
      put32(b, uint32_t(huge >> 32));
      put32(b, uint32_t(huge));
      b.insert(b.end(), {'i', 's', 'o', 'm', 0, 0, 2, 0, 'm', 'p', '4', '1'});
      const auto s = scan(b);
      CHECK(s.is_iso);
      CHECK(s.box_past_eof);
      CHECK(s.past_eof_box == type);
      CHECK(s.declared_size == (huge > uint64_t(INT64_MAX - at) ? INT64_MAX : at + int64_t(huge)));
      if (std::string(type) == "ftyp")
        CHECK(s.major_brand == "isom"); // read from the bytes that are there
    }
  }
}

TEST_CASE("media::scan_top_level_boxes a garbage box past the end is damage, not a cut copy")
{
  // CI's case: an ftyp followed by random bytes read as a box 'W=ZA' of 4 GB. The file was
  // never longer; it is damaged (the demuxer says so, media.unreadable), not truncated.
  Bytes b;
  ftyp(b, "isom", {"isom"});
  box(b, "W=ZA", 0xee2f1c44u, 400);
  const auto s = scan(b);
  CHECK(s.is_iso);
  CHECK_FALSE(s.box_past_eof);
  CHECK(s.past_eof_box.empty());
  // A known box cut short still is.
  Bytes cut;
  ftyp(cut, "isom", {"isom"});
  box(cut, "junk", 8, 0);
  box(cut, "moov", 100000, 400);
  CHECK(scan(cut).past_eof_box == "moov");
}

TEST_CASE("media::known_top_level")
{
  for (const char* type : {"ftyp", "moov", "mdat", "free", "wide", "moof", "junk"})
    CHECK(mpcheck::media::known_top_level(type));
  for (const char* type : {"W=ZA", "trak", "MOOV", "", "mdat "})
    CHECK_FALSE(mpcheck::media::known_top_level(type));
}
