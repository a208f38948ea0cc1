#pragma once
// A rule set: the requirements of one campaign notice, as loaded from rules/*.yaml (see
// rules/README.md for the YAML language). Plain data: the loader fills it, the evaluator reads
// it, `rules show` prints it. Every requirement keeps the notice sentence it comes from.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/lang.hpp"
#include "mpcheck/naming/work_name.hpp"
#include "mpcheck/rules/units.hpp"
#include "mpcheck/util/date.hpp"
#include "mpcheck/util/rational.hpp"

namespace mpcheck::rules {

// Where a requirement comes from and how the rule author tuned it.
struct Origin {
  std::string source; // the notice's own words (an exact substring); "" when none given
  Text note; // the rule author's reading: interpretation, tolerance chosen ("note: text" is
             // Chinese, or either; "note: {zh: …, en: …}" gives both)
  std::optional<Severity> severity; // `severity:` of the block: beats the rule set's overrides
  int line = 0;                     // 1-based position of the key in the rule file; 0 when unknown
  int column = 0;                   // 1-based, in characters
};

// One requirement: the value the notice asks for, and where it comes from.
template <class T> struct Requirement {
  T value{};
  Origin origin;
};

using Strings = std::vector<std::string>;

enum class Orientation { landscape, portrait };
enum class Scan { progressive, interlaced };

// Bit rate bounds, resolved from `bitrate` ± `bitrate_tolerance` and `min_bitrate`/`max_bitrate`.
// Each bound keeps the block that sets it (its severity and sentence): `max_bitrate` in a block
// of its own with `severity: warning` makes too few bits an error and far too many a warning.
struct BitrateRange {
  int64_t target = 0; // bit/s the notice names (for messages and fix hints); 0 when none
  int64_t min = 0;    // bit/s, inclusive; 0 = no lower bound
  int64_t max = 0;    // bit/s, inclusive; 0 = no upper bound
  Origin min_origin;  // the block of `min_bitrate`, else of `bitrate` (its tolerance)
  Origin max_origin;  // the block of `max_bitrate`, else of `bitrate`
};

// Integrated loudness bounds in LUFS; either side may be open.
struct LoudnessRange {
  std::optional<double> min;
  std::optional<double> max;
};

// Rules for every video or audio file of a work (picture rules apply to files with a video
// stream). Each field maps to one check id, named in its comment; unset = not required.
struct MediaRules {
  std::optional<Requirement<Strings>> containers; // container.format: mp4, mov, matroska, ...
  std::optional<Requirement<Strings>> extensions; // name.extension: ".mp4" (lowercase, with dot)
  std::optional<Requirement<Strings>> codecs;     // video.codec: libavcodec names (h264, hevc)
  std::optional<Requirement<Size>> resolution;    // video.resolution: coded width x height
  std::optional<Requirement<Orientation>> orientation; // video.orientation: as displayed
  std::optional<Requirement<Rational>> aspect_ratio;   // video.aspect-ratio: reduced DAR, 16:9
  double aspect_ratio_tolerance = 0.01;                // relative: 1366x768 passes 16:9
  std::optional<Requirement<Rational>> frame_rate;     // video.frame-rate: nominal rate
  double frame_rate_tolerance = 0.01;                  // frames per second, absolute
  std::optional<Requirement<Scan>> scan;               // video.scan
  std::optional<Requirement<BitrateRange>> bitrate;    // video.bitrate: measured video bit rate
  std::optional<Requirement<double>> min_duration;     // duration.min: seconds
  std::optional<Requirement<double>> max_duration;     // duration.max: seconds
  double duration_tolerance = 0; // seconds either side of a limit (exact by default)
  std::optional<Requirement<bool>> audio_required;    // audio.missing
  std::optional<Requirement<bool>> audio_not_silent;  // audio.silent
  double silence_threshold = -60;                     // LUFS: quieter than this is silent
  std::optional<Requirement<LoudnessRange>> loudness; // audio.loudness: integrated, LUFS
};

// One version of a work given as a pair (subtitled / clean).
struct VariantRule {
  std::string suffix;              // canonical, written by pack/rename: "（有字幕）"
  std::vector<std::string> accept; // words recognised in input names: 有字幕, 有字幕版, 字幕版
};

// A work given as two versions: subtitles.pair-missing, subtitles.pair-mismatch and
// subtitles.not-burned.
struct VariantRules {
  bool required = true; // both versions must be present
  VariantRule subtitled;
  VariantRule clean;
  Origin origin;
};

// A kind of image a work may carry (the QR code of a new-media work, its poster).
struct ImageRole {
  std::string role;                 // identifier: qr_code, poster
  std::string suffix;               // canonical name suffix: "（二维码）"
  std::vector<std::string> accept;  // words recognised in input names: 二维码, 海报
  bool required = false;            // absent → image.qr-code (qr_code roles) or document.missing
  bool qr_code = false;             // must hold a decodable QR code: image.qr-code
  std::vector<std::string> formats; // image.format: jpeg, png (empty = any)
  std::vector<std::string> extensions; // name.extension: ".jpg" (empty = any image extension)
  std::string color_mode;              // image.color-mode: cmyk, rgb, grey ("" = any)
  std::optional<Paper> paper;          // image.size: at `dpi`, either orientation
  int dpi = 0;                         // image.dpi (and image.size with paper); 0 = any
  double size_tolerance = 0.03;        // relative, per side: room for 3 mm bleed on A3
  Origin origin;

  // Pixel size the paper size asks for (portrait), or nullopt without paper and dpi.
  std::optional<Size> expected_size() const;
};

// The rules for the works of one category (分类), or for every work (`works:`) when a rule
// set has no categories. Category rules are already merged with `works:` by the loader.
struct CategoryRules {
  std::string name;                        // "微视频"; "" for the rule set's `works:` rules
  std::vector<std::string> aliases;        // other spellings accepted in file names
  std::vector<std::string> kinds{"video"}; // file kinds a work is made of: video, audio, image
  MediaRules media;
  std::vector<ImageRole> images;
  std::optional<VariantRules> variants;
  Origin origin; // the sentence that defines the category

  // True when `text` is the name or one of the aliases.
  bool named(std::string_view text) const;
  // The image role called `role`, or nullptr.
  const ImageRole* image_role(std::string_view role) const;
  // True when a work of this category may be made of files of `kind` (video, audio, image).
  bool takes(std::string_view kind) const;
};

enum class DocumentScope { unit, work };

// A document the submission must (or may) contain: a form, a text, courseware.
struct DocumentRule {
  std::string kind;                        // 报名表, 汇总表, 解说词, 课件, 统计表
  std::vector<std::string> aliases;        // other names in file names: 创意说明
  DocumentScope per = DocumentScope::unit; // one per unit, or one per work
  std::vector<std::string> extensions;     // name.extension, document.format: ".docx", ".doc"
  bool required = true;                    // absent → document.missing
  std::vector<std::string> categories;     // works of these categories only (per work); empty = all
  std::vector<std::string>
      units; // required only of units whose name holds one of these; empty = all
  std::optional<Requirement<Date>> deadline; // its own hand-in date (inclusive); else the set's
  Origin origin;

  // True when `text` is the kind or one of the aliases.
  bool named(std::string_view text) const;
  // The kind and the aliases.
  std::vector<std::string> names() const;
  // True when `unit` must hand this document in: no `units`, `unit` unknown (""), or `unit`
  // holds one of the words.
  bool required_of(std::string_view unit) const;
  // True when a file with `extension` (".DOCX" or ".docx": case is ignored) may be this
  // document: one of `extensions`, or any when none is set.
  bool takes_extension(std::string_view extension) const;
};

// A folder the submission must contain, and the kinds of files that belong in it.
struct FolderRule {
  std::string name;               // 作品
  std::vector<std::string> holds; // video, audio, image, document, or document kinds (报名表)
  Origin origin;                  // the placement sentence (layout.misplaced)
};

// The folder layout (layout.folder-missing, layout.misplaced). Absent: files may sit anywhere.
struct LayoutRules {
  std::vector<FolderRule> folders;
  Origin origin; // the sentence that names the folders
};

// File naming (name.pattern, name.category, name.unit).
struct NamingRules {
  std::string pattern;               // "{title}-{category}-{unit}"
  std::string unit_document_pattern; // "{kind}-{unit}": forms of the whole unit
  std::string work_document_pattern; // "{title}-{kind}-{unit}": texts of one work
  std::string episode_suffix;        // "（第{n}集）", appended after variant suffixes
  std::string forbidden_characters;  // beyond what Windows/FAT forbid anyway
  Origin origin;
};

// Minimum and maximum count; either may be open.
struct CountRange {
  std::optional<int> min;
  std::optional<int> max;
};

// Quotas per unit (work.count, work.category-count, work.episodes, work.age).
struct Quotas {
  std::optional<Requirement<std::optional<int>>>
      max_works; // value nullopt: 数量不限, said explicitly
  std::vector<std::pair<std::string, Requirement<CountRange>>>
      per_category;                                    // canonical category names
  std::optional<Requirement<int>> min_series_episodes; // a series needs at least this many
  std::optional<Requirement<int>> max_age_years;       // made within this many years
};

enum class ManualScope { submission, work };

// A requirement only a person can judge; the report lists it for the user to confirm.
struct ManualItem {
  std::string id;                              // "manual.title-card"
  Text text;                                   // what to confirm, in both languages
  ManualScope scope = ManualScope::submission; // once per report, or once per work
  std::vector<std::string> categories;         // per-work items: these categories only; empty = all
  Origin origin;                               // origin.severity: manual (default) or info
};

// A sentence of the notice deliberately not turned into a check, and why.
struct NotChecked {
  std::string source;
  Text reason; // a string (either language), or {zh, en}
  int line = 0;
  int column = 0;
};

// One requirement as `rules show` lists it: check id, where it applies, what it asks.
struct Clause {
  std::string check; // "duration.max", "manual.title-card"; "" for a purely descriptive entry
  std::string scope; // category name or document kind; "" when it applies to everything
  std::string key;   // the YAML key: "max_duration"
  std::string value; // as the rule author wrote it: "8min"
  Origin origin;
};

struct RuleSet {
  std::string id;   // "changzhou-2024"
  std::string file; // the name it was loaded from, for messages
  Text title;
  std::string document; // issuing document number: 常组通〔2024〕40号
  std::string issuer;   // 中共常州市委组织部
  std::optional<Date> notice_date;
  std::optional<Requirement<Date>> deadline; // inclusive: a check on that day is in time
  CategoryRules works;                       // rules for every work (and for unknown categories)
  std::vector<CategoryRules> categories;     // empty when the notice sets none
  std::vector<DocumentRule> documents;
  std::optional<LayoutRules> layout;
  std::optional<NamingRules> naming;
  Quotas quotas;
  std::vector<ManualItem> manual;
  std::vector<NotChecked> not_checked;
  // Check id → severity from the `severity:` map; nullopt means the check is switched off.
  std::map<std::string, std::optional<Severity>, std::less<>> severity_overrides;
  std::vector<Clause> clauses; // every requirement in file order

  // The category named `name` (or one of its aliases), or nullptr.
  const CategoryRules* category(std::string_view name) const;
  // The rules for a work of category `name`: the category's, or `works` when unknown or "".
  const CategoryRules& rules_for(std::string_view name) const;
  // Whether a video's category decides what is asked of it: some category that holds videos
  // asks something else of a video's picture, rate, length, container or sound than `works:`,
  // which a video of no known category is checked against (changzhou-2024: 微视频 wants
  // 1920x1080, 25 fps and 8 Mbps, 纪录片 none of it). False when every such category asks the
  // same as `works:`: a video of no category was then held to the right rules.
  bool category_decides() const;
  // The suffix pack and rename write for a version of a work of `category`: its variant rule's
  // ("（有字幕）" in Changzhou's rule set), else naming's built-in one.
  std::string variant_suffix(std::string_view category, naming::Variant variant) const;
  // The severity of `check_id`: the rule set's override, else `default_`.
  Severity severity_of(std::string_view check_id, Severity default_) const;
  // As above with the catalogue default (manual.* ids: manual; unknown ids: error).
  Severity severity_of(std::string_view check_id) const;
  // The severity of a finding of `check_id` raised by the requirement at `origin`: the
  // block's own severity, else severity_of(check_id).
  Severity severity_for(std::string_view check_id, const Origin& origin) const;
  // True when `severity: {check_id: off}` switched the check off.
  bool disabled(std::string_view check_id) const;
  // The document rule for kind `kind` (or an alias), or nullptr.
  const DocumentRule* document_rule(std::string_view kind) const;
  // True when `file_name` marks a document of `rule`: it holds the kind or an alias that is not
  // part of a longer name of another document found there (a 师资库统计表 is not the 统计表;
  // 报名表（汇总表） is both).
  bool names_document(const DocumentRule& rule, std::string_view file_name) const;
  // The layout folder holding files of `kind` (video, audio, image, a document kind), or
  // nullptr (no layout, or no folder holds it; a document kind falls back to "document").
  const FolderRule* folder_for(std::string_view kind) const;
  // The manual item with id `id`, or nullptr.
  const ManualItem* manual_item(std::string_view id) const;
};

} // namespace mpcheck::rules
