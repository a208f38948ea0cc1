#pragma once
// What every check reads (the submission, the rule set, the options) and where it writes
// (the sink). One file per check family, named after the id's prefix: video.* lives in
// checks/video.cpp, layout.* in checks/layout.cpp. Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::checks {

// The check ids by name (rules/check_ids.hpp): ids::video_resolution.
namespace ids = rules::ids;

struct Options {
  Date as_of;                // "today" for deadlines and the age of works
  std::string unit;          // --unit: the unit every name must carry; "" = the names must agree
  bool target_fat32 = false; // the drive is FAT32: file.fat32-limit is an error
  // The folder `pack` packed the drive from, as given to it (pack's own check): the packed
  // drive's hints name it in their commands. "" when not known (check of a drive later): the
  // hints then say their "素材文件夹" is a placeholder.
  std::string pack_source;
  // The checked folder is pack's material: it holds works.yaml (`check` says so on stderr).
  // works.yaml is then pack's manifest, not a file to delete (layout.unexpected), and the
  // hints' fix command is pack's for the material, `mpcheck fix "SRC" --rules R --in-place`,
  // which edits works.yaml too: a video fixed into 修复后/ would leave works.yaml naming the
  // old one, and pack would pack it again (docs/submissions.md).
  bool material = false;
};

// Collects findings, taking each one's severity from the rule set.
class Sink {
public:
  explicit Sink(const rules::RuleSet& rules) : m_rules(rules) {}

  // A new finding of `check` about `path` (and work `work`), or nullptr when the rule set
  // switches the check off. `origin` is the requirement it breaks (its severity and source
  // sentence), nullptr when none.
  // `check` is a constant of the catalogue (`ids::video_resolution`) or a manual item's id.
  Finding* add(rules::CheckId check, const rules::Origin* origin, const std::string& path,
               const std::string& work = "");
  // A finding of what every video needs whatever the notice says (the baselines): a warning
  // unless the rule set's severity map raises (or switches off) `check`.
  Finding* add_baseline(rules::CheckId check, const std::string& path,
                        const std::string& work = "");
  std::vector<Finding> take() { return std::move(m_findings); }

private:
  const rules::RuleSet& m_rules;
  std::vector<Finding> m_findings;
};

struct Context {
  const Submission& sub;
  const rules::RuleSet& rules;
  const Options& options;
  Sink& sink;

  // True when a drive is checked, false for loose files: the checks of the whole submission
  // (folders, forms, quotas, a work's missing version, the deadline, the manifest) run on
  // drives only.
  bool whole_drive() const { return sub.scope == Scope::drive; }
  // The title of the work `file` belongs to, or "".
  std::string work_of(const SubmissionFile& file) const;
  // The category rules for `file`: its work's category, else the rule set's `works:` rules.
  const rules::CategoryRules& rules_for(const SubmissionFile& file) const;
  // True when the walk could not read a folder of the drive (no permission, an I/O error):
  // what is inside was not seen, so nothing may be called missing for it (file.unreadable
  // names the folder). unread_holds(path): `path` is such a folder or lies inside one.
  bool any_folder_unread() const;
  bool unread_holds(const std::string& path) const;
};

// Runs every check family in catalogue order and returns the findings.
std::vector<Finding> run_all(const Submission& sub, const rules::RuleSet& rules,
                             const Options& options);

void check_layout(const Context& ctx);     // layout.*
void check_file(const Context& ctx);       // file.*
void check_name(const Context& ctx);       // name.*
void check_media(const Context& ctx);      // media.*, container.format
void check_duration(const Context& ctx);   // duration.*
void check_video(const Context& ctx);      // video.*
void check_audio(const Context& ctx);      // audio.*
void check_subtitles(const Context& ctx);  // subtitles.*
void check_image(const Context& ctx);      // image.*
void check_document(const Context& ctx);   // document.*
void check_work(const Context& ctx);       // work.*
void check_submission(const Context& ctx); // submission.*
void check_manual(const Context& ctx);     // manual.*

// The file that is the document `rule` asks for (of `work`, for per-work documents), or nullptr.
const SubmissionFile* find_document(const Context& ctx, const rules::DocumentRule& rule,
                                    const Work* work);

// Shell-quotes a path for a command the user can paste: "作品/a b.mp4".
std::string shell_quote(const std::string& path);

// The file's path as the user reaches it from where mpcheck ran (the checked root joined
// with the file's path), for commands to paste.
std::string command_path(const SubmissionFile& file);

// Whether the pictures are interlaced: as measured on them when the deep checks ran and
// could tell, else as the stream is flagged.
bool pictures_interlaced(const MediaFacts& facts);

// Whether the decoded sound can be heard: integrated loudness at or above `threshold` (LUFS);
// a clip shorter than 400 ms (no integrated loudness) by its true peak.
bool audible(const DeepFacts& d, double threshold);

// HLG or PQ transfer: high dynamic range. BT.2020 primaries or matrix: wide gamut. Both
// look washed out where the player assumes BT.709.
bool hdr_transfer(const VideoFacts& v);
bool wide_gamut(const VideoFacts& v);

// The picture `mpcheck fix` makes and the hints' ffmpeg command asks for: the source turned
// upright, its samples made square, scaled into the canvas with its aspect kept and padded
// (never stretched), deinterlaced only when the pictures really are interlaced, HDR
// tone-mapped to SDR BT.709, at a constant rate, H.264 High at a real CBR (x264 nal-hrd=cbr)
// inside the rule's bit-rate range. docs/fix.md.
struct PictureConversion {
  int width = 0, height = 0; // the canvas
  int rotation = 0;          // degrees clockwise a player turns the source: undone
  Rational sar{1, 1};        // the source's sample aspect ratio: made square first
  bool deinterlace = false;  // bwdif
  bool tonemap = false;      // HLG/PQ or BT.2020 → SDR BT.709
  Rational frame_rate;       // constant output rate (fps filter)
  int64_t bitrate = 0;       // CBR bit/s; 0: constant quality (crf 18)
  friend bool operator==(const PictureConversion&, const PictureConversion&) = default;
};

// Whether `media` wants a landscape picture: its orientation rule, else a resolution at least
// as wide as high.
bool wants_landscape(const rules::MediaRules& media);

// Whether a conversion under `media` would need --pillarbox: the picture is shown portrait
// and the rules want landscape (fix refuses it without; the hints say so).
bool needs_pillarbox(const VideoFacts& video, const rules::MediaRules& media);

// The conversion of `facts`' picture under `media`. `landscape_canvas`: a portrait picture
// goes on a landscape canvas (pillarbox) when no resolution is set.
PictureConversion picture_conversion(const MediaFacts& facts, const rules::MediaRules& media,
                                     bool landscape_canvas);

// The CBR rate that lands inside `r`: the notice's target, else the middle of the range.
int64_t cbr_bitrate(const rules::BitrateRange& r);

// The libavfilter graph of `c`, from the decoded picture to the encoder: bwdif, fps (before
// the costly steps: dropped pictures are not turned or scaled), transpose (with `transpose`;
// the ffmpeg program turns the picture itself), square samples, zscale/tonemap, scale + pad,
// setsar=1, yuv420p.
std::string picture_filter(const PictureConversion& c, bool transpose);

// Where the hints' ffmpeg command writes, beside where it runs: 修复后/ + the compliant name.
inline constexpr const char* fixed_folder = "修复后";

// The file name a fixed `file` takes: the rule set's pattern (pack's canonical name, with
// --unit) when the rule set has one and the name is understood, else its stem; ".mp4".
std::string fixed_name(const Context& ctx, const SubmissionFile& file);

// The `mpcheck fix` command for `file`, as the user can paste it; with --pillarbox when the
// picture is portrait and the rules want landscape (fix refuses it otherwise).
std::string mpcheck_fix_command(const Context& ctx, const SubmissionFile& file);

// The one ffmpeg command that turns `file` into a video meeting `media` (the picture of
// picture_conversion, AAC 48 kHz stereo, MP4 with the index first), written to
// 修复后/<fixed_name> (tests/cli/test_fix.py runs it).
std::string ffmpeg_fix_command(const Context& ctx, const SubmissionFile& file,
                               const rules::MediaRules& media);

// The two commands that mend a drive pack made, on its source material: `mpcheck fix SRC
// --rules R --in-place`, then pack again, with --clean into the drive itself when it carries
// pack's state file (fix renames what it converts, .MOV → .mp4, and --clean removes only the
// old names an earlier pack wrote), else into a new folder. `source`: the source folder, ""
// when not known (a placeholder, said to be one); `drive`: the packed folder as the user
// reaches it; `extra`: options for fix (" --pillarbox"); `fix_scope`: what the fix command
// mends, said after it (default: every failing video works.yaml lists). docs/fix.md,
// docs/pack.md.
Text repack_commands(const std::string& source, const std::string& drive, bool state_file,
                     const std::string& rules, const std::string& unit, const std::string& extra,
                     const std::optional<Text>& fix_scope = std::nullopt);

// The fix to run on pack's material, when the hint's file is reached through it — one command
// for the whole folder, so the hints agree on it: a portrait video's carries --pillarbox
// (offered, never forced) and says it mends all the other does; the others', when the folder
// holds such a video, say that theirs leaves it (docs/fix.md).
// * On a drive pack made (it carries manifest-sha256.txt): the fix of the source material,
//   then pack again (repack_commands) — a file changed on the drive no longer matches its
//   manifest, and fix refuses to write there.
// * On the material itself (Options::material): the same fix of this folder in place (it
//   edits works.yaml), then pack (material_commands).
// nullopt elsewhere: the hint gives its commands for `file`.
std::optional<Text> material_fix(const Context& ctx, const SubmissionFile& file);

// The pack of the material being checked (Options::material) into a drive the clerk names:
// `mpcheck pack "SRC" --rules R --out "U盘"` (--unit when given), the placeholder said.
Text material_pack_command(const Context& ctx);

// "mpcheck fix …" then "or with ffmpeg: …": what a hint of a fixable finding shows
// (material_fix's text on a packed drive and on pack's material).
Text fix_commands(const Context& ctx, const SubmissionFile& file, const rules::MediaRules& media);

} // namespace mpcheck::checks
