#include "mpcheck/checks/picture_role.hpp"

namespace mpcheck::checks {

PictureRole picture_role(const MediaFacts& facts)
{
  if (!facts.image || !facts.image->qr_codes)
    return PictureRole::unknown;
  const ImageFacts& img = *facts.image;
  if (!img.qr_codes->empty() && img.qr_area >= qr_image_min_area)
    return PictureRole::qr_code;
  if (img.qr_codes->empty() && img.qr_error)
    return PictureRole::unknown;
  return PictureRole::other;
}

} // namespace mpcheck::checks
