#include "mpcheck/rules/check_ids.hpp"

namespace mpcheck::rules {

const std::vector<CheckInfo>& known_check_ids()
{
  using enum Severity;
  static const std::vector<CheckInfo> checks = {
      {"layout.folder-missing", error, "a required folder is absent",
       "缺少要求的文件夹（作品/表格/文本）"},
      {"layout.misplaced", error, "a file sits in a folder its kind does not belong to",
       "文件放在了不该放的文件夹里"},
      {"layout.unexpected", warning, "a file the rules do not account for", "规则没有提到的文件"},
      {"layout.junk", warning, "Thumbs.db, desktop.ini, .DS_Store, ._*, __MACOSX/ and the like",
       "系统垃圾文件：Thumbs.db、desktop.ini、.DS_Store、._*、__MACOSX/ 等"},
      {"file.empty", error, "zero bytes", "文件为空（0 字节）"},
      {"file.unreadable", error, "cannot be opened or read", "文件无法打开或读取"},
      {"file.fat32-limit", warning, "4 GiB or more: will not fit on a FAT32 drive",
       "文件达到 4 GiB，放不进 FAT32 格式的U盘"},
      {"file.symlink-outside", error,
       "a symbolic link leading out of the checked folder: not read; pack refuses it",
       "符号链接指向所查文件夹之外：不读取，pack 拒绝复制"},
      {"file.symlink", warning,
       "a symbolic link to another file of the folder: checked as that file; pack copies it",
       "指向本文件夹内另一文件的符号链接：按该文件检查，pack 复制该文件"},
      {"file.hash-mismatch", error, "the bytes differ from the drive's manifest-sha256.txt",
       "文件内容与U盘的 manifest-sha256.txt 记录不一致"},
      {"file.missing-from-drive", error, "a file manifest-sha256.txt lists is not on the drive",
       "manifest-sha256.txt 列出的文件不在U盘上"},
      {"file.not-in-manifest", warning, "a file on the drive manifest-sha256.txt does not list",
       "U盘上的文件没有列在 manifest-sha256.txt 中"},
      {"file.manifest-malformed", warning, "lines of manifest-sha256.txt that cannot be used",
       "manifest-sha256.txt 有无法使用的行"},
      {"name.pattern", error, "does not match the naming pattern", "文件名不符合命名格式"},
      {"name.category", error, "the category part is not one of the rule set's categories",
       "文件名中的分类不是规则中的分类"},
      {"name.unit", error, "the unit part differs from --unit, or from the other files",
       "文件名中的报送单位与 --unit 或其他文件不一致"},
      {"name.characters", error,
       "characters Windows/FAT forbid, trailing dot/space, reserved names",
       "文件名含有 Windows/FAT 不允许的字符、结尾的点或空格、保留名"},
      {"name.length", error, "name over 255 UTF-16 units, or path over 260",
       "文件名超过 255 个 UTF-16 单位，或路径超过 260"},
      {"name.normalization", warning, "not in Unicode NFC", "文件名不是 Unicode NFC 形式"},
      {"name.collision", error, "two names equal on a case-insensitive, NFC file system",
       "两个文件名在不区分大小写的 NFC 文件系统上相同"},
      {"name.extension", error, "extension not allowed for this kind of file",
       "扩展名不是这类文件允许的"},
      {"media.unreadable", error, "not parseable as media", "无法作为音视频读取"},
      {"media.truncated", error, "the index points past the end of the file",
       "索引指向文件末尾之外：复制或下载中断"},
      {"media.decode-error", error, "pictures or sound do not decode cleanly (damaged data)",
       "画面或声音解码出错（数据损坏）"},
      {"container.format", error, "the real container differs from the one required",
       "实际封装格式与要求不符"},
      {"duration.max", error, "too long", "时长超过上限"},
      {"duration.min", error, "too short", "时长低于下限"},
      {"video.missing", error, "no video stream", "没有视频流"},
      {"video.codec", warning, "codec outside the allowed list", "视频编码不在允许范围内"},
      {"video.resolution", error, "width x height differs", "分辨率不符"},
      {"video.orientation", error, "orientation as displayed differs", "画面方向（横竖屏）不符"},
      {"video.aspect-ratio", error, "display aspect ratio differs", "画面宽高比不符"},
      {"video.frame-rate", error, "frame rate differs", "帧率不符"},
      {"video.variable-frame-rate", warning, "frame timing is not constant",
       "帧间隔不恒定（可变帧率）"},
      {"video.scan", error, "interlaced where progressive is required", "要求逐行扫描，实际是隔行"},
      {"video.bitrate", error, "measured bit rate outside the allowed range",
       "实测码率超出允许范围"},
      {"video.hdr", warning, "HDR or wide gamut (HLG, PQ, BT.2020): washed out on projectors",
       "HDR 高动态范围或 BT.2020 广色域：普通投影仪上发灰发白"},
      {"video.bit-depth", warning, "more than 8 bits per sample (10-bit)",
       "色深超过 8 位（10 位）：很多设备放不了"},
      {"video.black", warning, "long black stretches at start/end, or an all-black video",
       "开头或结尾有长时间黑场，或全片黑屏"},
      {"audio.missing", error, "no audio stream where sound is required",
       "要求有声音，却没有音频流"},
      {"audio.silent", error, "audio present but silent", "有音频流但无声"},
      {"audio.loudness", warning, "integrated loudness far outside the usual range",
       "整体响度远离常用范围"},
      {"subtitles.pair-missing", error, "one version of a subtitled/clean pair is absent",
       "有字幕/无字幕两个版本缺一个"},
      {"subtitles.pair-mismatch", error, "the two versions are not the same programme",
       "两个版本不是同一节目"},
      {"subtitles.not-burned", warning, "the subtitled version shows no burned-in text",
       "有字幕版本看不出压制的字幕"},
      {"image.format", error, "not the required image format", "图片格式不符"},
      {"image.color-mode", error, "not the required colour mode", "色彩模式不符"},
      {"image.size", error, "pixel size does not match the paper size at the dpi",
       "像素尺寸与纸张尺寸和分辨率不符"},
      {"image.dpi", error, "density metadata is not the required dpi", "图片分辨率（dpi）标记不符"},
      {"image.qr-code", error, "a work without a decodable QR code", "作品缺少可识别的二维码"},
      {"document.missing", error, "a required form, text or courseware is absent",
       "缺少要求的表格、文本或课件"},
      {"document.format", error, "not a real document of the allowed formats",
       "不是允许格式的真实文档"},
      {"work.count", error, "more works than the quota per unit, or a drive with no work at all",
       "作品数超过每个单位的限额，或U盘里没有任何作品"},
      {"work.category-count", error, "a category quota broken", "某类作品数量不符合限额"},
      {"work.episodes", error, "a series with fewer episodes than required", "系列片集数少于要求"},
      {"work.age", warning, "made before the allowed window", "作品制作时间早于允许的范围"},
      {"work.duplicate", warning, "the same content submitted twice under different names",
       "同一内容以不同名称重复报送"},
      {"submission.deadline", warning, "checked after the rule set's deadline",
       "检查日期已过规则的截止日期"},
      {"submission.incomplete", error, "a drive an interrupted pack left half-written",
       "打包被中断，U盘没有写完"},
  };
  return checks;
}

const CheckInfo* find_check(std::string_view id)
{
  for (const auto& check : known_check_ids())
    if (check.id == id)
      return &check;
  return nullptr;
}

bool is_manual_check_id(std::string_view id)
{
  constexpr std::string_view prefix = "manual.";
  if (!id.starts_with(prefix) || id.size() == prefix.size())
    return false;
  id.remove_prefix(prefix.size());
  if (id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos)
    return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return true;
}

std::optional<Severity> parse_severity(std::string_view name)
{
  for (Severity s : {Severity::error, Severity::warning, Severity::manual, Severity::info})
    if (name == severity_name(s))
      return s;
  return std::nullopt;
}

} // namespace mpcheck::rules
