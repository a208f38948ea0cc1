#include "mpcheck/media/document.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <vector>

#include <zip.h>

namespace mpcheck::media {

namespace {

bool has_entry(zip_t* z, const char* name)
{
  return zip_name_locate(z, name, ZIP_FL_NOCASE) >= 0;
}

// Reads the small "mimetype" entry of an OpenDocument file.
std::string odf_mimetype(zip_t* z)
{
  zip_file_t* f = zip_fopen(z, "mimetype", 0);
  if (!f)
    return "";
  char buf[128] = {};
  const zip_int64_t n = zip_fread(f, buf, sizeof buf - 1);
  zip_fclose(f);
  return n > 0 ? std::string(buf, size_t(n)) : "";
}

// What the zip archive `z` holds (closed here); nullptr: it could not be opened.
DocumentFacts classify_zip(zip_t* z)
{
  if (!z)
    return {"zip", false, "corrupt-zip"};
  DocumentFacts out{"zip", true, ""};
  if (has_entry(z, "word/document.xml"))
    out.format = "docx";
  else if (has_entry(z, "ppt/presentation.xml"))
    out.format = "pptx";
  else if (has_entry(z, "xl/workbook.xml"))
    out.format = "xlsx";
  else if (const std::string mime = odf_mimetype(z);
           mime.find("opendocument.text") != std::string::npos)
    out.format = "odt";
  else if (mime.find("opendocument.presentation") != std::string::npos)
    out.format = "odp";
  else if (has_entry(z, "[Content_Types].xml"))
    out = {"ooxml", false, "no-main-part"};
  zip_close(z);
  return out;
}

// What the first `n` bytes of a file say it is; "zip" means: look inside the zip.
DocumentFacts classify_signature(const unsigned char* head, size_t n)
{
  if (n == 0)
    return {"unknown", false, "empty"};
  static const unsigned char ole2[] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
  if (n >= 8 && std::memcmp(head, ole2, 8) == 0)
    return {"ole2", true, ""}; // .doc, .ppt, .xls, .wps, .dps, .et
  if (n >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0)
    return {"zip", false, ""};
  if (n >= 5 && std::memcmp(head, "%PDF-", 5) == 0)
    return {"pdf", true, ""};
  if (n >= 5 && std::memcmp(head, "{\\rtf", 5) == 0)
    return {"rtf", true, ""};
  return {"unknown", false, "not-document"};
}

} // namespace

DocumentFacts probe_document(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {"unknown", false, "unreadable"};
  unsigned char head[8] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  const DocumentFacts facts = classify_signature(head, size_t(in.gcount()));
  if (facts.format != "zip")
    return facts;
  int err = 0;
  return classify_zip(zip_open(path.c_str(), ZIP_RDONLY, &err));
}

DocumentFacts probe_document_bytes(const unsigned char* data, size_t size)
{
  const DocumentFacts facts = classify_signature(data, size);
  if (facts.format != "zip")
    return facts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
  zip_t* z = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (source && !z)
    zip_source_free(source);
  zip_error_fini(&error);
  return classify_zip(z);
}

} // namespace mpcheck::media
