#include "mpcheck/checks/picture_role.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;

TEST_CASE("checks::picture_role: essentially one QR code, another picture, not decoded")
{
  using checks::picture_role;
  using checks::PictureRole;
  MediaFacts f;
  CHECK(picture_role(f) == PictureRole::unknown); // not a picture
  f.image = mpcheck::ImageFacts{};
  CHECK(picture_role(f) == PictureRole::unknown); // not decoded (--fast)
  f.image->qr_codes = std::vector<std::string>{"https://example.org/a"};
  f.image->qr_area = 0.62;
  CHECK(picture_role(f) == PictureRole::qr_code);
  f.image->qr_area = 0.02; // a code printed on a poster
  CHECK(picture_role(f) == PictureRole::other);
  f.image->qr_codes = std::vector<std::string>{};
  f.image->qr_area = 0;
  CHECK(picture_role(f) == PictureRole::other); // decoded, no code: a picture
  f.image->qr_error = mpcheck::ProbeError{"corrupt-image", "x"};
  CHECK(picture_role(f) == PictureRole::unknown); // damaged before any code was read
}
