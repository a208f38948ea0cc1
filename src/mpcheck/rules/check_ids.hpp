#pragma once
// The check catalogue: every stable check id with its family, default severity, the rule keys
// that set it and its one-line meaning in Chinese and English. Findings carry these ids; rule
// sets may change a severity, reports group by id, users waive by id. man/mpcheck.1 (CHECK IDS)
// is the reference users read; tests/cli/test_catalogue.py holds the table, the checks, the
// man page and the end-to-end tests to each other.
//
// Adding a check id is one row of MPCHECK_CHECK_TABLE below (CONTRIBUTING.md).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/finding.hpp"

// The one table. Each row:
//   X(constant, "id", family, default severity, "rule keys", "meaning", "含义")
// - constant: the name of the id in code, `ids::video_resolution`;
// - family: the check family that raises it, the file checks/FAMILY.cpp (container.format is
//   checked with the media.* ids);
// - rule keys: the keys of a rule file (rules/README.md, "Key reference") that ask for the
//   check, space-separated; "" for checks every submission gets whatever the rules say (only the
//   `severity:` map changes those).
// clang-format off
#define MPCHECK_CHECK_TABLE(X) \
  X(layout_folder_missing, "layout.folder-missing", layout, error, "layout.folders[].name", \
    "a required folder is absent", \
    "缺少要求的文件夹（作品/表格/文本）") \
  X(layout_misplaced, "layout.misplaced", layout, error, "layout.folders[].holds", \
    "a file sits in a folder its kind does not belong to", \
    "文件放在了不该放的文件夹里") \
  X(layout_unexpected, "layout.unexpected", layout, warning, "layout", \
    "a file the rules do not account for", \
    "规则没有提到的文件") \
  X(layout_junk, "layout.junk", layout, warning, "", \
    "Thumbs.db, desktop.ini, .DS_Store, ._*, __MACOSX/ and the like", \
    "系统垃圾文件：Thumbs.db、desktop.ini、.DS_Store、._*、__MACOSX/ 等") \
  X(file_empty, "file.empty", file, error, "", \
    "zero bytes", \
    "文件为空（0 字节）") \
  X(file_unreadable, "file.unreadable", file, error, "", \
    "cannot be opened or read", \
    "文件无法打开或读取") \
  X(file_fat32_limit, "file.fat32-limit", file, warning, "", \
    "4 GiB or more: will not fit on a FAT32 drive", \
    "文件达到 4 GiB，放不进 FAT32 格式的U盘") \
  X(file_symlink_outside, "file.symlink-outside", file, error, "", \
    "a symbolic link leading out of the checked folder: not read; pack refuses it", \
    "符号链接指向所查文件夹之外：不读取，pack 拒绝复制") \
  X(file_symlink, "file.symlink", file, warning, "", \
    "a symbolic link to another file of the folder: checked as that file; pack copies it", \
    "指向本文件夹内另一文件的符号链接：按该文件检查，pack 复制该文件") \
  X(file_hash_mismatch, "file.hash-mismatch", file, error, "", \
    "the bytes differ from the drive's manifest-sha256.txt", \
    "文件内容与U盘的 manifest-sha256.txt 记录不一致") \
  X(file_missing_from_drive, "file.missing-from-drive", file, error, "", \
    "a file manifest-sha256.txt lists is not on the drive", \
    "manifest-sha256.txt 列出的文件不在U盘上") \
  X(file_not_in_manifest, "file.not-in-manifest", file, warning, "", \
    "a file on the drive manifest-sha256.txt does not list", \
    "U盘上的文件没有列在 manifest-sha256.txt 中") \
  X(file_manifest_malformed, "file.manifest-malformed", file, warning, "", \
    "lines of manifest-sha256.txt that cannot be used; not one usable: an error", \
    "manifest-sha256.txt 有无法使用的行；没有一行可用时为错误") \
  X(name_pattern, "name.pattern", name, error, "naming.pattern", \
    "does not match the naming pattern", \
    "文件名不符合命名格式") \
  X(name_category, "name.category", name, error, "naming.pattern categories", \
    "the category part is not one of the rule set's categories", \
    "文件名中的分类不是规则中的分类") \
  X(name_unit, "name.unit", name, error, "naming.pattern", \
    "the unit part differs from --unit, or from the other files", \
    "文件名中的报送单位与 --unit 或其他文件不一致") \
  X(name_characters, "name.characters", name, error, "naming.forbidden_characters", \
    "characters Windows/FAT forbid, trailing dot/space, reserved names", \
    "文件名含有 Windows 和U盘不允许的字符、结尾的点或空格、保留名") \
  X(name_length, "name.length", name, error, "", \
    "name over 255 UTF-16 units, or path over 260", \
    "文件名超过 255 个 UTF-16 单位，或路径超过 260") \
  X(name_normalization, "name.normalization", name, warning, "", \
    "not in Unicode NFC", \
    "文件名不是 Unicode NFC 形式") \
  X(name_collision, "name.collision", name, error, "", \
    "two names equal on a case-insensitive, NFC file system", \
    "两个文件名在不区分大小写的 NFC 文件系统上相同") \
  X(name_extension, "name.extension", name, error, "media.extensions images[].extensions documents[].extensions", \
    "extension not allowed for this kind of file", \
    "扩展名不是这类文件允许的") \
  X(media_unreadable, "media.unreadable", media, error, "", \
    "not parseable as media", \
    "无法作为音视频读取") \
  X(media_truncated, "media.truncated", media, error, "", \
    "the index points past the end of the file", \
    "索引指向文件末尾之外：复制或下载中断") \
  X(media_decode_error, "media.decode-error", media, error, "", \
    "pictures or sound do not decode cleanly (damaged data)", \
    "画面或声音解码出错（数据损坏）") \
  X(container_format, "container.format", media, error, "media.containers", \
    "the real container differs from the one required", \
    "实际封装格式与要求不符") \
  X(duration_max, "duration.max", duration, error, "media.max_duration", \
    "too long", \
    "时长超过上限") \
  X(duration_min, "duration.min", duration, error, "media.min_duration", \
    "too short", \
    "时长低于下限") \
  X(video_missing, "video.missing", video, error, "kinds", \
    "no video stream", \
    "没有视频流") \
  X(video_codec, "video.codec", video, warning, "media.codecs", \
    "codec outside the allowed list", \
    "视频编码不在允许范围内") \
  X(video_resolution, "video.resolution", video, error, "media.resolution", \
    "width x height differs", \
    "分辨率不符") \
  X(video_orientation, "video.orientation", video, error, "media.orientation", \
    "orientation as displayed differs", \
    "画面方向（横竖屏）不符") \
  X(video_aspect_ratio, "video.aspect-ratio", video, error, "media.aspect_ratio", \
    "display aspect ratio differs", \
    "画面宽高比不符") \
  X(video_frame_rate, "video.frame-rate", video, error, "media.frame_rate", \
    "frame rate differs", \
    "帧率不符") \
  X(video_variable_frame_rate, "video.variable-frame-rate", video, warning, "media.frame_rate", \
    "frame timing is not constant", \
    "帧间隔不恒定（可变帧率）") \
  X(video_scan, "video.scan", video, error, "media.scan", \
    "interlaced where progressive is required", \
    "要求逐行扫描，实际是隔行") \
  X(video_bitrate, "video.bitrate", video, error, "media.bitrate media.min_bitrate media.max_bitrate", \
    "measured bit rate outside the allowed range", \
    "实测码率超出允许范围") \
  X(video_hdr, "video.hdr", video, warning, "", \
    "HDR or wide gamut (HLG, PQ, BT.2020): washed out on projectors", \
    "HDR 高动态范围或 BT.2020 广色域：普通投影仪上发灰发白") \
  X(video_bit_depth, "video.bit-depth", video, warning, "", \
    "more than 8 bits per sample (10-bit)", \
    "色深超过 8 位（10 位）：很多设备放不了") \
  X(video_black, "video.black", video, warning, "", \
    "long black stretches at start/end, or an all-black video", \
    "开头或结尾有长时间黑场，或全片黑屏") \
  X(audio_missing, "audio.missing", audio, error, "media.audio_required", \
    "no audio stream where sound is required", \
    "要求有声音，却没有音频流") \
  X(audio_silent, "audio.silent", audio, error, "media.audio_not_silent", \
    "audio present but silent", \
    "有音频流但无声") \
  X(audio_loudness, "audio.loudness", audio, warning, "media.min_loudness media.max_loudness", \
    "integrated loudness far outside the usual range", \
    "整体响度远离常用范围") \
  X(subtitles_pair_missing, "subtitles.pair-missing", subtitles, error, "variants", \
    "one version of a subtitled/clean pair is absent", \
    "有字幕/无字幕两个版本缺一个") \
  X(subtitles_pair_mismatch, "subtitles.pair-mismatch", subtitles, error, "variants", \
    "the two versions are not the same programme", \
    "两个版本不是同一节目") \
  X(subtitles_not_burned, "subtitles.not-burned", subtitles, warning, "variants", \
    "the subtitled version shows no burned-in text", \
    "有字幕版本看不出压制的字幕") \
  X(image_format, "image.format", image, error, "images[].formats", \
    "not the required image format", \
    "图片格式不符") \
  X(image_color_mode, "image.color-mode", image, error, "images[].color_mode", \
    "not the required colour mode", \
    "色彩模式不符") \
  X(image_size, "image.size", image, error, "images[].paper", \
    "pixel size does not match the paper size at the dpi", \
    "像素尺寸与纸张尺寸和分辨率不符") \
  X(image_dpi, "image.dpi", image, error, "images[].dpi", \
    "density metadata is not the required dpi", \
    "图片分辨率（dpi）标记不符") \
  X(image_qr_code, "image.qr-code", image, error, "images[].qr_code images[].required", \
    "a work without a decodable QR code", \
    "作品缺少可识别的二维码") \
  X(document_missing, "document.missing", document, error, "documents[].kind documents[].required images[].required", \
    "a required form, text or courseware is absent", \
    "缺少要求的表格、文本或课件") \
  X(document_format, "document.format", document, error, "documents[].extensions", \
    "not a real document of the allowed formats", \
    "不是允许格式的真实文档") \
  X(work_count, "work.count", work, error, "quotas.max_works", \
    "more works than the quota per unit, or a drive with no work at all", \
    "作品数超过每个单位的限额，或U盘里没有任何作品") \
  X(work_category_count, "work.category-count", work, error, "quotas.per_category", \
    "a category quota broken", \
    "某类作品数量不符合限额") \
  X(work_episodes, "work.episodes", work, error, "quotas.min_series_episodes", \
    "a series with fewer episodes than required", \
    "系列片集数少于要求") \
  X(work_age, "work.age", work, warning, "quotas.max_age_years", \
    "made before the allowed window", \
    "作品制作时间早于允许的范围") \
  X(work_duplicate, "work.duplicate", work, warning, "", \
    "the same content submitted twice under different names", \
    "同一内容以不同名称重复报送") \
  X(submission_deadline, "submission.deadline", submission, warning, "deadline documents[].deadline", \
    "checked after the rule set's deadline", \
    "检查日期已过规则的截止日期") \
  X(submission_incomplete, "submission.incomplete", submission, error, "", \
    "a drive an interrupted pack left half-written", \
    "打包被中断，U盘没有写完")
// clang-format on

namespace mpcheck::rules {

// Every check id of the table, in catalogue order.
inline constexpr std::array catalogue_ids = {
#define MPCHECK_CHECK_ID(name, id, ...) std::string_view{id},
    MPCHECK_CHECK_TABLE(MPCHECK_CHECK_ID)
#undef MPCHECK_CHECK_ID
};

// A check id a finding may carry: one of the table (`ids::video_resolution`), or a manual item
// a rule set defines (`CheckId::manual`). Built from a literal only at compile time and only
// for an id of the table, so a misspelt id does not compile.
class CheckId {
public:
  consteval explicit CheckId(std::string_view id) : m_id(id)
  {
    bool known = false;
    for (std::string_view each : catalogue_ids)
      known = known || each == id;
    if (!known)
      throw "not a check id of MPCHECK_CHECK_TABLE"; // a compile error in a consteval call
  }
  // A manual item's id ("manual.title-card"), as the rule set defines it (is_manual_check_id);
  // `id` must outlive the CheckId (it lives in the RuleSet).
  static CheckId manual(std::string_view id) { return CheckId(id, Manual{}); }

  constexpr std::string_view str() const { return m_id; }
  friend constexpr bool operator==(CheckId, CheckId) = default;

private:
  struct Manual {};
  constexpr CheckId(std::string_view id, Manual) : m_id(id) {}
  std::string_view m_id;
};

// The ids of the table by name: ids::video_resolution is "video.resolution".
namespace ids {
#define MPCHECK_CHECK_CONSTANT(name, id, ...) inline constexpr CheckId name{id};
MPCHECK_CHECK_TABLE(MPCHECK_CHECK_CONSTANT)
#undef MPCHECK_CHECK_CONSTANT
} // namespace ids

struct CheckInfo {
  std::string_view id;         // "video.resolution"
  std::string_view family;     // "video": raised by checks/video.cpp
  Severity default_severity;   // when the rule set says nothing else
  std::string_view rule_keys;  // "media.resolution": the rule keys that ask for it, or ""
  std::string_view meaning;    // one line in English
  std::string_view meaning_zh; // the same in Chinese
};

// Every check id of the table (all but the open family manual.*), in catalogue order.
const std::vector<CheckInfo>& known_check_ids();

// The catalogue entry for `id`, or nullptr (also for manual.* ids, which rule sets define).
const CheckInfo* find_check(std::string_view id);

// True for a well-formed manual item id: "manual." then lowercase words of a-z and 0-9 joined
// by single hyphens ("manual.title-card").
bool is_manual_check_id(std::string_view id);

// Whether `pattern` (a --waive value) names what findings can carry: a catalogue id, a
// well-formed manual.* id, or "PREFIX.*" for the first word of catalogue ids ("video.*",
// "manual.*").
bool is_waivable(std::string_view pattern);

// The catalogue id or "PREFIX.*" closest to a `pattern` that is not waivable ("video.bitrat" →
// "video.bitrate"), or nullopt when none is close (util/suggest.hpp).
std::optional<std::string> closest_waivable(std::string_view pattern);

// "error" → Severity::error, likewise "warning", "manual", "info"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view name);

} // namespace mpcheck::rules
