// image.qr-code on hand-built new-media works: the facts media/qr.cpp would leave.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string unit = "钟楼区委组织部";
const std::string qr_path = "作品/微光-新媒体作品-钟楼区委组织部（二维码）.jpg";

MediaFacts qr_image(std::optional<std::vector<std::string>> codes,
                    std::optional<ProbeError> error = std::nullopt)
{
  MediaFacts f;
  f.kind = "image";
  f.size = 20000;
  f.image = ImageFacts{};
  f.image->format = "jpeg";
  f.image->width = f.image->height = 296;
  f.image->color_mode = "rgb";
  f.image->qr_codes = std::move(codes);
  f.image->qr_error = std::move(error);
  return f;
}

std::vector<Finding> run_with(MediaFacts qr)
{
  TreeBuilder b;
  b.changzhou_layout(unit, {});
  MediaFacts docx;
  docx.document = DocumentFacts{"docx", true, ""};
  b.file("文本/微光-创意说明-" + unit + ".docx", docx);
  b.file(qr_path, std::move(qr));
  return run(b, changzhou());
}

} // namespace

TEST_CASE("checks: image.qr-code, a code that decodes is no finding")
{
  const auto findings = run_with(qr_image(std::vector<std::string>{"https://example.org/a"}));
  CHECK(paths_of(findings, "image.qr-code").empty());
}

TEST_CASE("checks: image.qr-code, a picture without a readable code")
{
  const auto findings = run_with(qr_image(std::vector<std::string>{}));
  REQUIRE(paths_of(findings, "image.qr-code") == std::vector<std::string>{qr_path});
  const Finding& f = *std::find_if(findings.begin(), findings.end(),
                                   [](const Finding& f) { return f.check == "image.qr-code"; });
  CHECK(f.severity == Severity::error); // no code anywhere in the work: the notice requires one
  CHECK(f.work == "微光");
  CHECK(f.message.zh == "图片中没有识别到二维码");
  CHECK(f.message.en == "no QR code could be read in the image");
  CHECK(f.hint.zh.starts_with("二维码无法识别：请用清晰、未裁切的二维码原图"));
  CHECK_FALSE(f.source.empty());
}

TEST_CASE("checks: image.qr-code, damaged pictures and files that are no picture")
{
  auto findings = run_with(qr_image(std::vector<std::string>{}, ProbeError{"corrupt-image", "x"}));
  CHECK(paths_of(findings, "image.qr-code") == std::vector<std::string>{qr_path});
  MediaFacts not_image;
  not_image.error = ProbeError{"not-image", "no JPEG or PNG signature"};
  findings = run_with(not_image);
  CHECK(paths_of(findings, "image.qr-code") == std::vector<std::string>{qr_path});
}

TEST_CASE("checks: image.qr-code claims nothing when the pixels were not decoded (--fast)")
{
  const auto findings = run_with(qr_image(std::nullopt));
  REQUIRE(paths_of(findings, "image.qr-code") == std::vector<std::string>{qr_path});
  const Finding& f = *std::find_if(findings.begin(), findings.end(),
                                   [](const Finding& f) { return f.check == "image.qr-code"; });
  CHECK(f.severity == Severity::info); // said, not claimed
  CHECK(f.message.zh.starts_with("未检查二维码"));
}

namespace {

const std::string bare_jpg = "作品/微光-新媒体作品-钟楼区委组织部.jpg";
const std::string bare_png = "作品/微光-新媒体作品-钟楼区委组织部.png";

// A picture with the facts the header probe and the QR reader would leave.
MediaFacts picture(const std::string& format, int width, int height, const std::string& mode,
                   double dpi, std::optional<std::vector<std::string>> codes, double area = 0)
{
  MediaFacts f = qr_image(std::move(codes));
  f.image->format = format;
  f.image->width = width;
  f.image->height = height;
  f.image->color_mode = mode;
  f.image->dpi_x = f.image->dpi_y = dpi;
  f.image->qr_area = area;
  return f;
}

MediaFacts a4_rgb_png(std::optional<std::vector<std::string>> codes, double area = 0)
{
  return picture("png", 2480 / 300 * 72, 3508 / 300 * 72, "rgb", 72, std::move(codes), area);
}

MediaFacts a3_cmyk_jpeg(std::optional<std::vector<std::string>> codes, double area = 0)
{
  return picture("jpeg", 3508, 4961, "cmyk", 300, std::move(codes), area);
}

std::vector<Finding> run_pictures(std::vector<std::pair<std::string, MediaFacts>> pictures)
{
  TreeBuilder b;
  b.changzhou_layout(unit, {});
  MediaFacts docx;
  docx.document = DocumentFacts{"docx", true, ""};
  b.file("文本/微光-创意说明-" + unit + ".docx", docx);
  for (auto& [path, facts] : pictures)
    b.file(path, std::move(facts));
  return run(b, changzhou());
}

const Finding* find(const std::vector<Finding>& findings, const std::string& check)
{
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [&](const Finding& f) { return f.check == check; });
  return it == findings.end() ? nullptr : &*it;
}

const std::vector<std::string> url{"https://example.org/a"};

} // namespace

TEST_CASE("checks: an unmarked picture that is not one QR code is the poster, with every "
          "poster requirement")
{
  // The notice's own name, no role mark: an RGB 72 dpi A4 PNG next to the QR image.
  const auto findings =
      run_pictures({{bare_png, a4_rgb_png(std::vector<std::string>{})}, {qr_path, qr_image(url)}});
  for (const char* id : {"image.format", "image.color-mode", "image.size", "image.dpi"}) {
    CAPTURE(id);
    CHECK(paths_of(findings, id) == std::vector<std::string>{bare_png});
  }
  CHECK(paths_of(findings, "image.qr-code").empty());
}

TEST_CASE("checks: two unmarked pictures, told apart by what they are")
{
  const auto findings = run_pictures(
      {{"作品/微光-新媒体作品-钟楼区委组织部.jpeg", a3_cmyk_jpeg(std::vector<std::string>{})},
       {bare_jpg, picture("jpeg", 296, 296, "rgb", 0, url, 0.62)}});
  CHECK(problems(findings) == 0);
  // The QR image, taken for a poster, would fail format, colour mode, size and dpi.
  for (const char* id : {"image.format", "image.color-mode", "image.size", "image.dpi"})
    CHECK(paths_of(findings, id).empty());
}

TEST_CASE("checks: image.qr-code, a code read in the poster satisfies the QR requirement")
{
  const auto findings = run_pictures({{bare_jpg, a3_cmyk_jpeg(url, 0.02)}});
  CHECK(problems(findings) == 0);
  CHECK(paths_of(findings, "image.qr-code").empty());
}

TEST_CASE("checks: image.qr-code, a new-media work with no code anywhere is an error")
{
  const auto findings = run_pictures({{bare_jpg, a3_cmyk_jpeg(std::vector<std::string>{})}});
  REQUIRE(paths_of(findings, "image.qr-code") == std::vector<std::string>{bare_jpg});
  const Finding* f = find(findings, "image.qr-code");
  CHECK(f->severity == Severity::error);
  CHECK(f->work == "微光");
  CHECK(f->message.zh.starts_with("新媒体作品缺少作品地址二维码"));
  CHECK_FALSE(f->source.empty());
}

TEST_CASE("checks: image.qr-code, a QR image that does not scan while the poster's code does")
{
  const auto findings = run_pictures(
      {{bare_jpg, a3_cmyk_jpeg(url, 0.02)}, {qr_path, qr_image(std::vector<std::string>{})}});
  REQUIRE(paths_of(findings, "image.qr-code") == std::vector<std::string>{qr_path});
  CHECK(find(findings, "image.qr-code")->severity == Severity::warning);
}

TEST_CASE("checks: --fast, unmarked pictures: no false error, said not checked")
{
  const auto findings = run_pictures({{bare_png, a4_rgb_png(std::nullopt)}});
  CHECK(problems(findings) == 0);
  const Finding* f = find(findings, "image.qr-code");
  REQUIRE(f);
  CHECK(f->severity == Severity::info);
  CHECK(f->message.zh.find("也未按海报要求检查") != std::string::npos);
}

TEST_CASE("checks: a new-media work with no picture at all misses its QR code (error)")
{
  TreeBuilder b;
  b.changzhou_layout(unit, {});
  b.file("作品/微光-新媒体作品-" + unit + ".mp4", good_video());
  const auto findings = run(b, changzhou());
  const Finding* f = find(findings, "image.qr-code");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK(f->message.zh == "新媒体作品缺少作品地址二维码图片");
}
