#pragma once
// `mpcheck fix`, the pure part: from a video's findings and the rules, the least work that
// makes it pass (docs/fix.md). Remux only (stream copy into a real MP4 with its index first)
// when the streams are already right; re-encode the picture, the sound or both when a finding
// asks for it; nothing at all, with the reason said plainly, when no conversion can help
// (a damaged file, a missing version, too long without --trim, portrait without --pillarbox).
// No I/O: fix/transcode.cpp carries a plan out.

#include <optional>
#include <string>
#include <vector>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/lang.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/rational.hpp"

namespace mpcheck::fix {

// x264's preset for every re-encode (and the hints' ffmpeg command): its default.
inline constexpr const char* x264_preset = "medium";
// The sound of every re-encode: AAC-LC, 48 kHz, stereo, 192 kbit/s.
inline constexpr int audio_rate = 48000;
inline constexpr int audio_bitrate = 192000;
// The loudness aimed at when audio.loudness fails (EBU R128), moved inside the rule's range.
inline constexpr double loudness_target = -23.0;

// The highest true peak a raised sound may reach (EBU R128's −1 dBTP): the rule sets state no
// true-peak limit of their own.
inline constexpr double true_peak_limit = -1.0;
// The ceiling the limiter aims at, under the limit: the AAC encoder and the way back from
// 192 kHz add a few tenths of a dB of overshoot.
inline constexpr double limiter_ceiling = -1.5;

// The gain that brings the sound to the loudness target without passing the true-peak limit.
struct LoudnessGain {
  double gain_db = 0;       // the linear gain applied
  bool capped = false;      // the gain was lowered so that the peaks stay under the limit
  bool limiter = false;     // a true-peak limiter (4x oversampled) holds the raised peaks
  double reduction_db = 0;  // with the limiter: how far it must press the highest peak down
  double target_lufs = 0;   // the loudness aimed at
  double expected_lufs = 0; // the loudness the gain gives (before the limiter)
};

// From the measured integrated loudness `lufs` and true peak `peak_dbtp` and the rule's range:
// the gain to the target (−23 LUFS moved 1 LU inside the range); when the raised peaks would
// pass true_peak_limit, the gain capped at the peaks' headroom if that still lands 1 LU
// inside the range, else the full gain with a true-peak limiter.
LoudnessGain loudness_gain(double lufs, double peak_dbtp, const rules::LoudnessRange& range);

// The picture of a re-encode: the same conversion the hints' ffmpeg command shows
// (checks/context.hpp).
using VideoSettings = checks::PictureConversion;

// Why a finding cannot be fixed by converting the file, and what to do instead.
struct Blocker {
  std::string check; // the finding's id
  Text why;
};

struct Plan {
  std::string source;             // the file to read (abs path)
  std::string path;               // as reports name it (relative to the checked root)
  std::vector<std::string> fixes; // check ids the plan addresses
  std::vector<Blocker> blockers;  // errors no conversion fixes: the file is not converted
  // Findings of the work no conversion of this file fixes, though the file itself can be
  // (the other version of a pair is missing): the file is converted, these are said plainly
  // and the command still exits 1.
  std::vector<Blocker> left;
  // Warnings no conversion mends (no sound where sound is only advised): said, never blocking.
  std::vector<Blocker> warnings;
  bool encode_video = false; // false: the video stream is copied
  bool encode_audio = false; // false: the audio stream is copied
  VideoSettings video;
  double gain_db = 0;           // applied to the sound (audio.loudness); 0: none
  LoudnessGain loudness;        // how gain_db was chosen; .limiter: a true-peak limiter follows
  std::optional<double> trim_s; // cut at this time (--trim and duration.max)
  std::string out_name;         // the compliant file name of the output

  bool fixable() const { return blockers.empty(); }
  bool complete() const { return blockers.empty() && left.empty(); }
  bool needed() const { return !fixes.empty(); }
  bool remux_only() const { return !encode_video && !encode_audio; }
};

struct PlanOptions {
  bool trim = false;      // --trim: cut what runs past duration.max
  bool pillarbox = false; // --pillarbox: put portrait pictures on a landscape canvas
  std::string unit;       // --unit: the unit the compliant name carries
};

// The check ids whose findings `fix` can act on.
bool fixable_check(const std::string& check);

// Why a finding of `check` cannot be fixed by a conversion, and what to do instead (for a
// missing version, only why: plan_file adds the finding's own hint, which knows pack's material).
Text blocker_text(const std::string& check);

// Findings of the work that concern both versions of a pair (they are not the same programme,
// their names are swapped): no conversion of either mends them, so both are refused.
bool pair_blocker(const std::string& check);

// For a video whose category (as read from its name or works.yaml, "" when none) is none of
// the rule set's while the category decides (RuleSet::category_decides): why fix cannot plan it —
// the check did not hold it to its category's rules, and fix cannot tell which to make — and how to
// give the category. nullopt when the category is known or does not matter. `check` is the id of
// the name finding the blocker stands under (name.pattern, name.category).
std::optional<Blocker> unknown_category(const rules::RuleSet& rules, const std::string& category,
                                        const std::string& check);

// The plan for `file` from its findings (those of other files are ignored) under `rules`.
// Only an error stops a file: a warning no conversion mends (audio.missing under a rule set
// that only advises sound) is kept in `warnings` and the rest of the file is fixed. A file
// with no finding fix acts on is left alone (needed() is false): a passing MP4 whose index is
// at its end is not rewritten, though every output has its index first.
Plan plan_file(const SubmissionFile& file, const std::vector<Finding>& findings,
               const rules::RuleSet& rules, const rules::MediaRules& media,
               const PlanOptions& options);

// The two versions of one work are fixed with the same settings, so that they stay the same
// programme: when either is re-encoded both are, with `a`'s picture settings and gain.
void align_pair(Plan& a, Plan& b);

// The output's name: the compliant name of the rule set's pattern (layout::canonical_name)
// when the file's name is understood, else its stem, with ".mp4".
std::string output_name(const SubmissionFile& file, const rules::RuleSet& rules,
                        const std::string& unit);

// The libavfilter graph of the picture for `v`, between the decoder and the encoder:
// checks::picture_filter with the rotation undone (libavcodec does not turn pictures).
std::string video_filter(const VideoSettings& v);

// The libavfilter graph of the sound: the gain, with the limiter the true-peak limiter at 4x
// oversampling (192 kHz, where a sample peak is the true peak within ~0.5 dB), then 48 kHz
// stereo float for the AAC encoder.
std::string audio_filter(const Plan& plan);

// One line per step of the plan ("转封装为 MP4（不重新编码）", "重新编码画面：1920x1080 …").
std::vector<Text> describe(const Plan& plan);

} // namespace mpcheck::fix
