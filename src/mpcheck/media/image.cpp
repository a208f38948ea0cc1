#include "mpcheck/media/image.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

// jpeglib.h needs <cstdio> (FILE, size_t) before it.
#include <jpeglib.h>
#include <libexif/exif-data.h>
#include <png.h>

#include "mpcheck/media/jpeg_errors.hpp"

namespace mpcheck::media {
namespace {

// A header fits in 4 MiB for nearly every file; a JPEG whose metadata (ICC profile, XMP,
// Photoshop thumbnails) is larger gets one more try with a bigger prefix.
constexpr size_t kHeaderBytes = size_t{4} << 20;
constexpr size_t kMaxHeaderBytes = size_t{32} << 20;
constexpr unsigned char kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr double kCmPerInch = 2.54;

// Horizontal and vertical pixels per inch, both > 0.
struct Density {
  double x = 0, y = 0;
};

double round2(double value)
{
  return std::round(value * 100.0) / 100.0;
}

// A density from raw pixels-per-unit values, `per_inch` units making an inch; y falls back to x
// when absent (0). Rounded to 2 decimals: 200 px/cm is 508 dpi, not 507.99999.
std::optional<Density> make_density(double x, double y, double per_inch)
{
  if (!(x > 0))
    return std::nullopt;
  return Density{round2(x * per_inch), round2((y > 0 ? y : x) * per_inch)};
}

bool fail(ProbeError& error, const char* code, std::string detail)
{
  error.code = code;
  error.detail = std::move(detail);
  return false;
}

bool is_jpeg(const unsigned char* data, size_t size)
{
  return size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

bool is_png(const unsigned char* data, size_t size)
{
  return size >= sizeof kPngSignature &&
         std::memcmp(data, kPngSignature, sizeof kPngSignature) == 0;
}

uint32_t be16(const unsigned char* p)
{
  return uint32_t(p[0]) << 8 | p[1];
}
uint32_t be32(const unsigned char* p)
{
  return be16(p) << 16 | be16(p + 2);
}

// ---- Exif (APP1) -------------------------------------------------------------------------

struct ExifDataDeleter {
  void operator()(ExifData* data) const { exif_data_unref(data); }
};

std::optional<double> exif_rational(ExifContent* ifd, ExifTag tag, ExifByteOrder order)
{
  ExifEntry* entry = exif_content_get_entry(ifd, tag);
  if (!entry || entry->format != EXIF_FORMAT_RATIONAL || !entry->data || entry->size < 8)
    return std::nullopt;
  const ExifRational value = exif_get_rational(entry->data, order);
  if (value.denominator == 0)
    return std::nullopt;
  return double(value.numerator) / double(value.denominator);
}

// Pixels-per-unit to dpi factor from ResolutionUnit: absent or 2 = inch, 3 = cm; 1 ("no
// absolute unit") and anything else carry no dpi.
std::optional<double> exif_unit_factor(ExifContent* ifd, ExifByteOrder order)
{
  ExifEntry* entry = exif_content_get_entry(ifd, EXIF_TAG_RESOLUTION_UNIT);
  if (!entry)
    return 1.0;
  if (entry->format != EXIF_FORMAT_SHORT || !entry->data || entry->size < 2)
    return std::nullopt;
  switch (exif_get_short(entry->data, order)) {
  case 2:
    return 1.0;
  case 3:
    return kCmPerInch;
  default:
    return std::nullopt;
  }
}

std::optional<Density> exif_density(const unsigned char* data, size_t size)
{
  std::unique_ptr<ExifData, ExifDataDeleter> exif(exif_data_new());
  if (!exif)
    return std::nullopt;
  // By default libexif "follows the specification" by inventing missing mandatory tags, such
  // as XResolution = 72: an Exif block without a resolution would then claim 72 dpi.
  exif_data_unset_option(exif.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_load_data(exif.get(), data, static_cast<unsigned int>(size));
  ExifContent* ifd0 = exif->ifd[EXIF_IFD_0];
  const ExifByteOrder order = exif_data_get_byte_order(exif.get());
  const auto x = exif_rational(ifd0, EXIF_TAG_X_RESOLUTION, order);
  const auto y = exif_rational(ifd0, EXIF_TAG_Y_RESOLUTION, order);
  const auto factor = exif_unit_factor(ifd0, order);
  if (!x || !factor)
    return std::nullopt;
  return make_density(*x, y.value_or(0), *factor);
}

// ---- Photoshop (APP13) -------------------------------------------------------------------

// ResolutionInfo: hRes (16.16 fixed), hResUnit, widthUnit, vRes, vResUnit, heightUnit. Adobe
// stores hRes/vRes in pixels per inch whatever the unit, which only says how Photoshop shows it.
std::optional<Density> resolution_info(const unsigned char* p, size_t size)
{
  if (size < 16)
    return std::nullopt;
  return make_density(be32(p) / 65536.0, be32(p + 8) / 65536.0, 1.0);
}

// Walks the image resource blocks after "Photoshop 3.0\0": signature (4), id (2), Pascal name
// padded to an even length, data size (4), data padded to an even length.
std::optional<Density> photoshop_density(const unsigned char* data, size_t size)
{
  static constexpr char kHeader[] = "Photoshop 3.0"; // with its NUL: 14 bytes
  if (size < sizeof kHeader || std::memcmp(data, kHeader, sizeof kHeader) != 0)
    return std::nullopt;
  size_t pos = sizeof kHeader;
  while (size - pos >= 12) {
    const unsigned char* block = data + pos;
    const size_t name_field = (1 + block[6] + 1) & ~size_t{1};
    if (size - pos < 6 + name_field + 4)
      break;
    const size_t length = be32(block + 6 + name_field);
    const size_t start = pos + 6 + name_field + 4;
    if (length > size - start)
      break;
    if (std::memcmp(block, "8BIM", 4) == 0 && be16(block + 4) == 0x03ED)
      return resolution_info(data + start, length);
    pos = start + length + (length & 1);
    if (pos > size)
      break;
  }
  return std::nullopt;
}

// ---- JPEG ------------------------------------------------------------------------------------

// Reads the markers up to the first scan. No object with a destructor lives in this frame, so
// the longjmp from the error manager (jpeg_errors.hpp) skips nothing that needs cleaning up.
bool read_jpeg_header(jpeg_decompress_struct& cinfo, JpegErrors& errors, const unsigned char* data,
                      size_t size)
{
  if (setjmp(errors.jump) != 0)
    return false;
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_save_markers(&cinfo, JPEG_APP0 + 13, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
  return true;
}

std::string jpeg_color_mode(J_COLOR_SPACE space)
{
  switch (space) {
  case JCS_GRAYSCALE:
    return "grey";
  case JCS_RGB:
  case JCS_YCbCr:
    return "rgb";
  case JCS_CMYK:
  case JCS_YCCK: // CMYK stored with a colour transform (Adobe APP14): still a CMYK image
    return "cmyk";
  default:
    return "unknown";
  }
}

std::optional<Density> jfif_density(const jpeg_decompress_struct& cinfo)
{
  if (!cinfo.saw_JFIF_marker || (cinfo.density_unit != 1 && cinfo.density_unit != 2))
    return std::nullopt; // unit 0: the densities are only a pixel aspect ratio
  const double per_inch = cinfo.density_unit == 2 ? kCmPerInch : 1.0;
  return make_density(cinfo.X_density, cinfo.Y_density, per_inch);
}

// The first saved marker of type `marker` whose data starts with `prefix` (`length` bytes).
jpeg_saved_marker_ptr find_marker(const jpeg_decompress_struct& cinfo, int marker,
                                  const char* prefix, size_t length)
{
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
    if (m->marker == marker && m->data_length >= length &&
        std::memcmp(m->data, prefix, length) == 0)
      return m;
  }
  return nullptr;
}

struct SourcedDensity {
  Density density;
  const char* source;
};

// Exif first (what cameras and editors keep up to date), then JFIF, then Photoshop's own copy.
std::optional<SourcedDensity> jpeg_density(const jpeg_decompress_struct& cinfo)
{
  if (auto app1 = find_marker(cinfo, JPEG_APP0 + 1, "Exif\0\0", 6)) {
    if (auto density = exif_density(app1->data, app1->data_length))
      return SourcedDensity{*density, "exif"};
  }
  if (auto density = jfif_density(cinfo))
    return SourcedDensity{*density, "jfif"};
  if (auto app13 = find_marker(cinfo, JPEG_APP0 + 13, "Photoshop 3.0", 14)) {
    if (auto density = photoshop_density(app13->data, app13->data_length))
      return SourcedDensity{*density, "photoshop"};
  }
  return std::nullopt;
}

void set_jpeg_facts(const jpeg_decompress_struct& cinfo, ImageFacts& out)
{
  out.format = "jpeg";
  out.width = static_cast<int>(cinfo.image_width);
  out.height = static_cast<int>(cinfo.image_height);
  out.components = cinfo.num_components;
  out.color_mode = jpeg_color_mode(cinfo.jpeg_color_space);
  if (auto found = jpeg_density(cinfo)) {
    out.dpi_x = found->density.x;
    out.dpi_y = found->density.y;
    out.dpi_source = found->source;
  }
}

struct JpegDestroyer {
  jpeg_decompress_struct* cinfo;
  ~JpegDestroyer() { jpeg_destroy_decompress(cinfo); }
};

bool probe_jpeg(const unsigned char* data, size_t size, ImageFacts& out, ProbeError& error)
{
  JpegErrors errors;
  jpeg_decompress_struct cinfo{};
  use_jpeg_errors(cinfo, errors);
  JpegDestroyer destroyer{&cinfo};
  if (!read_jpeg_header(cinfo, errors, data, size))
    return fail(error, "corrupt-image",
                errors.saw_eof ? "JPEG: file ends inside the header"
                               : std::string("JPEG: ") + errors.message);
  set_jpeg_facts(cinfo, out);
  return true;
}

// ---- PNG -------------------------------------------------------------------------------------

struct PngSource {
  const unsigned char* data;
  size_t size;
  size_t pos = 0;
  char message[256] = {};
};

void on_png_read(png_structp png, png_bytep out, size_t length)
{
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (length > source->size - source->pos)
    png_error(png, "file ends inside the header");
  std::memcpy(out, source->data + source->pos, length);
  source->pos += length;
}

// libpng's default error handler prints and aborts when no jump buffer is set.
void on_png_error(png_structp png, png_const_charp message)
{
  auto* source = static_cast<PngSource*>(png_get_error_ptr(png));
  std::snprintf(source->message, sizeof source->message, "%s", message);
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

// Reads the chunks before the first IDAT. Like read_jpeg_header, a frame without destructors.
bool read_png_info(png_structp png, png_infop info, PngSource& source)
{
  if (setjmp(png_jmpbuf(png)) != 0)
    return false;
  png_set_read_fn(png, &source, on_png_read);
  png_read_info(png, info);
  return true;
}

std::string png_color_mode(int color_type)
{
  switch (color_type) {
  case PNG_COLOR_TYPE_GRAY:
    return "grey";
  case PNG_COLOR_TYPE_GRAY_ALPHA:
    return "grey-alpha";
  case PNG_COLOR_TYPE_RGB:
    return "rgb";
  case PNG_COLOR_TYPE_RGB_ALPHA:
    return "rgba";
  case PNG_COLOR_TYPE_PALETTE:
    return "palette";
  default:
    return "unknown";
  }
}

void set_png_facts(png_structp png, png_infop info, ImageFacts& out)
{
  out.format = "png";
  out.width = static_cast<int>(png_get_image_width(png, info));
  out.height = static_cast<int>(png_get_image_height(png, info));
  out.components = png_get_channels(png, info);
  out.color_mode = png_color_mode(png_get_color_type(png, info));
  png_uint_32 x = 0, y = 0;
  int unit = PNG_RESOLUTION_UNKNOWN;
  if (!png_get_pHYs(png, info, &x, &y, &unit) || unit != PNG_RESOLUTION_METER)
    return; // unknown unit: the values are only a pixel aspect ratio
  if (auto density = make_density(x, y, 0.0254)) {
    out.dpi_x = density->x;
    out.dpi_y = density->y;
    out.dpi_source = "png-phys";
  }
}

struct PngDestroyer {
  png_structp png;
  png_infop info;
  ~PngDestroyer() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

bool probe_png(const unsigned char* data, size_t size, ImageFacts& out, ProbeError& error)
{
  PngSource source{data, size};
  PngDestroyer png{
      png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, on_png_error, on_png_warning),
      nullptr};
  if (png.png)
    png.info = png_create_info_struct(png.png);
  if (!png.png || !png.info)
    return fail(error, "corrupt-image", "PNG: out of memory");
  if (!read_png_info(png.png, png.info, source))
    return fail(error, "corrupt-image", std::string("PNG: ") + source.message);
  set_png_facts(png.png, png.info, out);
  return true;
}

// ---- Files -----------------------------------------------------------------------------------

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads at most `limit` bytes from the start of `path`; `whole` tells whether that was all.
// Grows the buffer as it reads so that a small file never costs a `limit`-sized allocation.
bool read_prefix(const std::string& path, size_t limit, std::vector<unsigned char>& bytes,
                 bool& whole, ProbeError& error)
{
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file)
    return fail(error, "unreadable", std::strerror(errno));
  bytes.clear();
  size_t got = 0, chunk = 0;
  do {
    chunk = std::min(limit - bytes.size(), size_t{256} << 10);
    bytes.resize(bytes.size() + chunk);
    errno = 0;
    got = std::fread(bytes.data() + bytes.size() - chunk, 1, chunk, file.get());
    bytes.resize(bytes.size() - chunk + got);
  } while (got == chunk && bytes.size() < limit);
  if (std::ferror(file.get()))
    return fail(error, "unreadable", std::strerror(errno));
  whole = got < chunk || std::fgetc(file.get()) == EOF;
  return true;
}

} // namespace

bool looks_like_image(const unsigned char* data, size_t size)
{
  return data && (is_jpeg(data, size) || is_png(data, size));
}

bool probe_image_bytes(const unsigned char* data, size_t size, ImageFacts& out, ProbeError& error)
{
  out = ImageFacts{};
  if (!data || size == 0)
    return fail(error, "not-image", "empty file");
  if (is_jpeg(data, size))
    return probe_jpeg(data, size, out, error);
  if (is_png(data, size))
    return probe_png(data, size, out, error);
  return fail(error, "not-image", "no JPEG or PNG signature");
}

bool probe_image(const std::string& path, ImageFacts& out, ProbeError& error)
{
  std::vector<unsigned char> bytes;
  for (const size_t limit : {kHeaderBytes, kMaxHeaderBytes}) {
    bool whole = false;
    if (!read_prefix(path, limit, bytes, whole, error))
      return false;
    if (probe_image_bytes(bytes.data(), bytes.size(), out, error))
      return true;
    if (whole || error.code != "corrupt-image")
      return false;
  }
  return false;
}

} // namespace mpcheck::media
