#include "mpcheck/media/jpeg_errors.hpp"

#include <jerror.h>

namespace mpcheck::media {

namespace {

JpegErrors& errors_of(j_common_ptr cinfo)
{
  return *reinterpret_cast<JpegErrors*>(cinfo->err);
}

void on_error(j_common_ptr cinfo)
{
  (*cinfo->err->format_message)(cinfo, errors_of(cinfo).message);
  std::longjmp(errors_of(cinfo).jump, 1);
}

// Warnings and traces are never printed; running out of data is remembered for the caller.
void on_message(j_common_ptr cinfo, int level)
{
  if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF)
    errors_of(cinfo).saw_eof = true;
}

void on_output(j_common_ptr) {}

} // namespace

void use_jpeg_errors(jpeg_decompress_struct& cinfo, JpegErrors& errors)
{
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = on_error;
  errors.mgr.emit_message = on_message;
  errors.mgr.output_message = on_output;
}

} // namespace mpcheck::media
