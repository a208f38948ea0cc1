#pragma once
// Helpers for the .docx tests: reopen a package with libzip, check that XML is well-formed with
// a minimal tokenizer (no XML library), pull the text and the table grids out of document.xml.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <jpeglib.h>
#include <png.h>
#include <unistd.h>
#include <zip.h>

#include "mpcheck/naming/fs_rules.hpp"

namespace test {

// A fresh empty directory under the system's temporary directory, removed by the destructor.
class TempDir {
public:
  explicit TempDir(const std::string& name)
      : m_path(std::filesystem::temp_directory_path() /
               ("mpcheck-test-" + name + "-" + std::to_string(::getpid())))
  {
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // PATH/name as a string.
  std::string file(const std::string& name) const { return (m_path / name).string(); }
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

// The whole file at `path` ("" when it cannot be read).
inline std::string read_bytes(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes a grey `width`×`height` PNG to `path`; false on failure.
inline bool write_png(const std::string& path, int width, int height)
{
  std::vector<unsigned char> pixels(size_t(width) * size_t(height), 128);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = png_uint_32(width);
  image.height = png_uint_32(height);
  image.format = PNG_FORMAT_GRAY;
  return png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), width, nullptr) != 0;
}

// Writes a grey `width`×`height` baseline JPEG to `path`; false on failure.
inline bool write_jpeg(const std::string& path, int width, int height)
{
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file)
    return false;
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr errors{};
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, file);
  cinfo.image_width = JDIMENSION(width);
  cinfo.image_height = JDIMENSION(height);
  cinfo.input_components = 1;
  cinfo.in_color_space = JCS_GRAYSCALE;
  jpeg_set_defaults(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(size_t(width), 200);
  JSAMPROW rows[1] = {row.data()};
  while (cinfo.next_scanline < cinfo.image_height)
    jpeg_write_scanlines(&cinfo, rows, 1);
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return std::fclose(file) == 0;
}

// The entries of the zip at `path` in directory order, as (name, bytes); empty when it does not
// open as a zip.
inline std::vector<std::pair<std::string, std::string>> read_zip(const std::string& path)
{
  std::vector<std::pair<std::string, std::string>> out;
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip)
    return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(zip, zip_uint64_t(i), 0, &stat);
    std::string bytes(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(zip, zip_uint64_t(i), 0);
    const zip_int64_t n = file ? zip_fread(file, bytes.data(), bytes.size()) : -1;
    if (file)
      zip_fclose(file);
    bytes.resize(n < 0 ? 0 : size_t(n));
    out.emplace_back(stat.name, bytes);
  }
  zip_close(zip);
  return out;
}

// The bytes of entry `name`, or "<missing>".
inline std::string entry(const std::vector<std::pair<std::string, std::string>>& zip,
                         const std::string& name)
{
  for (const auto& [entry_name, bytes] : zip)
    if (entry_name == name)
      return bytes;
  return "<missing>";
}

// A minimal XML 1.0 well-formedness check: one root element, balanced and matching tags,
// quoted attribute values without '<' and no attribute twice, only the five predefined and
// numeric entities, valid UTF-8 without forbidden control characters, and nothing but
// whitespace, comments and processing instructions outside the root. Returns "" when the
// document passes, else "offset N: what".
class XmlChecker {
public:
  explicit XmlChecker(std::string_view xml) : m_xml(xml) {}

  std::string problem()
  {
    if (!mpcheck::naming::is_valid_utf8(m_xml))
      return "offset 0: invalid UTF-8";
    for (size_t i = 0; i < m_xml.size(); ++i) {
      const auto c = static_cast<unsigned char>(m_xml[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return fail(i, "control character");
    }
    while (m_error.empty() && m_pos < m_xml.size())
      m_xml[m_pos] == '<' ? markup() : text();
    if (m_error.empty() && !m_stack.empty())
      return fail(m_pos, "unclosed <" + m_stack.back() + ">");
    if (m_error.empty() && m_roots != 1)
      return fail(m_pos, std::to_string(m_roots) + " root elements");
    return m_error;
  }

private:
  std::string fail(size_t at, const std::string& what)
  {
    if (m_error.empty())
      m_error = "offset " + std::to_string(at) + ": " + what;
    return m_error;
  }

  bool starts(std::string_view s) const { return m_xml.substr(m_pos, s.size()) == s; }

  void skip_to(std::string_view end, const char* what)
  {
    const size_t found = m_xml.find(end, m_pos);
    if (found == std::string_view::npos)
      fail(m_pos, std::string("unterminated ") + what);
    m_pos = found == std::string_view::npos ? m_xml.size() : found + end.size();
  }

  void skip_space()
  {
    while (m_pos < m_xml.size() &&
           std::string_view(" \t\r\n").find(m_xml[m_pos]) != std::string_view::npos)
      ++m_pos;
  }

  std::string name()
  {
    const size_t start = m_pos;
    while (m_pos < m_xml.size() &&
           std::string_view(" \t\r\n/>=\"'<&").find(m_xml[m_pos]) == std::string_view::npos)
      ++m_pos;
    if (m_pos == start)
      fail(start, "expected a name");
    return std::string(m_xml.substr(start, m_pos - start));
  }

  // `s` holds only character data and valid entity references.
  void check_entities(std::string_view s, size_t at)
  {
    for (size_t amp = s.find('&'); amp != std::string_view::npos; amp = s.find('&', amp + 1)) {
      const size_t semi = s.find(';', amp);
      const std::string_view ref =
          s.substr(amp + 1, semi == std::string_view::npos ? 0 : semi - amp - 1);
      const bool named =
          ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos";
      const bool numeric = ref.size() > 1 && ref[0] == '#';
      if (!named && !numeric)
        fail(at + amp, "bad entity reference");
    }
  }

  void text()
  {
    const size_t start = m_pos;
    m_pos = std::min(m_xml.find('<', m_pos), m_xml.size());
    const std::string_view chars = m_xml.substr(start, m_pos - start);
    check_entities(chars, start);
    if (m_stack.empty() && chars.find_first_not_of(" \t\r\n") != std::string_view::npos)
      fail(start, "text outside the root element");
    if (chars.find('>') != std::string_view::npos && chars.find("]]>") != std::string_view::npos)
      fail(start, "]]> in text");
  }

  void markup()
  {
    if (starts("<?"))
      return skip_to("?>", "processing instruction");
    if (starts("<!--"))
      return skip_to("-->", "comment");
    if (starts("</"))
      return end_tag();
    start_tag();
  }

  void end_tag()
  {
    m_pos += 2;
    const std::string tag = name();
    skip_space();
    if (m_pos >= m_xml.size() || m_xml[m_pos] != '>')
      fail(m_pos, "expected '>'");
    else if (m_stack.empty() || m_stack.back() != tag)
      fail(m_pos, "</" + tag + "> does not close " +
                      (m_stack.empty() ? "anything" : "<" + m_stack.back() + ">"));
    else
      m_stack.pop_back();
    ++m_pos;
  }

  void attribute(std::vector<std::string>& seen)
  {
    const std::string attr = name();
    for (const std::string& s : seen)
      if (s == attr)
        fail(m_pos, "attribute " + attr + " twice");
    seen.push_back(attr);
    skip_space();
    if (m_pos >= m_xml.size() || m_xml[m_pos] != '=')
      return void(fail(m_pos, "expected '='"));
    ++m_pos;
    skip_space();
    const char quote = m_pos < m_xml.size() ? m_xml[m_pos] : '\0';
    const size_t close =
        quote == '"' || quote == '\'' ? m_xml.find(quote, m_pos + 1) : std::string_view::npos;
    if (close == std::string_view::npos)
      return void(fail(m_pos, "expected a quoted value"));
    const std::string_view value = m_xml.substr(m_pos + 1, close - m_pos - 1);
    if (value.find('<') != std::string_view::npos)
      fail(m_pos, "'<' in an attribute value");
    check_entities(value, m_pos + 1);
    m_pos = close + 1;
  }

  void start_tag()
  {
    ++m_pos;
    const std::string tag = name();
    std::vector<std::string> seen;
    while (m_error.empty()) {
      const size_t before = m_pos;
      skip_space();
      if (starts("/>") || starts(">"))
        break;
      if (m_pos == before)
        return void(fail(m_pos, "expected whitespace before an attribute"));
      attribute(seen);
    }
    if (!m_error.empty())
      return;
    if (m_stack.empty())
      ++m_roots;
    if (starts("/>")) {
      m_pos += 2;
      return;
    }
    m_stack.push_back(tag);
    ++m_pos;
  }

  std::string_view m_xml;
  size_t m_pos = 0;
  int m_roots = 0;
  std::vector<std::string> m_stack;
  std::string m_error;
};

inline std::string xml_problem(std::string_view xml)
{
  return XmlChecker(xml).problem();
}

// `escaped` with the five predefined entities replaced by their characters.
inline std::string unescape(std::string_view escaped)
{
  static const std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < escaped.size();) {
    bool replaced = false;
    for (const auto& [entity, c] : entities)
      if (escaped.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        replaced = true;
        break;
      }
    if (!replaced)
      out += escaped[i++];
  }
  return out;
}

// The text of every w:p of document.xml in order (w:t contents, w:br as '\n', w:tab as '\t').
inline std::vector<std::string> paragraphs(std::string_view xml)
{
  std::vector<std::string> out;
  std::string current;
  for (size_t pos = xml.find('<'); pos != std::string_view::npos; pos = xml.find('<', pos + 1)) {
    const std::string_view tag = xml.substr(pos, xml.find('>', pos) - pos + 1);
    if (tag == "<w:p>" || tag.starts_with("<w:p "))
      current.clear();
    else if (tag == "<w:p/>")
      out.emplace_back();
    else if (tag == "</w:p>")
      out.push_back(current);
    else if (tag == "<w:br/>")
      current += '\n';
    else if (tag == "<w:tab/>")
      current += '\t';
    else if (tag.starts_with("<w:t>") || tag.starts_with("<w:t "))
      current += unescape(xml.substr(pos + tag.size(), xml.find("</w:t>", pos) - pos - tag.size()));
  }
  return out;
}

// All the paragraphs' text joined with '\n'.
inline std::string all_text(std::string_view xml)
{
  std::string out;
  for (const std::string& p : paragraphs(xml))
    out += p + "\n";
  return out;
}

inline size_t count(std::string_view haystack, std::string_view needle)
{
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

// The grid of one w:tbl: how many w:gridCol it declares, and for each w:tr the number of grid
// columns its cells cover (sum of w:gridSpan, 1 when absent).
struct TableShape {
  int grid_columns = 0;
  std::vector<int> row_columns;
};

inline int cell_span(std::string_view cell)
{
  const std::string_view key = "<w:gridSpan w:val=\"";
  const size_t at = cell.find(key);
  return at == std::string_view::npos ? 1 : std::stoi(std::string(cell.substr(at + key.size())));
}

inline std::vector<TableShape> tables(std::string_view xml)
{
  std::vector<TableShape> out;
  for (size_t t = xml.find("<w:tbl>"); t != std::string_view::npos;
       t = xml.find("<w:tbl>", t + 1)) {
    const std::string_view table = xml.substr(t, xml.find("</w:tbl>", t) - t);
    TableShape shape;
    shape.grid_columns = int(count(table, "<w:gridCol "));
    for (size_t r = table.find("<w:tr>"); r != std::string_view::npos;
         r = table.find("<w:tr>", r + 1)) {
      const std::string_view row = table.substr(r, table.find("</w:tr>", r) - r);
      int columns = 0;
      for (size_t c = row.find("<w:tc>"); c != std::string_view::npos;
           c = row.find("<w:tc>", c + 1))
        columns += cell_span(row.substr(c, row.find("</w:tc>", c) - c));
      shape.row_columns.push_back(columns);
    }
    out.push_back(shape);
  }
  return out;
}

} // namespace test
