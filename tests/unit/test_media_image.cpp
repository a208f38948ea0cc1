#include "mpcheck/media/image.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <jpeglib.h>
#include <png.h>

#include <doctest/doctest.h>

using mpcheck::ImageFacts;
using mpcheck::ProbeError;
using mpcheck::media::looks_like_image;
using mpcheck::media::probe_image;
using mpcheck::media::probe_image_bytes;

namespace {

using Bytes = std::vector<unsigned char>;

// ---- Byte builders ---------------------------------------------------------------------------

void put16(Bytes& out, unsigned value, bool little)
{
  const unsigned char b[2] = {static_cast<unsigned char>(value >> 8),
                              static_cast<unsigned char>(value)};
  out.push_back(little ? b[1] : b[0]);
  out.push_back(little ? b[0] : b[1]);
}

void put32(Bytes& out, uint32_t value, bool little)
{
  if (little) {
    put16(out, value & 0xFFFF, true);
    put16(out, value >> 16, true);
  } else {
    put16(out, value >> 16, false);
    put16(out, value & 0xFFFF, false);
  }
}

void append(Bytes& out, const char* text, size_t length)
{
  for (size_t i = 0; i < length; ++i)
    out.push_back(static_cast<unsigned char>(text[i]));
}

struct ExifEntry {
  uint16_t tag;
  uint16_t type;  // 3 = SHORT, 5 = RATIONAL
  uint32_t a;     // SHORT value, or RATIONAL numerator
  uint32_t b = 1; // RATIONAL denominator
};

ExifEntry x_res(uint32_t num, uint32_t den = 1)
{
  return {0x011A, 5, num, den};
}
ExifEntry y_res(uint32_t num, uint32_t den = 1)
{
  return {0x011B, 5, num, den};
}
ExifEntry res_unit(uint16_t unit)
{
  return {0x0128, 3, unit};
}
ExifEntry orientation()
{
  return {0x0112, 3, 1};
}

// An Exif APP1 payload: "Exif\0\0", a TIFF header and IFD0 holding `entries` (sorted by tag),
// rational values stored after the IFD.
Bytes make_exif(const std::vector<ExifEntry>& entries, bool little = false)
{
  Bytes out;
  append(out, "Exif\0\0", 6);
  append(out, little ? "II" : "MM", 2);
  put16(out, 42, little);
  put32(out, 8, little);
  put16(out, static_cast<unsigned>(entries.size()), little);
  uint32_t value_offset = 8 + 2 + 12 * static_cast<uint32_t>(entries.size()) + 4;
  Bytes values;
  for (const ExifEntry& e : entries) {
    put16(out, e.tag, little);
    put16(out, e.type, little);
    put32(out, 1, little);
    if (e.type == 3) {
      put16(out, e.a, little);
      put16(out, 0, little);
      continue;
    }
    put32(out, value_offset, little);
    put32(values, e.a, little);
    put32(values, e.b, little);
    value_offset += 8;
  }
  put32(out, 0, little); // no IFD1
  out.insert(out.end(), values.begin(), values.end());
  return out;
}

// A Photoshop APP13 payload with a ResolutionInfo resource (16.16 fixed pixels per inch),
// after an unrelated resource with an odd-length name and odd-length data to exercise padding.
Bytes make_photoshop(uint32_t fixed_res, uint32_t declared_size = 16)
{
  Bytes out;
  append(out, "Photoshop 3.0\0", 14);
  append(out, "8BIM\x04\x04", 6);
  append(out,
         "\x02"
         "ab"
         "\0",
         4); // name "ab": 1 + 2 bytes, padded to 4
  put32(out, 3, false);
  append(out, "xyz\0", 4); // 3 bytes of data, padded to 4
  append(out, "8BIM\x03\xED", 6);
  append(out, "\0\0", 2); // empty name, padded to 2
  put32(out, declared_size, false);
  for (int axis = 0; axis < 2; ++axis) {
    put32(out, fixed_res, false);
    put16(out, 2, false); // shown in pixels per cm: must not change the value
    put16(out, 2, false);
  }
  return out;
}

struct Marker {
  int code;
  Bytes data;
};

struct JpegSpec {
  J_COLOR_SPACE input = JCS_RGB;
  int components = 3;
  J_COLOR_SPACE stored = JCS_YCbCr;
  int width = 24, height = 16;
  bool jfif = true;
  UINT8 unit = 1;
  UINT16 x = 300, y = 300;
  std::vector<Marker> markers; // written after the JFIF/Adobe headers
};

Bytes make_jpeg(const JpegSpec& spec)
{
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr errors{};
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = spec.width;
  cinfo.image_height = spec.height;
  cinfo.input_components = spec.components;
  cinfo.in_color_space = spec.input;
  jpeg_set_defaults(&cinfo);
  jpeg_set_colorspace(&cinfo, spec.stored);
  cinfo.write_JFIF_header = spec.jfif;
  cinfo.density_unit = spec.unit;
  cinfo.X_density = spec.x;
  cinfo.Y_density = spec.y;
  jpeg_start_compress(&cinfo, TRUE);
  for (const Marker& m : spec.markers)
    jpeg_write_marker(&cinfo, m.code, m.data.data(), static_cast<unsigned>(m.data.size()));
  Bytes row(size_t(spec.width) * spec.components, 128);
  JSAMPROW rows[1] = {row.data()};
  while (cinfo.next_scanline < cinfo.image_height)
    jpeg_write_scanlines(&cinfo, rows, 1);
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  Bytes out(buffer, buffer + size);
  std::free(buffer);
  return out;
}

void on_png_write(png_structp png, png_bytep data, size_t length)
{
  auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

void on_png_flush(png_structp) {}

// A PNG of 20x10 pixels; `ppm` > 0 adds a pHYs chunk with that many pixels per `unit`.
Bytes make_png(int color_type, png_uint_32 ppm = 0, int unit = PNG_RESOLUTION_METER)
{
  Bytes out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, on_png_write, on_png_flush);
  png_set_IHDR(png, info, 20, 10, 8, color_type, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_color palette[2] = {{0, 0, 0}, {255, 255, 255}};
  if (color_type == PNG_COLOR_TYPE_PALETTE)
    png_set_PLTE(png, info, palette, 2);
  if (ppm > 0)
    png_set_pHYs(png, info, ppm, ppm, unit);
  png_write_info(png, info);
  Bytes row(20 * 4, 0);
  for (int y = 0; y < 10; ++y)
    png_write_row(png, row.data());
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

// The colour transform of the Adobe APP14 segment (0 none, 1 YCbCr, 2 YCCK), -1 when absent.
int adobe_transform(const Bytes& jpeg)
{
  static const char kAdobe[] = "Adobe";
  const auto at = std::search(jpeg.begin(), jpeg.end(), kAdobe, kAdobe + 5);
  return jpeg.end() - at > 11 ? at[11] : -1;
}

// ---- Probing helpers ------------------------------------------------------------------------

ImageFacts probe_ok(const Bytes& bytes)
{
  ImageFacts facts;
  ProbeError error;
  const bool ok = probe_image_bytes(bytes.data(), bytes.size(), facts, error);
  INFO("error: " << error.code << " / " << error.detail);
  CHECK(ok);
  return facts;
}

ProbeError probe_error(const Bytes& bytes)
{
  ImageFacts facts;
  ProbeError error;
  CHECK_FALSE(probe_image_bytes(bytes.data(), bytes.size(), facts, error));
  return error;
}

void check_density(const ImageFacts& facts, double x, double y, const std::string& source)
{
  CHECK(facts.dpi_x == doctest::Approx(x).epsilon(1e-9));
  CHECK(facts.dpi_y == doctest::Approx(y).epsilon(1e-9));
  CHECK(facts.dpi_source == source);
}

bool same_facts(const ImageFacts& a, const ImageFacts& b)
{
  return a.format == b.format && a.width == b.width && a.height == b.height &&
         a.color_mode == b.color_mode && a.components == b.components && a.dpi_x == b.dpi_x &&
         a.dpi_y == b.dpi_y && a.dpi_source == b.dpi_source;
}

JpegSpec with_markers(std::vector<Marker> markers, bool jfif = true)
{
  JpegSpec spec;
  spec.jfif = jfif;
  spec.markers = std::move(markers);
  return spec;
}

constexpr int kApp1 = JPEG_APP0 + 1;
constexpr int kApp13 = JPEG_APP0 + 13;

#ifdef MPCHECK_CORPUS_DIR
const std::filesystem::path kCorpus = MPCHECK_CORPUS_DIR;
#else
const std::filesystem::path kCorpus;
#endif

Bytes read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

// ---- Signatures --------------------------------------------------------------------------------

TEST_CASE("media::looks_like_image")
{
  const Bytes jpeg = {0xFF, 0xD8, 0xFF, 0xE0};
  const Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  CHECK(looks_like_image(jpeg.data(), jpeg.size()));
  CHECK(looks_like_image(jpeg.data(), 3));
  CHECK_FALSE(looks_like_image(jpeg.data(), 2));
  CHECK(looks_like_image(png.data(), png.size()));
  CHECK_FALSE(looks_like_image(png.data(), 7));
  const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 0, 0};
  CHECK_FALSE(looks_like_image(gif.data(), gif.size()));
  CHECK_FALSE(looks_like_image(nullptr, 0));
}

// ---- JPEG colour modes -------------------------------------------------------------------------

TEST_CASE("media::probe_image JPEG RGB with 300 dpi JFIF")
{
  const ImageFacts facts = probe_ok(make_jpeg({}));
  CHECK(facts.format == "jpeg");
  CHECK(facts.width == 24);
  CHECK(facts.height == 16);
  CHECK(facts.color_mode == "rgb");
  CHECK(facts.components == 3);
  check_density(facts, 300, 300, "jfif");
}

TEST_CASE("media::probe_image JPEG RGB stored without YCbCr transform")
{
  JpegSpec spec;
  spec.stored = JCS_RGB;
  const ImageFacts facts = probe_ok(make_jpeg(spec));
  CHECK(facts.color_mode == "rgb");
  CHECK(facts.components == 3);
}

TEST_CASE("media::probe_image JPEG CMYK")
{
  JpegSpec spec;
  spec.input = spec.stored = JCS_CMYK;
  spec.components = 4;
  spec.jfif = false;
  const Bytes bytes = make_jpeg(spec);
  REQUIRE(adobe_transform(bytes) == 0); // plain CMYK
  const ImageFacts facts = probe_ok(bytes);
  CHECK(facts.color_mode == "cmyk");
  CHECK(facts.components == 4);
  check_density(facts, 0, 0, "");
}

TEST_CASE("media::probe_image JPEG YCCK is reported as cmyk")
{
  JpegSpec spec;
  spec.input = JCS_CMYK;
  spec.stored = JCS_YCCK;
  spec.components = 4;
  spec.jfif = false;
  spec.markers = {{kApp13, make_photoshop(300 << 16)}};
  const Bytes bytes = make_jpeg(spec);
  REQUIRE(adobe_transform(bytes) == 2); // really stored as YCCK
  const ImageFacts facts = probe_ok(bytes);
  CHECK(facts.color_mode == "cmyk");
  CHECK(facts.components == 4);
  check_density(facts, 300, 300, "photoshop");
}

TEST_CASE("media::probe_image JPEG greyscale")
{
  JpegSpec spec;
  spec.input = spec.stored = JCS_GRAYSCALE;
  spec.components = 1;
  spec.x = spec.y = 150;
  const ImageFacts facts = probe_ok(make_jpeg(spec));
  CHECK(facts.color_mode == "grey");
  CHECK(facts.components == 1);
  check_density(facts, 150, 150, "jfif");
}

// ---- JPEG density
// --------------------------------------------------------------------------------

TEST_CASE("media::probe_image JPEG JFIF density units")
{
  JpegSpec spec;
  SUBCASE("72 dpi")
  {
    spec.x = spec.y = 72;
    check_density(probe_ok(make_jpeg(spec)), 72, 72, "jfif");
  }
  SUBCASE("dots per cm, converted and rounded to 2 decimals")
  {
    spec.unit = 2;
    spec.x = 200;
    spec.y = 118;
    check_density(probe_ok(make_jpeg(spec)), 508, 299.72, "jfif");
  }
  SUBCASE("unit 0 is an aspect ratio, not a density")
  {
    spec.unit = 0;
    spec.x = spec.y = 1;
    check_density(probe_ok(make_jpeg(spec)), 0, 0, "");
  }
  SUBCASE("no JFIF and no metadata")
  {
    spec.jfif = false;
    check_density(probe_ok(make_jpeg(spec)), 0, 0, "");
  }
}

TEST_CASE("media::probe_image JPEG Exif overrides JFIF")
{
  SUBCASE("big-endian, inches")
  {
    const auto exif = make_exif({x_res(600), y_res(600), res_unit(2)});
    check_density(probe_ok(make_jpeg(with_markers({{kApp1, exif}}))), 600, 600, "exif");
  }
  SUBCASE("little-endian, centimetres, fractional")
  {
    const auto exif = make_exif({x_res(2362, 20), y_res(100), res_unit(3)}, true);
    check_density(probe_ok(make_jpeg(with_markers({{kApp1, exif}}))), 299.97, 254, "exif");
  }
  SUBCASE("no ResolutionUnit means inches; no YResolution means the same as X")
  {
    const auto exif = make_exif({x_res(350)});
    check_density(probe_ok(make_jpeg(with_markers({{kApp1, exif}}))), 350, 350, "exif");
  }
  SUBCASE("Exif beats Photoshop, an XMP APP1 before it is skipped")
  {
    Bytes xmp;
    append(xmp, "http://ns.adobe.com/xap/1.0/\0", 29);
    const auto exif = make_exif({x_res(96), y_res(96), res_unit(2)});
    const auto spec =
        with_markers({{kApp1, xmp}, {kApp1, exif}, {kApp13, make_photoshop(300 << 16)}}, false);
    check_density(probe_ok(make_jpeg(spec)), 96, 96, "exif");
  }
}

TEST_CASE("media::probe_image JPEG Exif without a valid resolution falls back to JFIF")
{
  // libexif would invent XResolution = 72 for the first case if asked to "follow the spec".
  const std::vector<std::vector<ExifEntry>> cases = {
      {orientation()},
      {x_res(300, 0), y_res(300, 0)},
      {x_res(0), y_res(0)},
      {x_res(300), y_res(300), res_unit(1)},
  };
  for (const auto& entries : cases) {
    const auto exif = make_exif(entries);
    check_density(probe_ok(make_jpeg(with_markers({{kApp1, exif}}))), 300, 300, "jfif");
  }
  Bytes broken = make_exif({x_res(600)});
  broken.resize(20); // IFD cut short
  check_density(probe_ok(make_jpeg(with_markers({{kApp1, broken}}))), 300, 300, "jfif");
}

TEST_CASE("media::probe_image JPEG Photoshop resolution")
{
  SUBCASE("used when neither Exif nor JFIF says anything; stored in dpi whatever the unit")
  {
    const auto spec = with_markers({{kApp13, make_photoshop(0x012C8000)}}, false); // 300.5
    check_density(probe_ok(make_jpeg(spec)), 300.5, 300.5, "photoshop");
  }
  SUBCASE("JFIF comes first")
  {
    const auto spec = with_markers({{kApp13, make_photoshop(72 << 16)}});
    check_density(probe_ok(make_jpeg(spec)), 300, 300, "jfif");
  }
  SUBCASE("a resource longer than its segment is ignored")
  {
    const auto spec = with_markers({{kApp13, make_photoshop(72 << 16, 0x7FFFFFF0)}}, false);
    check_density(probe_ok(make_jpeg(spec)), 0, 0, "");
  }
  SUBCASE("a resource too short for ResolutionInfo is ignored")
  {
    Bytes short_resource = make_photoshop(72 << 16, 8);
    const auto spec = with_markers({{kApp13, short_resource}}, false);
    check_density(probe_ok(make_jpeg(spec)), 0, 0, "");
  }
}

// ---- PNG
// -----------------------------------------------------------------------------------------

TEST_CASE("media::probe_image PNG colour types")
{
  const std::vector<std::pair<int, std::string>> cases = {
      {PNG_COLOR_TYPE_GRAY, "grey"},       {PNG_COLOR_TYPE_GRAY_ALPHA, "grey-alpha"},
      {PNG_COLOR_TYPE_RGB, "rgb"},         {PNG_COLOR_TYPE_RGB_ALPHA, "rgba"},
      {PNG_COLOR_TYPE_PALETTE, "palette"},
  };
  const int channels[] = {1, 2, 3, 4, 1};
  for (size_t i = 0; i < cases.size(); ++i) {
    const ImageFacts facts = probe_ok(make_png(cases[i].first));
    CHECK(facts.format == "png");
    CHECK(facts.width == 20);
    CHECK(facts.height == 10);
    CHECK(facts.color_mode == cases[i].second);
    CHECK(facts.components == channels[i]);
    check_density(facts, 0, 0, "");
  }
}

TEST_CASE("media::probe_image PNG pHYs density")
{
  check_density(probe_ok(make_png(PNG_COLOR_TYPE_RGB, 11811)), 300, 300, "png-phys");
  check_density(probe_ok(make_png(PNG_COLOR_TYPE_RGB, 2835)), 72.01, 72.01, "png-phys");
  check_density(probe_ok(make_png(PNG_COLOR_TYPE_RGB, 1, PNG_RESOLUTION_UNKNOWN)), 0, 0, "");
}

// ---- Errors -------------------------------------------------------------------------------------

TEST_CASE("media::probe_image rejects what is not an image")
{
  ImageFacts facts;
  ProbeError error;
  CHECK_FALSE(probe_image_bytes(nullptr, 0, facts, error));
  CHECK(error.code == "not-image");
  CHECK(error.detail == "empty file");

  const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
  CHECK(probe_error(gif).code == "not-image");
  CHECK(probe_error(gif).detail == "no JPEG or PNG signature");
  const Bytes two = {0xFF, 0xD8};
  CHECK(probe_error(two).code == "not-image");
  const Bytes png_start = {0x89, 'P', 'N', 'G'};
  CHECK(probe_error(png_start).code == "not-image");
}

TEST_CASE("media::probe_image reports truncated and garbage headers as corrupt-image")
{
  const Bytes jpeg = make_jpeg(with_markers({{kApp1, make_exif({x_res(600)})}}));
  const ProbeError cut_jpeg = probe_error(Bytes(jpeg.begin(), jpeg.begin() + 60));
  CHECK(cut_jpeg.code == "corrupt-image");
  CHECK(cut_jpeg.detail == "JPEG: file ends inside the header");

  Bytes bad_jpeg = {0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x02, 0x00};
  const ProbeError bad = probe_error(bad_jpeg);
  CHECK(bad.code == "corrupt-image");
  CHECK(bad.detail.rfind("JPEG: ", 0) == 0);

  const Bytes png = make_png(PNG_COLOR_TYPE_RGB, 11811);
  const ProbeError cut_png = probe_error(Bytes(png.begin(), png.begin() + 20));
  CHECK(cut_png.code == "corrupt-image");
  CHECK(cut_png.detail == "PNG: file ends inside the header");

  Bytes bad_crc = png;
  bad_crc[16] ^= 0x01; // width inside IHDR: the CRC no longer matches
  const ProbeError crc = probe_error(bad_crc);
  CHECK(crc.code == "corrupt-image");
  CHECK(crc.detail == "PNG: IHDR: CRC error");
}

TEST_CASE("media::probe_image reads files")
{
  const auto dir = std::filesystem::temp_directory_path() / "mpcheck-test-media-image";
  std::filesystem::create_directories(dir);
  ImageFacts facts;
  ProbeError error;

  const Bytes jpeg = make_jpeg({});
  std::ofstream((dir / "poster.jpg"), std::ios::binary)
      .write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
  CHECK(probe_image((dir / "poster.jpg").string(), facts, error));
  CHECK(facts.dpi_x == 300);

  // 4.6 MB of ICC-like APP2 segments before the frame header: more than the 4 MiB first read.
  JpegSpec big;
  big.markers.assign(72, Marker{JPEG_APP0 + 2, Bytes(65000, 0x42)});
  const Bytes big_jpeg = make_jpeg(big);
  REQUIRE(big_jpeg.size() > (size_t{4} << 20));
  std::ofstream((dir / "big.jpg"), std::ios::binary)
      .write(reinterpret_cast<const char*>(big_jpeg.data()), std::streamsize(big_jpeg.size()));
  CHECK(probe_image((dir / "big.jpg").string(), facts, error));
  CHECK(facts.width == 24);

  std::ofstream(dir / "empty.jpg").close();
  CHECK_FALSE(probe_image((dir / "empty.jpg").string(), facts, error));
  CHECK(error.code == "not-image");

  CHECK_FALSE(probe_image((dir / "missing.jpg").string(), facts, error));
  CHECK(error.code == "unreadable");
  CHECK(error.detail == "No such file or directory");

  CHECK_FALSE(probe_image(dir.string(), facts, error));
  CHECK(error.code == "unreadable");
  CHECK(error.detail == "Is a directory");
  std::filesystem::remove_all(dir);
}

// ---- Real files ---------------------------------------------------------------------------------

TEST_CASE("media::probe_image real Photoshop JPEGs")
{
  // The corpus is part of the test data (../shared/corpus/real, -DMPCHECK_CORPUS=…): without
  // it this case fails, it does not pass unread.
  REQUIRE_MESSAGE(std::filesystem::is_directory(kCorpus),
                  "no corpus at '" << kCorpus.string() << "' (cmake -DMPCHECK_CORPUS=DIR)");
  struct Expected {
    const char* file;
    const char* mode;
    int size;
    double dpi;
    const char* source;
  };
  const Expected cases[] = {
      {"cmyk-ycck-photoshop-cs-mac-72dpi.jpg", "cmyk", 100, 72, "exif"},
      {"cmyk-ycck-photoshop-cc2014-swop-multi-icc-72dpi.jpg", "cmyk", 140, 72, "exif"},
      {"rgb-photoshop-cc2017-200dpi.jpg", "rgb", 200, 200, "exif"},
      {"rgb-photoshop-cc2017-200dpcm-exif.jpg", "rgb", 200, 508, "exif"},
  };
  for (const Expected& e : cases) {
    INFO(e.file);
    ImageFacts facts;
    ProbeError error;
    REQUIRE(probe_image((kCorpus / e.file).string(), facts, error));
    CHECK(facts.format == "jpeg");
    CHECK(facts.color_mode == e.mode);
    CHECK(facts.components == (std::string(e.mode) == "cmyk" ? 4 : 3));
    CHECK(facts.width == e.size);
    CHECK(facts.height == e.size);
    check_density(facts, e.dpi, e.dpi, e.source);
  }
}

// ---- Hostile input ------------------------------------------------------------------------------

namespace {

// Every prefix either fails as corrupt-image (not-image when too short for a signature) or,
// once it holds the whole header, gives exactly the facts of the complete file.
void check_prefixes(const Bytes& bytes, size_t step)
{
  ImageFacts full;
  ProbeError error;
  REQUIRE(probe_image_bytes(bytes.data(), bytes.size(), full, error));
  for (size_t length = 0; length < bytes.size(); length += step) {
    ImageFacts facts;
    if (probe_image_bytes(bytes.data(), length, facts, error)) {
      CHECK(same_facts(facts, full));
      continue;
    }
    const char* expected = looks_like_image(bytes.data(), length) ? "corrupt-image" : "not-image";
    CHECK(error.code == expected);
  }
}

// Flipped and overwritten bytes must never crash; failures use the documented codes.
void check_mutations(const Bytes& bytes, size_t limit, size_t step)
{
  Bytes copy = bytes;
  for (size_t pos = 0; pos < std::min(limit, bytes.size()); pos += step) {
    const unsigned char flipped = static_cast<unsigned char>(~bytes[pos]);
    for (const unsigned char value : {(unsigned char)0x00, (unsigned char)0xFF, flipped}) {
      copy[pos] = value;
      ImageFacts facts;
      ProbeError error;
      if (!probe_image_bytes(copy.data(), copy.size(), facts, error))
        CHECK((error.code == "corrupt-image" || error.code == "not-image"));
    }
    copy[pos] = bytes[pos];
  }
}

std::vector<Bytes> generated_samples()
{
  JpegSpec ycck;
  ycck.input = JCS_CMYK;
  ycck.stored = JCS_YCCK;
  ycck.components = 4;
  ycck.markers = {{kApp1, make_exif({x_res(2362, 20), y_res(100), res_unit(3)}, true)},
                  {kApp13, make_photoshop(300 << 16)}};
  return {make_jpeg(ycck), make_jpeg(with_markers({{kApp1, make_exif({x_res(600)})}})),
          make_png(PNG_COLOR_TYPE_PALETTE, 11811)};
}

} // namespace

TEST_CASE("media::probe_image survives truncated and mutated generated images")
{
  for (const Bytes& bytes : generated_samples()) {
    check_prefixes(bytes, 1);
    check_mutations(bytes, 1024, 1);
  }
}

TEST_CASE("media::probe_image survives truncated and mutated real JPEGs")
{
  // The corpus is part of the test data (../shared/corpus/real, -DMPCHECK_CORPUS=…): without
  // it this case fails, it does not pass unread.
  REQUIRE_MESSAGE(std::filesystem::is_directory(kCorpus),
                  "no corpus at '" << kCorpus.string() << "' (cmake -DMPCHECK_CORPUS=DIR)");
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".jpg")
      continue;
    INFO(entry.path().filename().string());
    const Bytes bytes = read_file(entry.path());
    check_prefixes(bytes, 97);
    check_mutations(bytes, 24 * 1024, 31);
  }
}
