#include "mpcheck/media/qr.hpp"

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>

#include <jpeglib.h>
#include <png.h>
#include <zbar.h>

#include "mpcheck/media/jpeg_errors.hpp"
#include "mpcheck/util/parallel.hpp"

// Why libjpeg and libpng rather than libavcodec: libjpeg scales in the DCT (a 6000x4000 poster
// is decoded at 1/4 for the first look, a sixteenth of the work and memory), yields grey
// straight from YCbCr without touching the chroma, reads CMYK and YCCK, and hands out one row
// at a time, so the full-size look needs a band, not the whole picture. Both libraries are
// already linked for the header probe, and both report errors through setjmp/longjmp here,
// never through exit() or abort().

namespace mpcheck::media {

namespace {

ProbeError make_error(const char* code, std::string detail)
{
  return ProbeError{code, std::move(detail)};
}

struct FileCloser {
  void operator()(std::FILE* file) const
  {
    if (file)
      std::fclose(file);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// A picture as rows of 8-bit grey, top to bottom, maybe scaled down.
class GreyRows {
public:
  virtual ~GreyRows() = default;
  int width() const { return m_width; }
  int height() const { return m_height; }
  // Writes the next row (width() bytes). False when the data is too damaged to go on.
  virtual bool next(unsigned char* row) = 0;
  // Set once the pixels are known to be incomplete or wrong; rows may still follow.
  const std::optional<ProbeError>& error() const { return m_error; }
  // True when the rows are a scaled-down picture.
  bool scaled() const { return m_scaled; }

protected:
  int m_width = 0, m_height = 0;
  bool m_scaled = false;
  std::optional<ProbeError> m_error;
};

// ---- JPEG --------------------------------------------------------------------------------

unsigned char cmyk_to_grey(const unsigned char* p, bool inverted)
{
  // Adobe's CMYK JPEGs store 255 for no ink; others store ink amounts.
  const unsigned c = inverted ? p[0] : 255u - p[0], m = inverted ? p[1] : 255u - p[1];
  const unsigned y = inverted ? p[2] : 255u - p[2], k = inverted ? p[3] : 255u - p[3];
  const unsigned r = c * k / 255, g = m * k / 255, b = y * k / 255;
  return static_cast<unsigned char>((77 * r + 150 * g + 29 * b) >> 8);
}

class JpegRows final : public GreyRows {
public:
  explicit JpegRows(FilePtr file) : m_file(std::move(file)) {}
  ~JpegRows() override
  {
    if (m_created)
      jpeg_destroy_decompress(&m_cinfo);
  }

  // Reads the header and starts decoding at the largest scale N/8 whose long side is at most
  // `max_side` (8/8 when the picture fits).
  bool start(int max_side, const QrOptions& options)
  {
    use_jpeg_errors(m_cinfo, m_errors);
    if (setjmp(m_errors.jump) != 0)
      return failed();
    jpeg_create_decompress(&m_cinfo);
    m_created = true;
    m_cinfo.mem->max_memory_to_use = long(options.max_jpeg_memory);
    jpeg_stdio_src(&m_cinfo, m_file.get());
    jpeg_read_header(&m_cinfo, TRUE);
    const int w = int(m_cinfo.image_width), h = int(m_cinfo.image_height);
    if (int64_t(w) * h > options.max_pixels || std::max(w, h) > options.max_side) {
      m_error = make_error("too-large", std::to_string(w) + "x" + std::to_string(h));
      return false;
    }
    m_cinfo.scale_num = unsigned(std::clamp(8 * max_side / std::max(1, std::max(w, h)), 1, 8));
    m_cinfo.scale_denom = 8;
    m_cmyk = m_cinfo.jpeg_color_space == JCS_CMYK || m_cinfo.jpeg_color_space == JCS_YCCK;
    m_inverted = m_cinfo.saw_Adobe_marker;
    m_cinfo.out_color_space = m_cmyk ? JCS_CMYK : JCS_GRAYSCALE;
    jpeg_start_decompress(&m_cinfo);
    m_width = int(m_cinfo.output_width);
    m_height = int(m_cinfo.output_height);
    m_scaled = m_cinfo.scale_num < m_cinfo.scale_denom;
    m_cmyk_row.resize(m_cmyk ? size_t(m_width) * 4 : 0);
    note_eof();
    return true;
  }

  bool next(unsigned char* row) override
  {
    JSAMPROW out = m_cmyk ? m_cmyk_row.data() : row;
    if (setjmp(m_errors.jump) != 0)
      return failed();
    if (jpeg_read_scanlines(&m_cinfo, &out, 1) != 1)
      return false;
    note_eof();
    if (m_cmyk)
      for (int x = 0; x < m_width; ++x)
        row[x] = cmyk_to_grey(&m_cmyk_row[size_t(x) * 4], m_inverted);
    return true;
  }

private:
  bool failed()
  {
    const std::string text = m_errors.message;
    const bool memory =
        text.find("memory") != std::string::npos || text.find("Backing store") != std::string::npos;
    m_error = make_error(memory ? "too-large" : "corrupt-image", "JPEG: " + text);
    return false;
  }

  void note_eof()
  {
    if (m_errors.saw_eof && !m_error)
      m_error = make_error("corrupt-image", "JPEG: the file ends before the picture does");
  }

  FilePtr m_file;
  JpegErrors m_errors;
  jpeg_decompress_struct m_cinfo{};
  bool m_created = false;
  bool m_cmyk = false, m_inverted = false;
  std::vector<unsigned char> m_cmyk_row;
};

// ---- PNG ---------------------------------------------------------------------------------

struct PngMessage {
  char text[256] = {};
};

void on_png_error(png_structp png, png_const_charp message)
{
  auto* out = static_cast<PngMessage*>(png_get_error_ptr(png));
  std::snprintf(out->text, sizeof out->text, "%s", message);
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

// Grey (and alpha) rows through libpng's transforms: palette and low bit depths expanded,
// 16 bits scaled to 8, colour to grey; alpha is laid over white here. Scaled down by an
// integer factor (box average) when the picture is larger than asked.
class PngRows final : public GreyRows {
public:
  explicit PngRows(FilePtr file) : m_file(std::move(file)) {}
  ~PngRows() override
  {
    if (m_png)
      png_destroy_read_struct(&m_png, m_info ? &m_info : nullptr, nullptr);
  }

  bool start(int max_side, const QrOptions& options)
  {
    m_png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &m_message, on_png_error, on_png_warning);
    if (m_png)
      m_info = png_create_info_struct(m_png);
    if (!m_png || !m_info) {
      m_error = make_error("too-large", "PNG: out of memory");
      return false;
    }
    if (!read_info(options))
      return false;
    m_factor = std::max(1, (std::max(m_src_width, m_src_height) + max_side - 1) / max_side);
    m_width = (m_src_width + m_factor - 1) / m_factor;
    m_height = (m_src_height + m_factor - 1) / m_factor;
    m_scaled = m_factor > 1;
    m_src_row.resize(size_t(m_src_width) * m_channels);
    m_sums.resize(size_t(m_width));
    return m_interlaced ? read_whole() : true;
  }

  bool next(unsigned char* row) override
  {
    std::fill(m_sums.begin(), m_sums.end(), 0u);
    const int rows = std::min(m_factor, m_src_height - m_src_y);
    for (int i = 0; i < rows; ++i) {
      if (!read_row())
        return false;
      add_row();
    }
    const int cols = m_factor;
    for (int x = 0; x < m_width; ++x) {
      const int span = std::min(cols, m_src_width - x * cols);
      row[x] = static_cast<unsigned char>(m_sums[size_t(x)] / unsigned(span * rows));
    }
    return true;
  }

private:
  bool read_info(const QrOptions& options)
  {
    if (setjmp(png_jmpbuf(m_png)) != 0)
      return failed();
    png_init_io(m_png, m_file.get());
    png_read_info(m_png, m_info);
    m_src_width = int(png_get_image_width(m_png, m_info));
    m_src_height = int(png_get_image_height(m_png, m_info));
    if (int64_t(m_src_width) * m_src_height > options.max_pixels ||
        std::max(m_src_width, m_src_height) > options.max_side || m_src_width <= 0) {
      m_error =
          make_error("too-large", std::to_string(m_src_width) + "x" + std::to_string(m_src_height));
      return false;
    }
    png_set_expand(m_png);
    png_set_scale_16(m_png);
    if (png_get_color_type(m_png, m_info) & PNG_COLOR_MASK_COLOR)
      png_set_rgb_to_gray_fixed(m_png, 1, -1, -1);
    m_interlaced = png_set_interlace_handling(m_png) > 1;
    png_read_update_info(m_png, m_info);
    m_channels = png_get_channels(m_png, m_info); // 1 (grey) or 2 (grey, alpha)
    return true;
  }

  // Adam7 spreads every row over seven passes: the whole picture has to be read at once.
  bool read_whole()
  {
    m_whole.resize(size_t(m_src_width) * m_channels * size_t(m_src_height));
    std::vector<png_bytep> rows(static_cast<size_t>(m_src_height));
    for (size_t y = 0; y < rows.size(); ++y)
      rows[y] = m_whole.data() + y * size_t(m_src_width) * m_channels;
    return read_image(rows.data());
  }

  bool read_image(png_bytepp rows)
  {
    if (setjmp(png_jmpbuf(m_png)) != 0)
      return failed();
    png_read_image(m_png, rows);
    return true;
  }

  bool read_row()
  {
    if (m_interlaced) {
      const size_t stride = size_t(m_src_width) * m_channels;
      std::memcpy(m_src_row.data(), m_whole.data() + size_t(m_src_y++) * stride, stride);
      return true;
    }
    if (setjmp(png_jmpbuf(m_png)) != 0)
      return failed();
    png_read_row(m_png, m_src_row.data(), nullptr);
    ++m_src_y;
    return true;
  }

  void add_row()
  {
    for (int x = 0; x < m_src_width; ++x) {
      unsigned v = m_src_row[size_t(x) * m_channels];
      if (m_channels == 2) { // over white: a transparent background is paper, not black
        const unsigned a = m_src_row[size_t(x) * 2 + 1];
        v = (v * a + 255 * (255 - a)) / 255;
      }
      m_sums[size_t(x / m_factor)] += v;
    }
  }

  bool failed()
  {
    const std::string text = m_message.text;
    m_error = make_error(text.find("memory") != std::string::npos ? "too-large" : "corrupt-image",
                         "PNG: " + text);
    return false;
  }

  FilePtr m_file;
  PngMessage m_message;
  png_structp m_png = nullptr;
  png_infop m_info = nullptr;
  int m_src_width = 0, m_src_height = 0, m_src_y = 0;
  int m_channels = 1, m_factor = 1;
  bool m_interlaced = false;
  std::vector<unsigned char> m_src_row, m_whole;
  std::vector<unsigned> m_sums;
};

// ---- opening -----------------------------------------------------------------------------

// Opens `path` and starts decoding it at a scale whose long side is at most `max_side`.
std::unique_ptr<GreyRows> open_rows(const std::string& path, int max_side, const QrOptions& options,
                                    std::optional<ProbeError>& error)
{
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    error = make_error("unreadable", std::strerror(errno));
    return nullptr;
  }
  unsigned char magic[8] = {};
  const size_t got = std::fread(magic, 1, sizeof magic, file.get());
  std::rewind(file.get());
  const bool jpeg = got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF;
  const bool png = got == 8 && png_sig_cmp(magic, 0, 8) == 0;
  if (!jpeg && !png) {
    error = make_error("not-image", "no JPEG or PNG signature");
    return nullptr;
  }
  std::unique_ptr<GreyRows> rows;
  bool started = false;
  if (jpeg) {
    auto j = std::make_unique<JpegRows>(std::move(file));
    started = j->start(max_side, options);
    rows = std::move(j);
  } else {
    auto p = std::make_unique<PngRows>(std::move(file));
    started = p->start(max_side, options);
    rows = std::move(p);
  }
  if (!started) {
    error = rows->error();
    return nullptr;
  }
  return rows;
}

// ---- zbar --------------------------------------------------------------------------------

class QrScanner {
public:
  QrScanner() : m_scanner(zbar::zbar_image_scanner_create())
  {
    // zbar built with D-Bus would publish every result on the session bus and print
    // "Connection Error (Failed to connect to socket /run/dbus/…)" where there is none.
    zbar::zbar_image_scanner_request_dbus(m_scanner, 0);
    zbar::zbar_image_scanner_set_config(m_scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(m_scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  }
  ~QrScanner() { zbar::zbar_image_scanner_destroy(m_scanner); }
  QrScanner(const QrScanner&) = delete;
  QrScanner& operator=(const QrScanner&) = delete;

  // Scans `height` rows of `width` grey bytes (part of a picture of `picture_pixels`); appends
  // each new text to `result.texts` and keeps the largest code's share of the picture.
  void scan(const unsigned char* grey, int width, int height, double picture_pixels,
            QrResult& result)
  {
    std::vector<std::string>& found = result.texts;
    zbar::zbar_image_t* image = zbar::zbar_image_create();
    zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image, unsigned(width), unsigned(height));
    zbar::zbar_image_set_data(image, grey, size_t(width) * size_t(height), nullptr);
    if (zbar::zbar_scan_image(m_scanner, image) > 0) {
      for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(image); s;
           s = zbar::zbar_symbol_next(s)) {
        if (zbar::zbar_symbol_get_type(s) != zbar::ZBAR_QRCODE)
          continue;
        result.largest_area = std::max(result.largest_area, bounding_area(s) / picture_pixels);
        std::string text(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
        if (std::find(found.begin(), found.end(), text) == found.end())
          found.push_back(std::move(text));
      }
    }
    zbar::zbar_image_destroy(image);
  }

private:
  // The area in pixels of the box around the corners zbar located.
  static double bounding_area(const zbar::zbar_symbol_t* s)
  {
    const unsigned n = zbar::zbar_symbol_get_loc_size(s);
    if (n == 0)
      return 0;
    int x0 = zbar::zbar_symbol_get_loc_x(s, 0), x1 = x0;
    int y0 = zbar::zbar_symbol_get_loc_y(s, 0), y1 = y0;
    for (unsigned i = 1; i < n; ++i) {
      x0 = std::min(x0, zbar::zbar_symbol_get_loc_x(s, i));
      x1 = std::max(x1, zbar::zbar_symbol_get_loc_x(s, i));
      y0 = std::min(y0, zbar::zbar_symbol_get_loc_y(s, i));
      y1 = std::max(y1, zbar::zbar_symbol_get_loc_y(s, i));
    }
    return double(x1 - x0) * double(y1 - y0);
  }

  zbar::zbar_image_scanner_t* m_scanner;
};

// Scans `rows` in bands of `band_rows` rows, consecutive bands sharing `overlap` rows.
void scan_bands(GreyRows& rows, int band_rows, int overlap, QrScanner& scanner, QrResult& found)
{
  const double pixels = std::max(1.0, double(rows.width()) * double(rows.height()));
  const size_t width = size_t(rows.width());
  band_rows = std::clamp(band_rows, 1, std::max(1, rows.height()));
  overlap = std::clamp(overlap, 0, band_rows - 1);
  std::vector<unsigned char> band(width * size_t(band_rows));
  int filled = 0, fresh = 0;
  for (int y = 0; y < rows.height(); ++y) {
    if (!rows.next(band.data() + size_t(filled) * width))
      break;
    ++filled;
    ++fresh;
    if (filled == band_rows) {
      scanner.scan(band.data(), rows.width(), filled, pixels, found);
      std::memmove(band.data(), band.data() + size_t(filled - overlap) * width,
                   size_t(overlap) * width);
      filled = overlap;
      fresh = 0;
    }
  }
  if (fresh > 0)
    scanner.scan(band.data(), rows.width(), filled, pixels, found);
}

} // namespace

QrResult decode_qr(const std::string& path, const QrOptions& options)
{
  QrResult result;
  QrScanner scanner;
  auto rows = open_rows(path, options.first_pass_side, options, result.error);
  if (!rows)
    return result;
  result.pass = "reduced";
  scan_bands(*rows, rows->height(), 0, scanner, result);
  result.error = rows->error();
  if (!rows->scaled() || !result.texts.empty() || result.error)
    return result;
  // Nothing at the reduced scale: a small code on a large poster. Look at full size, a band
  // at a time.
  rows = open_rows(path, options.max_side, options, result.error);
  if (!rows)
    return result;
  result.pass = "full";
  scan_bands(*rows, options.band_rows, options.band_overlap, scanner, result);
  result.error = rows->error();
  return result;
}

void add_qr_facts(MediaFacts& facts, const QrOptions& options)
{
  if (!facts.image)
    return;
  QrResult result = decode_qr(facts.path, options);
  facts.image->qr_codes = std::move(result.texts);
  facts.image->qr_error = std::move(result.error);
  facts.image->qr_area = result.largest_area;
}

void add_qr_facts(std::vector<MediaFacts>& files, int jobs)
{
  parallel_for(files.size(), jobs, [&](size_t i) { add_qr_facts(files[i]); });
}

} // namespace mpcheck::media
