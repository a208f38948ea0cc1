#include "mpcheck/docs/docx.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "mpcheck/util/atomic_file.hpp"

#include "docx_testing.hpp"

using namespace mpcheck::docs;
using test::count;
using test::entry;
using test::read_zip;
using test::xml_problem;

namespace {

Paragraph para(const std::string& text, Align align = Align::left)
{
  Paragraph p;
  p.text = text;
  p.align = align;
  return p;
}

Cell cell(const std::string& text, int col_span = 1, int row_span = 1)
{
  Cell c;
  c.paragraphs.push_back(para(text));
  c.col_span = col_span;
  c.row_span = row_span;
  return c;
}

// Two rows, three columns: A spans two rows, B spans two columns; row 2 only has C and D.
Table merged_table()
{
  Table table;
  table.columns = {1000, 2000, 3000};
  table.rows = {Row{{cell("A", 1, 2), cell("B", 2)}, 500}, Row{{cell("C"), cell("D")}, 0}};
  return table;
}

DocxWriter sample_document()
{
  DocxWriter doc({"标题", "单位", mpcheck::Date{2024, 5, 31}});
  doc.add_paragraph(para("第一段 & <二>", Align::center));
  doc.add_table(merged_table());
  doc.add_paragraph(para("尾"));
  return doc;
}

} // namespace

TEST_CASE("docs::xml_escape")
{
  CHECK(xml_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  CHECK(xml_escape("报送单位：天宁区") == "报送单位：天宁区");
  // C0 controls other than tab, newline and carriage return are not XML 1.0 characters.
  CHECK(xml_escape(std::string("a\x01"
                               "b\x0b"
                               "c\x1f"
                               "d\0e",
                               9)) == "abcde");
  CHECK(xml_escape("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz"); // U+FFFE, U+FFFF
  CHECK(xml_escape("\xC2\x85") == "\xC2\x85");               // U+0085 is allowed
  CHECK(xml_escape("a\xFF"
                   "b") == "a\xEF\xBF\xBD"
                           "b"); // ill-formed → U+FFFD
  CHECK(xml_escape("😀") == "😀");
  CHECK(xml_escape("") == "");
}

TEST_CASE("docs::fit_picture")
{
  const Extent big{100'000'000, 100'000'000};
  CHECK(fit_picture(100, 50, big) == Extent{952'500, 476'250}); // 9525 EMU per pixel
  CHECK(fit_picture(200, 100, {952'500, 952'500}) == Extent{952'500, 476'250});
  CHECK(fit_picture(100, 200, {952'500, 952'500}) == Extent{476'250, 952'500});
  CHECK(fit_picture(0, 10, big) == Extent{});
  CHECK(fit_picture(10, -1, big) == Extent{});
}

TEST_CASE("docs::DocxWriter paragraphs")
{
  DocxWriter doc;
  Paragraph p = para("甲\n乙\t丙", Align::center);
  p.bold = true;
  p.half_points = 36;
  p.east_asia_font = "黑体";
  p.page_break_before = true;
  p.right_tab = 8306;
  doc.add_paragraph(p);
  const std::string xml = doc.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("<w:pageBreakBefore/><w:tabs><w:tab w:val=\"right\" w:pos=\"8306\"/></w:tabs>"
                 "<w:jc w:val=\"center\"/>") != std::string::npos);
  CHECK(xml.find("<w:rFonts w:hint=\"eastAsia\" w:eastAsia=\"黑体\"/><w:b/><w:bCs/>"
                 "<w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>") != std::string::npos);
  CHECK(test::paragraphs(xml) == std::vector<std::string>{"甲\n乙\t丙"});
  CHECK(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos); // A4
}

TEST_CASE("docs::DocxWriter escapes text and drops invalid characters")
{
  DocxWriter doc;
  doc.add_paragraph(para(std::string("a&b<c>\"d\" \x01\x02 e\xEF\xBF\xBF")));
  const std::string xml = doc.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find(">a&amp;b&lt;c&gt;&quot;d&quot;  e</w:t>") != std::string::npos);
  CHECK(test::paragraphs(xml) == std::vector<std::string>{"a&b<c>\"d\"  e"});
}

TEST_CASE("docs::DocxWriter tables merge cells across columns and rows")
{
  DocxWriter doc;
  doc.add_table(merged_table());
  const std::string xml = doc.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("<w:tblGrid><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"2000\"/>"
                 "<w:gridCol w:w=\"3000\"/></w:tblGrid>") != std::string::npos);
  CHECK(xml.find("<w:tblW w:w=\"6000\" w:type=\"dxa\"/>") != std::string::npos);
  CHECK(count(xml, "w:val=\"single\"") == 6); // every edge and inside line
  // Row 1: A starts a vertical merge, B spans columns 2–3 (5000 twips).
  CHECK(xml.find("<w:tcW w:w=\"1000\" w:type=\"dxa\"/><w:vMerge w:val=\"restart\"/>") !=
        std::string::npos);
  CHECK(xml.find("<w:tcW w:w=\"5000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>") !=
        std::string::npos);
  // Row 2: the continuation of A comes first, then C and D.
  const size_t row2 = xml.find("<w:tr>", xml.find("</w:tr>"));
  CHECK(xml.find("<w:tcW w:w=\"1000\" w:type=\"dxa\"/><w:vMerge/>", row2) != std::string::npos);
  CHECK(xml.find("<w:trHeight w:val=\"500\" w:hRule=\"atLeast\"/>") != std::string::npos);
  const auto shapes = test::tables(xml);
  REQUIRE(shapes.size() == 1);
  CHECK(shapes[0].grid_columns == 3);
  CHECK(shapes[0].row_columns == std::vector<int>{3, 3});
  // Word needs a paragraph between a final table and the section properties.
  CHECK(xml.find("</w:tbl><w:p/><w:sectPr>") != std::string::npos);
}

TEST_CASE("docs::DocxWriter a merge across rows and columns repeats its span")
{
  Table table;
  table.columns = {100, 200, 300};
  table.rows = {Row{{cell("wide", 2, 3), cell("x")}, 0}, Row{{cell("y")}, 0}, Row{{cell("z")}, 0}};
  DocxWriter doc;
  doc.add_table(table);
  const std::string xml = doc.document_xml();
  CHECK(count(xml, "<w:tcW w:w=\"300\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/><w:vMerge/>") == 2);
  CHECK(test::tables(xml)[0].row_columns == std::vector<int>{3, 3, 3});
}

TEST_CASE("docs::DocxWriter cells always hold a paragraph")
{
  Table table;
  table.columns = {500};
  table.rows = {Row{{Cell{}}, 0}};
  DocxWriter doc;
  doc.add_table(table);
  CHECK(doc.document_xml().find("</w:tcPr><w:p/></w:tc>") != std::string::npos);
}

TEST_CASE("docs::DocxWriter package parts")
{
  const DocxWriter doc = sample_document();
  const auto parts = doc.parts();
  std::vector<std::string> names;
  for (const auto& [name, bytes] : parts) {
    names.push_back(name);
    INFO(name);
    CHECK(xml_problem(bytes) == "");
  }
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                          "docProps/app.xml", "word/document.xml",
                                          "word/styles.xml", "word/fontTable.xml",
                                          "word/_rels/document.xml.rels"});
  const std::string core = parts[2].second;
  CHECK(core.find("<dc:title>标题</dc:title><dc:creator>单位</dc:creator>") != std::string::npos);
  CHECK(core.find(">2024-05-31T00:00:00Z</dcterms:created>") != std::string::npos);
  CHECK(parts[5].second.find("w:eastAsia=\"仿宋_GB2312\"") != std::string::npos);
  CHECK(parts[5].second.find("w:eastAsia=\"zh-CN\"") != std::string::npos);
  // 仿宋_GB2312 falls back to 仿宋, 黑体 to SimHei; the part is declared and related.
  const std::string fonts = parts[6].second;
  CHECK(fonts.find("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>") !=
        std::string::npos);
  CHECK(fonts.find("<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/>") != std::string::npos);
  CHECK(fonts.find("<w:charset w:val=\"86\"/>") != std::string::npos);
  CHECK(parts[0].second.find("PartName=\"/word/fontTable.xml\"") != std::string::npos);
  CHECK(parts[7].second.find("Target=\"fontTable.xml\"") != std::string::npos);
}

TEST_CASE("docs::DocxWriter rows that cannot split, header rows, paragraphs kept with the next")
{
  DocxWriter doc;
  Table table = merged_table();
  table.rows[0].header = true;
  table.rows[1].cant_split = false;
  table.rows[1].cells[0].paragraphs[0].keep_next = true;
  doc.add_table(table);
  Paragraph label = para("附件 2");
  label.east_asia_font = label.latin_font = "黑体";
  doc.add_paragraph(label);
  const std::string xml = doc.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"500\" w:hRule=\"atLeast\"/>"
                 "<w:tblHeader/></w:trPr>") != std::string::npos);
  CHECK(count(xml, "<w:cantSplit/>") == 1); // the second row may split: no trPr at all
  CHECK(count(xml, "<w:tr><w:tc>") == 1);
  CHECK(xml.find("<w:pPr><w:keepNext/><w:jc w:val=\"left\"/>") != std::string::npos);
  CHECK(xml.find("<w:rFonts w:hint=\"eastAsia\" w:ascii=\"黑体\" w:hAnsi=\"黑体\" "
                 "w:eastAsia=\"黑体\"/>") != std::string::npos);
}

TEST_CASE("docs::DocxWriter images")
{
  DocxWriter doc;
  const int png = doc.add_image({"PNGDATA", "png", 10, 20});
  const int jpeg = doc.add_image({"JPEGDATA", "jpeg", 30, 40});
  CHECK(png == 0);
  CHECK(jpeg == 1);
  Cell c;
  c.picture = {jpeg, fit_picture(30, 40, {1'000'000, 1'000'000})};
  doc.add_table(Table{{2000}, {Row{{c}, 0}}});
  doc.add_table(Table{{2000}, {Row{{c}, 0}}});
  const auto parts = doc.parts();
  REQUIRE(parts.size() == 10);
  CHECK(parts[8] == std::pair<std::string, std::string>{"word/media/image1.png", "PNGDATA"});
  CHECK(parts[9] == std::pair<std::string, std::string>{"word/media/image2.jpeg", "JPEGDATA"});
  const std::string types = parts[0].second;
  CHECK(types.find("<Default Extension=\"png\" ContentType=\"image/png\"/>") != std::string::npos);
  CHECK(types.find("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>") !=
        std::string::npos);
  CHECK(parts[7].second.find("Id=\"rIdImage2\" Type=\"http://schemas.openxmlformats.org/"
                             "officeDocument/2006/relationships/image\" "
                             "Target=\"media/image2.jpeg\"") != std::string::npos);
  const std::string xml = doc.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(count(xml, "<a:blip r:embed=\"rIdImage2\"/>") == 2);
  CHECK(count(xml, "<wp:extent cx=\"285750\" cy=\"381000\"/>") == 2);
  CHECK(xml.find("<wp:docPr id=\"1\" name=\"Picture 1\"/>") != std::string::npos);
  CHECK(xml.find("<wp:docPr id=\"2\" name=\"Picture 2\"/>") != std::string::npos);
}

TEST_CASE("docs::DocxWriter::write")
{
  test::TempDir dir("docs-docx");
  const std::string path = dir.file("表格.docx");
  const DocxWriter doc = sample_document();
  std::string error;
  REQUIRE(doc.write(path, error));
  CHECK(error == "");
  CHECK(!std::filesystem::exists(path + ".tmp"));

  const auto zip = read_zip(path);
  REQUIRE(zip.size() == 8);
  CHECK(zip[0].first == "[Content_Types].xml");
  for (const auto& [name, bytes] : doc.parts())
    CHECK(entry(zip, name) == bytes);
  const std::string xml = entry(zip, "word/document.xml");
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("第一段 &amp; &lt;二&gt;") != std::string::npos);

  SUBCASE("a second write gives the same bytes")
  {
    const std::string first = test::read_bytes(path);
    REQUIRE(doc.write(dir.file("again.docx"), error));
    CHECK(test::read_bytes(dir.file("again.docx")) == first);
    REQUIRE(doc.write(path, error)); // over the old file
    CHECK(test::read_bytes(path) == first);
  }
  SUBCASE("the date changes the bytes")
  {
    DocxWriter later = doc;
    later.set_date({2024, 6, 1});
    REQUIRE(later.write(dir.file("later.docx"), error));
    CHECK(test::read_bytes(dir.file("later.docx")) != test::read_bytes(path));
  }
  SUBCASE("zip entries carry the document's date")
  {
    int code = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &code);
    REQUIRE(z);
    zip_stat_t stat;
    REQUIRE(zip_stat_index(z, 0, 0, &stat) == 0);
    std::tm tm{};
    localtime_r(&stat.mtime, &tm);
    CHECK(tm.tm_year + 1900 == 2024);
    CHECK(tm.tm_mon + 1 == 5);
    CHECK(tm.tm_mday == 31);
    zip_close(z);
  }
  SUBCASE("an unwritable place")
  {
    const std::string missing = dir.file("no/such/dir/x.docx");
    CHECK(!doc.write(missing, error));
    CHECK(error == missing + ": No such file or directory");
    CHECK(!std::filesystem::exists(mpcheck::util::temp_path_for(missing)));
  }
  SUBCASE("a stale temporary file is replaced")
  {
    const std::string other = dir.file("other.docx");
    std::ofstream(mpcheck::util::temp_path_for(other)) << "half-written";
    REQUIRE(doc.write(other, error));
    CHECK(!std::filesystem::exists(mpcheck::util::temp_path_for(other)));
    CHECK(test::read_bytes(other) == test::read_bytes(path));
  }
  SUBCASE("the bytes built in memory are the file's")
  {
    std::string bytes;
    REQUIRE(doc.bytes(bytes, error));
    CHECK(bytes == test::read_bytes(path));
  }
}

TEST_CASE("test::xml_problem finds malformed XML")
{
  CHECK(xml_problem("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t&amp;&#20;</a>") == "");
  CHECK(xml_problem("<a><b></a>") != "");
  CHECK(xml_problem("<a></a><b/>") != "");
  CHECK(xml_problem("<a>x & y</a>") != "");
  CHECK(xml_problem("<a x=\"<\"/>") != "");
  CHECK(xml_problem("<a x=\"1\" x=\"2\"/>") != "");
  CHECK(xml_problem("<a x=1/>") != "");
  CHECK(xml_problem("<a>\x01</a>") != "");
  CHECK(xml_problem("<a>") != "");
  CHECK(xml_problem("text<a/>") != "");
}
