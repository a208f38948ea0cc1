// Plain-language meaning of each ProbeError code, for users who are not engineers.
#include "mpcheck/core/probe_errors.hpp"

#include <map>

#include <fmt/format.h>

namespace mpcheck {

namespace {

struct Entry {
  Text message;
  Text hint;
};

const std::map<std::string, Entry>& entries()
{
  static const std::map<std::string, Entry> table = {
      {"not-found",
       {{"文件不存在", "the file does not exist"}, {"检查路径是否写对。", "Check the path."}}},
      {"permission",
       {{"没有读取该文件的权限", "no permission to read the file"},
        {"请用有权限的账户运行，或复制到自己的文件夹后再检查。",
         "Run as a user who may read it, or copy it to your own folder first."}}},
      {"unreadable",
       {{"文件无法读取（磁盘或U盘读错误）", "the file cannot be read (disk or USB read error)"},
        {"重新拷贝该文件；若仍失败，U盘可能已损坏。",
         "Copy the file again; if that fails too, the drive may be damaged."}}},
      {"is-directory", {{"这是一个文件夹，不是文件", "this is a folder, not a file"}, {"", ""}}},
      {"empty",
       {{"文件是空的（0 字节）", "the file is empty (0 bytes)"},
        {"从原始文件重新拷贝；拷贝时不要提前拔出U盘。",
         "Copy it again from the original; do not unplug the drive before the copy ends."}}},
      {"not-media",
       {{"不是视频或音频文件（可能是改了扩展名的其他文件）",
         "not a video or audio file (perhaps another file with a renamed extension)"},
        {"用剪辑软件重新导出为 MP4 (H.264/AAC)。",
         "Export it again as MP4 (H.264/AAC) from the editing software."}}},
      {"corrupt",
       {{"视频文件已损坏，无法解析", "the video file is damaged and cannot be parsed"},
        {"从原始素材重新导出或重新拷贝。", "Export or copy it again from the original."}}},
      {"oversized",
       {{"结构异常：文件声明的索引表大得不合理（文件已损坏，或是被刻意构造的），为保护电脑未读取",
         "abnormal structure: the file declares an index table far too large to be real (it is "
         "damaged, or crafted on purpose); it was not read, to protect the computer"},
        {"从原始素材重新导出为 MP4 (H.264/AAC)。",
         "Export it again as MP4 (H.264/AAC) from the original material."}}},
      {"no-index",
       {{"视频不完整：缺少索引（moov），通常是拷贝中断或录制没有正常结束，播放器无法打开",
         "the video is incomplete: its index (moov) is missing, usually an interrupted copy or "
         "a recording that did not end properly; players cannot open it"},
        {"从原始文件重新拷贝；若原文件也如此，请从剪辑软件重新导出。",
         "Copy it again from the original; if the original is the same, export it again."}}},
      {"no-streams",
       {{"文件里没有可播放的视频或音频", "the file holds no playable video or audio"},
        {"用剪辑软件重新导出为 MP4 (H.264/AAC)。",
         "Export it again as MP4 (H.264/AAC) from the editing software."}}},
      {"not-image",
       {{"不是可识别的图片（JPG/PNG）", "not a recognisable image (JPG/PNG)"},
        {"用图片软件另存为 JPG。", "Save it again as JPG from an image editor."}}},
      {"corrupt-image",
       {{"图片已损坏，无法读取", "the image is damaged and cannot be read"},
        {"从原始文件重新导出或重新拷贝。", "Export or copy it again from the original."}}},
      {"too-large",
       {{"图片过大（超过 2.5 亿像素或边长超过 30000 像素），未解码",
         "the image is too large to decode (over 250 million pixels or 30000 pixels a side)"},
        {"缩小后重新导出。", "Export it again at a smaller size."}}},
  };
  return table;
}

} // namespace

Text probe_error_message(const std::string& code)
{
  auto it = entries().find(code);
  return it != entries().end()
             ? it->second.message
             : Text{"文件无法解析（" + code + "）", "cannot be parsed (" + code + ")"};
}

Text probe_error_actual(const std::string& code)
{
  static const std::map<std::string, Text> words = {
      {"not-found", {"不存在", "does not exist"}},
      {"permission", {"无读取权限", "no permission to read"}},
      {"unreadable", {"读取出错", "read error"}},
      {"is-directory", {"是文件夹", "a folder"}},
      {"empty", {"0 字节", "0 bytes"}},
      {"not-media", {"不是视频或音频", "not video or audio"}},
      {"corrupt", {"已损坏", "damaged"}},
      {"oversized", {"结构异常", "abnormal structure"}},
      {"no-index", {"缺少索引（moov）", "no index (moov)"}},
      {"no-streams", {"没有音视频流", "no audio or video stream"}},
      {"not-image", {"不是图片", "not an image"}},
      {"corrupt-image", {"图片已损坏", "damaged image"}},
      {"too-large", {"图片过大", "too large"}},
  };
  auto it = words.find(code);
  return it != words.end() ? it->second : Text{code};
}

namespace {

// The number between `before` and `after` in `text`, or "".
std::string number_between(const std::string& text, const std::string& before,
                           const std::string& after)
{
  const std::size_t start = text.find(before);
  if (start == std::string::npos)
    return "";
  const std::size_t from = start + before.size();
  const std::size_t end = after.empty() ? text.size() : text.find(after, from);
  return end == std::string::npos ? "" : text.substr(from, end - from);
}

} // namespace

Text truncated_text(const std::string& detail)
{
  if (detail.empty())
    return {"不完整", "truncated"};
  const std::string file_end = number_between(detail, "the file ends at byte ", "");
  const auto declared = [&](const std::string& what_zh, const std::string& before) -> Text {
    const std::string at = number_between(detail, before, " but the file ends at byte ");
    if (at.empty() || file_end.empty())
      return {"", ""};
    return {fmt::format("{}标明到第 {} 字节，但文件在第 {} 字节就结束了", what_zh, at, file_end),
            detail};
  };
  if (detail.starts_with("the index points to byte "))
    if (Text t = declared("索引", "the index points to byte "); !t.zh.empty())
      return t;
  if (detail.starts_with("the Matroska segment ends at byte "))
    if (Text t = declared("Matroska 段", "the Matroska segment ends at byte "); !t.zh.empty())
      return t;
  if (detail.starts_with("the '")) {
    const std::string box = number_between(detail, "the '", "' box ends at byte ");
    if (Text t = declared("“" + box + "” 数据块", "' box ends at byte "); !t.zh.empty())
      return t;
  }
  if (detail.starts_with("the last transport packet is incomplete"))
    return {"最后一个传输包不完整（在包的中间被截断）", detail};
  if (detail.starts_with("the file does not end on a whole DV frame"))
    return {"文件没有在完整的 DV 帧处结束", detail};
  return {detail, detail};
}

Text probe_error_hint(const std::string& code)
{
  auto it = entries().find(code);
  return it != entries().end() ? it->second.hint : Text{};
}

} // namespace mpcheck
