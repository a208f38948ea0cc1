#include "mpcheck/docs/docx.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include "mpcheck/naming/fs_rules.hpp"
#include "mpcheck/util/atomic_file.hpp"

namespace mpcheck::docs {

namespace {

constexpr int64_t emu_per_pixel = 9525; // at 96 dpi

constexpr const char* xml_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* ns_wp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr const char* ns_a = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* ns_pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";

// Byte length of the UTF-8 sequence that starts with `lead` (input is already well-formed).
size_t sequence_length(unsigned char lead)
{
  if (lead < 0x80)
    return 1;
  if (lead < 0xE0)
    return 2;
  return lead < 0xF0 ? 3 : 4;
}

// XML 1.0 Char production, for one well-formed UTF-8 sequence (surrogates cannot occur).
bool is_xml_char(std::string_view ch)
{
  const auto lead = static_cast<unsigned char>(ch[0]);
  if (ch.size() == 1)
    return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r';
  return ch != "\xEF\xBF\xBE" && ch != "\xEF\xBF\xBF"; // U+FFFE, U+FFFF
}

void append_escaped(std::string& out, std::string_view ch)
{
  switch (ch[0]) {
  case '&':
    out += "&amp;";
    break;
  case '<':
    out += "&lt;";
    break;
  case '>':
    out += "&gt;";
    break;
  case '"':
    out += "&quot;";
    break;
  case '\'':
    out += "&apos;";
    break;
  default:
    out += ch;
  }
}

std::string attr(const char* name, const std::string& value)
{
  return std::string(" ") + name + "=\"" + value + "\"";
}

std::string attr(const char* name, int64_t value)
{
  return attr(name, std::to_string(value));
}

const char* align_name(Align align)
{
  switch (align) {
  case Align::center:
    return "center";
  case Align::right:
    return "right";
  case Align::both:
    return "both";
  case Align::left:
    break;
  }
  return "left";
}

const char* valign_name(VAlign valign)
{
  switch (valign) {
  case VAlign::top:
    return "top";
  case VAlign::bottom:
    return "bottom";
  case VAlign::center:
    break;
  }
  return "center";
}

std::string run_properties(const Paragraph& p)
{
  // The eastAsia hint makes Word set quotation marks and dashes in the Chinese font, as
  // Chinese documents do (full-width “ ”).
  std::string out = "<w:rPr><w:rFonts w:hint=\"eastAsia\"";
  if (!p.latin_font.empty())
    out += attr("w:ascii", xml_escape(p.latin_font)) + attr("w:hAnsi", xml_escape(p.latin_font));
  if (!p.east_asia_font.empty())
    out += attr("w:eastAsia", xml_escape(p.east_asia_font));
  out += "/>";
  if (p.bold)
    out += "<w:b/><w:bCs/>";
  out += "<w:sz" + attr("w:val", p.half_points) + "/><w:szCs" + attr("w:val", p.half_points) + "/>";
  return out + "</w:rPr>";
}

// Schema order: keepNext, pageBreakBefore, tabs, spacing, jc, rPr (the paragraph mark's own
// size).
std::string paragraph_properties(const Paragraph& p)
{
  std::string out = "<w:pPr>";
  if (p.keep_next)
    out += "<w:keepNext/>";
  if (p.page_break_before)
    out += "<w:pageBreakBefore/>";
  if (p.right_tab > 0)
    out += "<w:tabs><w:tab w:val=\"right\"" + attr("w:pos", p.right_tab) + "/></w:tabs>";
  if (p.space_before > 0 || p.space_after > 0)
    out += "<w:spacing" + attr("w:before", p.space_before) + attr("w:after", p.space_after) + "/>";
  out += "<w:jc" + attr("w:val", align_name(p.align)) + "/>";
  return out + run_properties(p) + "</w:pPr>";
}

// The run's content: text pieces separated by w:br (for '\n') and w:tab (for '\t').
std::string run_content(const std::string& escaped)
{
  std::string out, piece;
  auto flush = [&] {
    if (!piece.empty())
      out += "<w:t xml:space=\"preserve\">" + piece + "</w:t>";
    piece.clear();
  };
  for (char c : escaped) {
    if (c == '\n' || c == '\t') {
      flush();
      out += c == '\n' ? "<w:br/>" : "<w:tab/>";
    } else if (c != '\r') {
      piece += c;
    }
  }
  flush();
  return out;
}

std::string paragraph_xml(const Paragraph& p)
{
  std::string out = "<w:p>" + paragraph_properties(p);
  if (!p.text.empty())
    out += "<w:r>" + run_properties(p) + run_content(xml_escape(p.text)) + "</w:r>";
  return out + "</w:p>";
}

std::string table_properties(Twips width)
{
  std::string borders;
  for (const char* edge : {"top", "left", "bottom", "right", "insideH", "insideV"})
    borders += std::string("<w:") + edge +
               " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  return "<w:tblPr><w:tblW" + attr("w:w", width) +
         " w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>" + borders +
         "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr>";
}

std::string table_grid(const std::vector<Twips>& columns)
{
  std::string out = "<w:tblGrid>";
  for (Twips width : columns)
    out += "<w:gridCol" + attr("w:w", width) + "/>";
  return out + "</w:tblGrid>";
}

// Word's own order in w:trPr: cantSplit, trHeight, tblHeader.
std::string row_start(const Row& row)
{
  std::string properties;
  if (row.cant_split)
    properties += "<w:cantSplit/>";
  if (row.min_height > 0)
    properties += "<w:trHeight" + attr("w:val", row.min_height) + " w:hRule=\"atLeast\"/>";
  if (row.header)
    properties += "<w:tblHeader/>";
  return properties.empty() ? "<w:tr>" : "<w:tr><w:trPr>" + properties + "</w:trPr>";
}

// Schema order in w:tcPr: tcW, gridSpan, vMerge, vAlign.
std::string cell_properties(Twips width, int col_span, const char* vmerge, VAlign valign)
{
  std::string out = "<w:tcPr><w:tcW" + attr("w:w", width) + " w:type=\"dxa\"/>";
  if (col_span > 1)
    out += "<w:gridSpan" + attr("w:val", col_span) + "/>";
  if (vmerge)
    out += *vmerge ? "<w:vMerge" + attr("w:val", vmerge) + "/>" : "<w:vMerge/>";
  return out + "<w:vAlign" + attr("w:val", valign_name(valign)) + "/></w:tcPr>";
}

Twips span_width(const std::vector<Twips>& columns, size_t first, int span)
{
  const size_t last = std::min(columns.size(), first + static_cast<size_t>(std::max(span, 1)));
  return first >= last ? 0 : std::accumulate(columns.begin() + first, columns.begin() + last, 0);
}

std::string inline_picture(const Picture& picture, int drawing_id)
{
  const std::string id = std::to_string(drawing_id), image = std::to_string(picture.image + 1);
  const std::string extent = attr("cx", picture.size.cx) + attr("cy", picture.size.cy);
  return "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent" +
         extent + "/><wp:docPr id=\"" + id + "\" name=\"Picture " + id +
         "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" + ns_a +
         "\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic xmlns:a=\"" + ns_a +
         "\"><a:graphicData uri=\"" + ns_pic + "\"><pic:pic xmlns:pic=\"" + ns_pic +
         "\"><pic:nvPicPr><pic:cNvPr id=\"" + id + "\" name=\"image" + image +
         "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage" + image +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
         "<a:off x=\"0\" y=\"0\"/><a:ext" +
         extent +
         "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
         "</a:graphicData></a:graphic></wp:inline></w:drawing>";
}

// A4 portrait with Word's Chinese default margins and header/footer distances. No line grid
// (w:docGrid type "lines"): it would round every 16 pt title line up to two grid lines.
std::string section_properties()
{
  return "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" "
         "w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" "
         "w:gutter=\"0\"/><w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>";
}

std::string image_name(const Image& image, size_t index)
{
  return "image" + std::to_string(index + 1) + "." + image.format;
}

bool has_format(const std::vector<Image>& images, const std::string& format)
{
  return std::any_of(images.begin(), images.end(),
                     [&](const Image& image) { return image.format == format; });
}

std::string content_types(const std::vector<Image>& images)
{
  const std::string office = "application/vnd.openxmlformats-officedocument.";
  std::string out = std::string(xml_declaration) +
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    "<Default Extension=\"rels\" ContentType=\"application/"
                    "vnd.openxmlformats-package.relationships+xml\"/>"
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  for (const char* format : {"jpeg", "png"})
    if (has_format(images, format))
      out += std::string("<Default Extension=\"") + format + "\" ContentType=\"image/" + format +
             "\"/>";
  return out + "<Override PartName=\"/word/document.xml\" ContentType=\"" + office +
         "wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" "
         "ContentType=\"" +
         office +
         "wordprocessingml.styles+xml\"/><Override PartName=\"/word/fontTable.xml\" "
         "ContentType=\"" +
         office +
         "wordprocessingml.fontTable+xml\"/><Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" ContentType=\"" +
         office + "extended-properties+xml\"/></Types>";
}

std::string relationship(const std::string& id, const std::string& type, const std::string& target)
{
  return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
}

std::string package_relationships()
{
  const std::string office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return std::string(xml_declaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         relationship("rId1", office + "officeDocument", "word/document.xml") +
         relationship("rId2",
                      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                      "core-properties",
                      "docProps/core.xml") +
         relationship("rId3", office + "extended-properties", "docProps/app.xml") +
         "</Relationships>";
}

std::string document_relationships(const std::vector<Image>& images)
{
  const std::string office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string out =
      std::string(xml_declaration) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      relationship("rIdStyles", office + "styles", "styles.xml") +
      relationship("rIdFonts", office + "fontTable", "fontTable.xml");
  for (size_t i = 0; i < images.size(); ++i)
    out += relationship("rIdImage" + std::to_string(i + 1), office + "image",
                        "media/" + image_name(images[i], i));
  return out + "</Relationships>";
}

// Document defaults: Times New Roman for Latin text, 仿宋_GB2312 for Chinese, 12 pt, zh-CN.
std::string styles_xml()
{
  return std::string(xml_declaration) + "<w:styles xmlns:w=\"" + ns_w +
         "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:eastAsia=\"" +
         std::string(body_font) +
         "\" w:cs=\"Times New Roman\"/>"
         "<w:kern w:val=\"2\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" "
         "w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault/>"
         "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/></w:pPr>"
         "</w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
         "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" "
         "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
         "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
         "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";
}

// One w:font of the font table: its alternative name, PANOSE class and GB2312 character set
// tell a word processor without the font which face to use instead.
std::string font_entry(const char* name, const char* alt, const char* panose)
{
  return std::string("<w:font w:name=\"") + name + "\"><w:altName w:val=\"" + alt +
         "\"/><w:panose1 w:val=\"" + panose +
         "\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/>"
         "<w:pitch w:val=\"fixed\"/></w:font>";
}

// The fonts the forms name: 仿宋_GB2312 falls back to 仿宋 (FangSong, shipped with Windows),
// 黑体 to SimHei (docs/forms.md, "Fonts").
std::string font_table_xml()
{
  return std::string(xml_declaration) + "<w:fonts xmlns:w=\"" + ns_w +
         "\"><w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
         "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>"
         "</w:font>" +
         font_entry(body_font, "仿宋", "02010609030101010101") +
         font_entry("仿宋", "FangSong", "02010609060101010101") +
         font_entry(title_font, "SimHei", "02010609060101010101") + "</w:fonts>";
}

std::string w3c_time(Date date)
{
  return date.str() + "T00:00:00Z";
}

std::string core_xml(const DocProperties& p)
{
  const std::string stamp = w3c_time(p.date);
  return std::string(xml_declaration) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
         "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         xml_escape(p.title) + "</dc:title><dc:creator>" + xml_escape(p.creator) +
         "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp +
         "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp +
         "</dcterms:modified></cp:coreProperties>";
}

std::string app_xml()
{
  return std::string(xml_declaration) +
         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "extended-properties\"><Application>mpcheck</Application></Properties>";
}

// Noon local time of `date`: zip entries store local DOS time, and noon converts back to the
// same calendar day in any time zone, so the entry bytes do not depend on TZ.
time_t zip_time(Date date)
{
  std::tm tm{};
  tm.tm_year = date.year - 1900;
  tm.tm_mon = date.month - 1;
  tm.tm_mday = date.day;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

bool is_media(const std::string& name)
{
  return name.rfind("word/media/", 0) == 0;
}

bool add_entry(zip_t* zip, const std::string& name, const std::string& bytes, time_t mtime)
{
  zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
  if (!source)
    return false;
  const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    return false;
  }
  // Pictures are compressed already; deflating them again only costs time.
  const zip_int32_t method = is_media(name) ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  return zip_file_set_mtime(zip, zip_uint64_t(index), mtime, 0) == 0 &&
         zip_set_file_compression(zip, zip_uint64_t(index), method, 0) == 0;
}

// The zip of `parts`, built in memory (libzip on a growing buffer source).
bool zip_bytes(const std::vector<std::pair<std::string, std::string>>& parts, time_t mtime,
               std::string& out, std::string& error)
{
  zip_error_t zerror;
  zip_error_init(&zerror);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &zerror);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_TRUNCATE, &zerror) : nullptr;
  if (!zip) {
    error = zip_error_strerror(&zerror);
    zip_error_fini(&zerror);
    if (source)
      zip_source_free(source);
    return false;
  }
  zip_error_fini(&zerror);
  zip_source_keep(source); // read back after zip_close
  bool ok = true;
  for (const auto& [name, bytes] : parts)
    if (ok && !add_entry(zip, name, bytes, mtime))
      ok = false;
  if (!ok || zip_close(zip) != 0) {
    error = zip_strerror(zip);
    zip_discard(zip);
    zip_source_free(source);
    return false;
  }
  ok = zip_source_open(source) == 0 && zip_source_seek(source, 0, SEEK_END) == 0;
  const zip_int64_t size = ok ? zip_source_tell(source) : -1;
  ok = ok && size >= 0 && zip_source_seek(source, 0, SEEK_SET) == 0;
  if (ok) {
    out.assign(size_t(size), '\0');
    ok = zip_source_read(source, out.data(), zip_uint64_t(size)) == size;
    zip_source_close(source);
  }
  if (!ok)
    error = zip_error_strerror(zip_source_error(source));
  zip_source_free(source);
  return ok;
}

} // namespace

std::string xml_escape(std::string_view raw)
{
  const std::string text = naming::replace_invalid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = std::min(sequence_length(text[i]), text.size() - i);
    const std::string_view ch(text.data() + i, length);
    if (is_xml_char(ch))
      append_escaped(out, ch);
    i += length;
  }
  return out;
}

Extent fit_picture(int width_px, int height_px, Extent box)
{
  if (width_px <= 0 || height_px <= 0)
    return {};
  const double cx = double(width_px) * emu_per_pixel, cy = double(height_px) * emu_per_pixel;
  const double scale = std::min({1.0, double(box.cx) / cx, double(box.cy) / cy});
  return {static_cast<int64_t>(cx * scale + 0.5), static_cast<int64_t>(cy * scale + 0.5)};
}

DocxWriter::DocxWriter(DocProperties properties) : m_properties(std::move(properties)) {}

void DocxWriter::add_paragraph(const Paragraph& paragraph)
{
  m_body += paragraph_xml(paragraph);
}

void DocxWriter::add_table(const Table& table)
{
  struct Pending {
    int rows_left = 0;
    int col_span = 1;
  };
  std::vector<Pending> pending(table.columns.size());
  m_body += "<w:tbl>" + table_properties(span_width(table.columns, 0, int(table.columns.size()))) +
            table_grid(table.columns);
  for (const Row& row : table.rows) {
    m_body += row_start(row);
    size_t column = 0;
    auto cell = row.cells.begin();
    while (column < pending.size() && (pending[column].rows_left > 0 || cell != row.cells.end())) {
      Pending& merged = pending[column];
      if (merged.rows_left > 0) {
        --merged.rows_left;
        append_continuation(merged.col_span, span_width(table.columns, column, merged.col_span));
        column += size_t(merged.col_span);
        continue;
      }
      merged = {cell->row_span - 1, std::max(cell->col_span, 1)};
      append_cell(*cell, span_width(table.columns, column, cell->col_span));
      column += size_t(merged.col_span);
      ++cell;
    }
    for (; cell != row.cells.end(); ++cell)
      append_cell(*cell, 0);
    m_body += "</w:tr>";
  }
  m_body += "</w:tbl>";
}

void DocxWriter::append_cell(const Cell& cell, Twips width)
{
  const char* vmerge = cell.row_span > 1 ? "restart" : nullptr;
  m_body += "<w:tc>" + cell_properties(width, cell.col_span, vmerge, cell.valign);
  for (const Paragraph& paragraph : cell.paragraphs)
    m_body += paragraph_xml(paragraph);
  if (cell.picture.image >= 0 && cell.picture.image < image_count())
    append_picture(cell.picture);
  else if (cell.paragraphs.empty())
    m_body += "<w:p/>";
  m_body += "</w:tc>";
}

void DocxWriter::append_continuation(int col_span, Twips width)
{
  m_body += "<w:tc>" + cell_properties(width, col_span, "", VAlign::center) + "<w:p/></w:tc>";
}

void DocxWriter::append_picture(const Picture& picture)
{
  m_body += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r>" +
            inline_picture(picture, ++m_drawing_count) + "</w:r></w:p>";
}

int DocxWriter::add_image(Image image)
{
  m_images.push_back(std::move(image));
  return image_count() - 1;
}

std::string DocxWriter::document_xml() const
{
  // Word wants a paragraph between the last table and the section properties.
  const bool ends_with_table = m_body.ends_with("</w:tbl>");
  return std::string(xml_declaration) + "<w:document xmlns:w=\"" + ns_w + "\" xmlns:r=\"" + ns_r +
         "\" xmlns:wp=\"" + ns_wp + "\"><w:body>" + m_body + (ends_with_table ? "<w:p/>" : "") +
         section_properties() + "</w:body></w:document>";
}

std::vector<std::pair<std::string, std::string>> DocxWriter::parts() const
{
  std::vector<std::pair<std::string, std::string>> out = {
      {"[Content_Types].xml", content_types(m_images)},
      {"_rels/.rels", package_relationships()},
      {"docProps/core.xml", core_xml(m_properties)},
      {"docProps/app.xml", app_xml()},
      {"word/document.xml", document_xml()},
      {"word/styles.xml", styles_xml()},
      {"word/fontTable.xml", font_table_xml()},
      {"word/_rels/document.xml.rels", document_relationships(m_images)}};
  for (size_t i = 0; i < m_images.size(); ++i)
    out.emplace_back("word/media/" + image_name(m_images[i], i), m_images[i].bytes);
  return out;
}

bool DocxWriter::bytes(std::string& out, std::string& error) const
{
  const auto package = parts();
  return zip_bytes(package, zip_time(m_properties.date), out, error);
}

bool DocxWriter::write(const std::string& path, std::string& error) const
{
  std::string bytes;
  if (!this->bytes(bytes, error)) {
    error = path + ": " + error;
    return false;
  }
  if (const int err = util::write_file_atomically(path, bytes)) {
    error = path + ": " + std::strerror(err);
    return false;
  }
  return true;
}

} // namespace mpcheck::docs
