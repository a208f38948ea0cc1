#include "mpcheck/rules/detail/names.hpp"

#include <cctype>

#include "mpcheck/util/suggest.hpp"

namespace mpcheck::rules::detail {

const Vocabulary& containers()
{
  static const Vocabulary vocabulary{{"封装格式", "container"},
                                     {"mp4", "mov", "3gp", "3g2", "matroska", "webm", "mpegts",
                                      "avi", "mxf", "dv", "flv", "asf", "mpeg", "ogg", "mp3", "wav",
                                      "flac", "aac"},
                                     {{"mkv", "matroska"},
                                      {"ts", "mpegts"},
                                      {"m2ts", "mpegts"},
                                      {"mts", "mpegts"},
                                      {"quicktime", "mov"},
                                      {"qt", "mov"},
                                      {"wmv", "asf"},
                                      {"mpg", "mpeg"},
                                      {"m4a", "mp4"},
                                      {"m4v", "mp4"}}};
  return vocabulary;
}

const Vocabulary& video_codecs()
{
  static const Vocabulary vocabulary{
      {"编码", "codec"},
      {"h264", "hevc", "av1", "vp8", "vp9", "mpeg1video", "mpeg2video", "mpeg4", "h263", "prores",
       "dnxhd", "mjpeg", "dvvideo", "vc1", "wmv3", "theora", "ffv1", "jpeg2000", "rawvideo"},
      {{"avc", "h264"},
       {"h.264", "h264"},
       {"x264", "h264"},
       {"h265", "hevc"},
       {"h.265", "hevc"},
       {"x265", "hevc"},
       {"mpeg2", "mpeg2video"},
       {"mpeg-2", "mpeg2video"}}};
  return vocabulary;
}

const Vocabulary& image_formats()
{
  static const Vocabulary vocabulary{{"图片格式", "image format"},
                                     {"jpeg", "png", "tiff", "webp", "bmp", "gif"},
                                     {{"jpg", "jpeg"}, {"tif", "tiff"}}};
  return vocabulary;
}

const Vocabulary& color_modes()
{
  static const Vocabulary vocabulary{
      {"色彩模式", "colour mode"}, {"cmyk", "rgb", "grey"}, {{"gray", "grey"}}};
  return vocabulary;
}

const Vocabulary& work_kinds()
{
  static const Vocabulary vocabulary{
      {"文件种类", "file kind"}, {"video", "audio", "image", "document"}, {}};
  return vocabulary;
}

namespace {

std::string lowercase(std::string text)
{
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string canonical_name(const YamlReader& reader, const Entry& item,
                           const Vocabulary& vocabulary)
{
  const std::string text = lowercase(reader.string(item));
  for (const auto& name : vocabulary.names)
    if (text == name)
      return name;
  for (const auto& [alias, name] : vocabulary.aliases)
    if (text == alias)
      return name;
  reader.fail(item, reader.unknown(vocabulary.what, item.value.Scalar(), vocabulary.names));
}

} // namespace

std::vector<std::string> canonical_names(const YamlReader& reader, const Entry& entry,
                                         const Vocabulary& vocabulary)
{
  std::vector<std::string> out;
  for (const auto& item : reader.items(entry))
    out.push_back(canonical_name(reader, {entry.key, entry.key_node, item}, vocabulary));
  return out;
}

std::vector<std::string> extensions(const YamlReader& reader, const Entry& entry)
{
  std::vector<std::string> out;
  for (const auto& item : reader.items(entry)) {
    const Entry at{entry.key, entry.key_node, item};
    std::string text = lowercase(reader.string(at));
    if (!text.starts_with('.'))
      text.insert(0, ".");
    const bool valid =
        text.size() > 1 &&
        text.find_first_not_of(".abcdefghijklmnopqrstuvwxyz0123456789", 1) == std::string::npos &&
        text.find('.', 1) == std::string::npos;
    if (!valid)
      reader.fail(at, "expected a file extension such as .mp4, found " + YamlReader::found(item));
    out.push_back(text);
  }
  return out;
}

} // namespace mpcheck::rules::detail
