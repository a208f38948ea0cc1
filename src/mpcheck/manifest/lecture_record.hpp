#pragma once
// The 授课记录 (the branch plan's written record of each lesson) that pack fills in from
// works.yaml: which of its cells each lecture leaves empty, and whether the notice asks for
// that cell. Pure: it reads a parsed Manifest and the rule set.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/manifest/works.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/rules/ruleset.hpp"

namespace mpcheck::manifest {

// A cell of the 授课记录 and the works.yaml key that fills it.
struct RecordField {
  std::string_view key;   // "speaker"
  std::string_view label; // the form's own words: "授课人"
  std::string_view en;    // "speaker"
  std::string_view what;  // what to write, for the Chinese message: "授课人姓名"
  std::string_view what_en;
};

// The cells in the form's order: 授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况.
extern const std::array<RecordField, 6> record_fields;

// Whether pack generates a 授课记录 for `rules`: the notice asks that each lesson be recorded
// (the manual item manual.lesson-record).
bool wants_lecture_record(const rules::RuleSet& rules);

// Whether the notice names `field` among what the record must hold (its words are in the
// sentence manual.lesson-record quotes).
bool record_requires(const rules::RuleSet& rules, const RecordField& field);

// A cell of the 授课记录 that one lecture leaves empty.
struct RecordGap {
  int line = 0, column = 0; // the lecture's (or the work's) place in works.yaml
  std::string title;        // the lecture's theme or the work's title ("" when none)
  bool from_work = false;   // a work of `works:`, the manifest having no `lectures:`
  const RecordField* field = nullptr;
  bool required = false; // record_requires
};

// The empty cells of the 授课记录 pack fills from `m`, in file order: each lecture of
// `lectures:`, else each work (its summary standing for content). Empty when `rules` asks no
// 授课记录.
std::vector<RecordGap> record_gaps(const Manifest& m, const rules::RuleSet& rules);

// What to tell the clerk about `gap` of the manifest `file`: FILE:LINE:COL, which form, which
// cell, which lecture, and the key to write there.
rules::RuleError gap_error(const RecordGap& gap, const std::string& file, Lang lang);

} // namespace mpcheck::manifest
