// media::decode_qr. The cases named "media::decode_qr on fixtures: …" read the QR images that
// tests/fixtures/make-fixtures.sh generates (qrencode + ImageMagick); ctest runs them as the
// `unit.fixtures` test, after the fixtures. The others make their bad files here.
#include "mpcheck/media/qr.hpp"

#include "mpcheck/media/image.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

#include <jpeglib.h>

#include <doctest/doctest.h>

using mpcheck::media::decode_qr;
using mpcheck::media::QrOptions;
using mpcheck::media::QrResult;

namespace {

namespace fs = std::filesystem;

const std::string kText = "https://mp.weixin.qq.com/s/mpcheck-微光"; // make-fixtures.sh QR_TEXT

fs::path fixture(const std::string& name)
{
#ifdef MPCHECK_FIXTURES_DIR
  const fs::path path = fs::path(MPCHECK_FIXTURES_DIR) / name;
#else
  const fs::path path = name;
#endif
  REQUIRE_MESSAGE(fs::exists(path), path.string(), " missing: run tests/fixtures/make-fixtures.sh");
  return path;
}

std::string read_all(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A file in a fresh temporary folder, removed with it.
struct TempFile {
  fs::path dir = fs::temp_directory_path() / ("mpcheck-qr-" + std::to_string(::getpid()));
  fs::path path;
  TempFile(const std::string& name, const std::string& bytes)
  {
    fs::create_directories(dir);
    path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove_all(dir); }
};

std::string error_code(const QrResult& r)
{
  return r.error ? r.error->code : "";
}

} // namespace

TEST_CASE("media::decode_qr on fixtures: every form of the code reads back the same text")
{
  for (const char* name :
       {"qr-code.png", "qr-rgba16.png", "qr-rgb.jpg", "qr-cmyk.jpg", "qr-grey-progressive.jpg"}) {
    INFO(name);
    const QrResult r = decode_qr(fixture(name).string());
    CHECK(error_code(r) == "");
    CHECK(r.texts == std::vector<std::string>{kText});
    CHECK(r.pass == "reduced"); // small pictures: one look at full size
  }
}

namespace {

// The grey pixels of a baseline JPEG (libjpeg, default error handling: the fixtures are good).
std::vector<unsigned char> read_grey_jpeg(const fs::path& path, int& width, int& height)
{
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr err{};
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_decompress(&cinfo);
  std::FILE* in = std::fopen(path.c_str(), "rb");
  REQUIRE(in);
  jpeg_stdio_src(&cinfo, in);
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_GRAYSCALE;
  jpeg_start_decompress(&cinfo);
  width = int(cinfo.output_width);
  height = int(cinfo.output_height);
  std::vector<unsigned char> grey(size_t(width) * size_t(height));
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = grey.data() + size_t(cinfo.output_scanline) * size_t(width);
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  std::fclose(in);
  return grey;
}

// Writes `grey` as a YCCK JPEG the way Photoshop stores CMYK: Adobe marker, inverted inks
// (255 = no ink), the code in the black plate.
void write_ycck_jpeg(const fs::path& path, const std::vector<unsigned char>& grey, int width,
                     int height)
{
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  std::FILE* out = std::fopen(path.c_str(), "wb");
  REQUIRE(out);
  jpeg_stdio_dest(&cinfo, out);
  cinfo.image_width = JDIMENSION(width);
  cinfo.image_height = JDIMENSION(height);
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_colorspace(&cinfo, JCS_YCCK);
  jpeg_set_quality(&cinfo, 90, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(size_t(width) * 4);
  while (cinfo.next_scanline < cinfo.image_height) {
    for (int x = 0; x < width; ++x) {
      unsigned char* p = &row[size_t(x) * 4];
      p[0] = p[1] = p[2] = 255; // no cyan, magenta, yellow
      p[3] = grey[size_t(cinfo.next_scanline) * size_t(width) + size_t(x)]; // inverted black
    }
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::fclose(out);
}

} // namespace

TEST_CASE("media::decode_qr on fixtures: a YCCK JPEG (Photoshop's CMYK) with the code in black ink")
{
  int width = 0, height = 0;
  const auto grey = read_grey_jpeg(fixture("qr-rgb.jpg"), width, height);
  TempFile ycck("ycck.jpg", "");
  write_ycck_jpeg(ycck.path, grey, width, height);
  mpcheck::ImageFacts facts;
  mpcheck::ProbeError error;
  REQUIRE(mpcheck::media::probe_image(ycck.path.string(), facts, error));
  CHECK(facts.color_mode == "cmyk");
  const QrResult r = decode_qr(ycck.path.string());
  CHECK(error_code(r) == "");
  CHECK(r.texts == std::vector<std::string>{kText});
}

TEST_CASE("media::decode_qr on fixtures: a poster is looked at scaled first, then at full size")
{
  // 600 px code on 6000x4000: found on the 1/4-scale look, the full size is never decoded.
  QrResult r = decode_qr(fixture("qr-poster-6000x4000.jpg").string());
  CHECK(r.texts == std::vector<std::string>{kText});
  CHECK(r.pass == "reduced");
  // 240 px code: too small at 1/4 scale; found in the full-size bands.
  r = decode_qr(fixture("qr-poster-small-code.jpg").string());
  CHECK(error_code(r) == "");
  CHECK(r.texts == std::vector<std::string>{kText});
  CHECK(r.pass == "full");
}

TEST_CASE("media::decode_qr on fixtures: the share of the picture the code covers")
{
  // qrencode's PNG: the code's modules and a 4-module white margin (29 + 8 modules a side).
  QrResult r = decode_qr(fixture("qr-code.png").string());
  CHECK(r.largest_area > 0.55);
  CHECK(r.largest_area < 0.7);
  // A code printed on a 6000x4000 poster, read scaled or at full size: a small share.
  for (const char* name : {"qr-poster-6000x4000.jpg", "qr-poster-small-code.jpg"}) {
    CAPTURE(name);
    r = decode_qr(fixture(name).string());
    CHECK(r.largest_area > 0);
    CHECK(r.largest_area < 0.02);
  }
  CHECK(decode_qr(fixture("rgb-300dpi.jpg").string()).largest_area == 0);
}

TEST_CASE("media::decode_qr on fixtures: the code is found whole in some band")
{
  const std::string poster = fixture("qr-poster-small-code.jpg").string();
  QrOptions o;
  o.band_rows = 512;
  o.band_overlap = 300; // > 240: every code of that height lies whole in one band
  CHECK(decode_qr(poster, o).texts == std::vector<std::string>{kText});
  o.band_rows = 100; // bands lower than the code never hold all of it
  o.band_overlap = 50;
  const QrResult r = decode_qr(poster, o);
  CHECK(r.texts.empty());
  CHECK(r.pass == "full");
}

TEST_CASE("media::decode_qr on fixtures: pictures without a code")
{
  for (const char* name : {"rgb-300dpi.jpg", "rgb-300dpi.png"}) {
    const QrResult r = decode_qr(fixture(name).string());
    CHECK(r.texts.empty());
    CHECK(error_code(r) == "");
    CHECK(r.pass == "reduced");
  }
  // A3 CMYK at 300 dpi: scaled first, then the full size, and nothing either time.
  const QrResult r = decode_qr(fixture("cmyk-300dpi-a3.jpg").string());
  CHECK(r.texts.empty());
  CHECK(error_code(r) == "");
  CHECK(r.pass == "full");
}

TEST_CASE("media::decode_qr on fixtures: truncated and damaged pictures are errors, not crashes")
{
  const std::string jpeg = read_all(fixture("qr-rgb.jpg"));
  for (size_t keep : {size_t(2), size_t(3), size_t(200), jpeg.size() / 3, jpeg.size() - 10}) {
    INFO("JPEG cut to ", keep, " bytes");
    TempFile cut("cut.jpg", jpeg.substr(0, keep));
    const QrResult r = decode_qr(cut.path.string());
    CHECK((error_code(r) == "corrupt-image" || error_code(r) == "not-image"));
  }
  const std::string png = read_all(fixture("qr-rgba16.png"));
  for (size_t keep : {size_t(8), size_t(40), png.size() / 2, png.size() - 13}) {
    INFO("PNG cut to ", keep, " bytes");
    TempFile cut("cut.png", png.substr(0, keep));
    CHECK(error_code(decode_qr(cut.path.string())) == "corrupt-image");
  }
  std::string flipped = jpeg; // entropy-coded data overwritten in the middle
  for (size_t i = flipped.size() / 2; i < flipped.size() / 2 + 64; ++i)
    flipped[i] = char(0xFF);
  TempFile bad("bad.jpg", flipped);
  const QrResult r = decode_qr(bad.path.string()); // libjpeg may recover; it must not crash
  CHECK((error_code(r) == "" || error_code(r) == "corrupt-image"));
}

TEST_CASE("media::decode_qr on fixtures: pictures larger than the limits are not decoded")
{
  QrOptions o;
  o.max_pixels = 6000 * 4000 - 1;
  QrResult r = decode_qr(fixture("qr-poster-6000x4000.jpg").string(), o);
  CHECK(error_code(r) == "too-large");
  CHECK(r.error->detail == "6000x4000");
  CHECK(r.texts.empty());
  o = {};
  o.max_jpeg_memory = 4096; // a progressive JPEG keeps every coefficient: far more than that
  r = decode_qr(fixture("qr-grey-progressive.jpg").string(), o);
  CHECK(error_code(r) == "too-large");
  CHECK(decode_qr(fixture("qr-rgb.jpg").string(), o).texts.size() == 1); // baseline: rows only
}

TEST_CASE("media::decode_qr: what is not a picture")
{
  CHECK(error_code(decode_qr("/nonexistent/qr.png")) == "unreadable");
  TempFile empty("empty.jpg", "");
  CHECK(error_code(decode_qr(empty.path.string())) == "not-image");
  TempFile text("text.jpg", "这不是图片");
  CHECK(error_code(decode_qr(text.path.string())) == "not-image");
  TempFile header_only("soi.jpg", std::string("\xFF\xD8\xFF\xE0", 4));
  CHECK(error_code(decode_qr(header_only.path.string())) == "corrupt-image");
}
