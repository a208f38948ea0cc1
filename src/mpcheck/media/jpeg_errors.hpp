#pragma once
// libjpeg's error manager for code that must survive any bytes. The default one prints and
// calls exit() on an error; this one records the message and longjmps back to the caller's
// setjmp, and keeps warnings quiet (remembering only that the data ended early).

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t first

#include <jpeglib.h>

namespace mpcheck::media {

struct JpegErrors {
  jpeg_error_mgr mgr;   // first member: libjpeg hands back a jpeg_error_mgr*
  std::jmp_buf jump;    // where an error returns to: setjmp(errors.jump) before any libjpeg call
  bool saw_eof = false; // the data ended before the picture did (libjpeg made up the rest)
  char message[JMSG_LENGTH_MAX] = {};
};

// Makes `errors` the error manager of `cinfo`; call before jpeg_create_decompress.
void use_jpeg_errors(jpeg_decompress_struct& cinfo, JpegErrors& errors);

} // namespace mpcheck::media
