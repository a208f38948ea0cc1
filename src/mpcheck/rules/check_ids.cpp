#include "mpcheck/rules/check_ids.hpp"

namespace mpcheck::rules {

const std::vector<CheckInfo>& known_check_ids()
{
  using enum Severity;
  static const std::vector<CheckInfo> checks = {
      {"layout.folder-missing", error, "a required folder is absent"},
      {"layout.misplaced", error, "a file sits in a folder its kind does not belong to"},
      {"layout.unexpected", warning, "a file the rules do not account for"},
      {"layout.junk", warning, "Thumbs.db, desktop.ini, .DS_Store, ._*, __MACOSX/ and the like"},
      {"file.empty", error, "zero bytes"},
      {"file.unreadable", error, "cannot be opened or read"},
      {"file.fat32-limit", warning, "4 GiB or more: will not fit on a FAT32 drive"},
      {"name.pattern", error, "does not match the naming pattern"},
      {"name.category", error, "the category part is not one of the rule set's categories"},
      {"name.unit", error, "the unit part differs from --unit, or from the other files"},
      {"name.characters", error,
       "characters Windows/FAT forbid, trailing dot/space, reserved names"},
      {"name.length", error, "name over 255 UTF-16 units, or path over 260"},
      {"name.normalization", warning, "not in Unicode NFC"},
      {"name.collision", error, "two names equal on a case-insensitive, NFC file system"},
      {"name.extension", error, "extension not allowed for this kind of file"},
      {"media.unreadable", error, "not parseable as media"},
      {"media.truncated", error, "the index points past the end of the file"},
      {"media.decode-error", error, "pictures or sound do not decode cleanly (damaged data)"},
      {"container.format", error, "the real container differs from the one required"},
      {"duration.max", error, "too long"},
      {"duration.min", error, "too short"},
      {"video.missing", error, "no video stream"},
      {"video.codec", warning, "codec outside the allowed list"},
      {"video.resolution", error, "width x height differs"},
      {"video.orientation", error, "orientation as displayed differs"},
      {"video.aspect-ratio", error, "display aspect ratio differs"},
      {"video.frame-rate", error, "frame rate differs"},
      {"video.variable-frame-rate", warning, "frame timing is not constant"},
      {"video.scan", error, "interlaced where progressive is required"},
      {"video.bitrate", error, "measured bit rate outside the allowed range"},
      {"video.black", warning, "long black stretches at start/end, or an all-black video"},
      {"audio.missing", error, "no audio stream where sound is required"},
      {"audio.silent", error, "audio present but silent"},
      {"audio.loudness", warning, "integrated loudness far outside the usual range"},
      {"subtitles.pair-missing", error, "one version of a subtitled/clean pair is absent"},
      {"subtitles.pair-mismatch", error, "the two versions are not the same programme"},
      {"subtitles.not-burned", warning, "the subtitled version shows no burned-in text"},
      {"image.format", error, "not the required image format"},
      {"image.color-mode", error, "not the required colour mode"},
      {"image.size", error, "pixel size does not match the paper size at the dpi"},
      {"image.dpi", error, "density metadata is not the required dpi"},
      {"image.qr-code", warning, "a work without a decodable QR code"},
      {"document.missing", error, "a required form, text or courseware is absent"},
      {"document.format", error, "not a real document of the allowed formats"},
      {"work.count", error, "more works than the quota per unit"},
      {"work.category-count", error, "a category quota broken"},
      {"work.episodes", error, "a series with fewer episodes than required"},
      {"work.age", warning, "made before the allowed window"},
      {"work.duplicate", warning, "the same content submitted twice under different names"},
      {"submission.deadline", warning, "checked after the rule set's deadline"},
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
