#include "mpcheck/core/submission.hpp"

#include <map>
#include <string>
#include <vector>

namespace mpcheck {

namespace {

std::string lowercase(std::string_view s)
{
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = char(c - 'A' + 'a');
  return out;
}

} // namespace

const char* kind_name(FileKind kind)
{
  switch (kind) {
  case FileKind::video:
    return "video";
  case FileKind::audio:
    return "audio";
  case FileKind::image:
    return "image";
  case FileKind::document:
    return "document";
  case FileKind::courseware:
    return "courseware";
  case FileKind::junk:
    return "junk";
  case FileKind::other:
    return "other";
  }
  return "other";
}

Text kind_words(FileKind kind)
{
  switch (kind) {
  case FileKind::video:
    return {"视频", "video"};
  case FileKind::audio:
    return {"音频", "audio file"};
  case FileKind::image:
    return {"图片", "picture"};
  case FileKind::document:
    return {"文档", "document"};
  case FileKind::courseware:
    return {"课件", "courseware"};
  case FileKind::junk:
    return {"系统或软件留下的文件", "file left by the system or an app"};
  case FileKind::other:
    break;
  }
  return {"其他文件", "other file"};
}

FileKind kind_from_extension(std::string_view extension)
{
  static const std::map<std::string, FileKind, std::less<>> table = {
      {".mp4", FileKind::video},       {".m4v", FileKind::video},
      {".mov", FileKind::video},       {".mkv", FileKind::video},
      {".webm", FileKind::video},      {".avi", FileKind::video},
      {".wmv", FileKind::video},       {".flv", FileKind::video},
      {".ts", FileKind::video},        {".mts", FileKind::video},
      {".m2ts", FileKind::video},      {".mpg", FileKind::video},
      {".mpeg", FileKind::video},      {".vob", FileKind::video},
      {".3gp", FileKind::video},       {".mxf", FileKind::video},
      {".dv", FileKind::video},        {".f4v", FileKind::video},
      {".rmvb", FileKind::video},      {".rm", FileKind::video},
      {".mp3", FileKind::audio},       {".wav", FileKind::audio},
      {".aac", FileKind::audio},       {".m4a", FileKind::audio},
      {".flac", FileKind::audio},      {".wma", FileKind::audio},
      {".ogg", FileKind::audio},       {".opus", FileKind::audio},
      {".jpg", FileKind::image},       {".jpeg", FileKind::image},
      {".png", FileKind::image},       {".bmp", FileKind::image},
      {".gif", FileKind::image},       {".tif", FileKind::image},
      {".tiff", FileKind::image},      {".webp", FileKind::image},
      {".heic", FileKind::image},      {".doc", FileKind::document},
      {".docx", FileKind::document},   {".wps", FileKind::document},
      {".pdf", FileKind::document},    {".odt", FileKind::document},
      {".rtf", FileKind::document},    {".txt", FileKind::document},
      {".xls", FileKind::document},    {".xlsx", FileKind::document},
      {".et", FileKind::document},     {".ppt", FileKind::courseware},
      {".pptx", FileKind::courseware}, {".dps", FileKind::courseware},
      {".odp", FileKind::courseware},  {".key", FileKind::courseware},
  };
  auto it = table.find(extension);
  return it == table.end() ? FileKind::other : it->second;
}

bool is_probed_kind(FileKind kind)
{
  return kind == FileKind::video || kind == FileKind::audio || kind == FileKind::image;
}

bool is_document_kind(FileKind kind)
{
  return kind == FileKind::document || kind == FileKind::courseware;
}

bool is_duplicate_candidate(const SubmissionFile& file)
{
  return (file.kind == FileKind::video || file.kind == FileKind::audio ||
          file.kind == FileKind::image) &&
         file.size > 0;
}

std::vector<std::string> formats_for_extension(std::string_view extension)
{
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {".docx", {"docx"}},        {".doc", {"ole2", "docx", "rtf"}},
      {".wps", {"ole2", "docx"}}, {".pptx", {"pptx"}},
      {".ppt", {"ole2", "pptx"}}, {".dps", {"ole2", "pptx"}},
      {".xlsx", {"xlsx"}},        {".xls", {"ole2", "xlsx"}},
      {".et", {"ole2", "xlsx"}},  {".pdf", {"pdf"}},
      {".odt", {"odt"}},          {".odp", {"odp"}},
      {".rtf", {"rtf"}},
  };
  auto it = table.find(lowercase(extension));
  return it == table.end() ? std::vector<std::string>{} : it->second;
}

} // namespace mpcheck
