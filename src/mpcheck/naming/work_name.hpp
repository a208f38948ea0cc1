#pragma once
// The campaign naming pattern 作品名-分类-报送单位[（有字幕）].ext and the names of the forms and
// texts in the 表格/文本 folders (报名表-单位.docx, 作品名-解说词-单位.docx). Pure: no disk access.
// Every name is NFC-normalised before it is looked at; returned fields are NFC. See
// docs/naming.md for the decisions behind the rules.

#include <string>
#include <string_view>
#include <vector>

namespace mpcheck::naming {

// Which version of a work a file is, when the rule set asks for a subtitled/clean pair.
enum class Variant {
  none,      // no variant suffix
  subtitled, // 有字幕
  clean      // 无字幕
};

// The parts of a work's file name.
struct WorkName {
  std::string title;    // 作品名; may itself contain '-'
  std::string category; // 分类; the rule set's spelling when it matched a known category
  std::string unit;     // 报送单位
  Variant variant = Variant::none;
  std::string variant_text; // the suffix as written, with its connector: "（有字幕）", "_无字幕"
  std::string extension; // with the dot, as written: ".mp4", ".MP4"; "" when absent
  friend bool operator==(const WorkName&, const WorkName&) = default;
};

// The outcome of parse_work_name. `problem` is a stable code, "" when ok:
//   "separator"        the parts are separated by a look-alike of '-' (full-width '－', '—',
//                      '–', '_', …); `separator` holds it and `name` the parts it separates
//   "parts"            fewer than 3 parts; name.title holds the whole stem
//   "empty-part"       a part is empty or blank ("作品--单位.mp4", "-微视频-单位.mp4")
//   "unknown-category" parsed, but the category is not in the list; `name` is filled
//   "no-extension"     no ".ext" (ASCII letters and digits) at the end; `name` is filled
// When several apply, the first in this order is reported.
struct ParseResult {
  bool ok = false;
  WorkName name;
  std::string problem;
  std::string separator;       // the look-alike separator found, when problem == "separator"
  bool known_category = false; // the category part is in the list (any, when it is empty)
};

// True when a name says which work it is, so that rename, pack and init may act on it: parsed
// with a known category, its separators maybe look-alikes. "VID_20240801_123456.mp4" splits
// at '_' into three parts, but "20240801" is no category: not understood, left alone.
bool understood(const ParseResult& result);

// Parses `file_name` (one name, not a path) as 作品名-分类-报送单位[variant].ext.
// The separator is ASCII '-'. The category and the unit are the last two parts, so a title may
// contain '-'; when `categories` is not empty, the rightmost part that is a known category is
// the category (everything after it is the unit), and a category written without its quotation
// marks (党课开讲啦视频 for “党课开讲啦”视频) or in another letter case still matches and is
// returned in the list's spelling. `categories` empty: any category is accepted.
// Variant suffixes are recognised at the end of the stem (and, bracketed, at the end of the
// title): （有字幕） (有字幕) 【有字幕】 [有字幕] -有字幕 _有字幕 有字幕版 字幕版 → subtitled;
// the same with 无字幕 / 无字幕版, and 纯净版 → clean; a space may precede them.
ParseResult parse_work_name(std::string_view file_name, const std::vector<std::string>& categories);

// Words a rule set adds to the built-in ones above (its variants' `accept` lists and the words
// inside their `suffix`: "中文字幕" for "（中文字幕）"), recognised in the same positions.
struct VariantWords {
  std::vector<std::string> subtitled, clean;
};
ParseResult parse_work_name(std::string_view file_name, const std::vector<std::string>& categories,
                            const VariantWords& extra);

// The canonical name: 作品名-分类-报送单位（有字幕）.ext — '-' separators, the variant as
// （有字幕）/（无字幕） whatever variant_text says, and the extension as stored (a missing
// leading dot is added). Does not sanitise: see sanitize_title. For a name whose fields are
// NFC, non-empty and trimmed, with a known category, a canonical variant_text, a unit that
// does not end in '_' or '－' (they would join the variant suffix) and no variant word at the
// end of the unit when the variant is none, parse_work_name(format_work_name(n)).name == n.
std::string format_work_name(const WorkName& name);
// The same with `suffix` for the version instead of the built-in one (a rule set's
// variants.subtitled.suffix, e.g. "（中文字幕）"); nothing when the variant is none.
std::string format_work_name(const WorkName& name, std::string_view suffix);

// The canonical suffix for a variant: "（有字幕）", "（无字幕）", or "" for none.
std::string variant_suffix(Variant variant);

// An episode mark taken off the end of a name's stem, unit or title.
struct EpisodeMark {
  std::string rest; // the text before the mark, without a connector ('-', '_', space) that led in
  int number = 0;   // the episode; 0 when there is no mark (then `rest` is the whole text)
  friend bool operator==(const EpisodeMark&, const EpisodeMark&) = default;
};

// The episode mark at the end of `text`: the rule set's `pattern` ("（第{n}集）", where {n} is
// the number), or the spellings people use: 第N集 / 第N期 bare, in （）()【】[] (mismatched
// pairs too), after an optional '-', '_' or space; N in ASCII or full-width digits or Chinese
// numerals up to 九十九 (第十二集). A mark with nothing before it is no mark ("第1集" is a
// title), nor is episode 0. Pure: "作品-纪录片-单位（第2集）" → {"作品-纪录片-单位", 2}.
EpisodeMark take_episode_mark(std::string_view text, std::string_view pattern);

// `pattern` with {n} replaced by `number`: ("（第{n}集）", 2) → "（第2集）".
std::string episode_suffix(std::string_view pattern, int number);

// The parts of a form's or a text's file name.
struct DocumentName {
  std::string doc_type; // "报名表", "汇总表", "解说词", "创意说明", "课件", or "" (not one)
  std::string title;     // the work's title; "" for 报名表-单位.docx / 汇总表-单位.docx
  std::string unit;      // 报送单位
  std::string extension; // with the dot, as written
  std::string problem;   // "" when ok; else "parts", "separator", "empty-part", "unknown-type",
                         // "no-extension" (same meanings as for ParseResult)
  std::string separator; // the look-alike separator found, when problem == "separator"
  friend bool operator==(const DocumentName&, const DocumentName&) = default;
};

// Parses 类型-单位.ext or 作品名-类型-单位.ext where 类型 is one of the document types above,
// optionally followed by a bracketed qualifier (报名表（一）, 报名表(二)). The rightmost
// document-type part is the type; what precedes it is the title, what follows it the unit.
DocumentName parse_document_name(std::string_view file_name);

} // namespace mpcheck::naming
