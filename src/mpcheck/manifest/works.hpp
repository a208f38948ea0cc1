#pragma once
// The works manifest, works.yaml (man page, WORKS MANIFEST): the unit and each work with its source
// files and the facts the forms need. `pack` names every file and fills the forms from it; `init`
// writes a first version guessed from a folder. Errors carry FILE:LINE:COL.

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::manifest {

// The source files of one work, as paths relative to the manifest's folder (never absolute).
struct WorkFiles {
  std::string subtitled;                   // 有字幕 version of a pair
  std::string clean;                       // 无字幕 version of a pair
  std::string video;                       // the video of a work that is not a pair
  std::vector<std::string> episodes;       // a series: one file per episode, in order (for a series
                                           // of pairs, each episode's subtitled version)
  std::vector<std::string> clean_episodes; // a series of pairs: each episode's clean version,
                                           // beside `episodes`; empty otherwise
  std::string poster;                      // 宣传海报 (new-media works)
  std::string qr;                          // 作品地址二维码 image (new-media works)
  std::string courseware;                  // PPT 课件
  std::string script;                      // 解说词 / 创意说明
};

struct Work {
  std::string title;    // 作品名 (NFC)
  std::string category; // the rule set's spelling
  WorkFiles files;
  int episodes = 1;                              // 总集数
  double minutes_per_episode = 0;                // 每集时长
  std::string producer;                          // 制作单位
  std::string creators;                          // 主创人员
  std::string summary;                           // 内容简介
  std::string new_media_type;                    // 类型: 微信推文, H5, 海报 ...
  std::string platform;                          // 发布平台
  std::string reach;                             // 传播效果
  std::string speaker, position, date, audience; // a recorded lesson (授课记录; 统计表 when
                                                 // the manifest has no `lectures`)
  std::string content, discussion;               // 主要内容, 讨论交流情况 (授课记录)
  int line = 0;                                  // where the work starts in the file
  int column = 0;                                // (its first key's column)
};

// One lecture of the unit's members (`lectures:`): a row of 焦作's 统计表 or a 授课记录. Not a
// contest entry: any number of them, outside the works' quota.
struct Lecture {
  std::string speaker, position, title;
  std::string date;     // YYYY-MM-DD (checked)
  std::string audience; // 听课人数 (统计表) or who took part (授课记录)
  std::string content, discussion;
  int line = 0, column = 0; // where the lecture starts in the file
};

// One person of 焦作's 微型党课宣讲员师资库 (`lecturers:`, 附件2).
struct Lecturer {
  std::string name, gender /*男 or 女*/, born /*YYYY-MM*/, unit, position, phone;
  int line = 0;
};

// A document of the whole unit, not of one work (`documents:`): 焦作's 情况报告 of a
// 县/市/区委宣传部, or a form the unit filled in and sealed itself. Packed as KIND-单位.ext.
struct UnitDocument {
  std::string kind; // the rule set's kind (an alias given is read as its kind): 情况报告
  std::string path; // relative to the manifest's folder, like a work's files
  int line = 0;
};

struct Manifest {
  std::string file;     // as given, for messages
  std::string text;     // the file as parsed: the lines later errors point at (record gaps)
  std::string base_dir; // relative source paths are relative to this folder
  std::string unit;     // 报送单位
  std::string contact;  // 联系人
  std::string phone;    // 联系电话
  std::vector<Work> works;
  std::vector<Lecture> lectures;       // the 统计表's rows; empty = the works' lectures
  std::vector<Lecturer> lecturers;     // the 师资库统计表's rows
  std::vector<UnitDocument> documents; // in file order

  // A source path made absolute against base_dir.
  std::string resolve(const std::string& path) const;
};

// Every problem of one works.yaml, all found in one pass (a YAML syntax error stops the reading:
// then it is the only one). problems() are in file order, each "FILE:LINE:COL: MESSAGE" in
// the manifest's language. what() shows them all for error_prefix() ("mpcheck：错误：") to prefix:
// each with its line and a caret under the spot, the second and later ones starting with that
// prefix themselves, and a last line counting them ("works.yaml：共 3 处要改").
class ManifestError : public rules::RuleError {
public:
  ManifestError(std::vector<rules::RuleError> problems, std::string_view text, Lang lang);
  const std::vector<rules::RuleError>& problems() const { return m_problems; }

private:
  ManifestError(std::vector<rules::RuleError> sorted, std::string_view text, Lang lang, int);
  std::vector<rules::RuleError> m_problems;
};

using FileExists = std::function<bool(const std::string& absolute_path)>;

// The folder every source must really be in (docs/pack.md, "What pack reads and writes": pack reads
// only inside SRC).
struct SourceBound {
  std::string root; // with its links resolved; "" = no bound (only absolute paths refused)
  // `path` with every link and '..' resolved (std::filesystem::weakly_canonical); tests fake it.
  std::function<std::string(const std::string& path)> real_path;
  Lang lang = Lang::zh; // of the messages about paths that leave the root
};

// The forms pack fills in itself from works.yaml (its works, lectures and lecturers;
// pack/forms.hpp), the more specific kind first (师资库统计表 holds 统计表). Any other document
// of the unit is the unit's to give, under `documents:`.
inline constexpr std::array<std::string_view, 5> generated_forms = {"师资库统计表", "汇总表",
                                                                    "报名表", "统计表", "授课记录"};

// Whether pack makes the form of this document kind itself (one of generated_forms).
bool is_generated_form(std::string_view kind);

// The key of a work's `files:` that holds its document of `kind` (解说词 → script, 课件 →
// courseware), or "" when no key does.
std::string work_file_key(std::string_view kind);

// The lectures the 统计表 and the 授课记录 list: `lectures:`, else one per work (each a
// recorded lesson, its summary the content when `content` is not given), each with the place it
// starts in the file.
std::vector<Lecture> lectures_of(const Manifest& m);

// Whether `path` is `root` or below it; both absolute and normal ('/'-separated parts).
bool is_within(const std::string& path, const std::string& root);

// Parses and validates works.yaml text. Throws ManifestError with every problem, each at
// FILE:LINE:COL in `bound.lang`: a YAML
// error, an unknown key (with a suggestion), a wrong type, a date that is not YYYY-MM-DD (a
// birth month not YYYY-MM, a gender not 男/女), an unknown category (with a
// suggestion), a `documents:` key that is no per-unit document of the rule set (with a
// suggestion; a work's own, like 课件, named with its files key), a document given twice or
// with an extension its rule does not take, a title no file system takes, two works with the same
// title, an absolute source path, a source that (links resolved) leaves `bound.root`, a source file
// that does not exist, or a pair given half.
Manifest parse_manifest(std::string_view yaml, std::string_view file_name,
                        const std::string& base_dir, const rules::RuleSet& rules,
                        const FileExists& exists, const SourceBound& bound = {});

// Reads and parses the file at `path` (its folder is the base for relative paths). Every
// source must lie, links resolved, inside the folder `root` (SRC; "" = the manifest's folder).
Manifest load_manifest(const std::string& path, const rules::RuleSet& rules,
                       const std::string& root = "", Lang lang = Lang::zh);

// works.yaml `text` after fix renamed the file `old_name` to `new_name` (fix --in-place): the
// name replaced where a value holds it (a path ending in it, quoted or not; never inside a
// longer name), and, when it was, each trailing `# TODO` comment that names the old file
// dropped — init's "the file name 'DSC_0012.MOV' is not 作品名-分类-报送单位", false once the
// file bears such a name. Every other comment is left as it was. `text` unchanged when no
// value names the file.
std::string rename_in_manifest(std::string_view text, const std::string& old_name,
                               const std::string& new_name);

} // namespace mpcheck::manifest
