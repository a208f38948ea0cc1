#include "mpcheck/media/document.hpp"

#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include "docx_testing.hpp"
#include "mpcheck/docs/docx.hpp"

using mpcheck::DocumentFacts;
using mpcheck::media::probe_document;
using mpcheck::media::probe_document_bytes;

namespace {

DocumentFacts of_text(const std::string& bytes)
{
  return probe_document_bytes(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string read_all(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("media::probe_document_bytes tells formats by their signature")
{
  CHECK(of_text("").problem == "empty");
  CHECK(of_text("%PDF-1.7\n").format == "pdf");
  CHECK(of_text("{\\rtf1 x}").format == "rtf");
  CHECK(of_text(std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)).format == "ole2");
  const DocumentFacts text = of_text("hello");
  CHECK(text.format == "unknown");
  CHECK(text.problem == "not-document");
  const DocumentFacts broken = of_text(std::string("PK\x03\x04") + " not a zip");
  CHECK(broken.format == "zip");
  CHECK_FALSE(broken.valid);
  CHECK(broken.problem == "corrupt-zip");
}

TEST_CASE("media::probe_document_bytes and probe_document agree on a real .docx")
{
  test::TempDir dir("document-bytes");
  mpcheck::docs::DocxWriter writer;
  writer.add_paragraph({});
  std::string error;
  REQUIRE(writer.write(dir.file("a.docx"), error));
  const std::string bytes = read_all(dir.file("a.docx"));
  const DocumentFacts from_file = probe_document(dir.file("a.docx"));
  const DocumentFacts from_bytes = of_text(bytes);
  CHECK(from_file.format == "docx");
  CHECK(from_file.valid);
  CHECK(from_bytes.format == from_file.format);
  CHECK(from_bytes.valid == from_file.valid);
  CHECK(from_bytes.problem == from_file.problem);
  // Cut short: the zip directory at the end is gone, for both.
  const std::string cut = bytes.substr(0, bytes.size() / 2);
  std::ofstream(dir.file("cut.docx"), std::ios::binary) << cut;
  CHECK(probe_document(dir.file("cut.docx")).problem == "corrupt-zip");
  CHECK(of_text(cut).problem == "corrupt-zip");
}
