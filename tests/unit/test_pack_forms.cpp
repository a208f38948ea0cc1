#include "mpcheck/pack/forms.hpp"

#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "docx_testing.hpp"

using namespace mpcheck;
using docs::Image;
using pack::load_image;

TEST_CASE("pack::load_image")
{
  test::TempDir dir("docs-image");
  Image image;
  std::string error;
  REQUIRE(test::write_png(dir.file("qr.png"), 33, 21));
  REQUIRE(load_image(dir.file("qr.png"), image, error));
  CHECK(image.format == "png");
  CHECK(image.width_px == 33);
  CHECK(image.height_px == 21);
  CHECK(image.bytes == test::read_bytes(dir.file("qr.png")));

  REQUIRE(test::write_jpeg(dir.file("qr.jpg"), 40, 50));
  REQUIRE(load_image(dir.file("qr.jpg"), image, error));
  CHECK(image.format == "jpeg");
  CHECK(image.width_px == 40);
  CHECK(image.height_px == 50);

  std::ofstream(dir.file("text.png")) << "not an image";
  CHECK(!load_image(dir.file("text.png"), image, error));
  CHECK(error == dir.file("text.png") + ": not a PNG or JPEG image");
  CHECK(!load_image(dir.file("missing.png"), image, error));
  CHECK(error == dir.file("missing.png") + ": No such file or directory");
}
