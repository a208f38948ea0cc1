#pragma once
// A small WordprocessingML (.docx) writer for the forms a notice asks for: paragraphs, bordered
// tables with merged cells, inline PNG/JPEG pictures, A4 portrait page, 仿宋_GB2312 (仿宋 where it
// is absent) for Chinese text. The package is built in memory and written with libzip; the same
// content and date always give the same bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mpcheck/util/date.hpp"

namespace mpcheck::docs {

// The fonts of the forms (docs/forms.md, "Fonts"): body text in 仿宋_GB2312, which the font
// table lets fall back to 仿宋; titles and the "附件 N" label in 黑体.
inline constexpr const char* body_font = "仿宋_GB2312";
inline constexpr const char* title_font = "黑体";

// Twentieths of a point, the unit of Word's page, table and spacing measures (1 cm = 567).
using Twips = int;

// A4 portrait with Word's Chinese default margins (2.54 cm top/bottom, 3.17 cm left/right):
// the width a full-width table or paragraph may use.
inline constexpr Twips page_text_width = 11906 - 2 * 1800;

// English Metric Units, the unit of DrawingML picture sizes: 914400 per inch, 635 per twip,
// 9525 per pixel at 96 dpi.
struct Extent {
  int64_t cx = 0; // width, EMU
  int64_t cy = 0; // height, EMU
  friend bool operator==(const Extent&, const Extent&) = default;
};

// Horizontal alignment of a paragraph (w:jc); `both` justifies running text.
enum class Align { left, center, right, both };

// Vertical alignment of a cell's content (w:vAlign).
enum class VAlign { top, center, bottom };

// One paragraph of text in one style.
struct Paragraph {
  std::string text; // UTF-8; '\n' breaks the line, '\t' jumps to the next tab stop
  Align align = Align::left;
  bool bold = false;
  int half_points = 24;       // font size in half-points: 24 = 12 pt (小四), 36 = 18 pt (小二)
  std::string east_asia_font; // "" = the document default (仿宋_GB2312); e.g. "黑体"
  std::string latin_font;     // "" = the document default (Times New Roman); e.g. "黑体"
  Twips space_before = 0;
  Twips space_after = 0;
  Twips right_tab = 0; // a right-aligned tab stop at this position; 0 = none
  bool page_break_before = false;
  bool keep_next = false; // on the same page as the next paragraph (w:keepNext); in a table,
                          // its row stays with the next row or the paragraph after the table
};

// A picture added with DocxWriter::add_image, shown at `size`.
struct Picture {
  int image = -1; // the id add_image returned; -1 = no picture
  Extent size;
};

// One table cell. Its width is the sum of the grid columns it spans.
struct Cell {
  std::vector<Paragraph> paragraphs; // none: an empty paragraph is written (Word needs one)
  int col_span = 1;                  // grid columns merged to the right (w:gridSpan)
  int row_span = 1;                  // rows merged downwards (w:vMerge); omit covered cells below
  VAlign valign = VAlign::center;
  Picture picture; // shown centred after the paragraphs when image >= 0
};

// One table row. Cells covered by a row_span from a row above are left out of `cells`.
struct Row {
  std::vector<Cell> cells;
  Twips min_height = 0;   // 0 = as high as the text needs
  bool cant_split = true; // never broken across two pages (w:cantSplit)
  bool header = false;    // repeated at the top of every page the table runs onto (w:tblHeader)
};

// A table with single-line borders on every edge, fixed column widths, centred on the page.
struct Table {
  std::vector<Twips> columns; // the grid: width of each column
  std::vector<Row> rows;
};

// A picture's bytes and what its header says.
struct Image {
  std::string bytes;  // the file as it is
  std::string format; // "png" or "jpeg"
  int width_px = 0;
  int height_px = 0;
};

// Document properties written to docProps/core.xml. The date is the creation and modification
// time (00:00:00 UTC) and the time stamp of every zip entry, so that it alone decides them.
struct DocProperties {
  std::string title;
  std::string creator;
  Date date{1980, 1, 1};
};

// `text` escaped for XML character data and attribute values: & < > " ' become entities;
// characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF)
// are dropped, and ill-formed UTF-8 becomes U+FFFD.
std::string xml_escape(std::string_view text);

// The display size of a `width_px`×`height_px` picture at 96 dpi, scaled down (never up), with
// its aspect ratio kept, to fit within `box`. Zero when a pixel size is not positive.
Extent fit_picture(int width_px, int height_px, Extent box);

// Builds one .docx: add blocks in reading order, then write(). Cheap to copy and move.
class DocxWriter {
public:
  // An empty document with `properties` (title, creator, date).
  explicit DocxWriter(DocProperties properties = {});

  // The properties core.xml will carry.
  const DocProperties& properties() const { return m_properties; }

  // Stamps the document (core.xml and zip entry times) with `date`: how `pack` puts today's
  // date on a form it writes. The forms functions leave the fixed default, 1980-01-01.
  void set_date(Date date) { m_properties.date = date; }

  // Appends a paragraph to the body.
  void add_paragraph(const Paragraph& paragraph);

  // Appends a table to the body. Cells beyond the grid are written as given (Word and
  // LibreOffice widen the row); callers build tables whose spans add up to the grid.
  void add_table(const Table& table);

  // Adds a picture to the package and returns the id that Picture::image refers to.
  int add_image(Image image);

  // The number of pictures added so far.
  int image_count() const { return static_cast<int>(m_images.size()); }

  // word/document.xml as it would be written.
  std::string document_xml() const;

  // Every part of the package, [Content_Types].xml first, as (zip entry name, bytes).
  std::vector<std::pair<std::string, std::string>> parts() const;

  // The .docx file's bytes, built in memory: what `pack` hashes and writes. Returns false
  // with `error` only when libzip fails (out of memory).
  bool bytes(std::string& out, std::string& error) const;

  // Writes the package to `path` with util::write_file_atomically: `path` is either absent,
  // the old file or the whole new one. Returns false with `error` = "PATH: reason" on failure.
  bool write(const std::string& path, std::string& error) const;

private:
  void append_cell(const Cell& cell, Twips width);
  void append_continuation(int col_span, Twips width);
  void append_picture(const Picture& picture);

  DocProperties m_properties;
  std::string m_body;          // the w:body content rendered so far
  std::vector<Image> m_images; // media/image<N>.<format>, N = index + 1
  int m_drawing_count = 0;     // wp:docPr ids must be unique in the document
};

} // namespace mpcheck::docs
