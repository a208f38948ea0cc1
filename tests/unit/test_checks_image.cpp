// image.qr-code on hand-built new-media works: the facts media/qr.cpp would leave.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string unit = "钟楼区委组织部";
const std::string qr_path = "作品/微光-新媒体作品-钟楼区委组织部（二维码）.jpg";

const rules::RuleSet& changzhou()
{
  static const rules::RuleSet r = rules::load_rules("changzhou-2024");
  return r;
}

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
  CHECK(f.severity == Severity::warning);
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
  CHECK(paths_of(run_with(qr_image(std::nullopt)), "image.qr-code").empty());
}
